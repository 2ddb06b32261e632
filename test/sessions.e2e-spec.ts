import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { JwtService } from '@nestjs/jwt';
import { EventBus, ProgrammeService } from '@sandbridge/application';
import { type Actor, JointEntryRule, Role } from '@sandbridge/domain';
import { AccountRepository } from '@sandbridge/persistence';
import {
  ADMIN,
  expectBadInput,
  expectError,
  expectForbidden,
  expectOk,
  type GraphQLResponse,
  TEST_PASSWORD,
  TestApp,
  waitFor,
} from '@sandbridge/testing';
import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';

// Sessions that end and sign-ins that are limited (issue 11, findings 4 and 5): every token names
// its account and a session and always expires; a deleted or disabled account, a changed password,
// a moved regulator or revoked sessions end the tokens issued before, over HTTP and on open
// graphql-ws connections (which also close when their token expires); failed sign-ins are limited
// per e-mail and per client address; new passwords meet the policy.
//
// The API trusts X-Forwarded-For here (TRUST_PROXY=true), so each test signs in from an address of
// its own and the per-address counts of one test do not reach another.

const ME = '{ me { id role disabled } }';
const LOGIN =
  'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token expiresAt account { id } } }';
const CHANGE_PASSWORD =
  'mutation($input: ChangePasswordInput!) { changePassword(input: $input) { token expiresAt account { id email } } }';
const REVOKE = 'mutation($input: RevokeSessionsInput) { revokeSessions(input: $input) { id disabled } }';
const DISABLE = 'mutation($input: AccountIdInput!) { disableAccount(input: $input) { id email disabled } }';
const ENABLE = 'mutation($input: AccountIdInput!) { enableAccount(input: $input) { id email disabled } }';
const CREATE_ACCOUNT = 'mutation($input: CreateAccountInput!) { createAccount(input: $input) { id } }';
const SUBSCRIPTION = 'subscription($programmeId: ID!) { enrolmentEvents(programmeId: $programmeId) { id } }';
const MAX_FAILURES_PER_ADDRESS = 10;

let t: TestApp;
let wsUrl: string;
let admin: string;
let adminId: string;
let fcaId: string;
let icoId: string;
/** A DRAFT programme led by the FCA: its regulators may subscribe to its events. */
let programmeId: string;

const email = (prefix: string) => `${prefix}.${randomUUID().slice(0, 8)}@sessions.test`;
let addresses = 0;
/** A client address no other test uses, as X-Forwarded-For from behind one more proxy. */
const address = () => `198.51.100.${++addresses}, 10.0.0.1`;
const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));

/** A GraphQL call as a client behind `forwardedFor` (X-Forwarded-For). */
async function gqlFrom(
  forwardedFor: string,
  query: string,
  variables: Record<string, unknown>,
  token?: string,
): Promise<GraphQLResponse> {
  const call = t.http().post('/graphql').set('content-type', 'application/json').set('x-forwarded-for', forwardedFor);
  if (token) call.set('authorization', `Bearer ${token}`);
  const response = await call.send({ query, variables });
  return { status: response.status, data: response.body.data, errors: response.body.errors };
}

/** A new FCA regulator, signed in. */
async function regulator(prefix = 'reg'): Promise<{ id: string; email: string; token: string }> {
  const mail = email(prefix);
  const account = await t.accountWithToken(mail, Role.REGULATOR, { authorityId: fcaId });
  return { ...account, email: mail };
}

function expectSessionEnded(res: GraphQLResponse): void {
  expect(expectError(res, 'UNAUTHENTICATED').message).toMatch(/sign in again/);
}

/** The single TOO_MANY_REQUESTS error of `res`, with a retry time within the window. */
function expectTooMany(res: GraphQLResponse): void {
  expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['TOO_MANY_REQUESTS']);
  const { retryAfterSeconds } = res.errors![0].extensions!;
  expect(Number.isInteger(retryAfterSeconds)).toBe(true);
  expect(retryAfterSeconds).toBeGreaterThan(0);
  expect(retryAfterSeconds).toBeLessThanOrEqual(t.config.auth.loginLimits.windowSeconds);
  expect(res.data?.login ?? null).toBeNull();
}

