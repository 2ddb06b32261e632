import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import {
  AuditService,
  type EnrolmentEvent,
  EnrolmentEventType,
  EventBus,
  ProgrammeService,
} from '@sandbridge/application';
import { type Actor, JointEntryRule, Role } from '@sandbridge/domain';
import { TransactionalConnection } from '@sandbridge/persistence';
import {
  agreePlan,
  buildSandbox,
  planInput,
  entryResultsMeeting,
  expectBadInput,
  expectError,
  expectOk,
  type GqlError,
  type GraphQLResponse,
  type Sandbox,
  type SandboxAuthority,
  TestApp,
} from '@sandbridge/testing';
import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';

// Cooperation (issue 5; docs/domain.md#roles-and-visibility, §3, §6, §7a) end to end: live events over graphql-ws against
// a listening server (each event re-checked against the query access rules: programme, tenant,
// report confidentiality), events and audit entries only after commit, incidents shared with every
// participating authority, and the hash-chained audit trail (listing, pagination, verification,
// tampering by SQL reported at the broken link).

type Vars = Record<string, unknown>;
interface Ref {
  id: string;
  state: string;
  version: number;
  tracks: { authority: { acronym: string }; state: string; suspended: boolean }[];
}
interface LiveEvent {
  id: string;
  type: string;
  occurredAt: string;
  programmeId: string;
  enrolmentId: string;
  authorityId: string | null;
  action: string | null;
  fromState: string | null;
  toState: string | null;
  reportId: string | null;
  incidentId: string | null;
  summary: string;
}
interface AuditRow {
  seq: number;
  id: string;
  occurredAt: string;
  actorAccountId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  enrolmentId: string | null;
  programmeId: string | null;
  data: Record<string, any>;
  prevHash: string;
  hash: string;
}
interface Account {
  id: string;
  token: string;
}

const EVENT_FIELDS =
  'id type occurredAt programmeId enrolmentId authorityId action fromState toState reportId incidentId summary';
const SUBSCRIPTION = `subscription($programmeId: ID!) { enrolmentEvents(programmeId: $programmeId) { ${EVENT_FIELDS} } }`;

const REF = 'id state version tracks { authority { acronym } state suspended }';
const step = (name: string, type = 'EnrolmentActionInput') =>
  `mutation($input: ${type}!) { ${name}(input: $input) { ${REF} } }`;
const CREATE_ENROLMENT = `mutation($input: CreateEnrolmentInput!) { createEnrolment(input: $input) { ${REF} } }`;
const UPDATE_APPLICATION = `mutation($input: UpdateEnrolmentApplicationInput!) { updateEnrolmentApplication(input: $input) { ${REF} } }`;
const SUBMIT = step('submitEnrolment');
const START_REVIEW = step('startReview');
const DECIDE_ENTRY = step('decideEntry', 'DecideEntryInput');
const REQUEST_EXIT = step('requestExit');
const DECIDE_EXIT = step('decideExit', 'DecideExitInput');
const SUSPEND = step('suspendTrack', 'SuspendTrackInput');
const RESUME = step('resumeTrack');
const WITHDRAW = step('withdrawEnrolment');
const REGISTER_SYSTEM = `mutation($input: RegisterAiSystemInput!) { registerAiSystem(input: $input) { id } }`;
const SUBMIT_REPORT = `mutation($input: SubmitTestReportInput!) { submitTestReport(input: $input) { id confidentiality submittedTo { id } } }`;
const REVIEW_REPORT = `mutation($input: ReviewTestReportInput!) { reviewTestReport(input: $input) { id status } }`;
const INCIDENT_FIELDS = 'id severity description harm affectedJurisdictions reportingAuthorityId reportedAt';
const REPORT_INCIDENT = `mutation($input: ReportIncidentInput!) { reportIncident(input: $input) { ${INCIDENT_FIELDS} } }`;
const INCIDENTS = `query($id: ID!) { enrolment(id: $id) { id state incidents { ${INCIDENT_FIELDS} } } }`;
const AUDIT_FIELDS =
  'seq id occurredAt actorAccountId action entityType entityId enrolmentId programmeId data prevHash hash';
const AUDIT_TRAIL = `query($first: Int, $after: String, $filter: AuditFilterInput) {
  auditTrail(first: $first, after: $after, filter: $filter) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${AUDIT_FIELDS} } }
  }
}`;
const VERIFY = 'query { verifyAuditTrail { ok entries firstBroken { seq id reason } } }';

const ADMIN_ACTOR: Actor = {
  accountId: 'cooperation-e2e',
  role: Role.ADMIN,
  authorityId: null,
  organisationId: null,
  jurisdictionCode: null,
};

let t: TestApp;
let wsUrl: string;
let admin: string;
/** Programme A (FCA leads, MAS, AI Office) and programme B (the same authorities, other accounts). */
let A: Sandbox;
let B: Sandbox;
let FCA: SandboxAuthority;
let MAS: SandboxAuthority;
let AIO: SandboxAuthority;
/** A second innovator organisation applying to programme A. */
let rival: Account & { organisationId: string };
let negotiator: Account;
let systems = 0;

beforeAll(async () => {
  t = await TestApp.create();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = t.app.getHttpServer().address() as AddressInfo;
  wsUrl = `ws://127.0.0.1:${port}/graphql`;
  admin = await t.adminToken();
  A = await buildSandbox(t, { cohortCapacity: 100 });
  B = await buildSandbox(t, { cohortCapacity: 100 });
  ({ FCA, MAS, 'AI Office': AIO } = A.authority);
  const tag = randomUUID().slice(0, 8);
  const organisationId = await t.createOrganisation(`Rival ${tag}`, 'SG');
  rival = {
    ...(await t.accountWithToken(`rival.${tag}@coop.test`, Role.INNOVATOR, { organisationId })),
    organisationId,
  };
  negotiator = await t.accountWithToken(`negotiator.${tag}@coop.test`, Role.NEGOTIATOR, { jurisdictionCode: 'GB' });
}, 180_000);

afterAll(async () => {
  await closeFeeds();
  await t?.close();
});

// ── live feeds (graphql-ws clients) ───────────────────────────────────────────────────────────

/** Server-side subscriptions on the event bus right now (each live `enrolmentEvents` holds one). */
function serverSubscriptions(): number {
  return (t.get(EventBus) as unknown as { subject: { observers: unknown[] } }).subject.observers.length;
}

async function waitFor(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(10);
  }
}

/** One graphql-ws client subscribed to `enrolmentEvents(programmeId)`, collecting what it gets. */
class Feed {
  readonly events: LiveEvent[] = [];
  readonly errors: GqlError[] = [];
  completed = false;
  private readonly client: Client;

  constructor(
    readonly name: string,
    programmeId: string,
    authorization: string | null,
  ) {
    this.client = createClient({
      url: wsUrl,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: authorization === null ? {} : { authorization },
    });
    this.client.subscribe<{ enrolmentEvents: LiveEvent }>(
      { query: SUBSCRIPTION, variables: { programmeId } },
      {
        next: (result) => {
          if (result.errors) this.errors.push(...(result.errors as GqlError[]));
          if (result.data?.enrolmentEvents) this.events.push(result.data.enrolmentEvents);
        },
        error: (error) => {
          const list = Array.isArray(error)
            ? error
            : [{ message: error instanceof Error ? error.message : `connection closed: ${JSON.stringify(error)}` }];
          this.errors.push(...(list as GqlError[]));
        },
        complete: () => {
          this.completed = true;
        },
      },
    );
  }

  of(enrolmentId: string): LiveEvent[] {
    return this.events.filter((e) => e.enrolmentId === enrolmentId);
  }

  /** Waits until an event matching `predicate` has arrived; returns it. */
  async next(what: string, predicate: (e: LiveEvent) => boolean): Promise<LiveEvent> {
    await waitFor(() => this.events.some(predicate) || this.errors.length > 0, `${this.name}: ${what}`);
    expect(this.errors).toEqual([]);
    return this.events.find(predicate)!;
  }

  async dispose(): Promise<void> {
    await this.client.dispose();
  }
}

const feeds: Feed[] = [];

/** A subscription that the server accepted and that is live (its server-side subscription exists). */
async function live(name: string, programmeId: string, token: string): Promise<Feed> {
  const before = serverSubscriptions();
  const feed = new Feed(name, programmeId, `Bearer ${token}`);
  feeds.push(feed);
  await waitFor(() => serverSubscriptions() > before || feed.errors.length > 0 || feed.completed, `${name} to be live`);
  expect(feed.errors).toEqual([]);
  expect(feed.completed).toBe(false);
  return feed;
}

