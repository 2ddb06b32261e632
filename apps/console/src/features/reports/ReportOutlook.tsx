// The preview's outlook: each testing track's TESTING and EXIT criteria, now and with the report
// submitted, as the server computed them (previewTestReport's `tracks`).
import { Badge, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import type { PreviewTestReportQuery } from '../../gql/graphql';
import { CRITERION_OUTCOMES, MET_BY, STAGES } from './words';

type TrackPreview = PreviewTestReportQuery['previewTestReport']['tracks'][number];

export function ReportOutlook({ tracks, updating }: { tracks: TrackPreview[]; updating: boolean }) {
  if (!tracks.length) return <Text size="sm">No track is in testing: the report would change no criterion.</Text>;
  return (
    <Stack gap="lg">
      {updating && (
        <Group gap="xs">
          <Loader size="xs" aria-hidden />
          <Text size="sm" c="dimmed">
            Updating with what you typed…
          </Text>
        </Group>
      )}
      {tracks.map((track) => {
        const name = `${track.authority.acronym} · ${STAGES[track.stage]} criteria`;
        const metNow = track.criteria.filter((c) => c.current === 'MET').length;
        const metAfter = track.criteria.filter((c) => c.outcome === 'MET').length;
        const changed = track.criteria.filter((c) => c.current !== c.outcome).length;
        return (
          <Stack key={`${track.authority.id}-${track.stage}`} gap="xs">
            <Title order={3} size="h5">
              {name}
            </Title>
            <Text size="sm">
              Met: {metNow} of {track.criteria.length} now, {metAfter} with this report
              {changed ? ` (${changed} ${changed === 1 ? 'criterion changes' : 'criteria change'})` : ' (no change)'}.
            </Text>
            <Table.ScrollContainer minWidth={640}>
              <Table verticalSpacing={6} fz="sm" aria-label={`${name} with this report`}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Criterion</Table.Th>
                    <Table.Th>Mandatory</Table.Th>
                    <Table.Th>Now</Table.Th>
                    <Table.Th>With this report</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {track.criteria.map((c) => {
                    const changes = c.current !== c.outcome;
                    return (
                      <Table.Tr key={c.criterion.id} fw={changes ? 600 : undefined}>
                        <Table.Td>{c.criterion.title}</Table.Td>
                        <Table.Td>{c.mandatory ? 'Yes' : 'No'}</Table.Td>
                        <Table.Td>
                          <Badge size="sm" variant="light" color={CRITERION_OUTCOMES[c.current].color}>
                            {CRITERION_OUTCOMES[c.current].label}
                          </Badge>
                        </Table.Td>
                        <Table.Td>
                          <Group gap={6} wrap="nowrap">
                            {changes && (
                              <>
                                <IconArrowRight size={14} aria-hidden />
                                <span className="visually-hidden">changes to</span>
                              </>
                            )}
                            <Badge size="sm" variant="light" color={CRITERION_OUTCOMES[c.outcome].color}>
                              {CRITERION_OUTCOMES[c.outcome].label}
                            </Badge>
                            {c.outcome === 'MET' && c.metBy && (
                              <Text size="xs" c="dimmed">
                                {c.position !== null && c.position !== undefined ? 'by this report' : MET_BY[c.metBy]}
                              </Text>
                            )}
                          </Group>
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Stack>
        );
      })}
    </Stack>
  );
}
