// Markdown as the API writes it (the exit report), rendered with react-markdown inside Mantine's
// Typography. The report's tables are GitHub-flavoured: remark-gfm reads them, and they are drawn
// as Mantine tables. Raw HTML in the text is not rendered (react-markdown's default).
import { Table, Typography } from '@mantine/core';
import type { ComponentProps, JSX } from 'react';
import ReactMarkdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';

/** react-markdown hands every element its hast `node`; Mantine's components don't take it. */
type Props<T extends keyof JSX.IntrinsicElements> = ComponentProps<T> & { node?: unknown };

const COMPONENTS: Components = {
  // The page has its own <h1>: the text's headings go one level down.
  h1: 'h2',
  h2: 'h3',
  h3: 'h4',
  h4: 'h5',
  h5: 'h6',
  table: ({ node: _node, children }: Props<'table'>) => (
    <Table.ScrollContainer minWidth={640} mb="md">
      <Table withTableBorder striped verticalSpacing="xs">
        {children}
      </Table>
    </Table.ScrollContainer>
  ),
  thead: ({ node: _node, children }: Props<'thead'>) => <Table.Thead>{children}</Table.Thead>,
  tbody: ({ node: _node, children }: Props<'tbody'>) => <Table.Tbody>{children}</Table.Tbody>,
  tr: ({ node: _node, children }: Props<'tr'>) => <Table.Tr>{children}</Table.Tr>,
  th: ({ node: _node, children, style }: Props<'th'>) => <Table.Th style={style}>{children}</Table.Th>,
  td: ({ node: _node, children, style }: Props<'td'>) => <Table.Td style={style}>{children}</Table.Td>,
};

export function Markdown({ children }: { children: string }) {
  return (
    <Typography>
      <ReactMarkdown remarkPlugins={[remarkGfm]} components={COMPONENTS}>
        {children}
      </ReactMarkdown>
    </Typography>
  );
}
