// The versions of a sandbox plan: each admitting authority's decision on one version (approved, changes
// requested with its reasons, or still awaited), every version in a table, and the three views an
// enrolment page shows — one version in full, two compared, the history.
import { Badge, Select, Stack, Table, Tabs, Text, type TitleOrder } from '@mantine/core';
import { useState } from 'react';
import { when } from '../review/words';
import type { Plan } from './plan-fields';
import { PlanCompare } from './PlanDiff';
import { PlanStatusBadge, PlanView } from './PlanView';
import { DECISIONS, PLAN_STATUS } from './words';

/** Each authority's decision on `plan`, and the authorities whose approval it still awaits. */
export function PlanApprovals({ plan }: { plan: Plan }) {
  if (plan.approvals.length === 0 && plan.awaitingApprovalFrom.length === 0)
    return <Text size="sm">No authority has decided on version {plan.version}.</Text>;
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing={6} withTableBorder>
        <Table.Caption>The authorities’ decisions on version {plan.version}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={160}>Authority</Table.Th>
            <Table.Th w={190}>Decision</Table.Th>
            <Table.Th>Reasons</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {plan.approvals.map((a) => (
            <Table.Tr key={a.authority.id}>
              <Table.Td>{a.authority.acronym}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={DECISIONS[a.decision].color}>
                  {DECISIONS[a.decision].label}
                </Badge>
                <Text size="xs" c="dimmed">
                  {when(a.decidedAt)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {a.reasons ?? '—'}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
          {plan.awaitingApprovalFrom.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td>{a.acronym}</Table.Td>
              <Table.Td>
                <Text size="sm" fs="italic">
                  Awaiting its decision
                </Text>
              </Table.Td>
              <Table.Td>—</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** What a version is in one line: "Version 3, proposed 6 Dec 2026: an extension of version 2." */
export function versionSummary(plan: Plan): string {
  const parts = [`Version ${plan.version}`, PLAN_STATUS[plan.status].label.toLowerCase()];
  if (plan.inForce) parts.push('in force');
  const kind = plan.extension
    ? `an extension of version ${plan.amends}`
    : plan.amends
      ? `an amendment of version ${plan.amends}`
      : null;
  return `${parts.join(', ')}${kind ? `: ${kind}` : ''}`;
}

export function PlanHistory({ versions }: { versions: readonly Plan[] }) {
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table verticalSpacing={6} striped>
        <Table.Caption>Every version of the sandbox plan, newest first</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Version</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Amends</Table.Th>
            <Table.Th>Proposed</Table.Th>
            <Table.Th>Decided</Table.Th>
            <Table.Th>Why proposed</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {versions.map((v) => (
            <Table.Tr key={v.id}>
              <Table.Td>{v.version}</Table.Td>
              <Table.Td>
                <PlanStatusBadge status={v.status} />
                {v.inForce && (
                  <Text size="xs" fw={700}>
                    In force
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {v.amends ? `Version ${v.amends}` : '—'}
                {v.extension ? ' (extension)' : ''}
              </Table.Td>
              <Table.Td>{when(v.proposedAt)}</Table.Td>
              <Table.Td>{when(v.decidedAt)}</Table.Td>
              <Table.Td>
                <Text size="sm">{v.reasons ?? '—'}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** A version in full (chosen), two versions compared, the history: tabs under a plan's summary. */
export function PlanVersionsTabs({
  versions,
  headingOrder = 3,
  initialTab = 'version',
}: {
  versions: readonly Plan[];
  headingOrder?: TitleOrder;
  initialTab?: 'version' | 'compare' | 'history';
}) {
  const [tab, setTab] = useState<string | null>(initialTab);
  const [shown, setShown] = useState<string | null>(null);
  const plan = versions.find((v) => String(v.version) === shown) ?? versions[0];
  if (!plan) return null;
  return (
    <Tabs value={tab} onChange={setTab} keepMounted={false} variant="outline">
      <Tabs.List>
        <Tabs.Tab value="version">The plan</Tabs.Tab>
        <Tabs.Tab value="compare">Compare versions</Tabs.Tab>
        <Tabs.Tab value="history">History ({versions.length})</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="version" pt="md">
        <Stack gap="md">
          <Select
            label="Version shown"
            data={versions.map((v) => ({ value: String(v.version), label: versionSummary(v) }))}
            value={String(plan.version)}
            onChange={setShown}
            allowDeselect={false}
            maw={520}
          />
          <PlanView plan={plan} headingOrder={headingOrder} />
        </Stack>
      </Tabs.Panel>
      <Tabs.Panel value="compare" pt="md">
        <PlanCompare versions={versions} headingOrder={headingOrder} />
      </Tabs.Panel>
      <Tabs.Panel value="history" pt="md">
        <PlanHistory versions={versions} />
      </Tabs.Panel>
    </Tabs>
  );
}
