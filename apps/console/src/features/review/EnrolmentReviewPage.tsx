// One enrolment as a regulator reviews it (/regulator/enrolments/:id): the application and its tracks,
// each authority's entry, testing and exit criteria evaluated; the actions its `allowedTransitions`
// allow this regulator (start the review, decide entry, decide exit, suspend, resume — the others
// disabled with the API's reason); test reports to accept or reject; incidents; the audit trail with
// "Verify". Live: events of the enrolment (`enrolmentEvents`) reload it without a reload of the page.
import { Alert, Badge, Button, Card, Center, Group, Loader, Stack, Tabs, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconBroadcast, IconFileText, IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { type CombinedError, useClient, useMutation, useQuery } from 'urql';
import {
  EnrolmentReviewDocument,
  type EnrolmentReviewQuery,
  type ReviewTrackFragment,
  StartReviewDocument,
} from '../../gql/graphql';
import { Dialog } from '../../ui/Dialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { PageHeader } from '../../ui/PageHeader';
import { TransitionAction, transitionFor } from '../../ui/TransitionAction';
import { DeadlineList } from '../deadlines/Deadlines';
import { IncidentList } from '../incidents/IncidentList';
import { PlanReview } from '../plans/PlanReview';
import { ReportIncidentForm } from '../incidents/ReportIncidentForm';
import { AuditTrail } from './AuditTrail';
import { EnrolmentStateBadge, TrackStateBadge } from './badges';
import { DecideEntryForm, DecideExitForm, ResumeForm, SuspendForm } from './DecisionForms';
import { EvaluationTable } from './EvaluationTable';
import { FactList } from './FactList';
import { useEnrolmentEvents } from './live';
import { ReportFacts, ReportResults, ReviewReportForm, ToReviewBadge } from './ReportReview';
import { EXIT_DECISION_WORDS, groundLabel, when } from './words';

type Enrolment = NonNullable<EnrolmentReviewQuery['enrolment']>;
type Action = 'entry' | 'exit' | 'suspend' | 'resume' | 'incident';

const TITLES: Record<Action, string> = {
  entry: 'Decide entry',
  exit: 'Decide exit',
  suspend: 'Suspend your track',
  resume: 'Resume your track',
  incident: 'Report an incident',
};

const JOINT_ENTRY: Record<string, string> = {
  EACH_AUTHORITY: 'each authority decides its own track',
  UNANIMOUS: 'every authority must admit',
  LEAD_DECIDES: 'the lead authority decides for all',
};

const TESTING_STATES = ['TESTING', 'EXIT_REVIEW', 'SUSPENDED'];

export function Component() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'review';
  const [{ data, fetching, error }, reexecute] = useQuery({ query: EnrolmentReviewDocument, variables: { id } });
  const client = useClient();
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  const enrolment = data?.enrolment ?? null;
  const myAuthorityId = data?.me.authority?.id ?? null;

  // A form decides on the version read when it was opened; CONFLICT's Refresh moves it to the latest.
  const [action, setAction] = useState<{ kind: Action; version: number } | null>(null);
  const [live, setLive] = useState<string | null>(null);
  const [fresh, setFresh] = useState<Set<string>>(() => new Set());

  useEnrolmentEvents(enrolment?.programme.id, (event) => {
    if (event.enrolmentId !== id) return;
    setLive(event.summary);
    if (event.incidentId) setFresh((known) => new Set(known).add(event.incidentId!));
    refresh();
  });

  async function refreshForm() {
    const result = await client.query(EnrolmentReviewDocument, { id }, { requestPolicy: 'network-only' }).toPromise();
    const latest = result.data?.enrolment;
    if (latest) setAction((open) => (open ? { ...open, version: latest.version } : open));
  }

  function done(message: string) {
    notifications.show({ color: 'green', title: message, message: enrolment?.aiSystem.name ?? '' });
    setAction(null);
    refresh();
  }

  if (fetching && !data)
    return (
      <>
        <PageHeader title="Enrolment" />
        <Center py="xl">
          <Loader aria-label="Loading the enrolment" />
        </Center>
      </>
    );
  if (!enrolment)
    return (
      <>
        <PageHeader title="Enrolment" />
        <ErrorNotice error={error} onRetry={refresh} />
        {!error && (
          <Stack align="flex-start">
            <Text>This enrolment does not exist, or it is not yours to see.</Text>
            <Button component={Link} to="/regulator/queue">
              Back to the work queue
            </Button>
          </Stack>
        )}
      </>
    );

  const mine = enrolment.tracks.find((t) => t.authority.id === myAuthorityId) ?? null;
  const tracks = [...enrolment.tracks].sort((a, b) => Number(b === mine) - Number(a === mine));
  const authorities = new Map(enrolment.tracks.map((t) => [t.authority.id, t.authority.acronym]));
  const toReview = enrolment.testReports.filter((r) => r.status === 'SUBMITTED' && r.submittedTo.id === myAuthorityId);
  const open = (kind: Action) => setAction({ kind, version: enrolment.version });
  const target = action ? { id: enrolment.id, version: action.version } : null;

  return (
    <>
      <PageHeader
        title={enrolment.aiSystem.name}
        description={
          <>
            {enrolment.organisation.name} · {enrolment.programme.name}
          </>
        }
        actions={
          <Button
            component={Link}
            to={`/regulator/enrolments/${enrolment.id}/exit-report`}
            variant="default"
            leftSection={<IconFileText size={16} />}
          >
            Exit report
          </Button>
        }
      />
      <Group gap="sm" mb="md">
        <EnrolmentStateBadge state={enrolment.state} />
        <Text size="sm" c="dimmed">
          Version {enrolment.version}
        </Text>
        <Group gap={4} wrap="nowrap" role="status" aria-live="polite">
          <IconBroadcast size={16} aria-hidden />
          <Text size="sm" c="dimmed">
            {live ? `Live: ${live}` : 'Live updates on'}
          </Text>
        </Group>
      </Group>
      <ErrorNotice error={error} onRetry={refresh} />

      <Tabs
        value={tab}
        onChange={(value) => setParams(value === 'review' ? {} : { tab: value ?? 'review' })}
        keepMounted={false}
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="review">Review</Tabs.Tab>
          <Tabs.Tab value="plan">Sandbox plan</Tabs.Tab>
          <Tabs.Tab value="reports" rightSection={<ToReviewBadge count={toReview.length} />}>
            Test reports ({enrolment.testReports.length})
          </Tabs.Tab>
          <Tabs.Tab value="incidents">Incidents ({enrolment.incidents.length})</Tabs.Tab>
          <Tabs.Tab value="audit">Audit trail</Tabs.Tab>
        </Tabs.List>

        <Tabs.Panel value="review">
          <Stack gap="lg">
            <Actions enrolment={enrolment} mine={mine} onOpen={open} onChanged={done} onRefresh={refresh} />
            <Facts enrolment={enrolment} />
            {tracks.map((track) => (
              <TrackCard key={track.authority.id} track={track} enrolment={enrolment} mine={track === mine} />
            ))}
          </Stack>
        </Tabs.Panel>

        <Tabs.Panel value="plan">
          <PlanReview enrolmentId={enrolment.id} programmeId={enrolment.programme.id} />
        </Tabs.Panel>

        <Tabs.Panel value="reports">
          <Stack gap="lg">
            {enrolment.testReports.length === 0 && <Text>No test report you may read has been submitted yet.</Text>}
            {enrolment.testReports.map((report) => (
              <Card
                key={report.id}
                withBorder
                padding="lg"
                component="section"
                aria-label={`Report to ${report.submittedTo.acronym}, ${when(report.submittedAt)}`}
              >
                <Title order={2} size="h4" mb="sm">
                  Report to {report.submittedTo.acronym} of {when(report.submittedAt)}
                </Title>
                <Stack gap="md">
                  <ReportFacts report={report} />
                  <ReportResults report={report} />
                  {report.status === 'SUBMITTED' && report.submittedTo.id === myAuthorityId && (
                    <ReviewReportForm
                      report={report}
                      onDone={(decision) => done(decision === 'ACCEPT' ? 'Report accepted' : 'Report rejected')}
                    />
                  )}
                </Stack>
              </Card>
            ))}
          </Stack>
        </Tabs.Panel>

        <Tabs.Panel value="incidents">
          <Stack>
            <Group justify="space-between">
              <Text size="sm" maw={640}>
                Incidents reported during testing, newest first. Every participating authority is told at once.
              </Text>
              {mine && TESTING_STATES.includes(enrolment.state) ? (
                <Button leftSection={<IconPlus size={16} />} onClick={() => open('incident')}>
                  Report an incident
                </Button>
              ) : (
                <Text size="sm" c="dimmed">
                  Incidents are reported while the enrolment is in testing, by a targeted authority or the innovator.
                </Text>
              )}
            </Group>
            <IncidentList
              incidents={[...enrolment.incidents].reverse()}
              authorities={authorities}
              fresh={fresh}
              empty="No incident has been reported on this enrolment."
            />
          </Stack>
        </Tabs.Panel>

        <Tabs.Panel value="audit">
          <AuditTrail enrolmentId={enrolment.id} authorities={authorities} />
        </Tabs.Panel>
      </Tabs>

      <Dialog
        opened={action !== null}
        onClose={() => setAction(null)}
        title={action ? TITLES[action.kind] : ''}
        size="lg"
      >
        {action && target && (
          <>
            {action.kind !== 'incident' && (
              <Text size="sm" c="dimmed" mb="sm">
                You decide on version {action.version} of the enrolment, as you read it.
              </Text>
            )}
            {action.kind === 'entry' && (
              <DecideEntryForm
                enrolment={target}
                evaluation={mine?.entryEvaluation ?? []}
                onDone={done}
                onCancel={() => setAction(null)}
                onRefresh={refreshForm}
              />
            )}
            {action.kind === 'exit' && (
              <DecideExitForm
                enrolment={target}
                onDone={done}
                onCancel={() => setAction(null)}
                onRefresh={refreshForm}
              />
            )}
            {action.kind === 'suspend' && (
              <SuspendForm enrolment={target} onDone={done} onCancel={() => setAction(null)} onRefresh={refreshForm} />
            )}
            {action.kind === 'resume' && (
              <ResumeForm enrolment={target} onDone={done} onCancel={() => setAction(null)} onRefresh={refreshForm} />
            )}
            {action.kind === 'incident' && (
              <ReportIncidentForm
                enrolmentId={enrolment.id}
                defaultJurisdictions={mine ? [mine.authority.jurisdiction.code] : []}
                onCancel={() => setAction(null)}
                onReported={() => done('Incident reported')}
              />
            )}
          </>
        )}
      </Dialog>
    </>
  );
}