beforeAll(async () => {
  t = await TestApp.create({ TRUST_PROXY: 'true', LOGIN_MAX_FAILURES_PER_ADDRESS: String(MAX_FAILURES_PER_ADDRESS) });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  wsUrl = `ws://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}/graphql`;
  const login = expectOk(await t.gql(LOGIN, { email: ADMIN.email, password: ADMIN.password })).login;
  admin = login.token;
  adminId = login.account.id;
  fcaId = await t.authorityId('GB', 'FCA');
  icoId = await t.authorityId('GB', 'ICO');
  const builder: Actor = {
    accountId: 'sessions-test',
    role: Role.ADMIN,
    authorityId: null,
    organisationId: null,
    jurisdictionCode: null,
  };
  const programme = await t.get(ProgrammeService).create(builder, {
    name: `Sessions ${randomUUID().slice(0, 8)}`,
    leadAuthorityId: fcaId,
    sectors: ['FINANCE'],
    maxTestingDays: 90,
    cohortCapacity: 5,
    jointEntryRule: JointEntryRule.EACH_AUTHORITY,
  });
  programmeId = programme.id;
}, 120_000);

afterAll(async () => {
  await closeFeeds();
  await t?.close();
});

describe('tokens end with their session (HTTP)', () => {
  it('a deleted account’s token is UNAUTHENTICATED', async () => {
    const reg = await regulator('deleted');
    await t.dataSource.query('DELETE FROM account WHERE id = $1', [reg.id]);
    expectSessionEnded(await t.gql(ME, {}, reg.token));
  });

  it('a regulator moved to another authority: its old token is refused (within SESSION_CACHE_MS), a new one acts for the new authority', async () => {
    const reg = await regulator('moved');
    expect(expectOk(await t.gql('{ me { authority { acronym } } }', {}, reg.token)).me.authority.acronym).toBe('FCA');
    // Edited behind the API's back (no event): seen once the cached state expires.
    const accounts = t.get(AccountRepository);
    const row = (await accounts.findById(reg.id))!;
    await accounts.save({ ...row, authorityId: icoId });
    await waitFor(
      'the moved regulator’s old token to be refused',
      async () => (await t.gql(ME, {}, reg.token)).errors?.[0]?.extensions?.code === 'UNAUTHENTICATED',
      t.config.auth.sessionCacheMs + 10_000,
    );
    expectSessionEnded(await t.gql(ME, {}, reg.token));
    const fresh = await t.login(reg.email);
    expect(expectOk(await t.gql('{ me { authority { acronym } } }', {}, fresh)).me.authority.acronym).toBe('ICO');
  });

  it('a validly signed token without an expiry is UNAUTHENTICATED', async () => {
    const reg = await regulator('noexp');
    const { exp: _exp, ...claims } = claimsOf(reg.token);
    const forever = await new JwtService({ secret: t.config.auth.jwtSecret }).signAsync(claims);
    expect(claimsOf(forever).exp).toBeUndefined();
    expectError(await t.gql(ME, {}, forever), 'UNAUTHENTICATED');
    // The same claims with their expiry are accepted: only the missing exp is refused.
    expectOk(
      await t.gql(
        ME,
        {},
        await new JwtService({ secret: t.config.auth.jwtSecret }).signAsync({ ...claims, exp: claims.iat + 600 }),
      ),
    );
  });

  it('changePassword ends every token issued before (other sessions too) and returns a fresh one; the old password no longer signs in', async () => {
    const reg = await regulator('changer');
    const otherSession = await t.login(reg.email);
    const from = address();
    const changed = expectOk(
      await gqlFrom(
        from,
        CHANGE_PASSWORD,
        { input: { currentPassword: TEST_PASSWORD, newPassword: 'a much better passphrase' } },
        reg.token,
      ),
    ).changePassword;
    expect(changed.account).toEqual({ id: reg.id, email: reg.email });
    expect(Date.parse(changed.expiresAt)).toBe(claimsOf(changed.token).exp * 1000);
    // At once, without waiting for any cache: the change went through the event bus.
    expectSessionEnded(await t.gql(ME, {}, reg.token));
    expectSessionEnded(await t.gql(ME, {}, otherSession));
    expect(expectOk(await t.gql(ME, {}, changed.token)).me.id).toBe(reg.id);
    expectError(await gqlFrom(from, LOGIN, { email: reg.email, password: TEST_PASSWORD }), 'UNAUTHENTICATED');
    expect(
      expectOk(await gqlFrom(from, LOGIN, { email: reg.email, password: 'a much better passphrase' })).login.account.id,
    ).toBe(reg.id);
  });

  it('changePassword refuses a wrong current password and a weak new one, naming the field, and changes nothing', async () => {
    const reg = await regulator('weak-change');
    const from = address();
    const change = (input: Record<string, string>) => gqlFrom(from, CHANGE_PASSWORD, { input }, reg.token);
    expectBadInput(
      await change({ currentPassword: 'not my password', newPassword: 'a much better passphrase' }),
      'input.currentPassword',
    );
    for (const newPassword of ['eleven char', ' '.repeat(12), 'password1234']) {
      expectBadInput(await change({ currentPassword: TEST_PASSWORD, newPassword }), 'input.newPassword');
    }
    expectOk(await t.gql(ME, {}, reg.token));
    await t.login(reg.email);
    // Without a token it is refused like any other operation that needs one.
    expectError(
      await t.gql(CHANGE_PASSWORD, {
        input: { currentPassword: TEST_PASSWORD, newPassword: 'a much better passphrase' },
      }),
      'UNAUTHENTICATED',
    );
  });

  it('revokeSessions (own): signs out everywhere, the token used included', async () => {
    const reg = await regulator('revoke-own');
    const other = await t.login(reg.email);
    expect(expectOk(await t.gql(REVOKE, {}, reg.token)).revokeSessions).toEqual({ id: reg.id, disabled: false });
    expectSessionEnded(await t.gql(ME, {}, reg.token));
    expectSessionEnded(await t.gql(ME, {}, other));
    // Signing in again starts a new session.
    expectOk(await t.gql(ME, {}, await t.login(reg.email)));
  });

  it('revokeSessions of another account: administrators only (FORBIDDEN before any lookup); an unknown id is NOT_FOUND', async () => {
    const reg = await regulator('revoke-other');
    const bystander = await regulator('bystander');
    expectForbidden(await t.gql(REVOKE, { input: { accountId: reg.id } }, bystander.token));
    expectForbidden(await t.gql(REVOKE, { input: { accountId: randomUUID() } }, bystander.token));
    expectOk(await t.gql(ME, {}, reg.token));
    expect(expectOk(await t.gql(REVOKE, { input: { accountId: reg.id } }, admin)).revokeSessions.id).toBe(reg.id);
    expectSessionEnded(await t.gql(ME, {}, reg.token));
    expectOk(await t.gql(ME, {}, bystander.token));
    expectOk(await t.gql(ME, {}, admin));
    expectError(await t.gql(REVOKE, { input: { accountId: randomUUID() } }, admin), 'NOT_FOUND');
    expectBadInput(await t.gql(REVOKE, { input: { accountId: 'not-an-id' } }, admin), 'input.accountId');
  });

  it('disableAccount: the token is refused at once and the account cannot sign in (the same answer as a wrong password); enableAccount lets it in again', async () => {
    const reg = await regulator('disabled');
    const from = address();
    expect(expectOk(await t.gql(DISABLE, { input: { id: reg.id } }, admin)).disableAccount).toEqual({
      id: reg.id,
      email: reg.email,
      disabled: true,
    });
    expectSessionEnded(await t.gql(ME, {}, reg.token));
    const disabled = expectError(
      await gqlFrom(from, LOGIN, { email: reg.email, password: TEST_PASSWORD }),
      'UNAUTHENTICATED',
    );
    const wrong = expectError(
      await gqlFrom(from, LOGIN, { email: email('nobody'), password: TEST_PASSWORD }),
      'UNAUTHENTICATED',
    );
    expect(disabled.message).toBe(wrong.message);
    const listed = expectOk(
      await t.gql(
        'query($f: AccountFilterInput) { accounts(filter: $f) { edges { node { id disabled } } } }',
        { f: { search: reg.email } },
        admin,
      ),
    );
    expect(listed.accounts.edges).toEqual([{ node: { id: reg.id, disabled: true } }]);

    expect(expectOk(await t.gql(ENABLE, { input: { id: reg.id } }, admin)).enableAccount.disabled).toBe(false);
    expectSessionEnded(await t.gql(ME, {}, reg.token)); // the old session stays ended
    const again = expectOk(await gqlFrom(from, LOGIN, { email: reg.email, password: TEST_PASSWORD })).login.token;
    expect(expectOk(await t.gql(ME, {}, again)).me).toEqual({ id: reg.id, role: 'REGULATOR', disabled: false });
  });

  it('disableAccount / enableAccount: administrators only; not one’s own account; an unknown id is NOT_FOUND', async () => {
    const reg = await regulator('not-admin');
    expectForbidden(await t.gql(DISABLE, { input: { id: reg.id } }, reg.token));
    expectForbidden(await t.gql(ENABLE, { input: { id: reg.id } }, reg.token));
    expectForbidden(await t.gql(DISABLE, { input: { id: adminId } }, admin));
    expectOk(await t.gql(ME, {}, admin));
    expectError(await t.gql(DISABLE, { input: { id: randomUUID() } }, admin), 'NOT_FOUND');
    expectBadInput(await t.gql(DISABLE, { input: { id: 'nope' } }, admin), 'input.id');
  });

  it('checks the session with one primary-key read at most per request', async () => {
    const reg = await regulator('counted');
    const counter = t.countQueries();
    for (let i = 0; i < 3; i++) {
      counter.reset();
      expectOk(await t.gql('{ __typename }', {}, reg.token));
      expect(counter.queries).toEqual([]);
      expect(counter.sessionChecks.length).toBeLessThanOrEqual(1);
    }
  });
});

