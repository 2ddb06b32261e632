// The text alternative of a chart: its figures as a table (shown, or behind "Show the figures"), and
// the same rows as CSV and JSON downloads — what is shown is what is downloaded.
import { Button, Collapse, Group, Table } from '@mantine/core';
import { IconDownload, IconTable } from '@tabler/icons-react';
import { useId, useState } from 'react';
import { downloadText, slug } from '../exit-documents/files';
import { toCsv } from './result';

export interface FigureColumn {
  key: string;
  label: string;
  /** Right-aligned (a number). */
  numeric?: boolean;
}

export function Figures({
  caption,
  columns,
  rows,
  file,
  hidden = false,
}: {
  caption: string;
  columns: FigureColumn[];
  /** The figures as shown (already in words: "12,000", "42.9 %", "suppressed"). */
  rows: Record<string, string>[];
  /** The downloads' name, without extension. */
  file: string;
  /** Behind a "Show the figures" toggle. */
  hidden?: boolean;
}) {
  const [open, setOpen] = useState(!hidden);
  const tableId = useId();
  const named = rows.map((row) => Object.fromEntries(columns.map((c) => [c.label, row[c.key] ?? ''])));
  return (
    <>
      <Group gap="xs">
        {hidden && (
          <Button
            variant="subtle"
            size="xs"
            leftSection={<IconTable size={14} />}
            aria-expanded={open}
            aria-controls={tableId}
            aria-label={`${open ? 'Hide' : 'Show'} the figures: ${caption}`}
            onClick={() => setOpen((o) => !o)}
          >
            {open ? 'Hide the figures' : 'Show the figures'}
          </Button>
        )}
        <Button
          variant="subtle"
          size="xs"
          leftSection={<IconDownload size={14} />}
          onClick={() => downloadText(toCsv(named), `${slug(file)}.csv`, 'text/csv')}
          aria-label={`Download as CSV: ${caption}`}
        >
          CSV
        </Button>
        <Button
          variant="subtle"
          size="xs"
          leftSection={<IconDownload size={14} />}
          onClick={() => downloadText(`${JSON.stringify(named, null, 2)}\n`, `${slug(file)}.json`, 'application/json')}
          aria-label={`Download as JSON: ${caption}`}
        >
          JSON
        </Button>
      </Group>
      <Collapse expanded={open} id={tableId}>
        {/* Drawn once asked for: a hidden table of a 20 × 20 matrix's pairs would delay the charts. A
            region that scrolls sideways takes the focus, so the keyboard can scroll it. */}
        {open && (
          <div role="region" aria-label={caption} tabIndex={0} style={{ overflowX: 'auto' }}>
            <Table striped withTableBorder aria-label={caption}>
              <Table.Thead>
                <Table.Tr>
                  {columns.map((c) => (
                    <Table.Th key={c.key} ta={c.numeric ? 'right' : undefined} scope="col">
                      {c.label}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((row, i) => (
                  <Table.Tr key={i}>
                    {columns.map((c) => (
                      <Table.Td key={c.key} ta={c.numeric ? 'right' : undefined}>
                        {row[c.key]}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        )}
      </Collapse>
    </>
  );
}