/** A subscription the server refuses: returns its one error; nothing stays subscribed on the server. */
async function refused(programmeId: string, authorization: string | null): Promise<GqlError> {
  const before = serverSubscriptions();
  const feed = new Feed('refused', programmeId, authorization);
  feeds.push(feed);
  await waitFor(() => feed.completed || feed.errors.length > 0, 'the subscription to be refused');
  await waitFor(() => feed.completed, 'the refused subscription to complete');
  expect(feed.events).toEqual([]);
  expect(feed.errors).toHaveLength(1);
  expect(Object.keys(feed.errors[0].extensions ?? {})).toEqual(['code']);
  expect(JSON.stringify(feed.errors[0])).not.toMatch(/stack|node_modules|\.[jt]s:\d+|SELECT/);
  expect(serverSubscriptions()).toBe(before);
  return feed.errors[0];
}

/** Disposes every client; the server must release each subscription (none lingers on the bus). */
async function closeFeeds(): Promise<void> {
  await Promise.all(feeds.splice(0).map((f) => f.dispose()));
  if (t) await waitFor(() => serverSubscriptions() === 0, 'every server-side subscription to be released');
}

afterEach(async () => {
  await closeFeeds();
});

// ── GraphQL helpers ───────────────────────────────────────────────────────────────────────────

const gql = <T = Record<string, any>>(query: string, variables: Vars, token?: string): Promise<GraphQLResponse<T>> =>
  t.gql<T>(query, variables, token);

async function act(mutation: string, token: string, ref: Pick<Ref, 'id' | 'version'>, extra: Vars = {}): Promise<Ref> {
  const data = expectOk(
    await gql(mutation, { input: { enrolmentId: ref.id, expectedVersion: ref.version, ...extra } }, token),
  );
  const changed = Object.values(data)[0] as Ref;
  expect(changed.version).toBe(ref.version + 1);
  return changed;
}

async function registerSystem(token: string): Promise<string> {
  const res = await gql(
    REGISTER_SYSTEM,
    {
      input: {
        name: `Scoring model ${++systems}`,
        sector: 'FINANCE',
        riskClass: 'HIGH',
        intendedPurpose: 'Scores consumer loan applicants.',
      },
    },
    token,
  );
  return expectOk(res).registerAiSystem.id;
}

/** A DRAFT application to `sb`'s programme (by its innovator unless `token` names another). */
async function apply(
  sb: Sandbox,
  targets: SandboxAuthority[],
  options: { token?: string; entryResults?: unknown[] } = {},
): Promise<Ref> {
  const token = options.token ?? sb.innovator.token;
  const input = {
    programmeId: sb.programmeId,
    aiSystemId: await registerSystem(token),
    targetAuthorityIds: targets.map((a) => a.id),
    entryResults: options.entryResults ?? entryResultsMeeting(targets),
  };
  return expectOk(await gql(CREATE_ENROLMENT, { input }, token)).createEnrolment;
}

/** Applied, submitted, reviewed and admitted by every target, its sandbox plan agreed: TESTING. */
async function testing(sb: Sandbox, targets: SandboxAuthority[], token = sb.innovator.token): Promise<Ref> {
  let ref = await apply(sb, targets, { token });
  ref = await act(SUBMIT, token, ref);
  ref = await act(START_REVIEW, targets[0].regulator.token, ref);
  for (const a of targets)
    ref = await act(DECIDE_ENTRY, a.regulator.token, ref, {
      decision: 'ADMIT',
      reasons: `${a.acronym}: ready to test`,
    });
  expect(ref.state).toBe('TESTING');
  const agreed = await agreePlan(
    t,
    ref,
    token,
    targets.map((a) => a.regulator.token),
  );
  return { ...ref, ...agreed.enrolment };
}

async function submitReport(
  token: string,
  enrolmentId: string,
  to: SandboxAuthority,
  confidentiality: string,
): Promise<{ id: string }> {
  const input = {
    enrolmentId,
    submittedTo: to.id,
    periodStart: '2026-01-01',
    periodEnd: '2026-01-31',
    lab: { name: 'Meridian AI Assurance Lab', accredited: true, accreditationBody: 'UKAS' },
    method: { id: 'ISO42001:A.6.2.4', version: '2023' },
    testedIn: to.jurisdiction,
    confidentiality,
    idempotencyKey: `run-${randomUUID()}`,
    results: [{ criterionId: to.criteria.TESTING[0], value: 0.91 }],
  };
  return expectOk(await gql(SUBMIT_REPORT, { input }, token)).submitTestReport;
}

function incident(enrolmentId: string, extra: Vars = {}): Vars {
  return {
    enrolmentId,
    severity: 'HIGH',
    description: 'Scores drifted for thin-file applicants',
    harm: 'Loans refused to eligible applicants',
    affectedJurisdictions: ['GB'],
    ...extra,
  };
}

async function reportIncident(token: string, input: Vars) {
  return expectOk(await gql(REPORT_INCIDENT, { input }, token)).reportIncident;
}

async function trail(token: string, filter: Vars | null, first = 100, after?: string) {
  return gql<{
    auditTrail: {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      edges: { cursor: string; node: AuditRow }[];
    };
  }>(AUDIT_TRAIL, { first, after, filter }, token);
}

async function trailOf(token: string, enrolmentId: string): Promise<AuditRow[]> {
  return expectOk(await trail(token, { enrolmentId })).auditTrail.edges.map((e) => e.node);
}

async function verify(token = admin) {
  return gql<{
    verifyAuditTrail: { ok: boolean; entries: number; firstBroken: { seq: number; id: string; reason: string } | null };
  }>(VERIFY, {}, token);
}

async function counts(): Promise<{ audit: number; incidents: number }> {
  return { audit: await t.count('audit_entry'), incidents: await t.count('incident') };
}

/** Events published on the bus (any programme) while it listens. */
function busRecorder() {
  const seen: EnrolmentEvent[] = [];
  const subscription = t.get(EventBus).events$.subscribe((e) => seen.push(e));
  return { seen, stop: () => subscription.unsubscribe() };
}

// ── subscriptions ─────────────────────────────────────────────────────────────────────────────

