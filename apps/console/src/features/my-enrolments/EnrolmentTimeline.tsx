// An enrolment's timeline: its audit trail (auditTrail filtered to the enrolment, oldest first, the
// entries about reports the reader may not see left out by the API), each entry in words — what
// happened, who acted, the states, decisions, grounds and reasons recorded with it.
import { Button, Center, Loader, Text, Timeline } from '@mantine/core';
import {
  IconCircleCheck,
  IconFileText,
  IconFlag,
  IconPlayerPause,
  IconPlayerPlay,
  IconPoint,
  IconSend,
  IconX,
} from '@tabler/icons-react';
import { type ReactNode, useEffect } from 'react';
import { useQuery } from 'urql';
import { type MyEnrolmentTimelineQuery, MyEnrolmentTimelineDocument } from '../../gql/graphql';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { usePaging } from './paging';
import { enrolmentStateLabel, instant, SUSPENSION_GROUNDS } from './words';

type Entry = MyEnrolmentTimelineQuery['auditTrail']['edges'][number]['node'];

const ACTIONS: Record<string, { label: string; icon: ReactNode; innovator?: boolean }> = {
  CREATE_APPLICATION: { label: 'Application created', icon: <IconFileText size={14} />, innovator: true },
  UPDATE_APPLICATION: { label: 'Application changed', icon: <IconFileText size={14} />, innovator: true },
  SUBMIT: { label: 'Application submitted', icon: <IconSend size={14} />, innovator: true },
  START_REVIEW: { label: 'Review started', icon: <IconPoint size={14} /> },
  DECIDE_ENTRY: { label: 'Entry decided', icon: <IconCircleCheck size={14} /> },
  SUBMIT_TEST_REPORT: { label: 'Test report submitted', icon: <IconFileText size={14} />, innovator: true },
  REVIEW_TEST_REPORT: { label: 'Test report reviewed', icon: <IconCircleCheck size={14} /> },
  REQUEST_EXIT: { label: 'Exit requested', icon: <IconFlag size={14} />, innovator: true },
  DECIDE_EXIT: { label: 'Exit decided', icon: <IconFlag size={14} /> },
  SUSPEND: { label: 'Track suspended', icon: <IconPlayerPause size={14} /> },
  RESUME: { label: 'Track resumed', icon: <IconPlayerPlay size={14} /> },
  WITHDRAW: { label: 'Withdrawn', icon: <IconX size={14} />, innovator: true },
  REPORT_INCIDENT: { label: 'Incident reported', icon: <IconFlag size={14} /> },
  PROPOSE_SANDBOX_PLAN: { label: 'Sandbox plan proposed', icon: <IconFileText size={14} />, innovator: true },
  REQUEST_EXTENSION: { label: 'Extension requested', icon: <IconFileText size={14} />, innovator: true },
  APPROVE_SANDBOX_PLAN: { label: 'Sandbox plan approved', icon: <IconCircleCheck size={14} /> },
  REQUEST_PLAN_CHANGES: { label: 'Changes to the sandbox plan requested', icon: <IconPoint size={14} /> },
};

const DECISIONS: Record<string, string> = {
  ADMIT: 'admitted',
  DECLINE: 'declined',
  AUTHORISED: 'authorised',
  REJECTED: 'rejected',
  EXTENDED: 'extended testing',
  REFINEMENT_REQUIRED: 'asked for refinement',
  APPROVED: 'approved',
  CHANGES_REQUESTED: 'asked for changes',
};

const text = (value: unknown): string | null => (typeof value === 'string' && value ? value : null);
const stateWords = (value: unknown) => {
  const state = text(value);
  return state ? enrolmentStateLabel(state as never) : null;
};

