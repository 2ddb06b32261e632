// The sandbox plan as a regulator reviews it (the "Sandbox plan" tab of the enrolment review page): the
// version in force and the proposed one, what the proposal changes (section by section, the changed
// fields highlighted), each admitting authority's decision, and this regulator's: approve the proposed
// version, or ask for changes with reasons — at the enrolment version read (CONFLICT: Refresh keeps
// what was typed). Sections the regulator's authority may not read come withheld. Live: the
// programme's events about this enrolment reload it.
import { Button, Card, Center, Group, Loader, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconMessageReport } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import { useClient, useQuery } from 'urql';
import { useFormMutation } from '../../api/useFormMutation';
import {
  ApproveSandboxPlanDocument,
  RequestPlanChangesDocument,
  ReviewSandboxPlanDocument,
  type ReviewSandboxPlanQuery,
} from '../../gql/graphql';
import { Dialog } from '../../ui/Dialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { TransitionAction } from '../../ui/TransitionAction';
import { useEnrolmentEvents } from '../review/live';
import { day, when } from '../review/words';
import type { Plan } from './plan-fields';
import { PlanDiff } from './PlanDiff';
import { PlanErrorNotice } from './PlanErrorNotice';
import { PlanApprovals, PlanVersionsTabs } from './PlanVersions';
import { PlanStatusBadge } from './PlanView';

type Enrolment = NonNullable<ReviewSandboxPlanQuery['enrolment']>;
type Decision = 'approve' | 'changes';

// Before the first proposal the versions are an empty list: name the type so later reads refresh it.
const CONTEXT = { additionalTypenames: ['SandboxPlan'] };

export function PlanReview({ enrolmentId, programmeId }: { enrolmentId: string; programmeId: string }) {
  const [{ data, fetching, error }, reload] = useQuery({
    query: ReviewSandboxPlanDocument,
    variables: { id: enrolmentId },
    context: CONTEXT,
  });
  const refresh = useCallback(() => reload({ requestPolicy: 'network-only' }), [reload]);
  useEnrolmentEvents(programmeId, (event) => {
    if (event.enrolmentId === enrolmentId) refresh();
  });
  const enrolment = data?.enrolment;
  const authority = data?.me.authority ?? null;

  if (fetching && !data)
    return (
      <Center py="xl">
        <Loader aria-label="Loading the sandbox plan" />
      </Center>
    );
  return (
    <Stack gap="lg">
      <ErrorNotice error={error} onRetry={refresh} />
      {enrolment && <Review enrolment={enrolment} authority={authority} />}
    </Stack>
  );
}

