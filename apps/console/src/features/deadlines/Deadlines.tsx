// Deadlines in words (docs/domain.md#deadlines): what each is, when it is due, and whether it was met
// or is overdue — a badge "N days overdue" in red, never colour alone. The API computes them on
// every read from today's UTC day; the console only shows them.
import { Badge, Group, List, Stack, Text } from '@mantine/core';
import type { DeadlineFieldsFragment, DeadlineKind } from '../../gql/graphql';

export const DEADLINE_KINDS: Record<DeadlineKind, string> = {
  ENTRY_DECISION: 'Entry decision',
  PLAN_AGREED: 'Sandbox plan agreed',
  EXTENSION_REQUEST: 'Last day to request an extension',
  TESTING_ENDS: 'Testing ends',
  EXIT_REPORT_ISSUED: 'Exit report issued',
};

const DATE = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });

/** A UTC day (`YYYY-MM-DD`) in words. */
export const dueDay = (day: string | null | undefined): string => (day ? DATE.format(new Date(day)) : '—');

export const overdueWords = (days: number) => `${days} ${days === 1 ? 'day' : 'days'} overdue`;

export const OverdueBadge = ({ days }: { days: number }) => (
  <Badge color="red.9" variant="filled" size="sm" style={{ flexShrink: 0, overflow: 'visible' }}>
    {overdueWords(days)}
  </Badge>
);

/** A due day, with the overdue badge when it is past. */
export function Due({ due, daysOverdue }: { due: string | null; daysOverdue: number }) {
  if (!due)
    return (
      <Text size="sm" c="dimmed">
        No deadline
      </Text>
    );
  return (
    <Stack gap={4} align="flex-start">
      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
        {dueDay(due)}
      </Text>
      {daysOverdue > 0 && <OverdueBadge days={daysOverdue} />}
    </Stack>
  );
}

function status(d: DeadlineFieldsFragment) {
  if (d.metOn)
    return (
      <Text span size="sm" c="dimmed">
        met on {dueDay(d.metOn)}
        {d.metOn > d.due ? ' (late)' : ''}
      </Text>
    );
  if (d.overdue) return <OverdueBadge days={d.daysOverdue} />;
  if (d.kind === 'EXTENSION_REQUEST')
    return (
      <Text span size="sm" c="dimmed">
        a limit
      </Text>
    );
  return (
    <Text span size="sm" c="dimmed">
      open
    </Text>
  );
}

/** Deadlines as a list, in the API's order (most overdue first, then the earliest due). */
export function DeadlineList({ deadlines, label }: { deadlines: DeadlineFieldsFragment[]; label: string }) {
  if (deadlines.length === 0) return null;
  return (
    <List spacing={4} size="sm" listStyleType="none" aria-label={label}>
      {deadlines.map((d) => (
        <List.Item key={`${d.kind}-${d.authority?.id ?? ''}`}>
          <Group gap={6} wrap="wrap">
            <Text span size="sm" fw={600}>
              {DEADLINE_KINDS[d.kind]}:
            </Text>
            <Text span size="sm">
              due {dueDay(d.due)}
            </Text>
            {status(d)}
          </Group>
        </List.Item>
      ))}
    </List>
  );
}
