import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AiSystemService, EventBus } from '@sandbridge/application';
import { type Actor, RiskClass, Role } from '@sandbridge/domain';
import { buildSandbox, entryResultsMeeting, expectOk, type Sandbox, TestApp } from '@sandbridge/testing';
import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';

// Issue 5, "Two API instances on one Redis: an event raised on one reaches a subscriber of the
// other". Two Nest applications, each listening on its own port with REDIS_URL set, on one shared
// PostgreSQL database (the subscriber's instance re-checks every event against the database, so
// both must see the same data). graphql-ws clients subscribe on one instance; decisions and
// incidents are made through the other, over HTTP. Events of other test runs on the same Redis
// channel belong to other programmes and are filtered out before any access check.
//
// Negative checks ("never receives") rely on order: one instance publishes its events over one Redis
// connection, in order, and each subscription keeps that order, so once a later event of the same
// publisher has arrived an earlier one that was going to arrive would be there already.

const ADMIN: Actor = {
  accountId: 'instances-test',
  role: Role.ADMIN,
  authorityId: null,
  organisationId: null,
  jurisdictionCode: null,
};

const SUBSCRIPTION = `subscription($programmeId: ID!) {
  enrolmentEvents(programmeId: $programmeId) { id type programmeId enrolmentId authorityId action fromState toState incidentId summary }
}`;
const ENROLMENT = 'id state version';
const CREATE = `mutation($input: CreateEnrolmentInput!) { createEnrolment(input: $input) { ${ENROLMENT} } }`;
const SUBMIT = `mutation($input: EnrolmentActionInput!) { submitEnrolment(input: $input) { ${ENROLMENT} } }`;
const START_REVIEW = `mutation($input: EnrolmentActionInput!) { startReview(input: $input) { ${ENROLMENT} } }`;
const DECIDE_ENTRY = `mutation($input: DecideEntryInput!) { decideEntry(input: $input) { ${ENROLMENT} } }`;
const REPORT_INCIDENT = `mutation($input: ReportIncidentInput!) { reportIncident(input: $input) { id } }`;

interface Enrolment {
  id: string;
  state: string;
  version: number;
}
interface LiveEvent {
  id: string;
  type: string;
  programmeId: string;
  enrolmentId: string;
  authorityId: string | null;
  action: string | null;
  fromState: string | null;
  toState: string | null;
  incidentId: string | null;
  summary: string;
}

