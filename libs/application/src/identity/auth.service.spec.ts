import { randomUUID } from 'node:crypto';
import { beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { type AppConfig, Clock } from '@sandbridge/common';
import { ErrorCode, Role } from '@sandbridge/domain';
import type { AccountEntity, AccountRepository } from '@sandbridge/persistence';
import { failure, fakeAccounts } from '../testing/fakes.spec-helpers.js';
import { AuthService } from './auth.service.js';
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
  return { auth: { jwtSecret: SECRET, jwtTtlSeconds: TTL, passwordHashCost: 10, admin } } as AppConfig;
}

const jwtWith = (secret: string) => new JwtService({ secret, signOptions: { algorithm: 'HS256' }, verifyOptions: { algorithms: ['HS256'] } });

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

  beforeEach(async () => {
    accounts = fakeAccounts();
    clock = new FakeClock(new Date('2026-03-01T09:00:00.000Z'));
    auth = new AuthService(accounts as unknown as AccountRepository, hasher, jwtWith(SECRET), clock, config());
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
      const forged = await jwtWith('another-secret-of-at-least-32-chars!').signAsync({ sub: regulator.id, role: Role.ADMIN });
      const [header, , signature] = token.split('.');
      const payload = Buffer.from(JSON.stringify({ sub: regulator.id, role: Role.ADMIN, exp: 2_000_000_000 })).toString('base64url');
      for (const bad of [forged, `${header}.${payload}.${signature}`, 'not-a-token']) {
        expect((await failure(() => auth.actorFromToken(bad))).code).toBe(ErrorCode.UNAUTHENTICATED);
      }
    });

    it('refuse a validly signed token with a role that does not exist', async () => {
      const token = await jwtWith(SECRET).signAsync({ sub: regulator.id, role: 'SUPERUSER' });
      expect((await failure(() => auth.actorFromToken(token))).code).toBe(ErrorCode.UNAUTHENTICATED);
    });
  });

  describe('ensureAdmin', () => {
    const admin = { email: 'Admin@Sandbridge.example', password: 'first admin password' };

    it('creates the configured administrator once, then leaves it alone', async () => {
      const withAdmin = new AuthService(accounts as unknown as AccountRepository, hasher, jwtWith(SECRET), clock, config(admin));
      await withAdmin.ensureAdmin();
      await withAdmin.ensureAdmin();

      expect(accounts.insert).toHaveBeenCalledTimes(2); // the regulator from beforeEach, and the admin
      const created = accounts.rows.filter((r) => r.role === Role.ADMIN);
      expect(created).toHaveLength(1);
      expect(created[0]).toMatchObject({ email: 'admin@sandbridge.example', authorityId: null, organisationId: null, jurisdictionCode: null });
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
