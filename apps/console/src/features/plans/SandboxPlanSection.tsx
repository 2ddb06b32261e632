// The sandbox plan on the innovator's enrolment page: where the plan stands (the version in force, a
// proposal awaiting approval, changes an authority asked for, with its reasons), each admitting
// authority's decision, the ways on — propose the plan, revise a proposal, amend the agreed plan (the
// editor, PlanEditorPage), request an extension (a dialog) — as `allowedPlanActions` allows them, and
// the versions: one in full, two compared, the history. Reloaded when the page's live events say so.
import { Alert, Card, Center, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCalendarPlus, IconEdit, IconFilePlus } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { useClient, useQuery } from 'urql';
import { EnrolmentPlanDocument, type EnrolmentPlanQuery } from '../../gql/graphql';
import { Dialog } from '../../ui/Dialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { TransitionAction } from '../../ui/TransitionAction';
import { day, when } from '../review/words';
import { ExtensionForm } from './ExtensionForm';
import type { Plan } from './plan-fields';
import { PlanApprovals, PlanVersionsTabs, versionSummary } from './PlanVersions';
import { PlanStatusBadge } from './PlanView';

type Enrolment = NonNullable<EnrolmentPlanQuery['enrolment']>;

// Before the first proposal the versions are an empty list: name the type so a proposal refreshes it.
const CONTEXT = { additionalTypenames: ['SandboxPlan'] };

export function SandboxPlanSection({ enrolmentId, refreshKey }: { enrolmentId: string; refreshKey: string | null }) {
  const [{ data, fetching, error }, reload] = useQuery({
    query: EnrolmentPlanDocument,
    variables: { id: enrolmentId },
    context: CONTEXT,
  });
  const refresh = useCallback(() => reload({ requestPolicy: 'network-only' }), [reload]);
  useEffect(() => {
    if (refreshKey) refresh();
  }, [refreshKey, refresh]);
  const enrolment = data?.enrolment;

  return (
    <section aria-labelledby="enrolment-plan">
      <Title order={2} size="h3" id="enrolment-plan" mb={4}>
        Sandbox plan
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Agreed with every admitting authority: the timeline, objectives, scope and safeguards testing keeps to. Test
        reports are made under the agreed version.
      </Text>
      <ErrorNotice error={error} onRetry={refresh} />
      {fetching && !data ? (
        <Center py="md">
          <Loader aria-label="Loading the sandbox plan" size="sm" />
        </Center>
      ) : enrolment ? (
        <PlanStatus enrolment={enrolment} />
      ) : null}
    </section>
  );
}

const ENDED = ['EXITED', 'DECLINED', 'WITHDRAWN'];

