// The entry evaluation of an application, per targeted authority and criterion, as the API computes
// it (EnrolmentTrack.entryEvaluation): what is met, what is not, and which of the unmet criteria are
// mandatory — those are marked, in words and colour, because an authority admitting over them has
// to justify it in writing.
import { Badge, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type {
  ApplicationEntryResultFragment,
  ApplicationEvaluationFragment,
  CriterionOutcome,
} from '../../gql/graphql';
import { OutcomeBadge } from '../my-enrolments/words';

export interface EvaluatedTrack {
  authority: { id: string; acronym: string; name: string };
  entryEvaluation: ApplicationEvaluationFragment[];
}

/** Outcomes that leave a criterion not met (NOT_APPLICABLE and WITHHELD are neither). */
const NOT_MET: CriterionOutcome[] = ['UNMET', 'INSUFFICIENT_EVIDENCE', 'NOT_SUBMITTED'];
export const isMandatoryUnmet = (e: ApplicationEvaluationFragment) => e.mandatory && NOT_MET.includes(e.outcome);

export function mandatoryUnmet(tracks: EvaluatedTrack[]): number {
  return tracks.reduce((n, t) => n + t.entryEvaluation.filter(isMandatoryUnmet).length, 0);
}

export function EntryEvaluation({
  tracks,
  entryResults,
  headingLevel = 3,
}: {
  tracks: EvaluatedTrack[];
  entryResults: ApplicationEntryResultFragment[];
  headingLevel?: 3 | 4;
}) {
  const detail = new Map(entryResults.map((r) => [r.criterion.id, r.detail]));
  return (
    <Stack gap="md">
      {tracks.map((track) => {
        const evaluation = track.entryEvaluation;
        const met = evaluation.filter((e) => e.outcome === 'MET').length;
        const applicable = evaluation.filter((e) => e.outcome !== 'NOT_APPLICABLE').length;
        const blocking = evaluation.filter(isMandatoryUnmet).length;
        const optionalUnmet = evaluation.filter((e) => !e.mandatory && NOT_MET.includes(e.outcome)).length;
        const id = `evaluation-${track.authority.id}`;
        return (
          <Paper key={track.authority.id} withBorder p="md" component="section" aria-labelledby={id}>
            <Group justify="space-between" mb="xs" wrap="wrap">
              <Title order={headingLevel} size="h4" id={id}>
                {track.authority.acronym}: {met} of {applicable} met
              </Title>
              <Group gap="xs">
                {blocking > 0 ? (
                  <Badge color="red" variant="light" leftSection={<IconAlertTriangle size={12} aria-hidden />}>
                    {blocking} mandatory {blocking === 1 ? 'criterion' : 'criteria'} not met
                  </Badge>
                ) : (
                  <Badge color="green" variant="light">
                    Every mandatory criterion met
                  </Badge>
                )}
                {optionalUnmet > 0 && (
                  <Badge color="gray" variant="light">
                    {optionalUnmet} optional not met
                  </Badge>
                )}
              </Group>
            </Group>
            {evaluation.length === 0 ? (
              <Text size="sm" c="dimmed">
                {track.authority.name} attached no entry criterion.
              </Text>
            ) : (
              <Table.ScrollContainer minWidth={640}>
                <Table verticalSpacing={6}>
                  <Table.Caption>{track.authority.name}: each entry criterion as the application stands</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th miw={240}>Criterion</Table.Th>
                      <Table.Th>Mandatory</Table.Th>
                      <Table.Th miw={150}>Outcome</Table.Th>
                      <Table.Th>Detail</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {evaluation.map((e) => {
                      const attention = isMandatoryUnmet(e);
                      return (
                        <Table.Tr
                          key={e.criterion.id}
                          bg={attention ? 'var(--mantine-color-red-light)' : undefined}
                          data-mandatory-unmet={attention || undefined}
                        >
                          <Table.Td>
                            <Text size="sm" fw={500}>
                              {e.criterion.title}
                            </Text>
                            <Text size="xs" c="dimmed">
                              {e.criterion.key}
                            </Text>
                          </Table.Td>
                          <Table.Td>
                            <Text size="sm">{e.mandatory ? 'Mandatory' : 'Optional'}</Text>
                          </Table.Td>
                          <Table.Td>
                            <Stack gap={2} align="flex-start">
                              <OutcomeBadge outcome={e.outcome} />
                              {attention && (
                                <Text size="xs" fw={700} c="red.9">
                                  Mandatory, not met
                                </Text>
                              )}
                              {e.metBy === 'RECOGNISED_RESULT' && (
                                <Text size="xs">Met by a result recognised through an agreement</Text>
                              )}
                            </Stack>
                          </Table.Td>
                          <Table.Td>
                            <Text size="xs">
                              {detail.get(e.criterion.id) ??
                                (e.outcome === 'NOT_SUBMITTED' ? 'Nothing supplied yet' : '')}
                            </Text>
                          </Table.Td>
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Paper>
        );
      })}
    </Stack>
  );
}
