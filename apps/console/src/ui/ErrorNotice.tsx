// An API error in words (api/errors.ts), as an alert: the one way pages and forms show errors.
//   CONFLICT            "Someone else changed this", with a Refresh button (`onRefresh`: reload the
//                       data, keep what the person typed)
//   INVALID_TRANSITION  "Not possible in its current state", with the reason the API gave
//   BAD_USER_INPUT      "Check the fields marked below", plus the problems no field took (`unplaced`)
//   anything else       its words and the API's message (a network failure, TOO_MANY_REQUESTS's wait, …)
import { Alert, Button, Code, List, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import type { CombinedError } from 'urql';
import { describeError, type FieldProblem, sentence, transitionReason } from '../api/errors';

export interface ErrorNoticeProps {
  error: CombinedError | null | undefined;
  /** Field problems no form field took (from useFormMutation / applyFieldErrors). */
  unplaced?: FieldProblem[];
  /** CONFLICT: reload what the page shows, keeping the form's input. */
  onRefresh?: () => void;
  /** Any other error: try the same again (e.g. a query that failed to load). */
  onRetry?: () => void;
}

export function ErrorNotice({ error, unplaced, onRefresh, onRetry }: ErrorNoticeProps) {
  if (!error) return null;
  const { code, title, message } = describeError(error);
  const icon = <IconAlertTriangle aria-hidden size={20} />;

  if (code === 'CONFLICT')
    return (
      <Alert color="orange" variant="light" title={title} icon={icon} data-error-code={code}>
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{message}</Text>
          <Text size="sm">Refresh to see the latest version; what you typed is kept.</Text>
          {onRefresh && (
            <Button
              size="xs"
              variant="filled"
              color="dark.7"
              leftSection={<IconRefresh size={16} />}
              onClick={onRefresh}
            >
              Refresh
            </Button>
          )}
        </Stack>
      </Alert>
    );

  if (code === 'INVALID_TRANSITION') {
    const refused = transitionReason(error)!;
    return (
      <Alert color="orange" variant="light" title={title} icon={icon} data-error-code={code}>
        <Text size="sm">{refused.message}</Text>
        {refused.reason && (
          <Text size="sm" mt={4}>
            Reason: <Code>{refused.reason}</Code>
          </Text>
        )}
      </Alert>
    );
  }

  if (code === 'BAD_USER_INPUT')
    return (
      <Alert color="red" variant="light" title={title} icon={icon} data-error-code={code}>
        {unplaced?.length ? (
          <List size="sm">
            {unplaced.map((p) => (
              <List.Item key={`${p.path}: ${p.message}`}>
                {p.path ? `${p.path.replace(/^input\./, '')}: ` : ''}
                {sentence(p.message)}
              </List.Item>
            ))}
          </List>
        ) : (
          <Text size="sm">Check the fields marked below.</Text>
        )}
      </Alert>
    );

  return (
    <Alert color="red" variant="light" title={title} icon={icon} data-error-code={code}>
      <Stack gap="xs" align="flex-start">
        {message && <Text size="sm">{message}</Text>}
        {onRetry && (
          <Button size="xs" variant="white" color="red.9" leftSection={<IconRefresh size={16} />} onClick={onRetry}>
            Try again
          </Button>
        )}
      </Stack>
    </Alert>
  );
}