function Review({ enrolment, authority }: { enrolment: Enrolment; authority: { id: string; acronym: string } | null }) {
  const client = useClient();
  const versions = enrolment.planVersions;
  const inForce = versions.find((v) => v.inForce) ?? null;
  const proposed = versions.find((v) => v.status === 'PROPOSED') ?? null;
  const newest = versions[0] ?? null;
  // The decision being made: on which version, at the enrolment version read when the form opened.
  const [deciding, setDeciding] = useState<{ kind: Decision; plan: Plan; version: number } | null>(null);
  const actions = enrolment.allowedPlanActions;
  const mine = enrolment.tracks.some((t) => t.authority.id === authority?.id);

  async function refreshForm() {
    const result = await client
      .query(ReviewSandboxPlanDocument, { id: enrolment.id }, { requestPolicy: 'network-only' })
      .toPromise();
    const latest = result.data?.enrolment;
    if (latest) setDeciding((open) => (open ? { ...open, version: latest.version } : open));
  }

  function done(title: string) {
    notifications.show({ color: 'green', title, message: `Sandbox plan version ${deciding?.plan.version}` });
    setDeciding(null);
  }

  if (!newest)
    return (
      <Text size="sm">
        No sandbox plan has been proposed yet. The innovator proposes one once an authority admits the system; each
        admitting authority then approves it or asks for changes.
      </Text>
    );

  // What the proposal changes: against the version in force, else against the version before it.
  const decided = proposed ?? newest;
  const base = inForce && inForce !== decided ? inForce : (versions.find((v) => v.version < decided.version) ?? null);

  return (
    <>
      <Card withBorder padding="lg" component="section" aria-labelledby="plan-decision">
        <Title order={2} size="h4" id="plan-decision" mb="xs">
          {proposed ? `Version ${proposed.version} proposed` : `Version ${newest.version}`}
        </Title>
        <Stack gap="sm">
          <Group gap="xs">
            <PlanStatusBadge status={decided.status} />
            {decided.inForce && (
              <Text size="sm" fw={700}>
                In force
              </Text>
            )}
          </Group>
          <Text size="sm">
            Proposed {when(decided.proposedAt)}
            {decided.extension
              ? `: an extension of version ${decided.amends}, testing to end on ${day(decided.timeline.endDay)} instead of ${day(inForce?.timeline.endDay)}`
              : decided.amends
                ? `: an amendment of version ${decided.amends}, which stays in force until this one is agreed`
                : ''}
            .
          </Text>
          {decided.reasons && (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              <Text span fw={600} size="sm">
                Why:
              </Text>{' '}
              {decided.reasons}
            </Text>
          )}
          {inForce && inForce !== decided && (
            <Text size="sm">
              In force: version {inForce.version}, agreed {when(inForce.decidedAt)} — testing from{' '}
              {day(inForce.timeline.startDay)} to {day(inForce.timeline.endDay)}.
            </Text>
          )}
          <PlanApprovals plan={decided} />
          {mine && authority && (
            <Group gap="sm" align="flex-start">
              <TransitionAction
                transition={actions.find((a) => a.action === 'APPROVE')}
                leftSection={<IconCheck size={16} />}
                onClick={() => proposed && setDeciding({ kind: 'approve', plan: proposed, version: enrolment.version })}
              >
                Approve version {decided.version}
              </TransitionAction>
              <TransitionAction
                transition={actions.find((a) => a.action === 'REQUEST_CHANGES')}
                color="orange"
                variant="light"
                leftSection={<IconMessageReport size={16} />}
                onClick={() => proposed && setDeciding({ kind: 'changes', plan: proposed, version: enrolment.version })}
              >
                Request changes
              </TransitionAction>
            </Group>
          )}
        </Stack>
      </Card>

      {base && (
        <Card withBorder padding="lg" component="section" aria-labelledby="plan-changes">
          <Title order={2} size="h4" id="plan-changes" mb="sm">
            What version {decided.version} changes from version {base.version}
            {base.inForce ? ' (in force)' : ''}
          </Title>
          <PlanDiff before={base} after={decided} headingOrder={3} />
        </Card>
      )}

      <Card withBorder padding="lg" component="section" aria-labelledby="plan-versions">
        <Title order={2} size="h4" id="plan-versions" mb="sm">
          Every version
        </Title>
        <PlanVersionsTabs versions={versions} headingOrder={3} />
      </Card>

      <Dialog
        opened={deciding !== null}
        onClose={() => setDeciding(null)}
        title={
          deciding
            ? deciding.kind === 'approve'
              ? `Approve version ${deciding.plan.version} of the sandbox plan`
              : `Request changes to version ${deciding.plan.version}`
            : ''
        }
        size="lg"
      >
        {deciding && authority && (
          <DecisionForm
            kind={deciding.kind}
            planId={deciding.plan.id}
            version={deciding.version}
            authority={authority.acronym}
            onDone={() => done(deciding.kind === 'approve' ? 'Plan approved' : 'Changes requested')}
            onCancel={() => setDeciding(null)}
            onRefresh={refreshForm}
          />
        )}
      </Dialog>
    </>
  );
}

/** Approve (remarks optional) or request changes (reasons required, the API says so at the field). */
function DecisionForm({
  kind,
  planId,
  version,
  authority,
  onDone,
  onCancel,
  onRefresh,
}: {
  kind: Decision;
  planId: string;
  version: number;
  authority: string;
  onDone: () => void;
  onCancel: () => void;
  onRefresh: () => Promise<unknown>;
}) {
  const form = useForm({ initialValues: { reasons: '' } });
  const approve = useFormMutation(ApproveSandboxPlanDocument, form);
  const changes = useFormMutation(RequestPlanChangesDocument, form);
  const mutation = kind === 'approve' ? approve : changes;

  async function save(values: typeof form.values) {
    const input = { planId, expectedVersion: version, reasons: values.reasons.trim() || null };
    const data =
      kind === 'approve'
        ? await approve.submit({ input })
        : await changes.submit({ input: { ...input, reasons: values.reasons.trim() } });
    if (data) onDone();
  }

  return (
    <form onSubmit={form.onSubmit((values) => void save(values))} noValidate>
      <Stack>
        <PlanErrorNotice
          error={mutation.problem?.error}
          unplaced={mutation.problem?.unplaced}
          onRefresh={() => void onRefresh().then(mutation.clearProblem)}
        />
        <Text size="sm">
          {kind === 'approve'
            ? `${authority} approves this version. Once every admitting authority has, it is agreed and in force.`
            : `${authority} asks for changes: the version is closed, and the innovator proposes a revised one.`}{' '}
          You decide at version {version} of the enrolment, as you read it.
        </Text>
        <Textarea
          label={kind === 'approve' ? 'Remarks' : 'What must change'}
          description={
            kind === 'approve'
              ? 'Optional; recorded with the approval'
              : 'Shown to the innovator and the other authorities'
          }
          autosize
          minRows={3}
          withAsterisk={kind === 'changes'}
          data-autofocus
          {...form.getInputProps('reasons')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={mutation.submitting} color={kind === 'changes' ? 'orange.9' : undefined}>
            {kind === 'approve' ? 'Approve' : 'Request changes'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
