import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EventBus, ProgrammeService } from '@sandbridge/application';
import { type Actor, JointEntryRule, Role } from '@sandbridge/domain';
import { expectError, expectOk, type GraphQLResponse, TEST_PASSWORD, TestApp, waitFor } from '@sandbridge/testing';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

// Issue 11, findings 4 and 5 across instances: two API instances on one PostgreSQL database and one
// Redis. Failed sign-ins are counted in Redis, so an attacker spreading guesses over instances gets
// no more of them; an ended session (revoked, disabled) is announced on the event bus's Redis
// channel, so the other instance refuses the token at once although it holds the account's state in
// its cache (SESSION_CACHE_MS is 10 s here: a refusal within 5 s is the announcement's doing), and
// closes its open subscriptions.

const ME = '{ me { id } }';
const LOGIN = 'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }';
const REVOKE = 'mutation($input: RevokeSessionsInput) { revokeSessions(input: $input) { id } }';
const DISABLE = 'mutation($input: AccountIdInput!) { disableAccount(input: $input) { id disabled } }';
const SUBSCRIPTION = 'subscription($programmeId: ID!) { enrolmentEvents(programmeId: $programmeId) { id } }';
const CACHE_MS = 10_000;

/** Server-side subscriptions on an instance's event bus (each live `enrolmentEvents` holds one). */
const liveSubscriptions = (t: TestApp): number =>
  (t.get(EventBus) as unknown as { subject: { observers: unknown[] } }).subject.observers.length;

describe('sessions and sign-in limits across two API instances on one Redis (real PostgreSQL)', () => {
  let a: TestApp;
  let b: TestApp;
  let admin: string;
  let fcaId: string;

  beforeAll(async () => {
    // A prefix of this run's own: the failed sign-in counters of other runs on this Redis stay apart.
    const env = {
      REDIS_URL: process.env.REDIS_URL!,
      QUEUE_PREFIX: `sessions-${randomUUID().slice(0, 8)}`,
      SESSION_CACHE_MS: String(CACHE_MS),
    };
    a = await TestApp.create(env);
    b = await TestApp.createSecondInstance(a, env);
    await b.app.listen({ port: 0, host: '127.0.0.1' });
    admin = await a.adminToken();
    fcaId = await a.authorityId('GB', 'FCA');
  }, 120_000);

  afterAll(async () => {
    // B first: closing A drops the database they share.
    await b?.close();
    await a?.close();
  });

  const regulator = async (prefix: string) => {
    const email = `${prefix}.${randomUUID().slice(0, 8)}@instances.test`;
    return { email, ...(await a.accountWithToken(email, Role.REGULATOR, { authorityId: fcaId })) };
  };

  function expectTooMany(res: GraphQLResponse): void {
    expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['TOO_MANY_REQUESTS']);
    expect(res.errors![0].extensions!.retryAfterSeconds).toBeGreaterThan(0);
  }

  it('counts failed sign-ins of one e-mail on both instances together', async () => {
    const reg = await regulator('guessed');
    for (const [i, on] of [a, b, a, b, a].entries())
      expectError(await on.gql(LOGIN, { email: reg.email, password: `wrong password ${i}` }), 'UNAUTHENTICATED');
    expectTooMany(await b.gql(LOGIN, { email: reg.email, password: 'wrong password 6' }));
    expectTooMany(await a.gql(LOGIN, { email: reg.email, password: TEST_PASSWORD }));
    expectTooMany(await b.gql(LOGIN, { email: reg.email, password: TEST_PASSWORD }));
  });

  it('a session revoked on one instance is refused by the other at once, though the other holds it in its cache', async () => {
    const reg = await regulator('revoked');
    expectOk(await b.gql(ME, {}, reg.token)); // B now holds the account's state for CACHE_MS
    expectOk(await a.gql(REVOKE, {}, reg.token));
    await waitFor(
      'instance B to refuse the revoked token',
      async () => (await b.gql(ME, {}, reg.token)).errors?.[0]?.extensions?.code === 'UNAUTHENTICATED',
      CACHE_MS / 2,
      20,
    );
  });

  it('disabling an account on one instance closes its subscription on the other (4401)', async () => {
    const reg = await regulator('subscribed');
    const builder: Actor = {
      accountId: 'instances-test',
      role: Role.ADMIN,
      authorityId: null,
      organisationId: null,
      jurisdictionCode: null,
    };
    const { id: programmeId } = await a.get(ProgrammeService).create(builder, {
      name: `Instances ${randomUUID().slice(0, 8)}`,
      leadAuthorityId: fcaId,
      sectors: ['FINANCE'],
      maxTestingDays: 90,
      cohortCapacity: 5,
      jointEntryRule: JointEntryRule.EACH_AUTHORITY,
    });
    const url = `ws://127.0.0.1:${(b.app.getHttpServer().address() as AddressInfo).port}/graphql`;
    let closed: { code: number; reason: string } | null = null;
    const errors: unknown[] = [];
    const client = createClient({
      url,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      lazy: false,
      onNonLazyError: () => undefined,
      connectionParams: { authorization: `Bearer ${reg.token}` },
    });
    client.on('closed', (event) => {
      const { code, reason } = event as { code: number; reason: unknown };
      closed ??= { code, reason: String(reason) };
    });
    try {
      client.subscribe(
        { query: SUBSCRIPTION, variables: { programmeId } },
        { next: () => undefined, error: (error) => errors.push(error), complete: () => undefined },
      );
      await waitFor('the subscription on B to be live', async () => liveSubscriptions(b) > 0 || closed, 10_000, 10);
      expect([closed, errors]).toEqual([null, []]);
      expect(expectOk(await a.gql(DISABLE, { input: { id: reg.id } }, admin)).disableAccount.disabled).toBe(true);
      await waitFor('B to close the disabled account’s connection', async () => closed, CACHE_MS / 2, 20);
      expect(closed).toEqual({ code: 4401, reason: 'Session ended: sign in again' });
    } finally {
      await client.dispose();
    }
  });
});