describe('enrolmentEvents: who receives what', () => {
  it("a regulator's client receives its programme's events (state changes, track decisions, reports, incidents) and none of another programme's", async () => {
    const fcaA = await live('FCA on A', A.programmeId, FCA.regulator.token);
    const fcaB = await live('FCA on B', B.programmeId, B.authority.FCA.regulator.token);
    const innovatorA = await live('innovator on A', A.programmeId, A.innovator.token);

    // Programme A's story, with programme B's interleaved step by step.
    let a = await apply(A, [FCA, MAS]);
    let b = await apply(B, [B.authority.FCA]);
    a = await act(SUBMIT, A.innovator.token, a);
    b = await act(SUBMIT, B.innovator.token, b);
    a = await act(START_REVIEW, FCA.regulator.token, a);
    b = await act(START_REVIEW, B.authority.FCA.regulator.token, b);
    a = await act(DECIDE_ENTRY, FCA.regulator.token, a, { decision: 'ADMIT', reasons: 'FCA: ready' });
    b = await act(DECIDE_ENTRY, B.authority.FCA.regulator.token, b, { decision: 'ADMIT', reasons: 'B: ready' });
    a = await act(DECIDE_ENTRY, MAS.regulator.token, a, { decision: 'ADMIT', reasons: 'MAS: ready' });
    a = { ...a, ...(await agreePlan(t, a, A.innovator.token, [FCA.regulator.token, MAS.regulator.token])).enrolment };
    b = { ...b, ...(await agreePlan(t, b, B.innovator.token, [B.authority.FCA.regulator.token])).enrolment };
    const report = await submitReport(A.innovator.token, a.id, FCA, 'PARTICIPANTS');
    const bReport = await submitReport(B.innovator.token, b.id, B.authority.FCA, 'PARTICIPANTS');
    expectOk(
      await gql(
        REVIEW_REPORT,
        { input: { reportId: report.id, decision: 'ACCEPT', reasons: 'Method and lab are sound' } },
        FCA.regulator.token,
      ),
    );
    const bIncident = await reportIncident(B.innovator.token, incident(b.id));
    const aIncident = await reportIncident(
      A.innovator.token,
      incident(a.id, { severity: 'CRITICAL', description: 'Model served stale scores for six hours' }),
    );

    await fcaA.next("A's incident", (e) => e.incidentId === aIncident.id);
    await fcaB.next("B's incident", (e) => e.incidentId === bIncident.id);

    const expected = [
      {
        type: 'STATE_CHANGED',
        action: 'SUBMIT',
        authorityId: null,
        fromState: 'DRAFT',
        toState: 'SUBMITTED',
        reportId: null,
        incidentId: null,
        summary: 'SUBMIT: DRAFT → SUBMITTED',
      },
      {
        type: 'STATE_CHANGED',
        action: 'START_REVIEW',
        authorityId: null,
        fromState: 'SUBMITTED',
        toState: 'UNDER_REVIEW',
        reportId: null,
        incidentId: null,
        summary: 'START_REVIEW: SUBMITTED → UNDER_REVIEW',
      },
      {
        type: 'TRACK_DECIDED',
        action: 'DECIDE_ENTRY',
        authorityId: FCA.id,
        fromState: 'UNDER_REVIEW',
        toState: 'UNDER_REVIEW',
        reportId: null,
        incidentId: null,
        summary: 'DECIDE_ENTRY ADMIT: UNDER_REVIEW → UNDER_REVIEW',
      },
      {
        type: 'STATE_CHANGED',
        action: 'DECIDE_ENTRY',
        authorityId: MAS.id,
        fromState: 'UNDER_REVIEW',
        toState: 'TESTING',
        reportId: null,
        incidentId: null,
        summary: 'DECIDE_ENTRY ADMIT: UNDER_REVIEW → TESTING',
      },
      // The sandbox plan: proposed, approved by the FCA, agreed with MAS's approval.
      {
        type: 'PLAN_CHANGED',
        action: 'PROPOSE_SANDBOX_PLAN',
        authorityId: null,
        fromState: null,
        toState: 'PROPOSED',
        reportId: null,
        incidentId: null,
        summary: 'Sandbox plan version 1 proposed',
      },
      {
        type: 'PLAN_CHANGED',
        action: 'APPROVE_SANDBOX_PLAN',
        authorityId: FCA.id,
        fromState: null,
        toState: 'PROPOSED',
        reportId: null,
        incidentId: null,
        summary: 'Sandbox plan version 1 approved by an authority',
      },
      {
        type: 'PLAN_CHANGED',
        action: 'APPROVE_SANDBOX_PLAN',
        authorityId: MAS.id,
        fromState: null,
        toState: 'AGREED',
        reportId: null,
        incidentId: null,
        summary: 'Sandbox plan version 1 agreed',
      },
      {
        type: 'TEST_REPORT_SUBMITTED',
        action: null,
        authorityId: null,
        fromState: null,
        toState: null,
        reportId: report.id,
        incidentId: null,
        summary: 'Test report submitted (1 results)',
      },
      {
        type: 'TEST_REPORT_REVIEWED',
        action: null,
        authorityId: FCA.id,
        fromState: null,
        toState: null,
        reportId: report.id,
        incidentId: null,
        summary: 'Test report accepted',
      },
      {
        type: 'INCIDENT_REPORTED',
        action: null,
        authorityId: null,
        fromState: null,
        toState: null,
        reportId: null,
        incidentId: aIncident.id,
        summary: 'CRITICAL incident: Model served stale scores for six hours',
      },
    ];
    // The regulator never sees the DRAFT application's creation; everything else, in order.
    expect(fcaA.events.map(({ id: _i, occurredAt: _o, programmeId: _p, enrolmentId: _e, ...rest }) => rest)).toEqual(
      expected,
    );
    for (const e of fcaA.events) {
      expect(e).toMatchObject({ programmeId: A.programmeId, enrolmentId: a.id });
      expect(new Date(e.occurredAt).toISOString()).toBe(e.occurredAt);
    }
    expect(new Set(fcaA.events.map((e) => e.id)).size).toBe(fcaA.events.length);

    // The same authority's client on B got B's events only.
    expect(fcaB.events.map((e) => [e.type, e.action ?? e.reportId ?? e.incidentId])).toEqual([
      ['STATE_CHANGED', 'SUBMIT'],
      ['STATE_CHANGED', 'START_REVIEW'],
      ['STATE_CHANGED', 'DECIDE_ENTRY'],
      ['PLAN_CHANGED', 'PROPOSE_SANDBOX_PLAN'],
      ['PLAN_CHANGED', 'APPROVE_SANDBOX_PLAN'],
      ['TEST_REPORT_SUBMITTED', bReport.id],
      ['INCIDENT_REPORTED', bIncident.id],
    ]);
    expect(fcaB.events.every((e) => e.programmeId === B.programmeId && e.enrolmentId === b.id)).toBe(true);

    // The enrolling innovator's client also sees its DRAFT application being created.
    await innovatorA.next("A's incident", (e) => e.incidentId === aIncident.id);
    expect(innovatorA.events.map((e) => e.type)).toEqual(['APPLICATION_CREATED', ...expected.map((e) => e.type)]);
    expect(innovatorA.events[0]).toMatchObject({
      enrolmentId: a.id,
      action: 'CREATE_APPLICATION',
      fromState: null,
      toState: 'DRAFT',
      summary: 'Application created (DRAFT)',
    });
    expect(innovatorA.events.some((e) => e.enrolmentId === b.id)).toBe(false);
  });

  it("an innovator's client receives its own organisation's events and never another organisation's in the same programme", async () => {
    const own = await live('innovator', A.programmeId, A.innovator.token);
    const other = await live('rival', A.programmeId, rival.token);
    const regulator = await live('FCA', A.programmeId, FCA.regulator.token);

    let mine = await apply(A, [FCA]);
    let theirs = await apply(A, [FCA], { token: rival.token });
    mine = await act(SUBMIT, A.innovator.token, mine);
    theirs = await act(SUBMIT, rival.token, theirs);
    theirs = await act(START_REVIEW, FCA.regulator.token, theirs);
    mine = await act(START_REVIEW, FCA.regulator.token, mine);
    theirs = await act(WITHDRAW, rival.token, theirs);
    mine = await act(WITHDRAW, A.innovator.token, mine);

    await own.next('its withdrawal', (e) => e.enrolmentId === mine.id && e.action === 'WITHDRAW');
    await other.next('its withdrawal', (e) => e.enrolmentId === theirs.id && e.action === 'WITHDRAW');
    await regulator.next('the last withdrawal', (e) => e.enrolmentId === mine.id && e.action === 'WITHDRAW');

    const story = ['CREATE_APPLICATION', 'SUBMIT', 'START_REVIEW', 'WITHDRAW'];
    expect(own.events.map((e) => [e.enrolmentId, e.action])).toEqual(story.map((s) => [mine.id, s]));
    expect(other.events.map((e) => [e.enrolmentId, e.action])).toEqual(story.map((s) => [theirs.id, s]));
    expect(own.events.at(-1)).toMatchObject({ type: 'STATE_CHANGED', fromState: 'UNDER_REVIEW', toState: 'WITHDRAWN' });
    // The authority sees both organisations' enrolments (once they are no longer drafts).
    expect(regulator.events.map((e) => [e.enrolmentId, e.action])).toEqual([
      [mine.id, 'SUBMIT'],
      [theirs.id, 'SUBMIT'],
      [theirs.id, 'START_REVIEW'],
      [mine.id, 'START_REVIEW'],
      [theirs.id, 'WITHDRAW'],
      [mine.id, 'WITHDRAW'],
    ]);
  });

  it("a HOME_AUTHORITY report's events reach the FCA (and the innovator) but not MAS or the AI Office; a PARTICIPANTS report reaches all", async () => {
    const e = await testing(A, [FCA, MAS]);
    const fca = await live('FCA', A.programmeId, FCA.regulator.token);
    const mas = await live('MAS', A.programmeId, MAS.regulator.token);
    const aio = await live('AI Office', A.programmeId, AIO.regulator.token);
    const innovator = await live('innovator', A.programmeId, A.innovator.token);

    const home = await submitReport(A.innovator.token, e.id, FCA, 'HOME_AUTHORITY');
    expectOk(
      await gql(
        REVIEW_REPORT,
        { input: { reportId: home.id, decision: 'REJECT', reasons: 'The lab sampled the wrong population' } },
        FCA.regulator.token,
      ),
    );
    const shared = await submitReport(A.innovator.token, e.id, MAS, 'PARTICIPANTS');

    for (const feed of [fca, mas, aio, innovator])
      await feed.next('the PARTICIPANTS report', (ev) => ev.reportId === shared.id);
    const reportEvents = (f: Feed) => f.events.map((ev) => [ev.type, ev.reportId]);
    const all = [
      ['TEST_REPORT_SUBMITTED', home.id],
      ['TEST_REPORT_REVIEWED', home.id],
      ['TEST_REPORT_SUBMITTED', shared.id],
    ];
    expect(reportEvents(fca)).toEqual(all);
    expect(reportEvents(innovator)).toEqual(all);
    expect(fca.events[1]).toMatchObject({ authorityId: FCA.id, summary: 'Test report rejected' });
    // Events are delivered in order per client, so MAS's and the AI Office's checks of the home
    // report's events were done before the shared report's event arrived: they were withheld.
    expect(reportEvents(mas)).toEqual([['TEST_REPORT_SUBMITTED', shared.id]]);
    expect(reportEvents(aio)).toEqual([['TEST_REPORT_SUBMITTED', shared.id]]);
  });

  it("a DRAFT application's events reach its innovator and administrators, never regulators", async () => {
    const fca = await live('FCA', A.programmeId, FCA.regulator.token);
    const mas = await live('MAS', A.programmeId, MAS.regulator.token);
    const innovator = await live('innovator', A.programmeId, A.innovator.token);
    const adminFeed = await live('admin', A.programmeId, admin);

    const draft = await apply(A, [FCA, MAS]);
    // Updating the draft records an audit entry but is no lifecycle event.
    await act(UPDATE_APPLICATION, A.innovator.token, draft, { targetAuthorityIds: [FCA.id] });
    // A later, visible event of another enrolment: each client has processed the draft's event before it.
    const marker = await act(SUBMIT, A.innovator.token, await apply(A, [FCA, MAS]));
    for (const feed of [fca, mas, innovator, adminFeed])
      await feed.next('the marker', (e) => e.enrolmentId === marker.id && e.action === 'SUBMIT');

    expect(innovator.of(draft.id).map((e) => [e.type, e.toState])).toEqual([['APPLICATION_CREATED', 'DRAFT']]);
    expect(adminFeed.of(draft.id).map((e) => e.type)).toEqual(['APPLICATION_CREATED']);
    for (const feed of [fca, mas]) {
      expect(feed.of(draft.id)).toEqual([]);
      expect(feed.events.map((e) => [e.enrolmentId, e.action])).toEqual([[marker.id, 'SUBMIT']]);
    }
  });

  it('a negotiator may subscribe to an OPEN programme but receives nothing', async () => {
    const negotiatorFeed = await live('negotiator', A.programmeId, negotiator.token);
    const fca = await live('FCA', A.programmeId, FCA.regulator.token);
    const e = await testing(A, [FCA]);
    await submitReport(A.innovator.token, e.id, FCA, 'PUBLIC');
    const reported = await reportIncident(FCA.regulator.token, incident(e.id));
    await fca.next('the incident', (ev) => ev.incidentId === reported.id);
    expect(fca.of(e.id).map((ev) => ev.type)).toEqual([
      'STATE_CHANGED',
      'STATE_CHANGED',
      'STATE_CHANGED',
      'PLAN_CHANGED',
      'PLAN_CHANGED',
      'TEST_REPORT_SUBMITTED',
      'INCIDENT_REPORTED',
    ]);
    // The negotiator's checks run on their own; give them time to (wrongly) deliver anything.
    await sleep(500);
    expect(negotiatorFeed.events).toEqual([]);
    expect(negotiatorFeed.errors).toEqual([]);
    expect(negotiatorFeed.completed).toBe(false);
  });

  it('refuses a subscription without a token, with a bad token, and to a programme the caller cannot see', async () => {
    expect((await refused(A.programmeId, null)).extensions?.code).toBe('UNAUTHENTICATED');
    expect((await refused(A.programmeId, 'Bearer not-a-token')).extensions?.code).toBe('UNAUTHENTICATED');
    expect((await refused(A.programmeId, `Basic ${FCA.regulator.token}`)).extensions?.code).toBe('UNAUTHENTICATED');

    // A DRAFT programme is visible to its participants only (docs/domain.md#roles-and-visibility).
    const tag = randomUUID().slice(0, 8);
    const icoId = await t.authorityId('GB', 'ICO');
    const ico = await t.accountWithToken(`reg.ico.${tag}@coop.test`, Role.REGULATOR, { authorityId: icoId });
    const draft = await t.get(ProgrammeService).create(ADMIN_ACTOR, {
      name: `Draft programme ${tag}`,
      leadAuthorityId: icoId,
      participantAuthorityIds: [],
      sectors: ['FINANCE'],
      maxTestingDays: 90,
      cohortCapacity: 5,
      jointEntryRule: JointEntryRule.EACH_AUTHORITY,
    });
    for (const token of [FCA.regulator.token, A.innovator.token, negotiator.token]) {
      const error = await refused(draft.id, `Bearer ${token}`);
      expect(error.extensions?.code).toBe('NOT_FOUND');
      expect(error.message).toContain(draft.id);
    }
    expect((await refused(randomUUID(), `Bearer ${FCA.regulator.token}`)).extensions?.code).toBe('NOT_FOUND');
    expect((await refused('not-a-programme', `Bearer ${FCA.regulator.token}`)).extensions?.code).toBe('NOT_FOUND');

    // Its own participant may subscribe.
    await live('ICO on its draft programme', draft.id, ico.token);
    await live('admin on the draft programme', draft.id, admin);
  });

  it('a client that leaves releases its server-side subscription at once, even one that never received an event', async () => {
    const quiet = await live('negotiator', A.programmeId, negotiator.token);
    const busy = await live('FCA', A.programmeId, FCA.regulator.token);
    expect(serverSubscriptions()).toBe(2);
    await quiet.dispose();
    await waitFor(() => serverSubscriptions() === 1, 'the negotiator subscription to be released');
    await busy.dispose();
    await waitFor(() => serverSubscriptions() === 0, 'the FCA subscription to be released');
  });
});

