import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it, jest } from '@jest/globals';
import { ErrorCode, Role } from '@sandbridge/domain';
import type {
  AccountRepository,
  AuthorityRepository,
  JurisdictionRepository,
  OrganisationRepository,
} from '@sandbridge/persistence';
import { Clock } from '@sandbridge/common';
import type { EventBus } from '../cooperation/event-bus.js';
import {
  actor,
  ADMIN,
  failure,
  fakeAccountEvents,
  fakeAccounts,
  fakeConnection,
  knownIds,
  knownJurisdictions,
  regulatorOf,
} from '../testing/fakes.spec-helpers.js';
import { AccountService, type CreateAccountCommand } from './account.service.js';
import type { PasswordHasher } from './password-hasher.js';

const AUTHORITY_ID = randomUUID();
const ORGANISATION_ID = randomUUID();

function setup() {
  const accounts = fakeAccounts();
  const hasher = { hash: jest.fn(async (password: string) => `hashed(${password})`) };
  const { connection, transactions } = fakeConnection();
  const events = fakeAccountEvents();
  const clock: Clock = { now: () => new Date('2026-03-01T09:00:00.000Z') };
  const service = new AccountService(
    connection,
    accounts as unknown as AccountRepository,
    knownIds(AUTHORITY_ID) as unknown as AuthorityRepository,
    knownIds(ORGANISATION_ID) as unknown as OrganisationRepository,
    knownJurisdictions('GB') as unknown as JurisdictionRepository,
    hasher as unknown as PasswordHasher,
    events as unknown as EventBus,
    clock,
  );
  return { service, accounts, hasher, transactions, events };
}

const command = (overrides: Partial<CreateAccountCommand> = {}): CreateAccountCommand => ({
  email: 'New.Person@Example.org',
  displayName: 'New Person',
  password: 'a-long-enough-password',
  role: Role.REGULATOR,
  authorityId: AUTHORITY_ID,
  ...overrides,
});