/** A graphql-ws client subscribed to one programme's events, with everything it received. */
interface Subscriber {
  name: string;
  client: Client;
  events: LiveEvent[];
  errors: unknown[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  for (const start = Date.now(); !condition(); await sleep(20)) {
    if (Date.now() - start > timeoutMs) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
  }
}

/**
 * The subscriptions live on an instance: each subscription resolver subscribes once to the event
 * bus's stream (an rxjs Subject, read through its deprecated-but-present `observers`). graphql-ws
 * acknowledges no subscription, so this is how a test knows a subscriber will see what comes next.
 */
const liveSubscriptions = (t: TestApp): number =>
  (t.get(EventBus) as unknown as { subject: { observers: unknown[] } }).subject.observers.length;

describe('Events across two API instances on one Redis (real PostgreSQL)', () => {
  let a: TestApp;
  let b: TestApp;
  let sb: Sandbox;
  /** Another programme (its own regulators and innovator), for "the right programme only". */
  let sb2: Sandbox;
  /** A second organisation's innovator in `sb`'s programme. */
  let other: { token: string; organisationId: string };
  const subscribers: Subscriber[] = [];

  const port = (t: TestApp) => (t.app.getHttpServer().address() as AddressInfo).port;

  function subscribe(on: TestApp, name: string, token: string, programmeId: string): Subscriber {
    const client = createClient({
      url: `ws://127.0.0.1:${port(on)}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
      retryAttempts: 0,
    });
    const subscriber: Subscriber = { name, client, events: [], errors: [] };
    client.subscribe<{ enrolmentEvents: LiveEvent }>(
      { query: SUBSCRIPTION, variables: { programmeId } },
      {
        next: (result) => {
          if (result.errors?.length) subscriber.errors.push(...result.errors);
          if (result.data?.enrolmentEvents) subscriber.events.push(result.data.enrolmentEvents);
        },
        error: (error) => void subscriber.errors.push(error),
        complete: () => {},
      },
    );
    subscribers.push(subscriber);
    return subscriber;
  }

  /** Waits for `subscriber` to receive an event about `enrolmentId` matching `match`; returns it. */
  async function received(subscriber: Subscriber, enrolmentId: string, match: Partial<LiveEvent>): Promise<LiveEvent> {
    const find = () =>
      subscriber.events.find(
        (e) => e.enrolmentId === enrolmentId && Object.entries(match).every(([k, v]) => e[k as keyof LiveEvent] === v),
      );
    await until(
      () => Boolean(find()) || subscriber.errors.length > 0,
      `${subscriber.name} to receive ${JSON.stringify(match)} about ${enrolmentId}`,
    );
    expect(subscriber.errors).toEqual([]);
    return find()!;
  }

  const about = (subscriber: Subscriber, enrolmentId: string) =>
    subscriber.events.filter((e) => e.enrolmentId === enrolmentId);

  /** A new AI system of `organisationId`, applied to `sandbox` for these authorities and UNDER_REVIEW — through instance `on`. */
  async function underReview(
    on: TestApp,
    sandbox: Sandbox,
    innovatorToken: string,
    organisationId: string,
    acronyms: string[],
  ): Promise<Enrolment> {
    const system = await on.get(AiSystemService).register(ADMIN, {
      organisationId,
      name: `Instances ${randomUUID().slice(0, 8)}`,
      sector: 'FINANCE',
      intendedPurpose: 'Scores consumer loan applications.',
      riskClass: RiskClass.HIGH,
    });
    const targets = acronyms.map((x) => sandbox.authority[x]);
    let e = expectOk(
      await on.gql<{ createEnrolment: Enrolment }>(
        CREATE,
        {
          input: {
            programmeId: sandbox.programmeId,
            aiSystemId: system.id,
            targetAuthorityIds: targets.map((x) => x.id),
            entryResults: entryResultsMeeting(targets),
          },
        },
        innovatorToken,
      ),
    ).createEnrolment;
    e = expectOk(
      await on.gql<{ submitEnrolment: Enrolment }>(
        SUBMIT,
        { input: { enrolmentId: e.id, expectedVersion: e.version } },
        innovatorToken,
      ),
    ).submitEnrolment;
    e = expectOk(
      await on.gql<{ startReview: Enrolment }>(
        START_REVIEW,
        { input: { enrolmentId: e.id, expectedVersion: e.version } },
        targets[0].regulator.token,
      ),
    ).startReview;
    expect(e.state).toBe('UNDER_REVIEW');
    return e;
  }

  const decide = async (on: TestApp, token: string, e: Enrolment, decision: 'ADMIT' | 'DECLINE'): Promise<Enrolment> =>
    expectOk(
      await on.gql<{ decideEntry: Enrolment }>(
        DECIDE_ENTRY,
        { input: { enrolmentId: e.id, expectedVersion: e.version, decision, reasons: `${decision} across instances` } },
        token,
      ),
    ).decideEntry;

  const reportIncident = async (on: TestApp, token: string, e: Enrolment): Promise<string> =>
    expectOk(
      await on.gql<{ reportIncident: { id: string } }>(
        REPORT_INCIDENT,
        {
          input: {
            enrolmentId: e.id,
            severity: 'HIGH',
            description: 'Scores drifted for one group of applicants',
            affectedJurisdictions: ['GB'],
          },
        },
        token,
      ),
    ).reportIncident.id;

  beforeAll(async () => {
    const redis = { REDIS_URL: process.env.REDIS_URL! };
    a = await TestApp.create(redis);
    b = await TestApp.createSecondInstance(a, redis);
    await a.app.listen(0, '127.0.0.1');
    await b.app.listen(0, '127.0.0.1');
    expect(port(a)).not.toBe(port(b));
    // The data is made through instance A; B sees it because they share the database.
    sb = await buildSandbox(a);
    sb2 = await buildSandbox(a);
    const organisationId = await a.createOrganisation(`Other innovator ${randomUUID().slice(0, 8)}`);
    other = {
      organisationId,
      token: (
        await a.accountWithToken(`other.${randomUUID().slice(0, 8)}@instances.test`, Role.INNOVATOR, { organisationId })
      ).token,
    };
  });

  afterAll(async () => {
    await Promise.all(subscribers.map(async (s) => s.client.dispose()));
    // B first: closing A drops the database they share.
    await b?.close();
    await a?.close();
  });

  it('both instances serve the same data and tokens (one database, one signing secret)', async () => {
    const query = `query($id: ID!) { programme(id: $id) { id } }`;
    for (const t of [a, b])
      expect(expectOk(await t.gql(query, { id: sb.programmeId }, sb.authority.FCA.regulator.token))).toEqual({
        programme: { id: sb.programmeId },
      });
  });

  describe('with subscribers on both instances', () => {
    let fcaOnB: Subscriber;
    let fca2OnB: Subscriber;
    let masOnA: Subscriber;
    let innovatorOnB: Subscriber;

    beforeAll(async () => {
      expect([liveSubscriptions(a), liveSubscriptions(b)]).toEqual([0, 0]);
      fcaOnB = subscribe(b, 'FCA regulator (programme 1) on B', sb.authority.FCA.regulator.token, sb.programmeId);
      fca2OnB = subscribe(b, 'FCA regulator (programme 2) on B', sb2.authority.FCA.regulator.token, sb2.programmeId);
      innovatorOnB = subscribe(b, 'innovator (programme 1) on B', sb.innovator.token, sb.programmeId);
      masOnA = subscribe(a, 'MAS regulator (programme 1) on A', sb.authority.MAS.regulator.token, sb.programmeId);
      await until(
        () => liveSubscriptions(a) === 1 && liveSubscriptions(b) === 3,
        'the subscriptions to be live on both instances',
      );
      for (const s of subscribers) expect({ name: s.name, errors: s.errors }).toEqual({ name: s.name, errors: [] });
    });

    it("a decision made through A reaches B's subscribers of that programme, and only them", async () => {
      const e1 = await underReview(a, sb, sb.innovator.token, sb.innovator.organisationId, ['FCA', 'MAS']);
      const e2 = await underReview(a, sb2, sb2.innovator.token, sb2.innovator.organisationId, ['FCA']);
      // Programme 2 first, then programme 1, both on A.
      await decide(a, sb2.authority.FCA.regulator.token, e2, 'ADMIT');
      await decide(a, sb.authority.FCA.regulator.token, e1, 'ADMIT');

      const onB = await received(fcaOnB, e1.id, { action: 'DECIDE_ENTRY', type: 'TRACK_DECIDED' });
      expect(onB).toMatchObject({
        programmeId: sb.programmeId,
        authorityId: sb.authority.FCA.id,
        fromState: 'UNDER_REVIEW',
        toState: 'UNDER_REVIEW',
      });
      const onB2 = await received(fca2OnB, e2.id, { action: 'DECIDE_ENTRY' });
      expect(onB2).toMatchObject({
        type: 'STATE_CHANGED',
        programmeId: sb2.programmeId,
        authorityId: sb2.authority.FCA.id,
        fromState: 'UNDER_REVIEW',
        toState: 'TESTING',
      });
      // The innovator on B sees its own enrolment's decision, raised on A.
      expect((await received(innovatorOnB, e1.id, { action: 'DECIDE_ENTRY' })).id).toBe(onB.id);

      // Each sees its own programme only (programme 2's event was published first, on the same connection).
      expect(fcaOnB.events.every((e) => e.programmeId === sb.programmeId)).toBe(true);
      expect(about(fcaOnB, e2.id)).toEqual([]);
      expect(fca2OnB.events.every((e) => e.programmeId === sb2.programmeId)).toBe(true);
      expect(about(fca2OnB, e1.id)).toEqual([]);
      expect(about(innovatorOnB, e2.id)).toEqual([]);

      // The subscriber on A got the same event (same id) as the one on B: one stream across instances.
      expect((await received(masOnA, e1.id, { action: 'DECIDE_ENTRY' })).id).toBe(onB.id);
      expect(masOnA.events.every((e) => e.programmeId === sb.programmeId)).toBe(true);
    });

    it("and vice versa: a decision made through B reaches A's subscriber (and B's own)", async () => {
      const e = await underReview(b, sb, sb.innovator.token, sb.innovator.organisationId, ['FCA', 'MAS']);
      const afterFca = await decide(b, sb.authority.FCA.regulator.token, e, 'ADMIT');
      await decide(b, sb.authority.MAS.regulator.token, afterFca, 'DECLINE');

      const onA = await received(masOnA, e.id, { action: 'DECIDE_ENTRY', authorityId: sb.authority.MAS.id });
      // FCA admitted, MAS declined: under EACH_AUTHORITY the enrolment goes to testing with FCA alone.
      expect(onA).toMatchObject({
        type: 'STATE_CHANGED',
        programmeId: sb.programmeId,
        fromState: 'UNDER_REVIEW',
        toState: 'TESTING',
      });
      expect((await received(fcaOnB, e.id, { action: 'DECIDE_ENTRY', authorityId: sb.authority.MAS.id })).id).toBe(
        onA.id,
      );
      // In order, on both instances: FCA's decision, then MAS's.
      for (const s of [masOnA, fcaOnB]) {
        expect(
          about(s, e.id)
            .filter((x) => x.action === 'DECIDE_ENTRY')
            .map((x) => x.authorityId),
        ).toEqual([sb.authority.FCA.id, sb.authority.MAS.id]);
      }
      expect(about(fca2OnB, e.id)).toEqual([]);
    });

    it("an innovator on B never receives another organisation's events raised on A, while the regulators do", async () => {
      const theirs = await underReview(a, sb, other.token, other.organisationId, ['FCA', 'MAS']);
      const ours = await underReview(a, sb, sb.innovator.token, sb.innovator.organisationId, ['FCA']);
      // The other organisation's application is admitted (by FCA, then MAS) and it reports an incident — all on A.
      const theirsTesting = await decide(
        a,
        sb.authority.MAS.regulator.token,
        await decide(a, sb.authority.FCA.regulator.token, theirs, 'ADMIT'),
        'ADMIT',
      );
      expect(theirsTesting.state).toBe('TESTING');
      const incidentId = await reportIncident(a, other.token, theirsTesting);
      // Then, last, a decision on our innovator's own application, also on A.
      await decide(a, sb.authority.FCA.regulator.token, ours, 'ADMIT');

      // Every participating authority hears of the incident at once, on either instance.
      const incidentOnB = await received(fcaOnB, theirs.id, { type: 'INCIDENT_REPORTED' });
      expect(incidentOnB).toMatchObject({ incidentId, programmeId: sb.programmeId });
      expect((await received(masOnA, theirs.id, { type: 'INCIDENT_REPORTED' })).id).toBe(incidentOnB.id);
      await received(fcaOnB, ours.id, { action: 'DECIDE_ENTRY' });

      // Our innovator got its own decision, published after all of theirs — and none of theirs.
      await received(innovatorOnB, ours.id, { action: 'DECIDE_ENTRY', toState: 'TESTING' });
      expect(about(innovatorOnB, theirs.id)).toEqual([]);
      expect(innovatorOnB.events.every((e) => e.programmeId === sb.programmeId)).toBe(true);
      expect(about(fca2OnB, theirs.id)).toEqual([]);
    });

    it('no subscriber was sent an error', () => {
      for (const s of subscribers) expect({ name: s.name, errors: s.errors }).toEqual({ name: s.name, errors: [] });
    });
  });
});
