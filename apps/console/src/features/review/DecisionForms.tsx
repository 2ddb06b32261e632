// The regulator's decisions on its own track, each a form whose values are named as its mutation's
// input (docs/console.md#forms-and-the-apis-errors): the API validates — a missing justification
// for admitting over an unmet mandatory criterion comes back as BAD_USER_INPUT on
// `input.justification` and is shown at that field — and the enrolment's `version` read last is sent
// as `expectedVersion` (CONFLICT: Refresh reloads it and keeps what was typed).
import { Alert, Button, Group, List, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useFormMutation } from '../../api/useFormMutation';
import {
  DecideEntryDocument,
  DecideExitDocument,
  type EntryDecision,
  type EvaluatedCriterionFragment,
  type ExitDecision,
  ResumeTrackDocument,
  SuspendTrackDocument,
  type SuspensionGround,
} from '../../gql/graphql';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { EXIT_DECISIONS, isMetForEntry, OUTCOMES, SUSPENSION_GROUNDS } from './words';

export interface DecisionTarget {
  id: string;
  /** The version last read: sent as expectedVersion. */
  version: number;
}

interface FormProps {
  enrolment: DecisionTarget;
  onDone: (message: string) => void;
  onCancel: () => void;
  /** CONFLICT's Refresh: reloads the enrolment (the form keeps its input, and then its alert goes). */
  onRefresh: () => Promise<unknown>;
}

function Buttons({ onCancel, submitting, label }: { onCancel: () => void; submitting: boolean; label: string }) {
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        Cancel
      </Button>
      <Button type="submit" loading={submitting}>
        {label}
      </Button>
    </Group>
  );
}

export function DecideEntryForm({
  enrolment,
  evaluation,
  onDone,
  onCancel,
  onRefresh,
}: FormProps & { evaluation: EvaluatedCriterionFragment[] }) {
  const form = useForm<{ decision: EntryDecision | ''; reasons: string; justification: string }>({
    initialValues: { decision: '', reasons: '', justification: '' },
    validate: { decision: (value) => (value ? null : 'Choose to admit or to decline') },
  });
  const decide = useFormMutation(DecideEntryDocument, form);
  const unmet = evaluation.filter((row) => row.mandatory && !isMetForEntry(row.outcome));

  async function save(values: typeof form.values) {
    const data = await decide.submit({
      input: {
        enrolmentId: enrolment.id,
        expectedVersion: enrolment.version,
        decision: values.decision as EntryDecision,
        reasons: values.reasons.trim() || null,
        justification: values.justification.trim() || null,
      },
    });
    if (data) onDone(values.decision === 'ADMIT' ? 'Admitted' : 'Declined');
  }

  return (
    <form onSubmit={form.onSubmit((values) => void save(values))} noValidate>
      <Stack>
        <ErrorNotice
          error={decide.problem?.error}
          unplaced={decide.problem?.unplaced}
          onRefresh={() => void onRefresh().then(decide.clearProblem)}
        />
        {unmet.length > 0 ? (
          <Alert color="orange" variant="light" title="Mandatory entry criteria not met">
            <List size="sm">
              {unmet.map((row) => (
                <List.Item key={row.criterion.id}>
                  {row.criterion.title} ({OUTCOMES[row.outcome].label.toLowerCase()})
                </List.Item>
              ))}
            </List>
            <Text size="sm" mt="xs">
              Admitting over them needs a justification, recorded on your track and in the audit trail.
            </Text>
          </Alert>
        ) : (
          <Text size="sm">Every mandatory entry criterion of your authority is met.</Text>
        )}
        <Radio.Group label="Decision" withAsterisk {...form.getInputProps('decision')}>
          <Group mt="xs">
            <Radio value="ADMIT" label="Admit" />
            <Radio value="DECLINE" label="Decline" />
          </Group>
        </Radio.Group>
        <Textarea
          label="Reasons"
          description="Why you decide so: shown to the applicant and in the exit report"
          autosize
          minRows={2}
          data-autofocus
          {...form.getInputProps('reasons')}
        />
        <Textarea
          label="Justification"
          description="Required to admit over an unmet mandatory entry criterion"
          autosize
          minRows={2}
          {...form.getInputProps('justification')}
        />
        <Buttons onCancel={onCancel} submitting={decide.submitting} label="Record the decision" />
      </Stack>
    </form>
  );
}

