// The engine's checks as a table (check, expected, found, passed), with the ids in them named: the
// passport's drill-down and the recognition explorer show them alike.
import { Group, Table, Text } from '@mantine/core';
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
