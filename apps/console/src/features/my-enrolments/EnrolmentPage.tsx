// One enrolment (innovator), at /innovator/enrolments/:id: its state, each targeted authority's track
// (state, decisions, reasons, suspension), the entry evaluation and evidence, reports and incidents,
// the timeline from the audit trail, and the actions `allowedTransitions` allows (request exit,
// withdraw; disabled ones with the API's reason), each sent at the version read (CONFLICT: refresh), and
// the way to the test report form (SUBMIT_TEST_REPORT) and to each report submitted.
// It stays current without a reload: the programme's `enrolmentEvents` (graphql-ws) about this
// enrolment reload it and its timeline, and are announced.
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Center,
  Group,
  Loader,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconBroadcast, IconFileText, IconFlag, IconPencil, IconX } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { type CombinedError, useMutation, useQuery, useSubscription } from 'urql';
import {
  type MyEnrolmentEventsSubscription,
  MyEnrolmentDocument,
  MyEnrolmentEventsDocument,
  type MyEnrolmentQuery,
  RequestMyExitDocument,
  WithdrawMyEnrolmentDocument,
} from '../../gql/graphql';
import { Dialog } from '../../ui/Dialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { PageHeader } from '../../ui/PageHeader';
import { TransitionAction, transitionFor } from '../../ui/TransitionAction';
import { EntryEvaluation } from '../application/EntryEvaluation';
import { DeadlineList } from '../deadlines/Deadlines';
import { ExitDocumentsLink } from '../exit-documents/ExitDocumentsLink';
import { SandboxPlanSection } from '../plans/SandboxPlanSection';
import { EnrolmentTimeline } from './EnrolmentTimeline';
import {
  EnrolmentStateBadge,
  instant,
  KIND_LABELS,
  ResultOutcomeBadge,
  SUSPENSION_GROUNDS,
  TrackStateBadge,
} from './words';
import { EvidenceLink } from '../evidence/EvidenceLink';
import { expiryBadge } from '../evidence/words';

type Enrolment = NonNullable<MyEnrolmentQuery['enrolment']>;
type Track = Enrolment['tracks'][number];
type LiveEvent = MyEnrolmentEventsSubscription['enrolmentEvents'];

const DECISION_WORDS: Record<string, string> = {
  ADMIT: 'Admitted',
  DECLINE: 'Declined',
  AUTHORISED: 'Authorised',
  REJECTED: 'Rejected',
  EXTENDED: 'Testing extended',
  REFINEMENT_REQUIRED: 'Refinement required',
};

