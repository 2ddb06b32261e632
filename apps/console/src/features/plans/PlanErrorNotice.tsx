// A plan action's error in words: a refusal the API gives a reason token for (EXTENSION_TOO_LATE,
// ALREADY_DECIDED, …) gets a title that says which, over the API's own sentence; anything else is
// shown as every form shows it (ErrorNotice).
import { Alert, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { transitionReason } from '../../api/errors';
import { ErrorNotice, type ErrorNoticeProps } from '../../ui/ErrorNotice';
import { REFUSALS } from './words';

export function PlanErrorNotice(props: ErrorNoticeProps) {
  const refused = transitionReason(props.error ?? undefined);
  const title = refused?.reason ? REFUSALS[refused.reason] : undefined;
  if (!refused || !title) return <ErrorNotice {...props} />;
  return (
    <Alert
      color="orange"
      variant="light"
      title={title}
      icon={<IconAlertTriangle aria-hidden size={20} />}
      data-error-code="INVALID_TRANSITION"
      data-reason={refused.reason}
    >
      <Text size="sm">{refused.message}</Text>
    </Alert>
  );
}
