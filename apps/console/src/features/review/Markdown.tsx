// Markdown as the API writes it (the exit report), rendered with react-markdown inside Mantine's
// Typography. The report's tables are GitHub-flavoured, which react-markdown reads only with the
// remark-gfm plugin (not a dependency): its table blocks — a header row, a |---| row, body rows —
// are taken out here and drawn as Mantine tables, each cell's inline Markdown (code, emphasis)
// still rendered by react-markdown. Raw HTML in the text is not rendered (react-markdown's default).
import { Table, Typography } from '@mantine/core';
import ReactMarkdown from 'react-markdown';

type Block = { kind: 'markdown'; text: string } | { kind: 'table'; header: string[]; rows: string[][] };

const DELIMITER = /^\|(\s*:?-{3,}:?\s*\|)+\s*$/;

/** A table row's cells: split at pipes not escaped with a backslash, `\|` kept as a pipe. */
const cells = (line: string): string[] =>
  line
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '')
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim().replace(/\\\|/g, '|'));

/** The text split into Markdown blocks and GFM tables. */
export function markdownBlocks(text: string): Block[] {
  const lines = text.split('\n');
  const blocks: Block[] = [];
  let prose: string[] = [];
  const flush = () => {
    if (prose.join('').trim()) blocks.push({ kind: 'markdown', text: prose.join('\n') });
    prose = [];
  };
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim().startsWith('|') && DELIMITER.test(lines[i + 1]?.trim() ?? '')) {
      flush();
      const header = cells(lines[i]);
      const rows: string[][] = [];
      i += 2;
      while (i < lines.length && lines[i].trim().startsWith('|')) rows.push(cells(lines[i++]));
      i--;
      blocks.push({ kind: 'table', header, rows });
    } else prose.push(lines[i]);
  }
  flush();
  return blocks;
}

/** One cell's inline Markdown, without the paragraph react-markdown would wrap it in. */
const Inline = ({ text }: { text: string }) => (
  <ReactMarkdown allowedElements={['code', 'em', 'strong', 'a']} unwrapDisallowed>
    {text}
  </ReactMarkdown>
);

/** The page has its own <h1>: the text's headings go one level down. */
const SHIFTED = { h1: 'h2', h2: 'h3', h3: 'h4', h4: 'h5', h5: 'h6' } as const;

export function Markdown({ children }: { children: string }) {
  return (
    <Typography>
      {markdownBlocks(children).map((block, index) =>
        block.kind === 'markdown' ? (
          <ReactMarkdown key={index} components={SHIFTED}>
            {block.text}
          </ReactMarkdown>
        ) : (
          <Table.ScrollContainer key={index} minWidth={640} mb="md">
            <Table withTableBorder striped verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  {block.header.map((cell, c) => (
                    <Table.Th key={c}>
                      <Inline text={cell} />
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {block.rows.map((row, r) => (
                  <Table.Tr key={r}>
                    {row.map((cell, c) => (
                      <Table.Td key={c}>
                        <Inline text={cell} />
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ),
      )}
    </Typography>
  );
}
