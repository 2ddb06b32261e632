// One stage of a track evaluated criterion by criterion (EnrolmentTrack.entryEvaluation / evaluation):
// the outcome, whether the criterion is mandatory, what made it met, and for entry the applicant's
// own result. Unmet mandatory entry criteria are marked: admitting over them needs a justification.
import { Badge, Group, Table, Text } from '@mantine/core';
import type { EvaluatedCriterionFragment } from '../../gql/graphql';
import { EvidenceLink, type LinkedEvidence } from '../evidence/EvidenceLink';
import { OutcomeBadge } from './badges';
import { isMetForEntry } from './words';

export interface ResultDetail {
  id: string;
  detail: string;
  /** The file of the evidence library the result names, to open or download. */
  evidence?: LinkedEvidence | null;
}

export function EvaluationTable({
  caption,
  rows,
  results = [],
  markUnmetMandatory = false,
}: {
  caption: string;
  rows: EvaluatedCriterionFragment[];
  /** Results by id (the entry results, a report's results): their detail is shown beside the outcome. */
  results?: ResultDetail[];
  /** Entry: mark the mandatory criteria not met. */
  markUnmetMandatory?: boolean;
}) {
  if (rows.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {caption}: no criteria attached.
      </Text>
    );
  const detail = new Map(results.map((r) => [r.id, r.detail]));
  const evidence = new Map(results.map((r) => [r.id, r.evidence]));
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="xs" striped captionSide="top">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Criterion</Table.Th>
            <Table.Th>Mandatory</Table.Th>
            <Table.Th miw={190}>Outcome</Table.Th>
            <Table.Th>Detail</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => {
            const blocking = markUnmetMandatory && row.mandatory && !isMetForEntry(row.outcome);
            return (
              <Table.Tr key={row.criterion.id}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {row.criterion.title}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {row.criterion.key} · v{row.criterion.version}
                  </Text>
                </Table.Td>
                <Table.Td>{row.mandatory ? 'Yes' : 'No'}</Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <OutcomeBadge outcome={row.outcome} />
                    {blocking && (
                      <Badge variant="outline" color="red.9">
                        Needs justification
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {row.metBy === 'RECOGNISED_RESULT' && row.recognition
                      ? `Recognised: tested in ${row.recognition.testedIn}${row.recognition.divergent ? ' (divergent)' : ''}`
                      : row.resultId
                        ? (detail.get(row.resultId) ?? '')
                        : ''}
                    {row.metBy !== 'RECOGNISED_RESULT' && row.recognition
                      ? ` ${row.recognition.outcome === 'RECOGNISED_WITH_CONDITIONS' ? 'Recognised with conditions' : 'Also recognised'} from ${row.recognition.testedIn}.`
                      : ''}
                  </Text>
                  {row.metBy !== 'RECOGNISED_RESULT' && row.resultId && evidence.get(row.resultId) && (
                    <EvidenceLink evidence={evidence.get(row.resultId)!} compact />
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