describe('failed sign-ins are limited', () => {
  it('the 6th failure for an e-mail is TOO_MANY_REQUESTS with retryAfterSeconds, and even the right password is refused while limited', async () => {
    const reg = await regulator('guessed');
    const from = address();
    for (let i = 0; i < 5; i++)
      expectError(await gqlFrom(from, LOGIN, { email: reg.email, password: `wrong password ${i}` }), 'UNAUTHENTICATED');
    expectTooMany(await gqlFrom(from, LOGIN, { email: reg.email, password: 'wrong password 6' }));
    // The right password, from another address, in another case: still refused, nothing checked.
    expectTooMany(await gqlFrom(address(), LOGIN, { email: reg.email.toUpperCase(), password: TEST_PASSWORD }));
    // The account's tokens are not affected, and other accounts sign in from the same address.
    expectOk(await t.gql(ME, {}, reg.token));
    const other = await regulator('neighbour');
    expectOk(await gqlFrom(from, LOGIN, { email: other.email, password: TEST_PASSWORD }));
  });

  it('a successful sign-in clears the e-mail’s failures', async () => {
    const reg = await regulator('forgetful');
    const from = address();
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 4; i++)
        expectError(await gqlFrom(from, LOGIN, { email: reg.email, password: 'not it at all' }), 'UNAUTHENTICATED');
      expectOk(await gqlFrom(from, LOGIN, { email: reg.email, password: TEST_PASSWORD }));
    }
  });

  it('failures from one client address are limited across e-mails, known or not; another address is not held back', async () => {
    const reg = await regulator('sprayed');
    const from = address();
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) {
      expectError(
        await gqlFrom(from, LOGIN, { email: email(`spray${i}`), password: 'password spraying' }),
        'UNAUTHENTICATED',
      );
    }
    expectTooMany(await gqlFrom(from, LOGIN, { email: reg.email, password: TEST_PASSWORD }));
    expectOk(await gqlFrom(address(), LOGIN, { email: reg.email, password: TEST_PASSWORD }));
  });
});

