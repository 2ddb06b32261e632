import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it, jest } from '@jest/globals';
import { type Actor, DomainError, ErrorCode, Role } from '@sandbridge/domain';
import type { JurisdictionRepository, OrganisationEntity, OrganisationFilter, OrganisationRepository, TransactionalConnection } from '@sandbridge/persistence';
import { OrganisationService } from './organisation.service.js';

const actor = (role: Role, tenant: Partial<Actor> = {}): Actor => ({
  accountId: 'acc',
  role,
  authorityId: null,
  organisationId: null,
  jurisdictionCode: null,
  ...tenant,
});
const ADMIN = actor(Role.ADMIN);

async function failure(work: () => unknown): Promise<DomainError> {
  try {
    await work();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

function setup() {
  const acme = { id: randomUUID(), name: 'Acme AI', homeJurisdictionCode: 'GB' } as OrganisationEntity;
  const globex = { id: randomUUID(), name: 'Globex Robotics', homeJurisdictionCode: 'SG' } as OrganisationEntity;
  const rows = [acme, globex];
  const organisations = {
    rows,
    findById: jest.fn(async (id: string) => rows.find((r) => r.id === id) ?? null),
    findByIds: jest.fn(async (ids: readonly string[]) => rows.filter((r) => ids.includes(r.id))),
    // Names compare case-insensitively, as the repository's lower(name) query does.
    findByName: jest.fn(async (name: string) => rows.find((r) => r.name.toLowerCase() === name.toLowerCase()) ?? null),
    page: jest.fn(async (_filter: OrganisationFilter) => ({ items: [], cursors: [], hasNextPage: false, hasPreviousPage: false, totalCount: 0 })),
    insert: jest.fn(async (values: Pick<OrganisationEntity, 'name' | 'homeJurisdictionCode'>) => {
      const row = { ...values, id: randomUUID() } as OrganisationEntity;
      rows.push(row);
      return row;
    }),
    save: jest.fn(async (entity: OrganisationEntity) => ({ ...entity })),
  };
  const jurisdictions = { findByCode: jest.fn(async (code: string) => (['GB', 'SG', 'EU'].includes(code) ? { code } : null)) };
  let transactions = 0;
  const connection = {
    withTransaction: <T>(work: () => Promise<T>) => {
      transactions++;
      return work();
    },
  };
  const service = new OrganisationService(
    connection as unknown as TransactionalConnection,
    organisations as unknown as OrganisationRepository,
    jurisdictions as unknown as JurisdictionRepository,
  );
  return { service, organisations, acme, globex, transactions: () => transactions };
}

describe('OrganisationService', () => {
  let t: ReturnType<typeof setup>;
  beforeEach(() => {
    t = setup();
  });

  describe('what an innovator sees', () => {
    it('finds only its own organisation', async () => {
      const innovator = actor(Role.INNOVATOR, { organisationId: t.acme.id });
      expect(await t.service.findById(innovator, t.acme.id)).toBe(t.acme);
      expect(await t.service.findById(innovator, t.globex.id)).toBeNull();
      expect(t.organisations.findById).toHaveBeenCalledTimes(1); // the other one is not even looked up
    });

    it('lists only its own organisation, whatever the filter', async () => {
      await t.service.list(actor(Role.INNOVATOR, { organisationId: t.acme.id }), { search: 'Globex' }, { first: 10 });
      expect(t.organisations.page).toHaveBeenCalledWith({ search: 'Globex', ids: [t.acme.id] }, { first: 10 });
    });

    it('while other roles see every organisation', async () => {
      for (const other of [ADMIN, actor(Role.REGULATOR, { authorityId: 'a' }), actor(Role.NEGOTIATOR, { jurisdictionCode: 'GB' })]) {
        expect(await t.service.findById(other, t.globex.id)).toBe(t.globex);
        await t.service.list(other, { search: 'x' }, {});
        expect(t.organisations.page).toHaveBeenLastCalledWith({ search: 'x' }, {});
      }
    });
  });

  it('answers findByIds in the order asked, null where unknown (for DataLoader)', async () => {
    expect((await t.service.findByIds([t.globex.id, 'nope', t.acme.id])).map((o) => o?.name ?? null)).toEqual(['Globex Robotics', null, 'Acme AI']);
  });

  describe('create', () => {
    it('adds an organisation for an administrator, in a transaction', async () => {
      const created = await t.service.create(ADMIN, { name: 'Initech', homeJurisdictionCode: 'EU' });
      expect(created).toMatchObject({ name: 'Initech', homeJurisdictionCode: 'EU' });
      expect(t.transactions()).toBe(1);
    });

    it('is FORBIDDEN to everyone else, innovators included', async () => {
      for (const other of [actor(Role.INNOVATOR, { organisationId: t.acme.id }), actor(Role.REGULATOR, { authorityId: 'a' }), actor(Role.NEGOTIATOR, { jurisdictionCode: 'GB' })]) {
        expect((await failure(() => t.service.create(other, { name: 'Initech', homeJurisdictionCode: 'GB' }))).code).toBe(ErrorCode.FORBIDDEN);
      }
      expect(t.organisations.insert).not.toHaveBeenCalled();
    });

    it('is NOT_FOUND for an unknown home jurisdiction', async () => {
      expect((await failure(() => t.service.create(ADMIN, { name: 'Initech', homeJurisdictionCode: 'XX' }))).code).toBe(ErrorCode.NOT_FOUND);
    });

    it('is a CONFLICT for a name taken in any case', async () => {
      const error = await failure(() => t.service.create(ADMIN, { name: 'ACME ai', homeJurisdictionCode: 'GB' }));
      expect(error.code).toBe(ErrorCode.CONFLICT);
      expect(t.organisations.insert).not.toHaveBeenCalled();
    });
  });

  describe('update', () => {
    it('lets an innovator update its own organisation', async () => {
      const innovator = actor(Role.INNOVATOR, { organisationId: t.acme.id });
      const updated = await t.service.update(innovator, { id: t.acme.id, name: 'Acme Intelligence', homeJurisdictionCode: 'EU' });
      expect(updated).toMatchObject({ id: t.acme.id, name: 'Acme Intelligence', homeJurisdictionCode: 'EU' });
    });

    it('is FORBIDDEN to an innovator of another organisation and to non-members', async () => {
      for (const other of [actor(Role.INNOVATOR, { organisationId: t.globex.id }), actor(Role.REGULATOR, { authorityId: 'a' }), actor(Role.NEGOTIATOR, { jurisdictionCode: 'GB' })]) {
        expect((await failure(() => t.service.update(other, { id: t.acme.id, name: 'Hijacked' }))).code).toBe(ErrorCode.FORBIDDEN);
      }
      expect(t.organisations.save).not.toHaveBeenCalled();
    });

    it('is NOT_FOUND for an unknown organisation', async () => {
      expect((await failure(() => t.service.update(ADMIN, { id: randomUUID(), name: 'Ghost' }))).code).toBe(ErrorCode.NOT_FOUND);
    });

    it('is a CONFLICT when renamed to another organisation’s name, but a change of case to its own is fine', async () => {
      expect((await failure(() => t.service.update(ADMIN, { id: t.acme.id, name: 'globex robotics' }))).code).toBe(ErrorCode.CONFLICT);
      expect((await t.service.update(ADMIN, { id: t.acme.id, name: 'ACME AI' })).name).toBe('ACME AI');
    });

    it('is NOT_FOUND when moved to an unknown jurisdiction', async () => {
      expect((await failure(() => t.service.update(ADMIN, { id: t.acme.id, homeJurisdictionCode: 'XX' }))).code).toBe(ErrorCode.NOT_FOUND);
      expect(t.organisations.save).not.toHaveBeenCalled();
    });
  });
});
