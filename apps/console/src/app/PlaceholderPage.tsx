// A page named in app/sections.tsx whose module does not exist yet.
import { Text } from '@mantine/core';
import { PageHeader } from '../ui/PageHeader';

export function PlaceholderPage({ title, summary }: { title: string; summary: string }) {
  return (
    <>
      <PageHeader title={title} description={summary} />
      <Text>This page is not built yet.</Text>
    </>
  );
}