describe('password policy', () => {
  const input = (password: string) => ({ email: email('new'), displayName: 'New', password, role: 'ADMIN' });

  it.each([
    ['11 characters', 'abcdefghijk', /at least 12/],
    ['12 spaces', ' '.repeat(12), /whitespace/],
    ['a commonly used password', 'password1234', /commonly used/],
  ])('createAccount refuses %s at input.password, without echoing it', async (_, password, message) => {
    const before = await t.count('account');
    const error = expectBadInput(await t.gql(CREATE_ACCOUNT, { input: input(password) }, admin), 'input.password');
    expect(error.extensions!.errors![0].message).toMatch(message);
    expect(error.message).not.toContain(password.trim() || '            ');
    expect(await t.count('account')).toBe(before);
  });

  it('accepts the test and demo passwords', async () => {
    for (const password of [TEST_PASSWORD, ADMIN.password, 'sandbridge-demo'])
      expectOk(await t.gql(CREATE_ACCOUNT, { input: input(password) }, admin));
  });
});

// ── open subscriptions ────────────────────────────────────────────────────────────────────────

/** Server-side subscriptions on the event bus right now (each live `enrolmentEvents` holds one). */
const serverSubscriptions = (): number =>
  (t.get(EventBus) as unknown as { subject: { observers: unknown[] } }).subject.observers.length;

