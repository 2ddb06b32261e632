// A button for one of `allowedTransitions` ({ action, allowed, reason }): enabled when the API says the
// caller may take the action now; otherwise disabled, with the API's reason written beside it (not in
// a tooltip only: keyboard and screen-reader users read it too).
import { Button, type ButtonProps, Group, Text } from '@mantine/core';
import { useId } from 'react';

export interface Transition {
  action: string;
  allowed: boolean;
  reason?: string | null;
}

export function TransitionAction({
  transition,
  onClick,
  children,
  ...button
}: ButtonProps & { transition: Transition | undefined; onClick: () => void; children: React.ReactNode }) {
  const reasonId = useId();
  const allowed = transition?.allowed ?? false;
  return (
    <Group gap="xs" wrap="nowrap">
      <Button
        {...button}
        disabled={!allowed}
        onClick={onClick}
        aria-describedby={!allowed && transition?.reason ? reasonId : undefined}
      >
        {children}
      </Button>
      {!allowed && transition?.reason && (
        <Text id={reasonId} size="sm" c="dimmed">
          {transition.reason}
        </Text>
      )}
    </Group>
  );
}

/** The transition for `action` in an `allowedTransitions` list. */
export const transitionFor = <T extends Transition>(list: readonly T[] | undefined, action: string): T | undefined =>
  list?.find((t) => t.action === action);
