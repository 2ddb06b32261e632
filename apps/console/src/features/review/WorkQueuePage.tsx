// The regulator's work queue (/regulator/queue): what waits for its authority across the programmes
// it takes part in — applications to review and decide, test reports submitted to it, exits to
// decide, and tracks in testing to suspend or resume. Made from `enrolments` by state (the ones
// that can wait for a regulator), their tracks and what `allowedTransitions` lets this regulator
// do; each item opens the enrolment's review, and a report can be reviewed right here.
import { Anchor, Badge, Button, Center, Group, Loader, Stack, Table, Tabs, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import {
  type EnrolmentState,
  type QueueEnrolmentFragment,
  RegulatorEnrolmentsDocument,
  ReportToReviewDocument,
} from '../../gql/graphql';
import { Dialog } from '../../ui/Dialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { PageHeader } from '../../ui/PageHeader';
import { transitionFor } from '../../ui/TransitionAction';
import { EnrolmentStateBadge, TrackStateBadge } from './badges';
import { usePagedQuery } from './paging';
import { ReportFacts, ReportResults, ReviewReportForm } from './ReportReview';
import { useMyAuthority } from './useMyAuthority';
import { EXIT_DECISION_WORDS, when } from './words';

const PAGE = 50;

/** Enrolments in one state, page by page. */
function useInState(state: EnrolmentState) {
  return usePagedQuery({
    query: RegulatorEnrolmentsDocument,
    variables: { state, first: PAGE },
    connection: (data) => data.enrolments,
  });
}

type Row = QueueEnrolmentFragment;
type Report = Row['testReports'][number];

export function Component() {
  const me = useMyAuthority();
  // The states in which an enrolment can wait for a regulator: one query each (hooks in a fixed order).
  const lists = [
    useInState('SUBMITTED'),
    useInState('UNDER_REVIEW'),
    useInState('TESTING'),
    useInState('EXIT_REVIEW'),
    useInState('SUSPENDED'),
  ];
  const [reviewing, setReviewing] = useState<{ report: Report; enrolment: Row } | null>(null);
  const myId = me.authority?.id;
  const loading = me.fetching || lists.some((l) => l.fetching && !l.data);
  const error = me.error ?? lists.find((l) => l.error)?.error;
  const reload = () => {
    me.reload();
    lists.forEach((l) => l.reload());
  };

  const all = lists.flatMap((l) => l.nodes);
  const trackOf = (e: Row) => e.tracks.find((t) => t.authority.id === myId);
  const ours = all.filter((e) => trackOf(e));
  const applications = ours.filter(
    (e) => ['SUBMITTED', 'UNDER_REVIEW'].includes(e.state) && trackOf(e)!.state === 'PENDING',
  );
  const reports = ours.flatMap((e) =>
    e.testReports
      .filter((r) => r.status === 'SUBMITTED' && r.submittedTo.id === myId)
      .map((report) => ({ report, enrolment: e })),
  );
  const exits = ours.filter(
    (e) =>
      e.state === 'EXIT_REVIEW' && ['ADMITTED', 'SUSPENDED'].includes(trackOf(e)!.state) && !trackOf(e)!.exitDecision,
  );
  const testing = ours.filter(
    (e) =>
      ['TESTING', 'EXIT_REVIEW', 'SUSPENDED'].includes(e.state) &&
      ['ADMITTED', 'SUSPENDED'].includes(trackOf(e)!.state),
  );
  const hasMore = lists.some((l) => l.hasMore);

  return (
    <>
      <PageHeader
        title="Work queue"
        description={
          me.authority
            ? `What waits for the ${me.authority.acronym} in the programmes it takes part in.`
            : 'What waits for your authority.'
        }
      />
      <ErrorNotice error={error} onRetry={reload} />
      {loading ? (
        <Center py="xl">
          <Loader aria-label="Loading your work queue" />
        </Center>
      ) : (
        <Stack>
          <Tabs defaultValue="applications" keepMounted={false}>
            <Tabs.List mb="md">
              <Tabs.Tab value="applications" rightSection={<Count n={applications.length} />}>
                Applications
              </Tabs.Tab>
              <Tabs.Tab value="reports" rightSection={<Count n={reports.length} />}>
                Test reports
              </Tabs.Tab>
              <Tabs.Tab value="exits" rightSection={<Count n={exits.length} />}>
                Exits
              </Tabs.Tab>
              <Tabs.Tab value="testing" rightSection={<Count n={testing.length} />}>
                In testing
              </Tabs.Tab>
            </Tabs.List>

            <Tabs.Panel value="applications">
              <QueueTable
                caption="Applications waiting for your authority's entry decision"
                rows={applications}
                empty="No application waits for your authority."
                next={(e) => {
                  const start = transitionFor(e.allowedTransitions, 'START_REVIEW');
                  const decide = transitionFor(e.allowedTransitions, 'DECIDE_ENTRY');
                  if (start?.allowed) return 'Start the review';
                  if (decide?.allowed) return 'Decide entry';
                  return (e.state === 'SUBMITTED' ? start : decide)?.reason ?? '';
                }}
                action="Review"
              />
            </Tabs.Panel>

            <Tabs.Panel value="reports">
              {reports.length === 0 ? (
                <Text>No test report waits for your review.</Text>
              ) : (
                <Table.ScrollContainer minWidth={760}>
                  <Table striped highlightOnHover verticalSpacing="sm">
                    <Table.Caption>Test reports submitted to your authority, waiting for your review</Table.Caption>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>AI system</Table.Th>
                        <Table.Th>Submitted</Table.Th>
                        <Table.Th>Lab</Table.Th>
                        <Table.Th>Results</Table.Th>
                        <Table.Th>
                          <span className="visually-hidden">Actions</span>
                        </Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {reports.map(({ report, enrolment }) => (
                        <Table.Tr key={report.id}>
                          <Table.Td>
                            <SystemLink enrolment={enrolment} />
                          </Table.Td>
                          <Table.Td>{when(report.submittedAt)}</Table.Td>
                          <Table.Td>{report.lab.name}</Table.Td>
                          <Table.Td>{report.resultCount}</Table.Td>
                          <Table.Td>
                            <Button
                              size="xs"
                              onClick={() => setReviewing({ report, enrolment })}
                              aria-label={`Review the report on ${enrolment.aiSystem.name} of ${when(report.submittedAt)}`}
                            >
                              Review
                            </Button>
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )}
            </Tabs.Panel>

            <Tabs.Panel value="exits">
              <QueueTable
                caption="Enrolments in exit review waiting for your authority's exit decision"
                rows={exits}
                empty="No exit waits for your decision."
                next={(e) => {
                  const decide = transitionFor(e.allowedTransitions, 'DECIDE_EXIT');
                  return decide?.allowed ? 'Decide exit' : (decide?.reason ?? '');
                }}
                action="Decide"
              />
            </Tabs.Panel>

            <Tabs.Panel value="testing">
              <QueueTable
                caption="Enrolments your authority admitted that are in testing"
                rows={testing}
                empty="No enrolment is in testing with your authority."
                track={(e) => trackOf(e)!}
                next={(e) => {
                  const track = trackOf(e)!;
                  if (transitionFor(e.allowedTransitions, 'RESUME')?.allowed)
                    return 'Suspended by you: resume when ready';
                  if (track.exitDecision) return `Exit: ${EXIT_DECISION_WORDS[track.exitDecision].toLowerCase()}`;
                  return transitionFor(e.allowedTransitions, 'SUSPEND')?.allowed ? 'Testing: suspend if needed' : '';
                }}
                action="Open"
              />
            </Tabs.Panel>
          </Tabs>
          {hasMore && (
            <Button
              variant="default"
              w="fit-content"
              loading={lists.some((l) => l.loadingMore)}
              onClick={() => lists.filter((l) => l.hasMore).forEach((l) => void l.loadMore())}
            >
              Load more enrolments
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
        {reviewing && (
          <ReportToReview
            reportId={reviewing.report.id}
            onCancel={() => setReviewing(null)}
            onDone={(decision) => {
              notifications.show({
                color: 'green',
                title: decision === 'ACCEPT' ? 'Report accepted' : 'Report rejected',
                message: reviewing.enrolment.aiSystem.name,
              });
              setReviewing(null);
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

const SystemLink = ({ enrolment }: { enrolment: Row }) => (
  <Stack gap={0}>
    <Anchor component={Link} to={`/regulator/enrolments/${enrolment.id}`} fw={500} size="sm">
      {enrolment.aiSystem.name}
    </Anchor>
    <Text size="xs" c="dimmed">
      {enrolment.organisation.name} · {enrolment.programme.name}
    </Text>
  </Stack>
);

function QueueTable({
  caption,
  rows,
  empty,
  next,
  action,
  track,
}: {
  caption: string;
  rows: Row[];
  empty: string;
  /** The regulator's next step on the enrolment, in words (or why it cannot act yet). */
  next: (e: Row) => string;
  action: string;
  /** Show this track's state too. */
  track?: (e: Row) => Row['tracks'][number];
}) {
  if (rows.length === 0) return <Text>{empty}</Text>;
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover verticalSpacing="sm">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>AI system</Table.Th>
            <Table.Th>State</Table.Th>
            <Table.Th>Submitted</Table.Th>
            <Table.Th>Next step</Table.Th>
            <Table.Th>
              <span className="visually-hidden">Actions</span>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td>
                <SystemLink enrolment={e} />
              </Table.Td>
              <Table.Td>
                <Group gap={6}>
                  <EnrolmentStateBadge state={e.state} />
                  {track && <TrackStateBadge state={track(e).state} />}
                </Group>
              </Table.Td>
              <Table.Td>{when(e.submittedAt)}</Table.Td>
              <Table.Td>
                <Text size="sm">{next(e)}</Text>
              </Table.Td>
              <Table.Td>
                <Button
                  component={Link}
                  to={`/regulator/enrolments/${e.id}`}
                  size="xs"
                  variant="light"
                  aria-label={`${action}: ${e.aiSystem.name}`}
                >
                  {action}
                </Button>
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