function PlanStatus({ enrolment }: { enrolment: Enrolment }) {
  const navigate = useNavigate();
  const client = useClient();
  const versions = enrolment.planVersions;
  const inForce = versions.find((v) => v.inForce) ?? null;
  const newest = versions[0] ?? null;
  const open = newest && (newest.status === 'PROPOSED' || newest.status === 'CHANGES_REQUESTED') ? newest : null;
  const actions = enrolment.allowedPlanActions;
  const propose = actions.find((a) => a.action === 'PROPOSE');
  const extension = actions.find((a) => a.action === 'REQUEST_EXTENSION');
  // The extension's form explains a refusal for lateness itself; any other refusal is said at the button.
  const [extending, setExtending] = useState<number | null>(null);

  async function reloadForExtension() {
    const result = await client
      .query(EnrolmentPlanDocument, { id: enrolment.id }, { requestPolicy: 'network-only' })
      .toPromise();
    if (result.data?.enrolment) setExtending(result.data.enrolment.version);
  }

  if (versions.length === 0)
    return (
      <Stack gap="sm" align="flex-start">
        <Text size="sm">No sandbox plan has been proposed yet.</Text>
        {!ENDED.includes(enrolment.state) && (
          <TransitionAction
            transition={propose}
            leftSection={<IconFilePlus size={16} />}
            onClick={() => navigate('plan')}
          >
            Propose the sandbox plan
          </TransitionAction>
        )}
      </Stack>
    );

  return (
    <Stack gap="md">
      {inForce && (
        <Card withBorder padding="md" component="article" aria-label="The plan in force">
          <Group gap="xs" mb={4}>
            <Text fw={700}>Version {inForce.version} in force</Text>
            <PlanStatusBadge status={inForce.status} />
          </Group>
          <Text size="sm">
            Agreed {when(inForce.decidedAt)}: testing from {day(inForce.timeline.startDay)} to{' '}
            {day(inForce.timeline.endDay)}.
          </Text>
        </Card>
      )}
      {open && <OpenVersion plan={open} inForce={inForce} />}
      {!inForce && !open && newest && (
        <Text size="sm">
          {versionSummary(newest)}. No version is agreed yet: propose one for the admitting authorities to approve.
        </Text>
      )}

      <Group gap="sm" align="flex-start">
        {open && (
          <TransitionAction
            transition={propose}
            leftSection={<IconEdit size={16} />}
            variant={open.status === 'CHANGES_REQUESTED' ? 'filled' : 'light'}
            onClick={() => navigate(`plan?from=${open.version}`)}
          >
            Revise version {open.version}
          </TransitionAction>
        )}
        {inForce && (
          <TransitionAction
            transition={propose}
            variant="light"
            leftSection={<IconEdit size={16} />}
            onClick={() => navigate(`plan?from=${inForce.version}`)}
          >
            Propose an amendment
          </TransitionAction>
        )}
        {!inForce && !open && (
          <TransitionAction
            transition={propose}
            leftSection={<IconFilePlus size={16} />}
            onClick={() => navigate(`plan?from=${newest!.version}`)}
          >
            Propose a new version
          </TransitionAction>
        )}
        {inForce && (
          <TransitionAction
            transition={
              extension && { ...extension, allowed: extension.allowed || extension.reasonCode === 'EXTENSION_TOO_LATE' }
            }
            variant="light"
            leftSection={<IconCalendarPlus size={16} />}
            onClick={() => setExtending(enrolment.version)}
          >
            Request an extension
          </TransitionAction>
        )}
      </Group>

      <PlanVersionsTabs versions={versions} />

      <Dialog
        opened={extending !== null}
        onClose={() => setExtending(null)}
        title={inForce ? `Request an extension of version ${inForce.version}` : ''}
        size="lg"
      >
        {extending !== null && inForce && (
          <ExtensionForm
            enrolment={{ id: enrolment.id, version: extending }}
            inForce={inForce}
            replaces={open?.status === 'PROPOSED' ? open : null}
            maxTestingDays={enrolment.programme.maxTestingDays}
            allowed={extension}
            onDone={(plan) => {
              notifications.show({
                color: 'green',
                title: `Extension proposed as version ${plan.version}`,
                message: `Testing would end on ${day(plan.timeline.endDay)} once every admitting authority approves`,
              });
              setExtending(null);
            }}
            onCancel={() => setExtending(null)}
            onRefresh={reloadForExtension}
          />
        )}
      </Dialog>
    </Stack>
  );
}

/** A version not (yet) agreed: awaiting approvals, or changes asked for — with each authority's decision. */
function OpenVersion({ plan, inForce }: { plan: Plan; inForce: Plan | null }) {
  const asked = plan.approvals.filter((a) => a.decision === 'CHANGES_REQUESTED');
  return (
    <Card withBorder padding="md" component="article" aria-label={`Version ${plan.version}`}>
      <Group gap="xs" mb={4}>
        <Text fw={700}>
          Version {plan.version}
          {plan.extension ? ' (an extension)' : plan.amends ? ' (an amendment)' : ''}
        </Text>
        <PlanStatusBadge status={plan.status} />
      </Group>
      <Text size="sm" mb="sm">
        Proposed {when(plan.proposedAt)}.{' '}
        {plan.status === 'PROPOSED'
          ? `Awaiting the approval of ${plan.awaitingApprovalFrom.map((a) => a.acronym).join(', ')}.`
          : 'Revise it and propose the new version.'}
        {inForce ? ` Version ${inForce.version} stays in force until a later version is agreed.` : ''}
      </Text>
      {asked.map((a) => (
        <Alert
          key={a.authority.id}
          color="orange"
          variant="light"
          mb="sm"
          title={`${a.authority.acronym} asked for changes`}
        >
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {a.reasons}
          </Text>
        </Alert>
      ))}
      <PlanApprovals plan={plan} />
    </Card>
  );
}