/** This regulator's actions on its own track, as `allowedTransitions` has them. */
function Actions({
  enrolment,
  mine,
  onOpen,
  onChanged,
  onRefresh,
}: {
  enrolment: Enrolment;
  mine: ReviewTrackFragment | null;
  onOpen: (kind: Action) => void;
  onChanged: (message: string) => void;
  onRefresh: () => void;
}) {
  const [start, startReview] = useMutation(StartReviewDocument);
  const [startError, setStartError] = useState<CombinedError | undefined>();
  const transitions = enrolment.allowedTransitions;

  async function begin() {
    const result = await startReview({ input: { enrolmentId: enrolment.id, expectedVersion: enrolment.version } });
    setStartError(result.error);
    if (!result.error) onChanged('Review started');
  }

  const allowed = (action: string) => transitionFor(transitions, action)?.allowed ?? false;
  const actions = [
    { action: 'START_REVIEW', label: 'Start the review', onClick: () => void begin(), loading: start.fetching },
    { action: 'DECIDE_ENTRY', label: 'Decide entry', onClick: () => onOpen('entry') },
    { action: 'DECIDE_EXIT', label: 'Decide exit', onClick: () => onOpen('exit') },
    { action: 'SUSPEND', label: 'Suspend', onClick: () => onOpen('suspend'), color: 'orange', variant: 'light' },
    { action: 'RESUME', label: 'Resume', onClick: () => onOpen('resume') },
  ];

  if (!mine)
    return (
      <Alert variant="light" color="gray" title="Your authority is not targeted">
        <Text size="sm">
          You see this enrolment because your authority takes part in its programme; only the targeted authorities
          decide on it.
        </Text>
      </Alert>
    );

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="your-actions">
      <Title order={2} size="h4" id="your-actions" mb="sm">
        Your decisions ({mine.authority.acronym})
      </Title>
      <Stack gap="sm">
        <ErrorNotice
          error={startError}
          onRefresh={() => {
            setStartError(undefined);
            onRefresh();
          }}
        />
        {/* What you may do now first; the rest below it, disabled, each with the API's reason. */}
        {[...actions]
          .sort((a, b) => Number(allowed(b.action)) - Number(allowed(a.action)))
          .map(({ action, label, onClick, ...button }) => (
            <TransitionAction
              key={action}
              transition={transitionFor(transitions, action)}
              onClick={onClick}
              {...button}
            >
              {label}
            </TransitionAction>
          ))}
      </Stack>
    </Card>
  );
}

