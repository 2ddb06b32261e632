// Fakes shared by the service unit specs (*.spec.ts) of libs/application. Spec-only: production code
// never imports this file, and tsconfig.build.json leaves every *.spec-helpers.ts out of the build.
import { randomUUID } from 'node:crypto';
import { jest } from '@jest/globals';
import { type Actor, DomainError, Role } from '@sandbridge/domain';
import type { AccountEntity, TransactionalConnection } from '@sandbridge/persistence';
import { Subject } from 'rxjs';

// ---- actors ------------------------------------------------------------------------------------

/** An actor of `role`, bound to no tenant unless `tenant` says so, with an account id of its own. */
export const actor = (role: Role, tenant: Partial<Actor> = {}): Actor => ({
  accountId: randomUUID(),
  role,
  authorityId: null,
  organisationId: null,
  jurisdictionCode: null,
  ...tenant,
});

export const ADMIN = actor(Role.ADMIN);
export const regulatorOf = (authorityId: string): Actor => actor(Role.REGULATOR, { authorityId });
export const innovatorOf = (organisationId: string): Actor => actor(Role.INNOVATOR, { organisationId });
export const negotiatorOf = (jurisdictionCode: string): Actor => actor(Role.NEGOTIATOR, { jurisdictionCode });

/** One actor of every role but ADMIN, each bound to a tenant of its kind. */
export const NOT_ADMINS: readonly Actor[] = [regulatorOf('a'), innovatorOf('o'), negotiatorOf('GB')];

// ---- outcomes ----------------------------------------------------------------------------------

/** The DomainError `work` fails with; any other error, or none, fails the test. */
export async function failure(work: () => unknown): Promise<DomainError> {
  try {
    await work();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

// ---- persistence -------------------------------------------------------------------------------

/**
 * A TransactionalConnection that runs the work at once, counting the transactions and logging
 * `begin`, then `commit` (or `rollback` when the work fails).
 */
export function fakeConnection() {
  const log: string[] = [];
  let transactions = 0;
  const fake = {
    withTransaction: async <T>(work: () => Promise<T>): Promise<T> => {
      transactions++;
      log.push('begin');
      try {
        const result = await work();
        log.push('commit');
        return result;
      } catch (error) {
        log.push('rollback');
        throw error;
      }
    },
  };
  return { connection: fake as unknown as TransactionalConnection, log, transactions: () => transactions };
}

/** A table in memory of entities with a uuid `id`: findById, findByIds, insert (new id), save (a copy). */
export function fakeTable<E extends { id: string }>(rows: E[]) {
  return {
    rows,
    findById: jest.fn(async (id: string) => rows.find((r) => r.id === id) ?? null),
    findByIds: jest.fn(async (ids: readonly string[]) => rows.filter((r) => ids.includes(r.id))),
    insert: jest.fn(async (values: Omit<E, 'id'>) => {
      const row = { ...values, id: randomUUID() } as unknown as E;
      rows.push(row);
      return row;
    }),
    save: jest.fn(async (entity: E) => ({ ...entity })),
  };
}

/** The account table in memory: e-mails stored lower-case, as the repository does. */
export function fakeAccounts() {
  const rows: AccountEntity[] = [];
  return {
    rows,
    findById: jest.fn(async (id: string) => rows.find((r) => r.id === id) ?? null),
    findByEmail: jest.fn(async (email: string) => rows.find((r) => r.email === email.toLowerCase()) ?? null),
    page: jest.fn(async () => ({
      items: rows,
      cursors: rows.map((r) => r.id),
      hasNextPage: false,
      hasPreviousPage: false,
      totalCount: rows.length,
    })),
    insert: jest.fn(
      async (
        values: Pick<
          AccountEntity,
          'email' | 'displayName' | 'passwordHash' | 'role' | 'authorityId' | 'organisationId' | 'jurisdictionCode'
        >,
      ) => {
        const row = {
          ...values,
          id: randomUUID(),
          email: values.email.toLowerCase(),
          sessionEpoch: 0,
          disabledAt: null,
          createdAt: new Date(),
          updatedAt: new Date(),
        } as AccountEntity;
        rows.push(row);
        return row;
      },
    ),
    findSessionState: jest.fn(async (id: string) => {
      const row = rows.find((r) => r.id === id);
      return row ? { ...row } : null;
    }),
    endSessions: jest.fn(
      async (id: string, changes: Partial<Pick<AccountEntity, 'passwordHash' | 'disabledAt'>> = {}) => {
        const row = rows.find((r) => r.id === id);
        if (!row) return null;
        Object.assign(row, changes, { sessionEpoch: row.sessionEpoch + 1 });
        return row;
      },
    ),
    enable: jest.fn(async (id: string) => {
      const row = rows.find((r) => r.id === id);
      if (!row) return null;
      row.disabledAt = null;
      return row;
    }),
  };
}

/** The event bus as the identity services use it: account changes, recorded and streamed. */
export function fakeAccountEvents() {
  const changes = new Subject<string>();
  const published: string[] = [];
  return {
    published,
    accountChanges$: changes.asObservable(),
    publishAccountChange: jest.fn((accountId: string) => {
      published.push(accountId);
      changes.next(accountId);
    }),
  };
}

/** A repository that knows only these ids: findById answers `{ id }`, or null. */
export const knownIds = (...ids: string[]) => ({
  findById: jest.fn(async (id: string) => (ids.includes(id) ? { id } : null)),
});

/** A jurisdiction repository that knows only these codes: findByCode answers `{ code }`, or null. */
export const knownJurisdictions = (...codes: string[]) => ({
  findByCode: jest.fn(async (code: string) => (codes.includes(code) ? { code } : null)),
});
