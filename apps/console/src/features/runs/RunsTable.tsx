// A list page's table of simulation runs, for both kinds of run: the feature's own columns around the
// shared ones — each run's name (a link to its page), when it started, its live progress, its actions.
import { Anchor, Table } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** A column the feature adds: its header and each run's cell. */
export interface RunColumn<Run> {
  header: string;
  cell: (run: Run) => ReactNode;
}

export function RunsTable<Run extends { id: string; name: string; createdAt: string }>({
  label,
  runs,
  first = [],
  details,
  page,
  progress,
  actions,
}: {
  label: string;
  runs: Run[];
  /** Columns before the name. */
  first?: RunColumn<Run>[];
  /** Columns between the name and when it started. */
  details: RunColumn<Run>[];
  /** The run's page. */
  page: (run: Run) => string;
  progress: (run: Run) => ReactNode;
  actions: (run: Run) => ReactNode;
}) {
  return (
    <Table.ScrollContainer minWidth={700}>
      <Table striped aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            {first.map((column) => (
              <Table.Th key={column.header} scope="col">
                {column.header}
              </Table.Th>
            ))}
            <Table.Th scope="col">Name</Table.Th>
            {details.map((column) => (
              <Table.Th key={column.header} scope="col">
                {column.header}
              </Table.Th>
            ))}
            <Table.Th scope="col">Started</Table.Th>
            <Table.Th scope="col">Progress</Table.Th>
            <Table.Th scope="col">Actions</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {runs.map((run) => (
            <Table.Tr key={run.id}>
              {first.map((column) => (
                <Table.Td key={column.header}>{column.cell(run)}</Table.Td>
              ))}
              <Table.Td>
                <Anchor component={Link} to={page(run)}>
                  {run.name}
                </Anchor>
              </Table.Td>
              {details.map((column) => (
                <Table.Td key={column.header}>{column.cell(run)}</Table.Td>
              ))}
              <Table.Td>{new Date(run.createdAt).toLocaleString('en-GB')}</Table.Td>
              <Table.Td>{progress(run)}</Table.Td>
              <Table.Td>{actions(run)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
