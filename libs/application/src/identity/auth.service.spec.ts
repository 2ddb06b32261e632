import { randomUUID } from 'node:crypto';
import { beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { type AppConfig, Clock } from '@sandbridge/common';
import { ErrorCode, Role } from '@sandbridge/domain';
import type { AccountEntity, AccountRepository } from '@sandbridge/persistence';
import type { EventBus } from '../cooperation/event-bus.js';
import { failure, fakeAccountEvents, fakeAccounts, fakeConnection } from '../testing/fakes.spec-helpers.js';
import { AccountSessions } from './account-sessions.js';
import { AuthService } from './auth.service.js';
import { LoginThrottle } from './login-throttle.js';
import { PasswordHasher } from './password-hasher.js';

const SECRET = 'a-secret-for-the-auth-service-spec-only';
const TTL = 3600;

class FakeClock extends Clock {
  constructor(public current: Date) {
    super();
  }
  now(): Date {
    return this.current;
  }
  advance(seconds: number): void {
    this.current = new Date(this.current.getTime() + seconds * 1000);
  }
}

function config(admin?: { email: string; password: string }): AppConfig {
  return {
    auth: {
      jwtSecret: SECRET,
      jwtTtlSeconds: TTL,
      passwordHashCost: 10,
      admin,
      sessionCacheMs: 3000,
      loginLimits: { perAccount: 5, perAddress: 50, windowSeconds: 900 },
    },
    queue: { prefix: 'spec' },
  } as AppConfig;
}

const jwtWith = (secret: string) =>
  new JwtService({ secret, signOptions: { algorithm: 'HS256' }, verifyOptions: { algorithms: ['HS256'] } });

describe('AuthService', () => {
  const hasher = new PasswordHasher(config());
  let accounts: ReturnType<typeof fakeAccounts>;
  let clock: FakeClock;
  let auth: AuthService;
  let regulator: AccountEntity;
  const authorityId = randomUUID();

  beforeAll(() => {
    Logger.overrideLogger(false); // "Created the first administrator…" is expected here
  });

  let events: ReturnType<typeof fakeAccountEvents>;

  /** The service on the fakes, with a real session cache and a real (in-memory) login throttle. */
  function service(appConfig = config()): AuthService {
    const sessions = new AccountSessions(
      accounts as unknown as AccountRepository,
      events as unknown as EventBus,
      appConfig,
    );
    sessions.onModuleInit();
    return new AuthService(
      accounts as unknown as AccountRepository,
      hasher,
      jwtWith(SECRET),
      clock,
      appConfig,
      sessions,
      new LoginThrottle(appConfig),
      fakeConnection().connection,
      events as unknown as EventBus,
    );
  }

  beforeEach(async () => {
    accounts = fakeAccounts();
    events = fakeAccountEvents();
    clock = new FakeClock(new Date('2026-03-01T09:00:00.000Z'));
    auth = service();
    regulator = await accounts.insert({
      email: 'reg@fca.example',
      displayName: 'Regulator',
      passwordHash: await hasher.hash('the right password'),
      role: Role.REGULATOR,
      authorityId,
      organisationId: null,
      jurisdictionCode: null,
    });
  });

  describe('login', () => {
    it('signs in with the right password and returns a token that expires after the TTL', async () => {
      const result = await auth.login('reg@fca.example', 'the right password');
      expect(result.account).toBe(regulator);
      expect(result.token.split('.')).toHaveLength(3);
      expect(result.expiresAt).toEqual(new Date('2026-03-01T10:00:00.000Z'));
    });

    it('matches the e-mail address ignoring case and surrounding spaces', async () => {
      const result = await auth.login('  REG@FCA.example ', 'the right password');
      expect(result.account.id).toBe(regulator.id);
    });

    it('gives the same answer for a wrong password and an unknown e-mail', async () => {
      const verify = jest.spyOn(hasher, 'verify');
      try {
        const wrongPassword = await failure(() => auth.login('reg@fca.example', 'the wrong password'));
        const unknownEmail = await failure(() => auth.login('nobody@nowhere.example', 'the right password'));
        for (const error of [wrongPassword, unknownEmail]) {
          expect(error.code).toBe(ErrorCode.UNAUTHENTICATED);
          expect(error.message).toBe('Wrong e-mail or password');
        }
        // An unknown e-mail still costs a hash verification, so timing does not tell them apart.
        expect(verify).toHaveBeenCalledTimes(2);
      } finally {
        verify.mockRestore();
      }
    });
  });

  describe('tokens', () => {
    it('round-trip: the token stands for the account and its tenant', async () => {
      const { token } = await auth.login('reg@fca.example', 'the right password');
      expect(await auth.actorFromToken(token)).toEqual({
        accountId: regulator.id,
        role: Role.REGULATOR,
        authorityId,
        organisationId: null,
        jurisdictionCode: null,
      });
    });

    it('are accepted until they expire, then refused as UNAUTHENTICATED', async () => {
      const { token } = await auth.login('reg@fca.example', 'the right password');
      clock.advance(TTL - 1);
      expect((await auth.actorFromToken(token)).accountId).toBe(regulator.id);
      clock.advance(2);
      const error = await failure(() => auth.actorFromToken(token));
      expect(error.code).toBe(ErrorCode.UNAUTHENTICATED);
      expect(error.message).toMatch(/expired/);
    });

    it('refuse a token signed with another secret, a tampered one and garbage', async () => {
      const { token } = await auth.login('reg@fca.example', 'the right password');
      const forged = await jwtWith('another-secret-of-at-least-32-chars!').signAsync({
        sub: regulator.id,
        role: Role.ADMIN,
      });
      const [header, , signature] = token.split('.');
      const payload = Buffer.from(JSON.stringify({ sub: regulator.id, role: Role.ADMIN, exp: 2_000_000_000 })).toString(
        'base64url',
      );
      for (const bad of [forged, `${header}.${payload}.${signature}`, 'not-a-token']) {
        expect((await failure(() => auth.actorFromToken(bad))).code).toBe(ErrorCode.UNAUTHENTICATED);
      }
    });

    it('refuse a validly signed token with a role that does not exist', async () => {
      const token = await jwtWith(SECRET).signAsync({ sub: regulator.id, role: 'SUPERUSER' });
      expect((await failure(() => auth.actorFromToken(token))).code).toBe(ErrorCode.UNAUTHENTICATED);
    });
  });

  describe('sessions', () => {
    const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));

    it('a token names its account, a session and the account’s session epoch, and always expires', async () => {
      const first = claimsOf((await auth.login('reg@fca.example', 'the right password')).token);
      const second = claimsOf((await auth.login('reg@fca.example', 'the right password')).token);
      expect(first).toMatchObject({
        sub: regulator.id,
        sev: 0,
        role: Role.REGULATOR,
        aut: authorityId,
        exp: first.iat + TTL,
      });
      expect(first.sid).toMatch(/^[0-9a-f-]{36}$/);
      expect(second.sid).not.toBe(first.sid);
    });

    it('accepts HS256 only: the same claims signed with the same secret by another algorithm are refused', async () => {
      const { token } = await auth.login('reg@fca.example', 'the right password');
      const claims = claimsOf(token);
      for (const algorithm of ['HS384', 'HS512'] as const) {
        const other = await new JwtService({ secret: SECRET, signOptions: { algorithm } }).signAsync(claims);
        expect((await failure(() => auth.authenticate(other))).code).toBe(ErrorCode.UNAUTHENTICATED);
      }
    });

    it('refuses a validly signed token without an expiry (jsonwebtoken alone would accept it forever)', async () => {
      const { token } = await auth.login('reg@fca.example', 'the right password');
      const { exp: _exp, ...withoutExp } = claimsOf(token);
      const forever = await jwtWith(SECRET).signAsync(withoutExp);
      expect((await failure(() => auth.authenticate(forever))).code).toBe(ErrorCode.UNAUTHENTICATED);
    });

    it('refuses a token issued before the account’s session epoch was raised', async () => {
      const { token } = await auth.login('reg@fca.example', 'the right password');
      await auth.authenticate(token);
      await accounts.endSessions(regulator.id);
      events.publishAccountChange(regulator.id);
      const error = await failure(() => auth.authenticate(token));
      expect(error.code).toBe(ErrorCode.UNAUTHENTICATED);
      expect(error.message).toMatch(/session has ended/);
      // A token issued now, in the new epoch, works.
      expect(
        (await auth.authenticate((await auth.login('reg@fca.example', 'the right password')).token)).actor.accountId,
      ).toBe(regulator.id);
    });

    it('refuses the token of a disabled account, and the account cannot sign in (same answer as a wrong password)', async () => {
      const { token } = await auth.login('reg@fca.example', 'the right password');
      regulator.disabledAt = clock.now();
      events.publishAccountChange(regulator.id);
      expect((await failure(() => auth.authenticate(token))).code).toBe(ErrorCode.UNAUTHENTICATED);
      const error = await failure(() => auth.login('reg@fca.example', 'the right password'));
      expect([error.code, error.message]).toEqual([ErrorCode.UNAUTHENTICATED, 'Wrong e-mail or password']);
    });

    it('refuses a token whose role or tenant is no longer the account’s (a regulator moved to another authority)', async () => {
      const { token } = await auth.login('reg@fca.example', 'the right password');
      regulator.authorityId = randomUUID();
      const error = await failure(() => auth.authenticate(token, { fresh: true }));
      expect(error.code).toBe(ErrorCode.UNAUTHENTICATED);
    });

    it('reads the account once per few seconds, and again at once when it changes', async () => {
      const { token } = await auth.login('reg@fca.example', 'the right password');
      for (let i = 0; i < 5; i++) await auth.authenticate(token);
      expect(accounts.findSessionState).toHaveBeenCalledTimes(1);
      events.publishAccountChange(regulator.id);
      await auth.authenticate(token);
      expect(accounts.findSessionState).toHaveBeenCalledTimes(2);
      await auth.authenticate(token, { fresh: true });
      expect(accounts.findSessionState).toHaveBeenCalledTimes(3);
    });
  });

  describe('changePassword', () => {
    const me = () => ({
      accountId: regulator.id,
      role: Role.REGULATOR,
      authorityId,
      organisationId: null,
      jurisdictionCode: null,
    });

    it('ends every token issued before, returns a fresh one, and the new password signs in', async () => {
      const { token: old } = await auth.login('reg@fca.example', 'the right password');
      const result = await auth.changePassword(me(), {
        currentPassword: 'the right password',
        newPassword: 'a brand new passphrase',
      });
      expect(events.published).toEqual([regulator.id]);
      expect((await failure(() => auth.authenticate(old))).code).toBe(ErrorCode.UNAUTHENTICATED);
      expect((await auth.authenticate(result.token)).actor.accountId).toBe(regulator.id);
      expect((await failure(() => auth.login('reg@fca.example', 'the right password'))).code).toBe(
        ErrorCode.UNAUTHENTICATED,
      );
      expect((await auth.login('reg@fca.example', 'a brand new passphrase')).account.id).toBe(regulator.id);
    });

    it.each([
      [
        'a wrong current password',
        { currentPassword: 'not the password', newPassword: 'a brand new passphrase' },
        'input.currentPassword',
      ],
      ['a short new password', { currentPassword: 'the right password', newPassword: 'short' }, 'input.newPassword'],
      [
        'a commonly used new password',
        { currentPassword: 'the right password', newPassword: 'password1234' },
        'input.newPassword',
      ],
      [
        'the same password again',
        { currentPassword: 'the right password', newPassword: 'the right password' },
        'input.newPassword',
      ],
    ])('refuses %s as BAD_USER_INPUT and changes nothing', async (_, command, path) => {
      const error = await failure(() => auth.changePassword(me(), command));
      expect([error.code, error.errors.map((e) => e.path)]).toEqual([ErrorCode.BAD_USER_INPUT, [path]]);
      expect(accounts.endSessions).not.toHaveBeenCalled();
      expect(regulator.sessionEpoch).toBe(0);
    });
  });

  describe('failed sign-in limits', () => {
    it('after 5 failures for an e-mail, refuses the 6th with TOO_MANY_REQUESTS without checking any password, the right one included', async () => {
      for (let i = 0; i < 5; i++)
        expect((await failure(() => auth.login('reg@fca.example', `wrong ${i}`))).code).toBe(ErrorCode.UNAUTHENTICATED);
      const verify = jest.spyOn(hasher, 'verify');
      try {
        for (const password of ['wrong again', 'the right password']) {
          const error = await failure(() => auth.login('REG@fca.example ', password));
          expect(error.code).toBe(ErrorCode.TOO_MANY_REQUESTS);
          expect(error.details.retryAfterSeconds).toBeGreaterThan(0);
          expect(error.details.retryAfterSeconds).toBeLessThanOrEqual(900);
        }
        expect(verify).not.toHaveBeenCalled();
      } finally {
        verify.mockRestore();
      }
    });

    it('a successful sign-in clears the e-mail’s failures', async () => {
      for (let i = 0; i < 4; i++) await failure(() => auth.login('reg@fca.example', 'wrong'));
      await auth.login('reg@fca.example', 'the right password');
      for (let i = 0; i < 4; i++)
        expect((await failure(() => auth.login('reg@fca.example', 'wrong'))).code).toBe(ErrorCode.UNAUTHENTICATED);
      expect((await auth.login('reg@fca.example', 'the right password')).account.id).toBe(regulator.id);
    });

    it('limits failures per client address across e-mails, known or not', async () => {
      const limited = service({
        ...config(),
        auth: { ...config().auth, loginLimits: { perAccount: 5, perAddress: 3, windowSeconds: 900 } },
      });
      for (const email of ['a@x.example', 'b@x.example', 'c@x.example'])
        await failure(() => limited.login(email, 'wrong', '203.0.113.7'));
      expect((await failure(() => limited.login('reg@fca.example', 'the right password', '203.0.113.7'))).code).toBe(
        ErrorCode.TOO_MANY_REQUESTS,
      );
      // Another address is not held back.
      expect((await limited.login('reg@fca.example', 'the right password', '198.51.100.1')).account.id).toBe(
        regulator.id,
      );
    });

    it('wrong current passwords in changePassword count as failed sign-ins', async () => {
      const me = {
        accountId: regulator.id,
        role: Role.REGULATOR,
        authorityId,
        organisationId: null,
        jurisdictionCode: null,
      };
      for (let i = 0; i < 5; i++)
        await failure(() =>
          auth.changePassword(me, { currentPassword: `wrong ${i}`, newPassword: 'a brand new passphrase' }),
        );
      const error = await failure(() =>
        auth.changePassword(me, { currentPassword: 'the right password', newPassword: 'a brand new passphrase' }),
      );
      expect(error.code).toBe(ErrorCode.TOO_MANY_REQUESTS);
    });
  });

  describe('ensureAdmin', () => {
    const admin = { email: 'Admin@Sandbridge.example', password: 'first admin password' };

    it('creates the configured administrator once, then leaves it alone', async () => {
      const withAdmin = service(config(admin));
      await withAdmin.ensureAdmin();
      await withAdmin.ensureAdmin();

      expect(accounts.insert).toHaveBeenCalledTimes(2); // the regulator from beforeEach, and the admin
      const created = accounts.rows.filter((r) => r.role === Role.ADMIN);
      expect(created).toHaveLength(1);
      expect(created[0]).toMatchObject({
        email: 'admin@sandbridge.example',
        authorityId: null,
        organisationId: null,
        jurisdictionCode: null,
      });
      expect(created[0].passwordHash).not.toContain(admin.password);
      expect((await withAdmin.login(admin.email, admin.password)).account.id).toBe(created[0].id);
    });

    it('does nothing without a configured administrator', async () => {
      await auth.ensureAdmin();
      expect(accounts.findByEmail).not.toHaveBeenCalled();
      expect(accounts.rows.filter((r) => r.role === Role.ADMIN)).toEqual([]);
    });
  });
});
