// The explorer's day: a date, and buttons to the previous or next day an agreement or a rule comes
// into or goes out of force (from the agreements' windows), so each move shows a change.
import { ActionIcon, Group, Text, TextInput, Tooltip } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { isoDay } from './days';
import { nextChange, previousChange } from './explain';

export function DayControl({ day, days, onChange }: { day: string; days: string[]; onChange: (day: string) => void }) {
  // What is typed is kept until it is a whole day; only then does the explorer move.
  const [typed, setTyped] = useState(day);
  useEffect(() => setTyped(day), [day]);
  const previous = previousChange(days, day);
  const next = nextChange(days, day);
  return (
    <Group align="flex-end" gap="xs" wrap="nowrap">
      <Tooltip label={previous ? `Previous change: ${previous}` : 'No earlier change'}>
        <ActionIcon
          variant="default"
          size="input-sm"
          aria-label={previous ? `Previous change (${previous})` : 'Previous change (none)'}
          disabled={!previous}
          onClick={() => previous && onChange(previous)}
        >
          <IconChevronLeft size={18} aria-hidden />
        </ActionIcon>
      </Tooltip>
      <TextInput
        type="date"
        label="Day (UTC)"
        value={typed}
        onChange={(event) => {
          const value = event.currentTarget.value;
          setTyped(value);
          if (isoDay(value)) onChange(value);
        }}
        w={170}
      />
      <Tooltip label={next ? `Next change: ${next}` : 'No later change'}>
        <ActionIcon
          variant="default"
          size="input-sm"
          aria-label={next ? `Next change (${next})` : 'Next change (none)'}
          disabled={!next}
          onClick={() => next && onChange(next)}
        >
          <IconChevronRight size={18} aria-hidden />
        </ActionIcon>
      </Tooltip>
      <Text size="xs" c="dimmed" pb={8}>
        {days.length} {days.length === 1 ? 'day' : 'days'} when an agreement or rule changes
      </Text>
    </Group>
  );
}