describe('AccountService', () => {
  let t: ReturnType<typeof setup>;
  beforeEach(() => {
    t = setup();
  });

  describe('me', () => {
    it('returns the caller’s account', async () => {
      const created = await t.service.create(ADMIN, command());
      expect(await t.service.me({ ...regulatorOf(AUTHORITY_ID), accountId: created.id })).toBe(created);
    });

    it('is UNAUTHENTICATED when the account no longer exists', async () => {
      expect((await failure(() => t.service.me(actor(Role.ADMIN)))).code).toBe(ErrorCode.UNAUTHENTICATED);
    });
  });

  describe('list', () => {
    it('is for administrators only', async () => {
      for (const role of [Role.REGULATOR, Role.INNOVATOR, Role.NEGOTIATOR]) {
        expect((await failure(() => t.service.list(actor(role), {}, {}))).code).toBe(ErrorCode.FORBIDDEN);
      }
      expect(t.accounts.page).not.toHaveBeenCalled();
    });

    it('passes the filter and page through for an administrator', async () => {
      await t.service.list(ADMIN, { role: Role.INNOVATOR }, { first: 5 });
      expect(t.accounts.page).toHaveBeenCalledWith({ role: Role.INNOVATOR }, { first: 5 });
    });
  });

  describe('create', () => {
    it('creates a regulator bound to its authority, with a hashed password and a lower-case e-mail', async () => {
      const created = await t.service.create(ADMIN, command());
      expect(created).toMatchObject({
        email: 'new.person@example.org',
        displayName: 'New Person',
        role: Role.REGULATOR,
        authorityId: AUTHORITY_ID,
        organisationId: null,
        jurisdictionCode: null,
        passwordHash: 'hashed(a-long-enough-password)',
      });
      expect(t.transactions()).toBe(1);
    });

    it('binds each role to its own kind of tenant', async () => {
      await t.service.create(ADMIN, command({ email: 'admin2@example.org', role: Role.ADMIN, authorityId: null }));
      await t.service.create(
        ADMIN,
        command({ email: 'inn@example.org', role: Role.INNOVATOR, authorityId: null, organisationId: ORGANISATION_ID }),
      );
      await t.service.create(
        ADMIN,
        command({ email: 'neg@example.org', role: Role.NEGOTIATOR, authorityId: null, jurisdictionCode: 'GB' }),
      );
      expect(t.accounts.rows.map((r) => [r.role, r.authorityId, r.organisationId, r.jurisdictionCode])).toEqual([
        [Role.ADMIN, null, null, null],
        [Role.INNOVATOR, null, ORGANISATION_ID, null],
        [Role.NEGOTIATOR, null, null, 'GB'],
      ]);
    });

    it('is for administrators only, and refuses before hashing anything', async () => {
      const regulator = regulatorOf(AUTHORITY_ID);
      expect((await failure(() => t.service.create(regulator, command()))).code).toBe(ErrorCode.FORBIDDEN);
      expect(t.hasher.hash).not.toHaveBeenCalled();
      expect(t.accounts.insert).not.toHaveBeenCalled();
    });

    it.each([
      [
        'a regulator without an authority',
        { role: Role.REGULATOR, authorityId: null },
        [{ path: 'input.authorityId', message: 'is required for the role REGULATOR' }],
      ],
      [
        'an innovator without an organisation',
        { role: Role.INNOVATOR, authorityId: null },
        [{ path: 'input.organisationId', message: 'is required for the role INNOVATOR' }],
      ],
      [
        'an admin with an authority',
        { role: Role.ADMIN },
        [{ path: 'input.authorityId', message: 'must be empty for the role ADMIN' }],
      ],
      [
        'a negotiator with an organisation and no jurisdiction',
        { role: Role.NEGOTIATOR, authorityId: null, organisationId: ORGANISATION_ID },
        [
          { path: 'input.organisationId', message: 'must be empty for the role NEGOTIATOR' },
          { path: 'input.jurisdictionCode', message: 'is required for the role NEGOTIATOR' },
        ],
      ],
    ])('refuses %s as BAD_USER_INPUT naming the fields', async (_, overrides, problems) => {
      const error = await failure(() => t.service.create(ADMIN, command(overrides)));
      expect(error.code).toBe(ErrorCode.BAD_USER_INPUT);
      expect(error.errors).toEqual(problems);
      expect(t.accounts.insert).not.toHaveBeenCalled();
    });

    it.each([
      ['authority', { authorityId: randomUUID() }],
      ['organisation', { role: Role.INNOVATOR, authorityId: null, organisationId: randomUUID() }],
      ['jurisdiction', { role: Role.NEGOTIATOR, authorityId: null, jurisdictionCode: 'XX' }],
    ])('is NOT_FOUND for an unknown %s', async (what, overrides) => {
      const error = await failure(() => t.service.create(ADMIN, command(overrides)));
      expect(error.code).toBe(ErrorCode.NOT_FOUND);
      expect(error.message.toLowerCase()).toContain(what);
      expect(t.accounts.insert).not.toHaveBeenCalled();
    });

    it('is a CONFLICT when the e-mail is taken, whatever its case', async () => {
      await t.service.create(ADMIN, command());
      const error = await failure(() => t.service.create(ADMIN, command({ email: 'NEW.PERSON@example.ORG' })));
      expect(error.code).toBe(ErrorCode.CONFLICT);
      expect(error.message).toContain('new.person@example.org');
      expect(t.accounts.rows).toHaveLength(1);
    });
  });

  describe('password policy on create', () => {
    it.each([
      ['11 characters', 'abcdefghijk', /at least 12/],
      ['12 spaces', ' '.repeat(12), /whitespace/],
      ['a commonly used password', 'password1234', /commonly used/],
    ])('refuses %s as BAD_USER_INPUT at input.password, before hashing', async (_, password, message) => {
      const error = await failure(() => t.service.create(ADMIN, command({ password })));
      expect(error.code).toBe(ErrorCode.BAD_USER_INPUT);
      expect(error.errors).toEqual([{ path: 'input.password', message: expect.stringMatching(message) }]);
      expect(t.hasher.hash).not.toHaveBeenCalled();
    });
  });

  describe('disable, enable, revokeSessions', () => {
    it('an administrator disables an account: its sessions end at once; enabling lets it sign in again', async () => {
      const target = await t.service.create(ADMIN, command());
      const disabled = await t.service.disable(ADMIN, target.id);
      expect(disabled.disabledAt).toEqual(new Date('2026-03-01T09:00:00.000Z'));
      expect(disabled.sessionEpoch).toBe(1);
      expect(t.events.published).toEqual([target.id]);
      // Again: nothing changes, nothing is announced.
      expect((await t.service.disable(ADMIN, target.id)).sessionEpoch).toBe(1);
      expect(t.events.published).toEqual([target.id]);
      const enabled = await t.service.enable(ADMIN, target.id);
      expect([enabled.disabledAt, enabled.sessionEpoch]).toEqual([null, 1]);
    });

    it('an administrator cannot disable its own account', async () => {
      const me = await t.service.create(
        ADMIN,
        command({ email: 'me@example.org', role: Role.ADMIN, authorityId: null }),
      );
      const error = await failure(() => t.service.disable({ ...ADMIN, accountId: me.id }, me.id));
      expect(error.code).toBe(ErrorCode.FORBIDDEN);
      expect(me.disabledAt).toBeNull();
    });

    it('disable and enable are for administrators; an unknown id is NOT_FOUND', async () => {
      const target = await t.service.create(ADMIN, command());
      for (const work of [
        () => t.service.disable(regulatorOf(AUTHORITY_ID), target.id),
        () => t.service.enable(regulatorOf(AUTHORITY_ID), target.id),
      ]) {
        expect((await failure(work)).code).toBe(ErrorCode.FORBIDDEN);
      }
      expect((await failure(() => t.service.disable(ADMIN, randomUUID()))).code).toBe(ErrorCode.NOT_FOUND);
      expect((await failure(() => t.service.enable(ADMIN, randomUUID()))).code).toBe(ErrorCode.NOT_FOUND);
      expect(t.accounts.endSessions).not.toHaveBeenCalled();
    });

    it('anyone revokes their own sessions; only administrators another account’s', async () => {
      const target = await t.service.create(ADMIN, command());
      const self = { ...regulatorOf(AUTHORITY_ID), accountId: target.id };
      expect((await t.service.revokeSessions(self)).sessionEpoch).toBe(1);
      expect((await t.service.revokeSessions(ADMIN, target.id)).sessionEpoch).toBe(2);
      expect((await failure(() => t.service.revokeSessions(regulatorOf(AUTHORITY_ID), target.id))).code).toBe(
        ErrorCode.FORBIDDEN,
      );
      expect((await failure(() => t.service.revokeSessions(ADMIN, randomUUID()))).code).toBe(ErrorCode.NOT_FOUND);
      expect(t.events.published).toEqual([target.id, target.id]);
    });
  });
});
