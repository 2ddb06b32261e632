// The engine's checks as a table (check, expected, found, passed), with the ids in them named, and the
// results it considered for a criterion, each with its checks: the passport's drill-down and the
// recognition explorer show them alike.
import { Badge, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconCheck, IconX } from '@tabler/icons-react';
import type { RecognitionCheckFragment } from '../../gql/graphql';
import { CHECKS, humanise, type Names } from './words';

export function Checks({
  checks,
  names,
  caption,
}: {
  checks: RecognitionCheckFragment[];
  names: Names;
  caption: string;
}) {
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing={4} fz="sm" withTableBorder>
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Check</Table.Th>
            <Table.Th>Expected</Table.Th>
            <Table.Th>Found</Table.Th>
            <Table.Th>Passed</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {checks.map((check, index) => (
            <Table.Tr key={`${check.name}-${index}`}>
              <Table.Td>{CHECKS[check.name] ?? check.name}</Table.Td>
              <Table.Td>{humanise(check.expected, names)}</Table.Td>
              <Table.Td>{humanise(check.actual, names)}</Table.Td>
              <Table.Td>
                {check.passed ? (
                  <Group gap={4} wrap="nowrap" c="var(--mantine-color-green-light-color)">
                    <IconCheck size={14} aria-hidden />
                    <Text size="sm">Yes</Text>
                  </Group>
                ) : (
                  <Group gap={4} wrap="nowrap" c="var(--mantine-color-red-light-color)">
                    <IconX size={14} aria-hidden />
                    <Text size="sm">No</Text>
                  </Group>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** A result the engine considered, as the page names it; `reasons` why it counts or not, when given. */
export interface ConsideredResult {
  result: string;
  label: string;
  chosen: boolean;
  reasons?: string[];
  checks: RecognitionCheckFragment[];
  caption: string;
}

export function ConsideredResults({ candidates, names }: { candidates: ConsideredResult[]; names: Names }) {
  return (
    <Stack gap="sm">
      <Title order={3} size="h5">
        Results considered ({candidates.length})
      </Title>
      {candidates.map((candidate) => (
        <Paper key={candidate.result} withBorder p="sm" radius="sm">
          <Stack gap="xs">
            <Group gap="xs">
              <Text size="sm" fw={500}>
                {candidate.label}
              </Text>
              {candidate.chosen && (
                <Badge size="sm" variant="light" color="teal">
                  Chosen
                </Badge>
              )}
            </Group>
            {candidate.reasons && (
              <List size="sm" spacing={2}>
                {candidate.reasons.map((reason) => (
                  <List.Item key={reason}>{reason}</List.Item>
                ))}
              </List>
            )}
            <Checks checks={candidate.checks} names={names} caption={candidate.caption} />
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