function Facts({ enrolment }: { enrolment: Enrolment }) {
  const { aiSystem, programme } = enrolment;
  const facts: [string, string][] = [
    ['Organisation', `${enrolment.organisation.name} (${enrolment.organisation.homeJurisdiction.code})`],
    ['AI system', `${aiSystem.name} — sector ${aiSystem.sector}, risk class ${aiSystem.riskClass.toLowerCase()}`],
    ['Programme', `${programme.name}, led by ${programme.leadAuthority.acronym}`],
    ['Joint entry', JOINT_ENTRY[programme.jointEntryRule] ?? programme.jointEntryRule],
    ['Recognised results', programme.acceptsRecognisedResults ? 'counted as met' : 'not counted'],
    ['Applied', when(enrolment.createdAt)],
    ['Submitted', when(enrolment.submittedAt)],
    ['Testing since', when(enrolment.testingStartedAt)],
    ['Exited', when(enrolment.exitedAt)],
  ];
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="application">
      <Title order={2} size="h4" id="application" mb="sm">
        Application
      </Title>
      <Text size="sm" mb="sm">
        {aiSystem.intendedPurpose}
      </Text>
      <FactList facts={facts} />
      {enrolment.deadlines.length > 0 && (
        <Stack gap={4} mt="sm">
          <Text size="sm" fw={600}>
            Deadlines
          </Text>
          <DeadlineList deadlines={enrolment.deadlines} label="The enrolment's deadlines" />
        </Stack>
      )}
    </Card>
  );
}