export function Component() {
  const { id = '' } = useParams();
  const [{ data, fetching, error }, reload] = useQuery({ query: MyEnrolmentDocument, variables: { id } });
  const refresh = useCallback(() => reload({ requestPolicy: 'network-only' }), [reload]);
  const enrolment = data?.enrolment;

  // Live: the programme's events, kept when they are about this enrolment (newest first).
  const [live] = useSubscription(
    {
      query: MyEnrolmentEventsDocument,
      variables: { programmeId: enrolment?.programme.id ?? '' },
      pause: !enrolment,
    },
    (seen: LiveEvent[] = [], event) =>
      event.enrolmentEvents.enrolmentId === id ? [event.enrolmentEvents, ...seen].slice(0, 20) : seen,
  );
  const latest = live.data?.[0] ?? null;
  const latestId = latest?.id ?? null;
  useEffect(() => {
    if (latestId) refresh();
  }, [latestId, refresh]);

  if (fetching && !data)
    return (
      <Center py="xl">
        <Loader aria-label="Loading the enrolment" />
      </Center>
    );
  if (!enrolment)
    return (
      <>
        <BackLink />
        <PageHeader title="Enrolment" />
        <ErrorNotice error={error} onRetry={refresh} />
        {!error && <Text>Not found, or not yours to see.</Text>}
      </>
    );

  const authorities = new Map(enrolment.tracks.map((t) => [t.authority.id, t.authority.acronym]));
  const reportAuthority = new Map(enrolment.testReports.map((r) => [r.id, r.submittedTo.acronym]));
  const authorityName = (authorityId: string | null) =>
    authorityId ? (authorities.get(authorityId) ?? reportAuthority.get(authorityId) ?? null) : null;

  return (
    <>
      <BackLink />
      <PageHeader
        title={`${enrolment.aiSystem.name} in ${enrolment.programme.name}`}
        description={
          <>
            State: <EnrolmentStateBadge state={enrolment.state} /> · version {enrolment.version} · applied{' '}
            {instant(enrolment.createdAt)}
          </>
        }
      />
      <LiveStatus failed={!!live.error} latest={latest} />
      <ErrorNotice error={error} onRetry={refresh} />

      <Stack gap="xl">
        <Actions enrolment={enrolment} onRefresh={refresh} />
        <ExitDocumentsLink enrolmentId={enrolment.id} tracks={enrolment.tracks} />
        <ExpiringEvidence files={enrolment.expiringEvidence} />

        <section aria-labelledby="enrolment-tracks">
          <Title order={2} size="h3" id="enrolment-tracks" mb="sm">
            Tracks
          </Title>
          <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }}>
            {enrolment.tracks.map((track) => (
              <TrackCard key={track.authority.id} track={track} />
            ))}
          </SimpleGrid>
        </section>

        {enrolment.deadlines.length > 0 && (
          <section aria-labelledby="enrolment-deadlines">
            <Title order={2} size="h3" id="enrolment-deadlines" mb="sm">
              Deadlines
            </Title>
            <DeadlineList deadlines={enrolment.deadlines} label="The enrolment's deadlines" />
          </section>
        )}

        <SandboxPlanSection enrolmentId={enrolment.id} refreshKey={latest?.id ?? null} />

        <section aria-labelledby="enrolment-timeline">
          <Title order={2} size="h3" id="enrolment-timeline" mb="sm">
            Timeline
          </Title>
          <EnrolmentTimeline enrolmentId={enrolment.id} authorityName={authorityName} refreshKey={latest?.id ?? null} />
        </section>
        <section aria-labelledby="enrolment-evaluation">
          <Title order={2} size="h3" id="enrolment-evaluation" mb={4}>
            Entry evaluation
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            Each authority's entry criteria against the application.
          </Text>
          <EntryEvaluation tracks={enrolment.tracks} entryResults={enrolment.entryResults} />
        </section>

        <section aria-labelledby="enrolment-evidence">
          <Title order={2} size="h3" id="enrolment-evidence" mb="sm">
            Entry evidence supplied
          </Title>
          {enrolment.entryResults.length === 0 ? (
            <Text size="sm">Nothing supplied yet.</Text>
          ) : (
            <Table.ScrollContainer minWidth={720}>
              <Table striped verticalSpacing={6}>
                <Table.Caption>What the application gives for each entry criterion</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th miw={220}>Criterion</Table.Th>
                    <Table.Th>Kind</Table.Th>
                    <Table.Th>Supplied</Table.Th>
                    <Table.Th>Result</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {enrolment.entryResults.map((r) => (
                    <Table.Tr key={r.id}>
                      <Table.Td>
                        <Text size="sm">{r.criterion.title}</Text>
                        <Text size="xs" c="dimmed">
                          {r.criterion.key}
                        </Text>
                      </Table.Td>
                      <Table.Td>{KIND_LABELS[r.criterion.kind]}</Table.Td>
                      <Table.Td>
                        <Text size="sm" style={{ wordBreak: 'break-all' }}>
                          {supplied(r)}
                        </Text>
                        {r.evidence && <EvidenceLink evidence={r.evidence} compact />}
                      </Table.Td>
                      <Table.Td>
                        <ResultOutcomeBadge outcome={r.outcome} />
                        <Text size="xs">{r.detail}</Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </section>

        {(enrolment.testReports.length > 0 || enrolment.incidents.length > 0) && (
          <section aria-labelledby="enrolment-testing">
            <Title order={2} size="h3" id="enrolment-testing" mb="sm">
              Test reports and incidents
            </Title>
            <Stack gap="xs">
              {enrolment.testReports.map((r) => (
                <Text key={r.id} size="sm">
                  <Anchor component={Link} to={`reports/${r.id}`} inherit>
                    Report to {r.submittedTo.acronym}
                  </Anchor>
                  , {r.resultCount} results, submitted {instant(r.submittedAt)}:{' '}
                  <Badge
                    component="span"
                    variant="light"
                    color={r.status === 'ACCEPTED' ? 'green' : r.status === 'REJECTED' ? 'red' : 'blue'}
                  >
                    {r.status.toLowerCase()}
                  </Badge>
                </Text>
              ))}
              {enrolment.incidents.map((i) => (
                <Text key={i.id} size="sm">
                  Incident ({i.severity.toLowerCase()}) reported {instant(i.reportedAt)} by{' '}
                  {authorityName(i.reportingAuthorityId ?? null) ?? 'your organisation'}: {i.description}
                </Text>
              ))}
            </Stack>
          </section>
        )}

        <section aria-labelledby="enrolment-dates">
          <Title order={2} size="h3" id="enrolment-dates" mb="sm">
            Dates
          </Title>
          <Table variant="vertical" layout="fixed" maw={560} withTableBorder>
            <Table.Tbody>
              <Table.Tr>
                <Table.Th w={200}>Applied</Table.Th>
                <Table.Td>{instant(enrolment.createdAt)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>Submitted</Table.Th>
                <Table.Td>{instant(enrolment.submittedAt)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>Testing started</Table.Th>
                <Table.Td>{instant(enrolment.testingStartedAt)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>Exited</Table.Th>
                <Table.Td>{instant(enrolment.exitedAt)}</Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </section>
      </Stack>
    </>
  );
}

function supplied(r: Enrolment['entryResults'][number]): string {
  if (r.value !== null && r.value !== undefined) return String(r.value);
  if (r.evidenceReference || r.evidenceSha256)
    return `${r.evidenceReference ?? 'no reference'} · SHA-256 ${r.evidenceSha256 ?? 'none'}`;
  if (r.attested !== null && r.attested !== undefined) return r.attested ? 'Attested' : 'Not attested';
  return 'Nothing';
}

/** Evidence the enrolment's results or plan name that has expired or soon will: revise it before it stops counting. */
function ExpiringEvidence({ files }: { files: Enrolment['expiringEvidence'] }) {
  if (files.length === 0) return null;
  return (
    <Alert color="yellow" variant="light" title="Evidence expiring" role="region" aria-label="Evidence expiring">
      <Stack gap={6}>
        <Text size="sm">
          Evidence that expired before a report&apos;s period ended does not satisfy an evidence criterion. Upload a
          revision in the{' '}
          <Anchor component={Link} to="/innovator/evidence" inherit>
            evidence library
          </Anchor>
          .
        </Text>
        {files.map((file) => {
          const badge = expiryBadge(file.expiryDay, file.expired);
          return (
            <Group key={file.id} gap="xs">
              <EvidenceLink evidence={file} compact />
              {badge && (
                <Badge size="sm" variant="light" color={badge.color}>
                  {badge.label}
                </Badge>
              )}
            </Group>
          );
        })}
      </Stack>
    </Alert>
  );
}

function BackLink() {
  return (
    <Anchor component={Link} to="/innovator/enrolments" size="sm" mb="xs" display="inline-flex">
      <Group gap={4} component="span">
        <IconArrowLeft size={14} aria-hidden />
        My enrolments
      </Group>
    </Anchor>
  );
}

/** Whether the page is following the programme's events, and the latest one about this enrolment (announced). */
function LiveStatus({ failed, latest }: { failed: boolean; latest: LiveEvent | null }) {
  return (
    <Group gap="xs" mb="md" wrap="nowrap">
      <IconBroadcast size={16} aria-hidden color={failed ? 'var(--mantine-color-red-9)' : undefined} />
      <Text size="sm" c="dimmed" role="status" aria-live="polite" aria-atomic>
        {failed
          ? 'Live updates are unavailable: reload the page to see changes.'
          : latest
            ? `Updated live: ${latest.summary} (${instant(latest.occurredAt)})`
            : 'Live: this page updates as the authorities act.'}
      </Text>
    </Group>
  );
}

function TrackCard({ track }: { track: Track }) {
  return (
    <Card withBorder padding="md" component="article" aria-label={`${track.authority.acronym} track`}>
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <div>
          <Title order={3} size="h4">
            {track.authority.acronym}
          </Title>
          <Text size="xs" c="dimmed">
            {track.authority.name}
          </Text>
        </div>
        <TrackStateBadge state={track.state} size="lg" />
      </Group>
      <Stack gap={6}>
        <Text size="sm">
          <strong>Entry:</strong>{' '}
          {track.entryDecision
            ? `${DECISION_WORDS[track.entryDecision]} ${instant(track.entryDecidedAt)}`
            : 'Not decided yet'}
        </Text>
        {track.entryReasons && <Text size="sm">Reasons: {track.entryReasons}</Text>}
        {track.entryJustification && (
          <Text size="sm">Justification for admitting over unmet mandatory criteria: {track.entryJustification}</Text>
        )}
        {(track.exitDecision || track.exitReasons) && (
          <>
            <Text size="sm">
              <strong>Exit:</strong>{' '}
              {track.exitDecision
                ? `${DECISION_WORDS[track.exitDecision]} ${instant(track.exitDecidedAt)}`
                : 'Not decided'}
            </Text>
            {track.exitReasons && <Text size="sm">Reasons: {track.exitReasons}</Text>}
          </>
        )}
        {track.suspended && (
          <Alert color="orange" variant="light" title="Suspended" p="xs">
            <Text size="sm">
              Ground: {track.suspensionGround ? SUSPENSION_GROUNDS[track.suspensionGround] : 'not given'}
            </Text>
            {track.suspensionReasons && <Text size="sm">Reasons: {track.suspensionReasons}</Text>}
            <Text size="xs">Since {instant(track.suspendedAt)}</Text>
          </Alert>
        )}
        <DeadlineList deadlines={track.deadlines} label={`${track.authority.acronym} deadlines`} />
      </Stack>
    </Card>
  );
}

type ActionKind = 'REQUEST_EXIT' | 'WITHDRAW';

const ACTION_WORDS: Record<ActionKind, { button: string; title: string; explain: string; done: string }> = {
  REQUEST_EXIT: {
    button: 'Request exit',
    title: 'Request exit',
    explain:
      'Testing ends and each admitted authority decides on its track: authorised, rejected, extended testing or refinement required.',
    done: 'Exit requested',
  },
  WITHDRAW: {
    button: 'Withdraw',
    title: 'Withdraw the enrolment',
    explain: 'The enrolment ends for every authority and its place in the cohort is freed. This cannot be undone.',
    done: 'Enrolment withdrawn',
  },
};

/** The innovator's actions on the enrolment, as `allowedTransitions` allows them. */
function Actions({ enrolment, onRefresh }: { enrolment: Enrolment; onRefresh: () => void }) {
  const navigate = useNavigate();
  const [acting, setActing] = useState<ActionKind | null>(null);
  const [reasons, setReasons] = useState('');
  const [problem, setProblem] = useState<CombinedError | null>(null);
  const [exitState, requestExit] = useMutation(RequestMyExitDocument);
  const [withdrawState, withdraw] = useMutation(WithdrawMyEnrolmentDocument);
  const state = acting === 'WITHDRAW' ? withdrawState : exitState;

  async function confirm() {
    if (!acting) return;
    setProblem(null);
    const input = { enrolmentId: enrolment.id, expectedVersion: enrolment.version, reasons: reasons.trim() || null };
    const result = acting === 'WITHDRAW' ? await withdraw({ input }) : await requestExit({ input });
    if (result.error) {
      setProblem(result.error);
      return;
    }
    notifications.show({ color: 'green', title: ACTION_WORDS[acting].done, message: enrolment.aiSystem.name });
    setActing(null);
    setReasons('');
  }

  const open = (kind: ActionKind) => {
    setReasons('');
    setProblem(null);
    setActing(kind);
  };

  return (
    <section aria-labelledby="enrolment-actions">
      <Title order={2} size="h3" id="enrolment-actions" mb="sm">
        Actions
      </Title>
      <Stack gap="sm" align="flex-start">
        {enrolment.state === 'DRAFT' && (
          <Button component={Link} to="application" leftSection={<IconPencil size={16} />}>
            Continue the application
          </Button>
        )}
        {enrolment.state !== 'DRAFT' && (
          <TransitionAction
            transition={transitionFor(enrolment.allowedTransitions, 'SUBMIT_TEST_REPORT')}
            leftSection={<IconFileText size={16} />}
            onClick={() => navigate('report')}
          >
            Submit a test report
          </TransitionAction>
        )}
        {enrolment.state !== 'DRAFT' && (
          <TransitionAction
            transition={transitionFor(enrolment.allowedTransitions, 'REQUEST_EXIT')}
            leftSection={<IconFlag size={16} />}
            onClick={() => open('REQUEST_EXIT')}
          >
            Request exit
          </TransitionAction>
        )}
        <TransitionAction
          transition={transitionFor(enrolment.allowedTransitions, 'WITHDRAW')}
          color="red.9"
          variant="outline"
          leftSection={<IconX size={16} />}
          onClick={() => open('WITHDRAW')}
        >
          Withdraw
        </TransitionAction>
      </Stack>

      <Dialog opened={acting !== null} onClose={() => setActing(null)} title={acting ? ACTION_WORDS[acting].title : ''}>
        {acting && (
          <Stack>
            <ErrorNotice error={problem} onRefresh={onRefresh} />
            <Text size="sm">{ACTION_WORDS[acting].explain}</Text>
            <Textarea
              label="Reasons"
              description="Optional; recorded in the audit trail"
              autosize
              minRows={2}
              value={reasons}
              onChange={(event) => setReasons(event.currentTarget.value)}
              data-autofocus
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setActing(null)}>
                Cancel
              </Button>
              <Button
                color={acting === 'WITHDRAW' ? 'red.9' : undefined}
                loading={state.fetching}
                onClick={() => void confirm()}
              >
                {ACTION_WORDS[acting].button}
              </Button>
            </Group>
          </Stack>
        )}
      </Dialog>
    </section>
  );
}