// ── after commit only ─────────────────────────────────────────────────────────────────────────

describe('events and audit entries only after commit', () => {
  it('a change refused inside its transaction (BAD_USER_INPUT, CONFLICT, INVALID_TRANSITION, FORBIDDEN) publishes nothing and appends nothing', async () => {
    // No entry results: FCA's mandatory readiness attestation is unmet.
    let e = await apply(A, [FCA], { entryResults: [] });
    e = await act(SUBMIT, A.innovator.token, e);
    e = await act(START_REVIEW, FCA.regulator.token, e);
    const fca = await live('FCA', A.programmeId, FCA.regulator.token);
    const innovator = await live('innovator', A.programmeId, A.innovator.token);
    const bus = busRecorder();
    const before = await counts();
    try {
      expectBadInput(
        await gql(
          DECIDE_ENTRY,
          { input: { enrolmentId: e.id, expectedVersion: e.version, decision: 'ADMIT', reasons: 'Looks fine' } },
          FCA.regulator.token,
        ),
        'input.justification',
      );
      expectError(
        await gql(
          DECIDE_ENTRY,
          { input: { enrolmentId: e.id, expectedVersion: e.version - 1, decision: 'DECLINE' } },
          FCA.regulator.token,
        ),
        'CONFLICT',
      );
      expectError(
        await gql(REQUEST_EXIT, { input: { enrolmentId: e.id, expectedVersion: e.version } }, A.innovator.token),
        'INVALID_TRANSITION',
      );
      expectError(
        await gql(
          DECIDE_ENTRY,
          { input: { enrolmentId: e.id, expectedVersion: e.version, decision: 'ADMIT', justification: 'x' } },
          A.innovator.token,
        ),
        'FORBIDDEN',
      );
      expectError(await gql(REPORT_INCIDENT, { input: incident(e.id) }, A.innovator.token), 'INVALID_TRANSITION');
      expect(await counts()).toEqual(before);

      // Then an accepted change: it is the first and only thing anyone receives.
      const admitted = await act(DECIDE_ENTRY, FCA.regulator.token, e, {
        decision: 'ADMIT',
        reasons: 'Safeguards in place',
        justification: 'Attestation to follow within 14 days',
      });
      expect(admitted.state).toBe('TESTING');
      for (const feed of [fca, innovator]) {
        await feed.next('the admission', (ev) => ev.toState === 'TESTING');
        expect(feed.events.map((ev) => [ev.enrolmentId, ev.action, ev.fromState, ev.toState])).toEqual([
          [e.id, 'DECIDE_ENTRY', 'UNDER_REVIEW', 'TESTING'],
        ]);
      }
      expect(bus.seen.map((ev) => [ev.enrolmentId, ev.action])).toEqual([[e.id, 'DECIDE_ENTRY']]);
      expect(await counts()).toEqual({ ...before, audit: before.audit + 1 });
      const [last] = (await trailOf(admin, e.id)).slice(-1);
      expect(last).toMatchObject({
        action: 'DECIDE_ENTRY',
        data: {
          fromState: 'UNDER_REVIEW',
          toState: 'TESTING',
          decision: 'ADMIT',
          justification: 'Attestation to follow within 14 days',
        },
      });
    } finally {
      bus.stop();
    }
  });

  it('in the service layer: an audit entry and an event of a transaction that throws are dropped; of one that commits, kept and published after the commit', async () => {
    const connection = t.get(TransactionalConnection);
    const audit = t.get(AuditService);
    const events = t.get(EventBus);
    const bus = busRecorder();
    const probe = (summary: string) => ({
      type: EnrolmentEventType.STATE_CHANGED,
      programmeId: randomUUID(),
      enrolmentId: randomUUID(),
      organisationId: randomUUID(),
      summary,
    });
    try {
      const before = await t.count('audit_entry');
      await expect(
        connection.withTransaction(async () => {
          await audit.append(ADMIN_ACTOR, {
            action: 'PROBE',
            entityType: 'PROBE',
            entityId: 'rolled-back',
            data: { n: 1 },
          });
          events.publish(probe('rolled back'));
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(await t.count('audit_entry')).toBe(before);
      await sleep(50);
      expect(bus.seen).toEqual([]);

      let seenInside = -1;
      const entry = await connection.withTransaction(async () => {
        const appended = await audit.append(ADMIN_ACTOR, {
          action: 'PROBE',
          entityType: 'PROBE',
          entityId: 'committed',
          data: { n: 2 },
        });
        events.publish(probe('committed'));
        seenInside = bus.seen.length;
        return appended;
      });
      expect(seenInside).toBe(0);
      expect(bus.seen.map((e) => e.summary)).toEqual(['committed']);
      expect(await t.count('audit_entry')).toBe(before + 1);
      expect(entry).toMatchObject({
        seq: before + 1,
        action: 'PROBE',
        entityId: 'committed',
        actorAccountId: ADMIN_ACTOR.accountId,
      });
      expect(expectOk(await verify()).verifyAuditTrail).toEqual({ ok: true, entries: before + 1, firstBroken: null });
    } finally {
      bus.stop();
    }
  });
});

// ── incidents ─────────────────────────────────────────────────────────────────────────────────

describe('incidents', () => {
  let e: Ref;

  beforeAll(async () => {
    // Targets FCA and MAS; the AI Office takes part in the programme but is not targeted.
    e = await testing(A, [FCA, MAS]);
  }, 60_000);

  it('the innovator and a targeted regulator report incidents; every participating authority is notified at once', async () => {
    const subscribers = {
      FCA: await live('FCA', A.programmeId, FCA.regulator.token),
      MAS: await live('MAS', A.programmeId, MAS.regulator.token),
      'AI Office': await live('AI Office', A.programmeId, AIO.regulator.token),
      innovator: await live('innovator', A.programmeId, A.innovator.token),
    };
    const rivalFeed = await live('rival', A.programmeId, rival.token);
    const before = await counts();

    const first = await reportIncident(A.innovator.token, incident(e.id, { affectedJurisdictions: ['GB', 'SG'] }));
    expect(first).toMatchObject({
      severity: 'HIGH',
      description: 'Scores drifted for thin-file applicants',
      harm: 'Loans refused to eligible applicants',
      affectedJurisdictions: ['GB', 'SG'],
      reportingAuthorityId: null,
    });
    for (const feed of Object.values(subscribers)) {
      const event = await feed.next('the first incident', (ev) => ev.incidentId === first.id);
      expect(event).toMatchObject({
        type: 'INCIDENT_REPORTED',
        programmeId: A.programmeId,
        enrolmentId: e.id,
        authorityId: null,
        summary: 'HIGH incident: Scores drifted for thin-file applicants',
      });
    }

    const second = await reportIncident(
      MAS.regulator.token,
      incident(e.id, {
        severity: 'CRITICAL',
        description: 'Personal data exposed in model logs',
        harm: null,
        affectedJurisdictions: ['SG', 'EU', 'SG'],
      }),
    );
    expect(second).toMatchObject({
      severity: 'CRITICAL',
      harm: null,
      affectedJurisdictions: ['EU', 'SG'],
      reportingAuthorityId: MAS.id,
    });
    for (const feed of Object.values(subscribers)) {
      const event = await feed.next('the second incident', (ev) => ev.incidentId === second.id);
      expect(event).toMatchObject({
        type: 'INCIDENT_REPORTED',
        authorityId: MAS.id,
        summary: 'CRITICAL incident: Personal data exposed in model logs',
      });
      expect(feed.events.map((ev) => ev.incidentId)).toEqual([first.id, second.id]);
    }
    expect(await counts()).toEqual({ audit: before.audit + 2, incidents: before.incidents + 2 });

    // Another organisation's client got nothing of it (a later event of its own proves its checks ran).
    const own = await apply(A, [FCA], { token: rival.token });
    await rivalFeed.next('its own application', (ev) => ev.enrolmentId === own.id);
    expect(rivalFeed.events.map((ev) => ev.enrolmentId)).toEqual([own.id]);

    // On the enrolment, oldest first, for everyone who may see it.
    const shape = [
      {
        id: first.id,
        severity: 'HIGH',
        description: 'Scores drifted for thin-file applicants',
        affectedJurisdictions: ['GB', 'SG'],
        reportingAuthorityId: null,
      },
      {
        id: second.id,
        severity: 'CRITICAL',
        description: 'Personal data exposed in model logs',
        affectedJurisdictions: ['EU', 'SG'],
        reportingAuthorityId: MAS.id,
      },
    ];
    for (const token of [A.innovator.token, FCA.regulator.token, MAS.regulator.token, AIO.regulator.token, admin]) {
      const enrolment = expectOk(await gql(INCIDENTS, { id: e.id }, token)).enrolment;
      expect(enrolment.incidents).toMatchObject(shape);
      expect(enrolment.incidents.every((i: { reportedAt: string }) => !Number.isNaN(Date.parse(i.reportedAt)))).toBe(
        true,
      );
    }
    expect(expectOk(await gql(INCIDENTS, { id: e.id }, rival.token)).enrolment).toBeNull();
    expect(
      expectOk(await gql(INCIDENTS, { id: e.id }, B.authority.FCA.regulator.token)).enrolment.incidents,
    ).toHaveLength(2);
  });

  it('refuses incidents from the wrong people, outside testing and with unknown jurisdictions — saving, auditing and publishing nothing', async () => {
    const fca = await live('FCA', A.programmeId, FCA.regulator.token);
    const bus = busRecorder();
    const before = await counts();
    const stored = expectOk(await gql(INCIDENTS, { id: e.id }, admin)).enrolment.incidents;
    try {
      // A participating authority that is not targeted may read but not report.
      expectError(await gql(REPORT_INCIDENT, { input: incident(e.id) }, AIO.regulator.token), 'FORBIDDEN');
      // Those who cannot see the enrolment do not learn it exists.
      expectError(await gql(REPORT_INCIDENT, { input: incident(e.id) }, rival.token), 'NOT_FOUND');
      expectError(await gql(REPORT_INCIDENT, { input: incident(e.id) }, negotiator.token), 'NOT_FOUND');
      expectError(await gql(REPORT_INCIDENT, { input: incident(randomUUID()) }, A.innovator.token), 'NOT_FOUND');
      expectError(await gql(REPORT_INCIDENT, { input: incident(e.id) }), 'UNAUTHENTICATED');
      // Unknown jurisdictions, named by position.
      expectBadInput(
        await gql(
          REPORT_INCIDENT,
          { input: incident(e.id, { affectedJurisdictions: ['GB', 'ZZ', 'SG', 'XX-YY'] }) },
          A.innovator.token,
        ),
        'input.affectedJurisdictions.1',
        'input.affectedJurisdictions.3',
      );
      expectBadInput(
        await gql(REPORT_INCIDENT, { input: incident(e.id, { affectedJurisdictions: ['QQ'] }) }, MAS.regulator.token),
        'input.affectedJurisdictions.0',
      );
      expectError(
        await gql(REPORT_INCIDENT, { input: incident(e.id, { severity: 'APOCALYPTIC' }) }, A.innovator.token),
        'BAD_USER_INPUT',
      );
      expectError(
        await gql(REPORT_INCIDENT, { input: incident(e.id, { description: '' }) }, A.innovator.token),
        'BAD_USER_INPUT',
      );
      expect(await counts()).toEqual(before);
      expect(expectOk(await gql(INCIDENTS, { id: e.id }, admin)).enrolment.incidents).toEqual(stored);

      // Not in testing: DRAFT, UNDER_REVIEW, EXITED (and declined, withdrawn).
      const draft = await apply(A, [FCA]);
      let underReview = await act(SUBMIT, A.innovator.token, await apply(A, [FCA]));
      underReview = await act(START_REVIEW, FCA.regulator.token, underReview);
      let exited = await testing(A, [FCA]);
      exited = await act(REQUEST_EXIT, A.innovator.token, exited);
      exited = await act(DECIDE_EXIT, FCA.regulator.token, exited, {
        decision: 'AUTHORISED',
        reasons: 'Exit criteria met',
      });
      expect(exited.state).toBe('EXITED');
      const withdrawn = await act(WITHDRAW, A.innovator.token, await apply(A, [FCA]));
      const marked = await counts();
      const seenBefore = bus.seen.length;
      expectError(await gql(REPORT_INCIDENT, { input: incident(draft.id) }, A.innovator.token), 'INVALID_TRANSITION');
      for (const ref of [underReview, exited, withdrawn]) {
        expectError(await gql(REPORT_INCIDENT, { input: incident(ref.id) }, A.innovator.token), 'INVALID_TRANSITION');
        expectError(await gql(REPORT_INCIDENT, { input: incident(ref.id) }, FCA.regulator.token), 'INVALID_TRANSITION');
      }
      expect(await counts()).toEqual(marked);
      expect(bus.seen.length).toBe(seenBefore);
      expect(bus.seen.some((ev) => ev.type === EnrolmentEventType.INCIDENT_REPORTED)).toBe(false);
      for (const ref of [draft, underReview, exited, withdrawn]) {
        expect(expectOk(await gql(INCIDENTS, { id: ref.id }, A.innovator.token)).enrolment.incidents).toEqual([]);
      }
      // The FCA's client saw the lifecycle steps above but no incident.
      await fca.next('the withdrawal', (ev) => ev.enrolmentId === withdrawn.id);
      expect(fca.events.some((ev) => ev.type === 'INCIDENT_REPORTED')).toBe(false);
    } finally {
      bus.stop();
    }
  });

  it('after an incident each admitting authority suspends its own track and resumes it (docs/domain.md#programmes-and-the-enrolment-lifecycle); incidents can still be reported while suspended', async () => {
    const fca = await live('FCA', A.programmeId, FCA.regulator.token);
    const mas = await live('MAS', A.programmeId, MAS.regulator.token);
    let ref = expectOk(await gql(`query($id: ID!) { enrolment(id: $id) { ${REF} } }`, { id: e.id }, admin))
      .enrolment as Ref;
    const trackStates = (r: Ref) => Object.fromEntries(r.tracks.map((tr) => [tr.authority.acronym, tr.state]));

    const reported = await reportIncident(
      FCA.regulator.token,
      incident(e.id, { severity: 'MEDIUM', description: 'Complaints about unexplained refusals' }),
    );
    await mas.next('the FCA incident', (ev) => ev.incidentId === reported.id);

    // The AI Office takes part but is not targeted: it has no track to suspend.
    expectError(
      await gql(
        SUSPEND,
        {
          input: {
            enrolmentId: ref.id,
            expectedVersion: ref.version,
            ground: 'UNMITIGABLE_RISK',
            reasons: 'Not ours to suspend',
          },
        },
        AIO.regulator.token,
      ),
      'FORBIDDEN',
    );

    ref = await act(SUSPEND, FCA.regulator.token, ref, {
      ground: 'UNMITIGABLE_RISK',
      reasons: `Incident ${reported.id} under investigation`,
    });
    expect(ref.state).toBe('TESTING');
    expect(trackStates(ref)).toEqual({ FCA: 'SUSPENDED', MAS: 'ADMITTED' });
    const suspended = await mas.next('the FCA suspension', (ev) => ev.action === 'SUSPEND');
    expect(suspended).toMatchObject({
      type: 'TRACK_DECIDED',
      enrolmentId: e.id,
      authorityId: FCA.id,
      fromState: 'TESTING',
      toState: 'TESTING',
    });

    ref = await act(SUSPEND, MAS.regulator.token, ref, {
      ground: 'UNMITIGABLE_RISK',
      reasons: 'Pending the FCA investigation',
    });
    expect(ref.state).toBe('SUSPENDED');
    expect(trackStates(ref)).toEqual({ FCA: 'SUSPENDED', MAS: 'SUSPENDED' });
    await fca.next('the enrolment suspended', (ev) => ev.toState === 'SUSPENDED');

    // Still under test while suspended: incidents are accepted.
    const whileSuspended = await reportIncident(
      A.innovator.token,
      incident(e.id, { severity: 'LOW', description: 'Follow-up: logs rotated' }),
    );
    await fca.next('the incident while suspended', (ev) => ev.incidentId === whileSuspended.id);

    // Only the suspending authority resumes its own track.
    expectError(
      await gql(RESUME, { input: { enrolmentId: ref.id, expectedVersion: ref.version } }, AIO.regulator.token),
      'FORBIDDEN',
    );
    ref = await act(RESUME, FCA.regulator.token, ref, { reasons: 'Investigation closed' });
    expect(ref.state).toBe('TESTING');
    expect(trackStates(ref)).toEqual({ FCA: 'ADMITTED', MAS: 'SUSPENDED' });
    const resumed = await mas.next('the FCA resumption', (ev) => ev.action === 'RESUME');
    expect(resumed).toMatchObject({
      type: 'STATE_CHANGED',
      authorityId: FCA.id,
      fromState: 'SUSPENDED',
      toState: 'TESTING',
    });
    // Each feed is its own connection: the FCA's copy of the event may land after the MAS's.
    await fca.next('the FCA resumption', (ev) => ev.action === 'RESUME');

    expect(fca.events.map((ev) => [ev.type, ev.action, ev.toState])).toEqual([
      ['INCIDENT_REPORTED', null, null],
      ['TRACK_DECIDED', 'SUSPEND', 'TESTING'],
      ['STATE_CHANGED', 'SUSPEND', 'SUSPENDED'],
      ['INCIDENT_REPORTED', null, null],
      ['STATE_CHANGED', 'RESUME', 'TESTING'],
    ]);
  });
});

// ── audit trail ───────────────────────────────────────────────────────────────────────────────

describe('audit trail', () => {
  /** One enrolment taken through its whole life, and the audit actions it must have left, in order. */
  let e: Ref;
  const steps: { action: string; actor: string; entityType: string; data: Record<string, unknown> }[] = [];
  let homeReport: { id: string };

  /** Runs a step that must append exactly one entry (`n` for a step that issues a document too). */
  async function oneEntry<T>(work: () => Promise<T>, n = 1): Promise<T> {
    const before = await t.count('audit_entry');
    const result = await work();
    expect(await t.count('audit_entry')).toBe(before + n);
    return result;
  }

  beforeAll(async () => {
    const inn = A.innovator.id;
    const lifecycle = (
      action: string,
      actor: string,
      fromState: string,
      toState: string,
      extra: Record<string, unknown> = {},
    ) => steps.push({ action, actor, entityType: 'ENROLMENT', data: { fromState, toState, ...extra } });

    e = await oneEntry(() => apply(A, [FCA, MAS]));
    steps.push({
      action: 'CREATE_APPLICATION',
      actor: inn,
      entityType: 'ENROLMENT',
      data: { targetAuthorityIds: [FCA.id, MAS.id], entryResults: 4 },
    });
    e = await oneEntry(() => act(UPDATE_APPLICATION, A.innovator.token, e, { targetAuthorityIds: [FCA.id, MAS.id] }));
    steps.push({ action: 'UPDATE_APPLICATION', actor: inn, entityType: 'ENROLMENT', data: { version: 2 } });
    e = await oneEntry(() => act(SUBMIT, A.innovator.token, e));
    lifecycle('SUBMIT', inn, 'DRAFT', 'SUBMITTED', { reasons: null, decision: null, authorityId: null });
    e = await oneEntry(() => act(START_REVIEW, FCA.regulator.token, e, { reasons: 'Complete application' }));
    lifecycle('START_REVIEW', FCA.regulator.id, 'SUBMITTED', 'UNDER_REVIEW', { reasons: 'Complete application' });
    e = await oneEntry(() =>
      act(DECIDE_ENTRY, FCA.regulator.token, e, { decision: 'ADMIT', reasons: 'FCA: safeguards adequate' }),
    );
    lifecycle('DECIDE_ENTRY', FCA.regulator.id, 'UNDER_REVIEW', 'UNDER_REVIEW', {
      decision: 'ADMIT',
      reasons: 'FCA: safeguards adequate',
      authorityId: FCA.id,
      tracks: [{ authorityId: FCA.id, state: 'ADMITTED', exitDecision: null }],
    });
    e = await oneEntry(() =>
      act(DECIDE_ENTRY, MAS.regulator.token, e, { decision: 'ADMIT', reasons: 'MAS: safeguards adequate' }),
    );
    lifecycle('DECIDE_ENTRY', MAS.regulator.id, 'UNDER_REVIEW', 'TESTING', {
      decision: 'ADMIT',
      reasons: 'MAS: safeguards adequate',
      authorityId: MAS.id,
    });
    // The sandbox plan: proposed, then approved by each admitting authority — an entry each.
    const plan = (action: string, actor: string, data: Record<string, unknown>) =>
      steps.push({ action, actor, entityType: 'SANDBOX_PLAN', data: { planVersion: 1, ...data } });
    const proposed = await oneEntry(
      async () =>
        expectOk(
          await gql(
            'mutation($input: ProposeSandboxPlanInput!) { proposeSandboxPlan(input: $input) { id enrolment { id state version } } }',
            { input: planInput(e.id, e.version) },
            A.innovator.token,
          ),
        ).proposeSandboxPlan,
    );
    plan('PROPOSE_SANDBOX_PLAN', inn, { status: 'PROPOSED', authorityId: null, amends: null, extension: false });
    e = proposed.enrolment;
    for (const [authority, status] of [
      [FCA, 'PROPOSED'],
      [MAS, 'AGREED'],
    ] as const) {
      e = await oneEntry(
        async () =>
          expectOk(
            await gql(
              'mutation($input: ApproveSandboxPlanInput!) { approveSandboxPlan(input: $input) { enrolment { id state version } } }',
              { input: { planId: proposed.id, expectedVersion: e.version } },
              authority.regulator.token,
            ),
          ).approveSandboxPlan.enrolment,
      );
      plan('APPROVE_SANDBOX_PLAN', authority.regulator.id, { status, authorityId: authority.id, decision: 'APPROVED' });
    }
    homeReport = await oneEntry(() => submitReport(A.innovator.token, e.id, FCA, 'HOME_AUTHORITY'));
    steps.push({
      action: 'SUBMIT_TEST_REPORT',
      actor: inn,
      entityType: 'TEST_REPORT',
      data: {
        submittedTo: FCA.id,
        confidentiality: 'HOME_AUTHORITY',
        results: 1,
        outcomes: { PASS: 1, FAIL: 0, INSUFFICIENT_EVIDENCE: 0 },
      },
    });
    await oneEntry(async () =>
      expectOk(
        await gql(
          REVIEW_REPORT,
          { input: { reportId: homeReport.id, decision: 'ACCEPT', reasons: 'Sound method' } },
          FCA.regulator.token,
        ),
      ),
    );
    steps.push({
      action: 'REVIEW_TEST_REPORT',
      actor: FCA.regulator.id,
      entityType: 'TEST_REPORT',
      data: { status: 'ACCEPTED', reasons: 'Sound method' },
    });
    await oneEntry(() => submitReport(A.innovator.token, e.id, MAS, 'PARTICIPANTS'));
    steps.push({
      action: 'SUBMIT_TEST_REPORT',
      actor: inn,
      entityType: 'TEST_REPORT',
      data: { submittedTo: MAS.id, confidentiality: 'PARTICIPANTS' },
    });
    await oneEntry(() => reportIncident(MAS.regulator.token, incident(e.id, { affectedJurisdictions: ['SG'] })));
    steps.push({
      action: 'REPORT_INCIDENT',
      actor: MAS.regulator.id,
      entityType: 'INCIDENT',
      data: { severity: 'HIGH', affectedJurisdictions: ['SG'], reportingAuthorityId: MAS.id },
    });
    e = await oneEntry(() =>
      act(SUSPEND, MAS.regulator.token, e, { ground: 'UNMITIGABLE_RISK', reasons: 'Incident under investigation' }),
    );
    lifecycle('SUSPEND', MAS.regulator.id, 'TESTING', 'TESTING', {
      ground: 'UNMITIGABLE_RISK',
      reasons: 'Incident under investigation',
      authorityId: MAS.id,
      tracks: [{ authorityId: MAS.id, state: 'SUSPENDED', exitDecision: null }],
    });
    e = await oneEntry(() =>
      act(SUSPEND, FCA.regulator.token, e, { ground: 'PARTICIPANT_REQUEST', reasons: 'Joint suspension' }),
    );
    lifecycle('SUSPEND', FCA.regulator.id, 'TESTING', 'SUSPENDED', {
      ground: 'PARTICIPANT_REQUEST',
      reasons: 'Joint suspension',
    });
    e = await oneEntry(() => act(RESUME, FCA.regulator.token, e, { reasons: 'Investigation closed' }));
    lifecycle('RESUME', FCA.regulator.id, 'SUSPENDED', 'TESTING', {
      reasons: 'Investigation closed',
      authorityId: FCA.id,
      tracks: [{ authorityId: FCA.id, state: 'ADMITTED', exitDecision: null }],
    });
    e = await oneEntry(() => act(REQUEST_EXIT, A.innovator.token, e));
    lifecycle('REQUEST_EXIT', inn, 'TESTING', 'EXIT_REVIEW');
    // MAS's track is still suspended: it holds the round open after the FCA's decision. Being final,
    // the FCA's decision issues the FCA's written proof in the same transaction, recorded first.
    e = await oneEntry(
      () => act(DECIDE_EXIT, FCA.regulator.token, e, { decision: 'AUTHORISED', reasons: 'FCA exit criteria met' }),
      2,
    );
    steps.push({
      action: 'ISSUE_WRITTEN_PROOF',
      actor: FCA.regulator.id,
      entityType: 'WRITTEN_PROOF',
      data: { authorityId: FCA.id, completed: true },
    });
    lifecycle('DECIDE_EXIT', FCA.regulator.id, 'EXIT_REVIEW', 'EXIT_REVIEW', {
      decision: 'AUTHORISED',
      reasons: 'FCA exit criteria met',
      tracks: [{ authorityId: FCA.id, state: 'AUTHORISED', exitDecision: 'AUTHORISED' }],
    });
    e = await oneEntry(() => act(RESUME, MAS.regulator.token, e, { reasons: 'Incident resolved' }));
    lifecycle('RESUME', MAS.regulator.id, 'EXIT_REVIEW', 'EXIT_REVIEW', {
      reasons: 'Incident resolved',
      authorityId: MAS.id,
      tracks: [{ authorityId: MAS.id, state: 'ADMITTED', exitDecision: null }],
    });
    e = await oneEntry(
      () => act(DECIDE_EXIT, MAS.regulator.token, e, { decision: 'REJECTED', reasons: 'MAS: risk not mitigated' }),
      2,
    );
    steps.push({
      action: 'ISSUE_WRITTEN_PROOF',
      actor: MAS.regulator.id,
      entityType: 'WRITTEN_PROOF',
      data: { authorityId: MAS.id, completed: false },
    });
    lifecycle('DECIDE_EXIT', MAS.regulator.id, 'EXIT_REVIEW', 'EXITED', {
      decision: 'REJECTED',
      reasons: 'MAS: risk not mitigated',
      tracks: [{ authorityId: MAS.id, state: 'REJECTED', exitDecision: 'REJECTED' }],
    });
    expect(e.state).toBe('EXITED');
  }, 120_000);

  it('every lifecycle step, report, review and incident appended one entry, in order, naming who did what', async () => {
    const entries = await trailOf(admin, e.id);
    expect(entries.map((x) => x.action)).toEqual(steps.map((s) => s.action));
    entries.forEach((entry, i) => {
      const expected = steps[i];
      expect(entry).toMatchObject({
        actorAccountId: expected.actor,
        entityType: expected.entityType,
        enrolmentId: e.id,
        programmeId: A.programmeId,
      });
      expect(entry.data).toMatchObject(expected.data);
      if (expected.entityType === 'ENROLMENT') expect(entry.entityId).toBe(e.id);
      if (i > 0) expect(entry.seq).toBeGreaterThan(entries[i - 1].seq);
      expect(entry.hash).toMatch(/^[0-9a-f]{64}$/);
    });
    expect(entries.find((x) => x.action === 'SUBMIT_TEST_REPORT')!.entityId).toBe(homeReport.id);
    // Each version step is recorded: lifecycle steps and sandbox plan writes both raise the version.
    const versioned = entries.filter(
      (x) => (x.entityType === 'ENROLMENT' && x.action !== 'CREATE_APPLICATION') || x.entityType === 'SANDBOX_PLAN',
    );
    expect(versioned.map((x) => (x.entityType === 'SANDBOX_PLAN' ? x.data.enrolmentVersion : x.data.version))).toEqual(
      Array.from({ length: versioned.length }, (_, i) => i + 2),
    );
  });

  it('the whole trail is one chain: each entry names the hash of the one before it', async () => {
    const all: AuditRow[] = [];
    let after: string | undefined;
    for (;;) {
      const page = expectOk(await trail(admin, null, 100, after)).auditTrail;
      all.push(...page.edges.map((edge) => edge.node));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor!;
    }
    expect(all).toHaveLength(await t.count('audit_entry'));
    expect(all[0]).toMatchObject({ seq: 1, prevHash: '0'.repeat(64) });
    all.forEach((entry, i) => {
      expect(entry.seq).toBe(i + 1);
      if (i > 0) expect(entry.prevHash).toBe(all[i - 1].hash);
    });
    expect(new Set(all.map((x) => x.hash)).size).toBe(all.length);
  });

  it('the innovator and every participating authority read the enrolment trail; others get NOT_FOUND; without a filter only administrators read', async () => {
    const full = await trailOf(admin, e.id);
    const homeEntries = full.filter((x) => x.entityId === homeReport.id).map((x) => x.seq);
    expect(homeEntries).toHaveLength(2);
    // The innovator and the report's home authority see everything of this enrolment.
    expect(await trailOf(A.innovator.token, e.id)).toEqual(full);
    expect(await trailOf(FCA.regulator.token, e.id)).toEqual(full);
    // Other participating authorities see the trail without the HOME_AUTHORITY report's entries
    // (its confidentiality holds in the trail as in the queries and the event stream).
    for (const token of [MAS.regulator.token, AIO.regulator.token]) {
      const seen = await trailOf(token, e.id);
      expect(seen.map((x) => x.seq)).toEqual(full.map((x) => x.seq).filter((s) => !homeEntries.includes(s)));
      expect(expectOk(await trail(token, { enrolmentId: e.id })).auditTrail.totalCount).toBe(full.length - 2);
    }
    for (const token of [rival.token, negotiator.token])
      expectError(await trail(token, { enrolmentId: e.id }), 'NOT_FOUND');
    expectError(await trail(FCA.regulator.token, { enrolmentId: randomUUID() }), 'NOT_FOUND');
    // A regulator does not see DRAFT applications, nor their trail.
    const draft = await apply(A, [FCA]);
    expectError(await trail(FCA.regulator.token, { enrolmentId: draft.id }), 'NOT_FOUND');
    expect((await trailOf(A.innovator.token, draft.id)).map((x) => x.action)).toEqual(['CREATE_APPLICATION']);
    for (const token of [A.innovator.token, FCA.regulator.token, negotiator.token]) {
      expectError(await trail(token, null), 'FORBIDDEN');
      expectError(await trail(token, { actorAccountId: FCA.regulator.id }), 'FORBIDDEN');
    }
    expectError(await trail('', { enrolmentId: e.id }), 'UNAUTHENTICATED');

    // Administrators read everything, and filter by actor.
    expect(expectOk(await trail(admin, null, 1)).auditTrail.totalCount).toBe(await t.count('audit_entry'));
    const byMas = expectOk(await trail(admin, { actorAccountId: MAS.regulator.id })).auditTrail.edges.map(
      (x) => x.node,
    );
    expect(byMas.length).toBeGreaterThan(0);
    expect(byMas.every((x) => x.actorAccountId === MAS.regulator.id)).toBe(true);
    expect(
      expectOk(await trail(admin, { enrolmentId: e.id, actorAccountId: MAS.regulator.id })).auditTrail.edges.map(
        (x) => x.node.action,
      ),
    ).toEqual(steps.filter((s) => s.actor === MAS.regulator.id).map((s) => s.action));
  });

  it('pages through a trail with first/after in chain order', async () => {
    const full = await trailOf(FCA.regulator.token, e.id);
    const seqs: number[] = [];
    let after: string | undefined;
    let pages = 0;
    for (;;) {
      const page = expectOk(await trail(FCA.regulator.token, { enrolmentId: e.id }, 4, after)).auditTrail;
      expect(page.totalCount).toBe(full.length);
      expect(page.edges.length).toBeLessThanOrEqual(4);
      seqs.push(...page.edges.map((edge) => edge.node.seq));
      pages++;
      if (!page.pageInfo.hasNextPage) break;
      expect(page.edges).toHaveLength(4);
      expect(page.pageInfo.endCursor).toBe(page.edges[3].cursor);
      after = page.pageInfo.endCursor!;
    }
    expect(seqs).toEqual(full.map((x) => x.seq));
    expect(pages).toBe(Math.ceil(full.length / 4));
    expectError(await trail(FCA.regulator.token, { enrolmentId: e.id }, 101), 'BAD_USER_INPUT');
  });

  it('verifyAuditTrail is for administrators and regulators and names the first broken link after rows are edited, re-chained or deleted by SQL', async () => {
    for (const token of [A.innovator.token, negotiator.token]) expectError(await verify(token), 'FORBIDDEN');
    expectError(await t.gql(VERIFY, {}), 'UNAUTHENTICATED');

    const total = await t.count('audit_entry');
    expect(expectOk(await verify()).verifyAuditTrail).toEqual({ ok: true, entries: total, firstBroken: null });
    // A regulator verifies the same chain (the whole of it, as its checkpoint covers).
    expect(expectOk(await verify(FCA.regulator.token)).verifyAuditTrail).toEqual({
      ok: true,
      entries: total,
      firstBroken: null,
    });

    const entries = await trailOf(admin, e.id);
    const decision = entries.find((x) => x.action === 'DECIDE_ENTRY')!;
    const exit = entries.find((x) => x.action === 'REQUEST_EXIT')!;
    const incidentEntry = entries.find((x) => x.action === 'REPORT_INCIDENT')!;
    const db = t.dataSource;

    // 1. Content edited: the entry no longer matches its hash.
    const [{ data: original }] = await db.query('SELECT data::text AS data FROM audit_entry WHERE seq = $1', [
      decision.seq,
    ]);
    await db.query(`UPDATE audit_entry SET data = jsonb_set(data, '{reasons}', '"tampered"') WHERE seq = $1`, [
      decision.seq,
    ]);
    let result = expectOk(await verify()).verifyAuditTrail;
    expect(result).toMatchObject({
      ok: false,
      entries: decision.seq - 1,
      firstBroken: { seq: decision.seq, id: decision.id },
    });
    expect(result.firstBroken!.reason).toMatch(/content|hash/i);
    expect(expectOk(await verify(FCA.regulator.token)).verifyAuditTrail).toEqual(result);
    // jsonb reorders keys; restoring the content (in any key order) restores the chain.
    await db.query('UPDATE audit_entry SET data = $1::jsonb WHERE seq = $2', [original, decision.seq]);
    expect(expectOk(await verify()).verifyAuditTrail).toEqual({ ok: true, entries: total, firstBroken: null });

    // 2. The previous-hash of an entry changed (re-chained): reported there.
    const [{ prev_hash: prevHash }] = await db.query('SELECT prev_hash FROM audit_entry WHERE seq = $1', [exit.seq]);
    await db.query(`UPDATE audit_entry SET prev_hash = repeat('f', 64) WHERE seq = $1`, [exit.seq]);
    result = expectOk(await verify()).verifyAuditTrail;
    expect(result).toMatchObject({ ok: false, entries: exit.seq - 1, firstBroken: { seq: exit.seq, id: exit.id } });
    expect(result.firstBroken!.reason).toMatch(/previous/i);
    await db.query('UPDATE audit_entry SET prev_hash = $1 WHERE seq = $2', [prevHash, exit.seq]);
    expect(expectOk(await verify()).verifyAuditTrail.ok).toBe(true);

    // 3. A row deleted: the break is reported at the gap (the entry after the missing one).
    const [row] = await db.query(
      'SELECT seq, id, occurred_at, actor_account_id, action, entity_type, entity_id, enrolment_id, programme_id, data::text AS data, prev_hash, hash FROM audit_entry WHERE seq = $1',
      [incidentEntry.seq],
    );
    const [following] = await db.query('SELECT id FROM audit_entry WHERE seq = $1', [incidentEntry.seq + 1]);
    await db.query('DELETE FROM audit_entry WHERE seq = $1', [incidentEntry.seq]);
    result = expectOk(await verify()).verifyAuditTrail;
    expect(result).toMatchObject({
      ok: false,
      entries: incidentEntry.seq - 1,
      firstBroken: { seq: incidentEntry.seq + 1, id: following.id },
    });
    expect(result.firstBroken!.reason).toMatch(/missing/i);
    // 4. Deleting and rewriting seq to close the gap still breaks the chain at that entry.
    await db.query('UPDATE audit_entry SET seq = seq - 1 WHERE seq = $1', [incidentEntry.seq + 1]);
    result = expectOk(await verify()).verifyAuditTrail;
    expect(result.firstBroken).toMatchObject({ seq: incidentEntry.seq, id: following.id });
    await db.query('UPDATE audit_entry SET seq = seq + 1 WHERE seq = $1', [incidentEntry.seq]);
    await db.query(
      'INSERT INTO audit_entry (seq, id, occurred_at, actor_account_id, action, entity_type, entity_id, enrolment_id, programme_id, data, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11, $12)',
      [
        row.seq,
        row.id,
        row.occurred_at,
        row.actor_account_id,
        row.action,
        row.entity_type,
        row.entity_id,
        row.enrolment_id,
        row.programme_id,
        row.data,
        row.prev_hash,
        row.hash,
      ],
    );
    expect(expectOk(await verify()).verifyAuditTrail).toEqual({ ok: true, entries: total, firstBroken: null });

    // New appends continue the restored chain.
    await act(WITHDRAW, A.innovator.token, await apply(A, [FCA]));
    expect(expectOk(await verify()).verifyAuditTrail).toEqual({ ok: true, entries: total + 2, firstBroken: null });
  });
});