/** "5 of 7 met" (not applicable ones count as met). */
const metCount = (rows: { outcome: string }[]) =>
  `${rows.filter((r) => r.outcome === 'MET' || r.outcome === 'NOT_APPLICABLE').length} of ${rows.length} met`;

function TrackCard({ track, enrolment, mine }: { track: ReviewTrackFragment; enrolment: Enrolment; mine: boolean }) {
  const reportResults = useMemo(
    () =>
      enrolment.testReports.flatMap((r) =>
        r.results.map((x) => ({ id: x.id, detail: x.detail, evidence: x.evidence })),
      ),
    [enrolment.testReports],
  );
  const headingId = `track-${track.authority.id}`;
  const admitted = !['PENDING', 'DECLINED'].includes(track.state);
  // The stage the track is at: entry until admitted, testing, then exit once decided or in exit review.
  const stage = !admitted
    ? 'entry'
    : track.exitDecision || enrolment.state === 'EXIT_REVIEW' || enrolment.state === 'EXITED'
      ? 'exit'
      : 'testing';
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={headingId}>
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id={headingId}>
          {track.authority.name} ({track.authority.acronym}, {track.authority.jurisdiction.code})
        </Title>
        <Group gap="xs">
          {mine && (
            <Badge variant="outline" color="indigo">
              Your authority
            </Badge>
          )}
          <TrackStateBadge state={track.state} />
        </Group>
      </Group>
      <Stack gap="xs" mb="md">
        {track.entryDecision && (
          <Text size="sm">
            <Text span fw={600} size="sm">
              Entry:
            </Text>{' '}
            {track.entryDecision === 'ADMIT' ? 'admitted' : 'declined'} {when(track.entryDecidedAt)}
            {track.entryReasons ? ` — ${track.entryReasons}` : ''}
          </Text>
        )}
        {track.entryJustification && (
          <Text size="sm">
            <Text span fw={600} size="sm">
              Justification:
            </Text>{' '}
            {track.entryJustification}
          </Text>
        )}
        {track.exitDecision && (
          <Text size="sm">
            <Text span fw={600} size="sm">
              Exit:
            </Text>{' '}
            {EXIT_DECISION_WORDS[track.exitDecision].toLowerCase()} {when(track.exitDecidedAt)}
            {track.exitReasons ? ` — ${track.exitReasons}` : ''}
          </Text>
        )}
        {track.suspended && track.suspensionGround && (
          <Alert
            color="orange"
            variant="light"
            icon={<IconAlertTriangle size={18} aria-hidden />}
            title={`Suspended since ${when(track.suspendedAt)}: ${groundLabel(track.suspensionGround)}`}
          >
            <Text size="sm">{track.suspensionReasons}</Text>
          </Alert>
        )}
        <DeadlineList deadlines={track.deadlines} label={`${track.authority.acronym}'s deadlines`} />
      </Stack>
      <Tabs defaultValue={stage} variant="outline" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="entry">Entry criteria ({metCount(track.entryEvaluation)})</Tabs.Tab>
          <Tabs.Tab value="testing" disabled={!admitted}>
            Testing criteria{admitted ? ` (${metCount(track.testingEvaluation)})` : ''}
          </Tabs.Tab>
          <Tabs.Tab value="exit" disabled={!admitted}>
            Exit criteria{admitted ? ` (${metCount(track.exitEvaluation)})` : ''}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="entry" pt="sm">
          <EvaluationTable
            caption={`${track.authority.acronym}'s entry criteria, evaluated against the application`}
            rows={track.entryEvaluation}
            results={enrolment.entryResults}
            markUnmetMandatory={track.state === 'PENDING'}
          />
        </Tabs.Panel>
        <Tabs.Panel value="testing" pt="sm">
          <EvaluationTable
            caption={`${track.authority.acronym}'s testing criteria, evaluated against the test reports`}
            rows={track.testingEvaluation}
            results={reportResults}
          />
        </Tabs.Panel>
        <Tabs.Panel value="exit" pt="sm">
          <EvaluationTable
            caption={`${track.authority.acronym}'s exit criteria, evaluated against the test reports`}
            rows={track.exitEvaluation}
            results={reportResults}
          />
        </Tabs.Panel>
      </Tabs>
    </Card>
  );
}
