// An extension (innovator): a new version of the plan in force with a later end day, approved by every
// admitting authority like any amendment (requestExtension). Asked no later than 30 days before the
// agreed end day: when `allowedPlanActions` already refuses it (EXTENSION_TOO_LATE), the form says so in
// words and does not send it; when the API refuses it anyway (the day turned while the form was open),
// its refusal is said at the form and at the end day. Nothing changes either way.
import { Alert, Button, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { transitionReason } from '../../api/errors';
import { useFormMutation } from '../../api/useFormMutation';
import { type RequestPlanExtensionMutation, RequestPlanExtensionDocument } from '../../gql/graphql';
import { day } from '../review/words';
import type { Plan } from './plan-fields';
import { PlanErrorNotice } from './PlanErrorNotice';
import { addDays, EXTENSION_NOTICE_DAYS, REFUSALS } from './words';

export interface ExtensionFormProps {
  enrolment: { id: string; version: number };
  /** The agreed version in force: the one extended. */
  inForce: Plan;
  maxTestingDays: number;
  /** A version still proposed, which the extension replaces (SUPERSEDED). */
  replaces: Plan | null;
  /** REQUEST_EXTENSION as `allowedPlanActions` has it. */
  allowed: { allowed: boolean; reason: string | null; reasonCode: string | null } | undefined;
  onDone: (plan: RequestPlanExtensionMutation['requestExtension']) => void;
  onCancel: () => void;
  /** CONFLICT's Refresh: reloads the enrolment (the form keeps its input). */
  onRefresh: () => Promise<unknown>;
}

export function ExtensionForm({
  enrolment,
  inForce,
  replaces,
  maxTestingDays,
  allowed,
  onDone,
  onCancel,
  onRefresh,
}: ExtensionFormProps) {
  const form = useForm({
    initialValues: { endDay: '', reasons: '' },
    validate: { endDay: (value) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? null : 'Enter a day') },
  });
  // An extension's timeline problems (past the maximum testing period) concern its end day.
  const request = useFormMutation(RequestPlanExtensionDocument, {
    getValues: () => ({ ...form.getValues(), timeline: { endDay: '' } }),
    setFieldError: (path, message) => form.setFieldError(path === 'timeline.endDay' ? 'endDay' : path, message),
  });
  const refusal = transitionReason(request.problem?.error);

  useEffect(() => {
    if (refusal?.reason === 'EXTENSION_TOO_LATE') form.setFieldError('endDay', refusal.message);
  }, [request.problem]);

  async function save(values: typeof form.values) {
    const data = await request.submit({
      input: {
        enrolmentId: enrolment.id,
        expectedVersion: enrolment.version,
        endDay: values.endDay,
        reasons: values.reasons.trim(),
      },
    });
    if (data) onDone(data.requestExtension);
  }

  const { startDay, endDay } = inForce.timeline;
  const latest = startDay ? addDays(startDay, maxTestingDays) : null;
  const blocked = allowed && !allowed.allowed;

  return (
    <form onSubmit={form.onSubmit((values) => void save(values))} noValidate aria-label="Extension">
      <Stack>
        <Text size="sm">
          The agreed plan (version {inForce.version}) has testing end on {day(endDay)}. An extension is a new version
          with a later end day, approved by every admitting authority like any amendment; version {inForce.version}{' '}
          stays in force until then. An extension is asked for no later than {EXTENSION_NOTICE_DAYS} days before the
          agreed end day.
        </Text>
        {replaces && (
          <Text size="sm">
            Version {replaces.version}, still proposed, is replaced by the extension: the approvals given to it lapse.
          </Text>
        )}
        {blocked && (
          <Alert
            color="orange"
            variant="light"
            title={(allowed.reasonCode && REFUSALS[allowed.reasonCode]) || 'Not possible now'}
          >
            <Text size="sm">{allowed.reason}</Text>
          </Alert>
        )}
        <PlanErrorNotice
          error={request.problem?.error}
          unplaced={request.problem?.unplaced}
          onRefresh={() => void onRefresh().then(request.clearProblem)}
        />
        <TextInput
          type="date"
          label="New end day"
          description={
            latest
              ? `Later than ${day(endDay)}; the programme allows testing until ${day(latest)} at the latest.`
              : `Later than ${day(endDay)}.`
          }
          withAsterisk
          disabled={blocked}
          data-autofocus
          {...form.getInputProps('endDay')}
        />
        <Textarea
          label="Reasons"
          description="Why testing needs longer: the authorities decide on it"
          autosize
          minRows={3}
          withAsterisk
          disabled={blocked}
          {...form.getInputProps('reasons')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={request.submitting} disabled={blocked}>
            Request the extension
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
