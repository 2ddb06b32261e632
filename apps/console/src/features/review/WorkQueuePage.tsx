// The regulator's work queue (/regulator/queue): what waits for its authority across the programmes it
// takes part in, as the API's `workQueue` lists it — entry decisions, sandbox plans to approve, test
// reports to review, exit decisions, exit reports to issue and evidence expiring — most overdue first, then the earliest
// due, each with its due day and an "N days overdue" badge. Each item opens the enrolment's review (or
// its exit report); a report can be reviewed right here.
import { Anchor, Badge, Button, Center, Loader, Stack, Table, Tabs, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import {
  ReportToReviewDocument,
  type WorkQueueItemKind,
  WorkQueueDocument,
  type WorkQueueQuery,
} from '../../gql/graphql';
import { Dialog } from '../../ui/Dialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { PageHeader } from '../../ui/PageHeader';
import { transitionFor } from '../../ui/TransitionAction';
import { Due } from '../deadlines/Deadlines';
import { EnrolmentStateBadge } from './badges';
import { usePagedQuery } from './paging';
import { ReportFacts, ReportResults, ReviewReportForm } from './ReportReview';
import { useMyAuthority } from './useMyAuthority';
import { when } from './words';

const PAGE = 50;

type Item = WorkQueueQuery['workQueue']['edges'][number]['node'];
type Tab = 'all' | WorkQueueItemKind;

const KINDS: { kind: WorkQueueItemKind; tab: string; label: string; empty: string; caption: string }[] = [
  {
    kind: 'ENTRY_DECISION',
    tab: 'Applications',
    label: 'Entry decision',
    empty: 'No application waits for your authority.',
    caption: "Applications waiting for your authority's entry decision",
  },
  {
    kind: 'PLAN_APPROVAL',
    tab: 'Plans',
    label: 'Plan approval',
    empty: 'No sandbox plan waits for your approval.',
    caption: 'Sandbox plans waiting for your approval',
  },
  {
    kind: 'TEST_REPORT_REVIEW',
    tab: 'Test reports',
    label: 'Report review',
    empty: 'No test report waits for your review.',
    caption: 'Test reports submitted to your authority, waiting for your review',
  },
  {
    kind: 'EXIT_DECISION',
    tab: 'Exits',
    label: 'Exit decision',
    empty: 'No exit waits for your decision.',
    caption: "Enrolments in exit review waiting for your authority's exit decision",
  },
  {
    kind: 'EXIT_REPORT_ISSUE',
    tab: 'Exit reports',
    label: 'Exit report',
    empty: 'No exit report waits to be issued.',
    caption: 'Exited enrolments whose exit report your authority has not issued yet',
  },
  {
    kind: 'EVIDENCE_EXPIRING',
    tab: 'Evidence',
    label: 'Evidence expiring',
    empty: 'No evidence of a testing enrolment expires soon.',
    caption: 'Evidence named by test results that expires soon or before the plan ends',
  },
];
const KIND = Object.fromEntries(KINDS.map((k) => [k.kind, k])) as Record<WorkQueueItemKind, (typeof KINDS)[number]>;

/** The regulator's next step on an item, in words (or why it cannot act yet). */
function nextStep(item: Item): string {
  const e = item.enrolment;
  switch (item.kind) {
    case 'ENTRY_DECISION': {
      const start = transitionFor(e.allowedTransitions, 'START_REVIEW');
      const decide = transitionFor(e.allowedTransitions, 'DECIDE_ENTRY');
      if (start?.allowed) return 'Start the review';
      if (decide?.allowed) return 'Decide entry';
      return (e.state === 'SUBMITTED' ? start : decide)?.reason ?? '';
    }
    case 'PLAN_APPROVAL':
      return 'Approve the proposed sandbox plan, or ask for changes';
    case 'TEST_REPORT_REVIEW':
      return item.testReport
        ? `Report of ${when(item.testReport.submittedAt)} from ${item.testReport.lab.name}, ${item.testReport.resultCount} results`
        : 'Review the report';
    case 'EXIT_DECISION': {
      const decide = transitionFor(e.allowedTransitions, 'DECIDE_EXIT');
      return decide?.allowed ? 'Decide exit' : (decide?.reason ?? '');
    }
    case 'EXIT_REPORT_ISSUE':
      return `Exited ${when(e.exitedAt)}: write and issue your exit report`;
    case 'EVIDENCE_EXPIRING':
      return 'Evidence its results rely on expires: ask the innovator for a revision';
  }
}

export function Component() {
  const me = useMyAuthority();
  // Whatever a decision or a review changes, the queue is read again.
  const context = useMemo(() => ({ additionalTypenames: ['Enrolment', 'TestReport', 'ExitReportVersion'] }), []);
  const queue = usePagedQuery({
    query: WorkQueueDocument,
    variables: { first: PAGE },
    connection: (data) => data.workQueue,
    context,
  });
  const [tab, setTab] = useState<Tab>('all');
  const [reviewing, setReviewing] = useState<Item | null>(null);
  const loading = me.fetching || (queue.fetching && !queue.data);
  const error = me.error ?? queue.error;
  const reload = () => {
    me.reload();
    queue.reload();
  };
  const items = queue.nodes;
  const of = (kind: WorkQueueItemKind) => items.filter((i) => i.kind === kind);
  const overdue = items.filter((i) => i.overdue).length;

  return (
    <>
      <PageHeader
        title="Work queue"
        description={
          me.authority
            ? `What waits for the ${me.authority.acronym} in the programmes it takes part in, most overdue first.`
            : 'What waits for your authority, most overdue first.'
        }
      />
      <ErrorNotice error={error} onRetry={reload} />
      {loading ? (
        <Center py="xl">
          <Loader aria-label="Loading your work queue" />
        </Center>
      ) : (
        <Stack>
          <Text size="sm" role="status">
            {queue.totalCount === 0
              ? 'Nothing waits for your authority.'
              : `${queue.totalCount} ${queue.totalCount === 1 ? 'item waits' : 'items wait'} for your authority${
                  overdue ? `, ${overdue} of those shown overdue` : ''
                }.`}
          </Text>
          <Tabs value={tab} onChange={(value) => setTab((value as Tab | null) ?? 'all')} keepMounted={false}>
            <Tabs.List mb="md">
              <Tabs.Tab value="all" rightSection={<Count n={queue.totalCount} />}>
                All
              </Tabs.Tab>
              {KINDS.map((k) => (
                <Tabs.Tab key={k.kind} value={k.kind} rightSection={<Count n={of(k.kind).length} />}>
                  {k.tab}
                </Tabs.Tab>
              ))}
            </Tabs.List>
            <Tabs.Panel value="all">
              <QueueTable
                caption="Everything waiting for your authority, most overdue first"
                items={items}
                empty="Nothing waits for your authority."
                showKind
                onReview={setReviewing}
              />
            </Tabs.Panel>
            {KINDS.map((k) => (
              <Tabs.Panel key={k.kind} value={k.kind}>
                <QueueTable caption={k.caption} items={of(k.kind)} empty={k.empty} onReview={setReviewing} />
              </Tabs.Panel>
            ))}
          </Tabs>
          {queue.hasMore && (
            <Button variant="default" w="fit-content" loading={queue.loadingMore} onClick={() => void queue.loadMore()}>
              Load more
            </Button>
          )}
        </Stack>
      )}

      <Dialog
        opened={reviewing !== null}
        onClose={() => setReviewing(null)}
        title={reviewing ? `Review the report on ${reviewing.enrolment.aiSystem.name}` : ''}
        size="xl"
      >
        {reviewing?.testReport && (
          <ReportToReview
            reportId={reviewing.testReport.id}
            onCancel={() => setReviewing(null)}
            onDone={(decision) => {
              notifications.show({
                color: 'green',
                title: decision === 'ACCEPT' ? 'Report accepted' : 'Report rejected',
                message: reviewing.enrolment.aiSystem.name,
              });
              setReviewing(null);
              queue.reload();
            }}
          />
        )}
      </Dialog>
    </>
  );
}

const Count = ({ n }: { n: number }) => (
  <Badge size="sm" variant={n ? 'filled' : 'light'} color={n ? 'indigo' : 'gray'}>
    {n}
  </Badge>
);

const SystemLink = ({ item }: { item: Item }) => (
  <Stack gap={0}>
    <Anchor component={Link} to={`/regulator/enrolments/${item.enrolment.id}`} fw={500} size="sm">
      {item.enrolment.aiSystem.name}
    </Anchor>
    <Text size="xs" c="dimmed">
      {item.enrolment.organisation.name} · {item.enrolment.programme.name}
    </Text>
  </Stack>
);

/** The item's one action: a link to where it is done, or the report's review here. */
function ItemAction({ item, onReview }: { item: Item; onReview: (item: Item) => void }) {
  const name = item.enrolment.aiSystem.name;
  if (item.kind === 'TEST_REPORT_REVIEW' && item.testReport)
    return (
      <Button
        size="xs"
        onClick={() => onReview(item)}
        aria-label={`Review the report on ${name} of ${when(item.testReport.submittedAt)}`}
      >
        Review
      </Button>
    );
  const [label, to] =
    item.kind === 'ENTRY_DECISION'
      ? ['Review', `/regulator/enrolments/${item.enrolment.id}`]
      : item.kind === 'EXIT_DECISION'
        ? ['Decide', `/regulator/enrolments/${item.enrolment.id}`]
        : item.kind === 'EXIT_REPORT_ISSUE'
          ? ['Exit report', `/regulator/enrolments/${item.enrolment.id}/exit-report`]
          : ['Open', `/regulator/enrolments/${item.enrolment.id}`];
  return (
    <Button component={Link} to={to} size="xs" variant="light" aria-label={`${label}: ${name}`}>
      {label}
    </Button>
  );
}

function QueueTable({
  caption,
  items,
  empty,
  showKind = false,
  onReview,
}: {
  caption: string;
  items: Item[];
  empty: string;
  showKind?: boolean;
  onReview: (item: Item) => void;
}) {
  if (items.length === 0) return <Text>{empty}</Text>;
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table striped highlightOnHover verticalSpacing="sm">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>AI system</Table.Th>
            {showKind && <Table.Th>Waiting for</Table.Th>}
            <Table.Th miw={130}>State</Table.Th>
            <Table.Th miw={140}>Due</Table.Th>
            <Table.Th>Next step</Table.Th>
            <Table.Th>
              <span className="visually-hidden">Actions</span>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={`${item.kind}-${item.enrolment.id}-${item.testReport?.id ?? ''}`}>
              <Table.Td>
                <SystemLink item={item} />
              </Table.Td>
              {showKind && <Table.Td>{KIND[item.kind].label}</Table.Td>}
              <Table.Td>
                <EnrolmentStateBadge state={item.enrolment.state} />
              </Table.Td>
              <Table.Td>
                <Due due={item.due} daysOverdue={item.daysOverdue} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{nextStep(item)}</Text>
              </Table.Td>
              <Table.Td>
                <ItemAction item={item} onReview={onReview} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The report, read in full (its results), and the review form. */
function ReportToReview({
  reportId,
  onDone,
  onCancel,
}: {
  reportId: string;
  onDone: (decision: 'ACCEPT' | 'REJECT') => void;
  onCancel: () => void;
}) {
  const [{ data, fetching, error }, reload] = useQuery({ query: ReportToReviewDocument, variables: { id: reportId } });
  const report = data?.testReport;
  return (
    <Stack>
      <ErrorNotice error={error} onRetry={() => reload({ requestPolicy: 'network-only' })} />
      {fetching && !data ? (
        <Center py="md">
          <Loader aria-label="Loading the report" />
        </Center>
      ) : report ? (
        <>
          <ReportFacts report={report} />
          <ReportResults report={report} />
          <ReviewReportForm report={report} onDone={onDone} onCancel={onCancel} />
        </>
      ) : (
        !error && <Text>This report is no longer yours to see.</Text>
      )}
    </Stack>
  );
}