export function DecideExitForm({ enrolment, onDone, onCancel, onRefresh }: FormProps) {
  const form = useForm<{ decision: ExitDecision | ''; reasons: string }>({
    initialValues: { decision: '', reasons: '' },
    validate: { decision: (value) => (value ? null : 'Choose an exit decision') },
  });
  const decide = useFormMutation(DecideExitDocument, form);

  async function save(values: typeof form.values) {
    const data = await decide.submit({
      input: {
        enrolmentId: enrolment.id,
        expectedVersion: enrolment.version,
        decision: values.decision as ExitDecision,
        reasons: values.reasons.trim() || null,
      },
    });
    if (data) onDone('Exit decision recorded');
  }

  return (
    <form onSubmit={form.onSubmit((values) => void save(values))} noValidate>
      <Stack>
        <ErrorNotice
          error={decide.problem?.error}
          unplaced={decide.problem?.unplaced}
          onRefresh={() => void onRefresh().then(decide.clearProblem)}
        />
        <Radio.Group label="Exit decision" withAsterisk {...form.getInputProps('decision')}>
          <Stack gap="xs" mt="xs">
            {EXIT_DECISIONS.map((d) => (
              <Radio key={d.value} value={d.value} label={d.label} description={d.description} />
            ))}
          </Stack>
        </Radio.Group>
        <Textarea
          label="Reasons"
          description="Recorded on your track and in the exit report"
          autosize
          minRows={2}
          {...form.getInputProps('reasons')}
        />
        <Buttons onCancel={onCancel} submitting={decide.submitting} label="Record the exit decision" />
      </Stack>
    </form>
  );
}

export function SuspendForm({ enrolment, onDone, onCancel, onRefresh }: FormProps) {
  const form = useForm<{ ground: SuspensionGround | ''; reasons: string }>({
    initialValues: { ground: '', reasons: '' },
    validate: { ground: (value) => (value ? null : 'Choose the ground of the suspension') },
  });
  const suspend = useFormMutation(SuspendTrackDocument, form);

  async function save(values: typeof form.values) {
    const data = await suspend.submit({
      input: {
        enrolmentId: enrolment.id,
        expectedVersion: enrolment.version,
        ground: values.ground as SuspensionGround,
        reasons: values.reasons,
      },
    });
    if (data) onDone('Your track is suspended');
  }

  return (
    <form onSubmit={form.onSubmit((values) => void save(values))} noValidate>
      <Stack>
        <ErrorNotice
          error={suspend.problem?.error}
          unplaced={suspend.problem?.unplaced}
          onRefresh={() => void onRefresh().then(suspend.clearProblem)}
        />
        <Radio.Group label="Ground" withAsterisk {...form.getInputProps('ground')}>
          <Stack gap="xs" mt="xs">
            {SUSPENSION_GROUNDS.map((g) => (
              <Radio key={g.value} value={g.value} label={g.label} description={g.description} />
            ))}
          </Stack>
        </Radio.Group>
        <Textarea
          label="Reasons"
          description="Shown on the track while it is suspended, and kept in the audit trail"
          withAsterisk
          autosize
          minRows={2}
          {...form.getInputProps('reasons')}
        />
        <Buttons onCancel={onCancel} submitting={suspend.submitting} label="Suspend your track" />
      </Stack>
    </form>
  );
}

export function ResumeForm({ enrolment, onDone, onCancel, onRefresh }: FormProps) {
  const form = useForm({ initialValues: { reasons: '' } });
  const resume = useFormMutation(ResumeTrackDocument, form);

  async function save(values: typeof form.values) {
    const data = await resume.submit({
      input: { enrolmentId: enrolment.id, expectedVersion: enrolment.version, reasons: values.reasons.trim() || null },
    });
    if (data) onDone('Your track is resumed');
  }

  return (
    <form onSubmit={form.onSubmit((values) => void save(values))} noValidate>
      <Stack>
        <ErrorNotice
          error={resume.problem?.error}
          unplaced={resume.problem?.unplaced}
          onRefresh={() => void onRefresh().then(resume.clearProblem)}
        />
        <Text size="sm">Testing goes on with your authority once the track is resumed.</Text>
        <Textarea
          label="Reasons"
          description="Why testing may go on (kept in the audit trail)"
          autosize
          minRows={2}
          data-autofocus
          {...form.getInputProps('reasons')}
        />
        <Buttons onCancel={onCancel} submitting={resume.submitting} label="Resume your track" />
      </Stack>
    </form>
  );
}