/** The lines an entry's data says, in words. */
function describe(entry: Entry, authorityName: (id: string | null) => string | null): string[] {
  const data = (entry.data ?? {}) as Record<string, unknown>;
  const lines: string[] = [];
  const by =
    authorityName(text(data.authorityId) ?? text(data.reportingAuthorityId)) ??
    (ACTIONS[entry.action]?.innovator ? 'your organisation' : null);
  const decision = text(data.decision);
  if (by)
    lines.push(
      decision
        ? `${by.charAt(0).toUpperCase()}${by.slice(1)} ${DECISIONS[decision] ?? decision.toLowerCase()}`
        : `By ${by}`,
    );
  const from = stateWords(data.fromState);
  const to = stateWords(data.toState);
  if (from && to && from !== to) lines.push(`${from} → ${to}`);
  else if (to && entry.action !== 'UPDATE_APPLICATION') lines.push(`Stays ${to.toLowerCase()}`);
  const ground = text(data.ground);
  if (ground) lines.push(`Ground: ${SUSPENSION_GROUNDS[ground as keyof typeof SUSPENSION_GROUNDS] ?? ground}`);
  if (entry.action === 'SUBMIT_TEST_REPORT') {
    const to = authorityName(text(data.submittedTo));
    lines.push(
      `${data.results ?? '?'} results${to ? ` to ${to}` : ''}, ${String(data.confidentiality ?? '')
        .toLowerCase()
        .replace(/_/g, ' ')}`,
    );
  }
  if (entry.action === 'REVIEW_TEST_REPORT' && text(data.status))
    lines.push(`Report ${String(data.status).toLowerCase()}`);
  if (typeof data.planVersion === 'number' && text(data.status))
    lines.push(`Plan version ${data.planVersion}: ${String(data.status).toLowerCase().replace(/_/g, ' ')}`);
  if (entry.action === 'REPORT_INCIDENT' && text(data.severity))
    lines.push(`Severity ${String(data.severity).toLowerCase()}`);
  if (Array.isArray(data.targetAuthorityIds))
    lines.push(
      `Targets: ${data.targetAuthorityIds.map((id) => authorityName(String(id)) ?? 'an authority').join(', ')}`,
    );
  if (typeof data.entryResults === 'number' && data.entryResults > 0)
    lines.push(`${data.entryResults} entry ${data.entryResults === 1 ? 'result' : 'results'}`);
  const reasons = text(data.reasons);
  if (reasons) lines.push(`Reasons: ${reasons}`);
  const justification = text(data.justification);
  if (justification) lines.push(`Justification: ${justification}`);
  return lines;
}

export function EnrolmentTimeline({
  enrolmentId,
  authorityName,
  refreshKey,
}: {
  enrolmentId: string;
  authorityName: (id: string | null) => string | null;
  /** Changes when the enrolment changed (a live event): the timeline reloads. */
  refreshKey: string | null;
}) {
  const paging = usePaging<Entry>();
  const [{ data, fetching, error }, reload] = useQuery({
    query: MyEnrolmentTimelineDocument,
    variables: { enrolmentId, first: 100, after: paging.after },
  });
  useEffect(() => {
    if (refreshKey) reload({ requestPolicy: 'network-only' });
  }, [refreshKey, reload]);
  const entries = paging.items(data?.auditTrail.edges.map((e) => e.node) ?? []);
  const more = data?.auditTrail.pageInfo;

  if (fetching && !entries.length)
    return (
      <Center py="md">
        <Loader size="sm" aria-label="Loading the timeline" />
      </Center>
    );
  return (
    <>
      <ErrorNotice error={error} onRetry={() => reload({ requestPolicy: 'network-only' })} />
      {data && !entries.length && <Text size="sm">Nothing recorded yet.</Text>}
      {entries.length > 0 && (
        <Timeline active={entries.length - 1} bulletSize={24} lineWidth={2}>
          {entries.map((entry) => (
            <Timeline.Item
              key={entry.id}
              bullet={ACTIONS[entry.action]?.icon ?? <IconPoint size={14} />}
              title={ACTIONS[entry.action]?.label ?? entry.action}
            >
              {describe(entry, authorityName).map((line) => (
                <Text key={line} size="sm">
                  {line}
                </Text>
              ))}
              <Text size="xs" c="dimmed" mt={2}>
                {instant(entry.occurredAt)} · entry {entry.seq}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
      {more?.hasNextPage && (
        <Button variant="default" mt="md" loading={fetching} onClick={() => paging.loadMore(entries, more.endCursor)}>
          Load more
        </Button>
      )}
    </>
  );
}
