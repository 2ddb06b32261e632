// Terms and their values (a <dl>, Mantine's DataList), e.g. what a report is, or an application.
import { DataList } from '@mantine/core';
import type { ReactNode } from 'react';

export function FactList({ facts, labelWidth = 150 }: { facts: [string, ReactNode][]; labelWidth?: number }) {
  return (
    <DataList size="sm" gap={6} labelWidth={labelWidth}>
      {facts.map(([term, value]) => (
        <DataList.Item key={term}>
          <DataList.ItemLabel fw={600}>{term}</DataList.ItemLabel>
          <DataList.ItemValue>{value}</DataList.ItemValue>
        </DataList.Item>
      ))}
    </DataList>
  );
}