/** A graphql-ws connection with one `enrolmentEvents` subscription, and how it ended. */
class Feed {
  readonly client: Client;
  closed: { code: number; reason: string } | null = null;
  errors: unknown[] = [];

  constructor(token: string) {
    this.client = createClient({
      url: wsUrl,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      lazy: false,
      onNonLazyError: () => undefined,
      connectionParams: { authorization: `Bearer ${token}` },
    });
    this.client.on('closed', (event) => {
      const { code, reason } = event as { code: number; reason: string | Buffer };
      this.closed ??= { code, reason: String(reason) };
    });
    this.client.subscribe(
      { query: SUBSCRIPTION, variables: { programmeId } },
      { next: () => undefined, error: (error) => this.errors.push(error), complete: () => undefined },
    );
  }
}

const feeds: Feed[] = [];

/** Subscribes with `token` and waits until the server holds the subscription. */
async function live(token: string): Promise<Feed> {
  const before = serverSubscriptions();
  const feed = new Feed(token);
  feeds.push(feed);
  await waitFor(
    'the subscription to be live',
    async () => serverSubscriptions() > before || feed.closed !== null,
    10_000,
    10,
  );
  expect(feed.closed).toBeNull();
  return feed;
}

async function closeFeeds(): Promise<void> {
  await Promise.all(feeds.splice(0).map(async (feed) => feed.client.dispose()));
}

afterEach(async () => {
  await closeFeeds();
});

describe('open subscriptions (graphql-ws) close when their session ends', () => {
  it('when the token expires: 4401 "Token expired", and the server lets go of the subscription', async () => {
    const reg = await regulator('expiring');
    const claims = claimsOf(reg.token);
    const now = Math.floor(Date.now() / 1000);
    const shortLived = await new JwtService({ secret: t.config.auth.jwtSecret }).signAsync({
      ...claims,
      iat: now,
      exp: now + 2,
    });
    const before = serverSubscriptions();
    const feed = await live(shortLived);
    const other = await live(reg.token);
    await waitFor('the expired connection to close', async () => feed.closed, 15_000, 20);
    expect(feed.closed).toEqual({ code: 4401, reason: 'Token expired: sign in again' });
    expect(Date.now()).toBeGreaterThanOrEqual((now + 2) * 1000);
    // Only the expired connection closed.
    await waitFor(
      'the server to release the subscription',
      async () => serverSubscriptions() === before + 1,
      5_000,
      10,
    );
    expect(other.closed).toBeNull();
  });

  it.each([
    ['revoked by the account', (reg: { token: string }) => t.gql(REVOKE, {}, reg.token)],
    ['revoked by an administrator', (reg: { id: string }) => t.gql(REVOKE, { input: { accountId: reg.id } }, admin)],
    ['the account disabled', (reg: { id: string }) => t.gql(DISABLE, { input: { id: reg.id } }, admin)],
    [
      'the password changed',
      (reg: { token: string }) =>
        t.gql(
          CHANGE_PASSWORD,
          { input: { currentPassword: TEST_PASSWORD, newPassword: 'a much better passphrase' } },
          reg.token,
        ),
    ],
  ])('when the session ends (%s): 4401 "Session ended"; other accounts’ connections stay open', async (_, end) => {
    const reg = await regulator('watched');
    const bystander = await regulator('bystander');
    const feed = await live(reg.token);
    const second = await live(await t.login(reg.email));
    const unaffected = await live(bystander.token);
    expectOk(await end(reg as { id: string; token: string }));
    await waitFor('both of the account’s connections to close', async () => feed.closed && second.closed, 10_000, 10);
    expect(feed.closed).toEqual({ code: 4401, reason: 'Session ended: sign in again' });
    expect(second.closed).toEqual({ code: 4401, reason: 'Session ended: sign in again' });
    expect(unaffected.closed).toBeNull();
  });
});
