import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it, jest } from '@jest/globals';
import { ErrorCode } from '@sandbridge/domain';
import type {
  JurisdictionRepository,
  OrganisationEntity,
  OrganisationFilter,
  OrganisationRepository,
} from '@sandbridge/persistence';
import {
  ADMIN,
  failure,
  fakeConnection,
  fakeTable,
  innovatorOf,
  knownJurisdictions,
  negotiatorOf,
  regulatorOf,
} from '../testing/fakes.spec-helpers.js';
import { OrganisationService } from './organisation.service.js';

function setup() {
  const acme = { id: randomUUID(), name: 'Acme AI', homeJurisdictionCode: 'GB' } as OrganisationEntity;
  const globex = { id: randomUUID(), name: 'Globex Robotics', homeJurisdictionCode: 'SG' } as OrganisationEntity;
  const rows = [acme, globex];
  const organisations = {
    ...fakeTable(rows),
    // Names compare case-insensitively, as the repository's lower(name) query does.
    findByName: jest.fn(async (name: string) => rows.find((r) => r.name.toLowerCase() === name.toLowerCase()) ?? null),
    page: jest.fn(async (_filter: OrganisationFilter) => ({
      items: [],
      cursors: [],
      hasNextPage: false,
      hasPreviousPage: false,
      totalCount: 0,
    })),
  };
  const { connection, transactions } = fakeConnection();
  const service = new OrganisationService(
    connection,
    organisations as unknown as OrganisationRepository,
    knownJurisdictions('GB', 'SG', 'EU') as unknown as JurisdictionRepository,
  );
  return { service, organisations, acme, globex, transactions };
}

describe('OrganisationService', () => {
  let t: ReturnType<typeof setup>;
  beforeEach(() => {
    t = setup();
  });

  describe('what an innovator sees', () => {
    it('finds only its own organisation', async () => {
      const innovator = innovatorOf(t.acme.id);
      expect(await t.service.findById(innovator, t.acme.id)).toBe(t.acme);
      expect(await t.service.findById(innovator, t.globex.id)).toBeNull();
      expect(t.organisations.findById).toHaveBeenCalledTimes(1); // the other one is not even looked up
    });

    it('lists only its own organisation, whatever the filter', async () => {
      await t.service.list(innovatorOf(t.acme.id), { search: 'Globex' }, { first: 10 });
      expect(t.organisations.page).toHaveBeenCalledWith({ search: 'Globex', ids: [t.acme.id] }, { first: 10 });
    });

    it('while other roles see every organisation', async () => {
      for (const other of [ADMIN, regulatorOf('a'), negotiatorOf('GB')]) {
        expect(await t.service.findById(other, t.globex.id)).toBe(t.globex);
        await t.service.list(other, { search: 'x' }, {});
        expect(t.organisations.page).toHaveBeenLastCalledWith({ search: 'x' }, {});
      }
    });
  });

  it('answers findByIds in the order asked, null where unknown (for DataLoader)', async () => {
    expect((await t.service.findByIds([t.globex.id, 'nope', t.acme.id])).map((o) => o?.name ?? null)).toEqual([
      'Globex Robotics',
      null,
      'Acme AI',
    ]);
  });

  describe('create', () => {
    it('adds an organisation for an administrator, in a transaction', async () => {
      const created = await t.service.create(ADMIN, { name: 'Initech', homeJurisdictionCode: 'EU' });
      expect(created).toMatchObject({ name: 'Initech', homeJurisdictionCode: 'EU' });
      expect(t.transactions()).toBe(1);
    });

    it('is FORBIDDEN to everyone else, innovators included', async () => {
      for (const other of [innovatorOf(t.acme.id), regulatorOf('a'), negotiatorOf('GB')]) {
        expect(
          (await failure(() => t.service.create(other, { name: 'Initech', homeJurisdictionCode: 'GB' }))).code,
        ).toBe(ErrorCode.FORBIDDEN);
      }
      expect(t.organisations.insert).not.toHaveBeenCalled();
    });

    it('is NOT_FOUND for an unknown home jurisdiction', async () => {
      expect((await failure(() => t.service.create(ADMIN, { name: 'Initech', homeJurisdictionCode: 'XX' }))).code).toBe(
        ErrorCode.NOT_FOUND,
      );
    });

    it('is a CONFLICT for a name taken in any case', async () => {
      const error = await failure(() => t.service.create(ADMIN, { name: 'ACME ai', homeJurisdictionCode: 'GB' }));
      expect(error.code).toBe(ErrorCode.CONFLICT);
      expect(t.organisations.insert).not.toHaveBeenCalled();
    });
  });

  describe('update', () => {
    it('lets an innovator update its own organisation', async () => {
      const innovator = innovatorOf(t.acme.id);
      const updated = await t.service.update(innovator, {
        id: t.acme.id,
        name: 'Acme Intelligence',
        homeJurisdictionCode: 'EU',
      });
      expect(updated).toMatchObject({ id: t.acme.id, name: 'Acme Intelligence', homeJurisdictionCode: 'EU' });
    });

    it('is NOT_FOUND to an innovator of another organisation, as for an unknown id: it may not see the organisation', async () => {
      const other = innovatorOf(t.globex.id);
      expect((await failure(() => t.service.update(other, { id: t.acme.id, name: 'Hijacked' }))).code).toBe(
        ErrorCode.NOT_FOUND,
      );
      expect((await failure(() => t.service.update(other, { id: randomUUID(), name: 'Hijacked' }))).code).toBe(
        ErrorCode.NOT_FOUND,
      );
      expect(t.organisations.save).not.toHaveBeenCalled();
    });

    it('is FORBIDDEN to regulators and negotiators, whatever the id (their role never edits organisations)', async () => {
      for (const other of [regulatorOf('a'), negotiatorOf('GB')]) {
        expect((await failure(() => t.service.update(other, { id: t.acme.id, name: 'Hijacked' }))).code).toBe(
          ErrorCode.FORBIDDEN,
        );
        expect((await failure(() => t.service.update(other, { id: randomUUID(), name: 'Hijacked' }))).code).toBe(
          ErrorCode.FORBIDDEN,
        );
      }
      expect(t.organisations.save).not.toHaveBeenCalled();
    });

    it('is NOT_FOUND for an unknown organisation', async () => {
      expect((await failure(() => t.service.update(ADMIN, { id: randomUUID(), name: 'Ghost' }))).code).toBe(
        ErrorCode.NOT_FOUND,
      );
    });

    it('is a CONFLICT when renamed to another organisation’s name, but a change of case to its own is fine', async () => {
      expect((await failure(() => t.service.update(ADMIN, { id: t.acme.id, name: 'globex robotics' }))).code).toBe(
        ErrorCode.CONFLICT,
      );
      expect((await t.service.update(ADMIN, { id: t.acme.id, name: 'ACME AI' })).name).toBe('ACME AI');
    });

    it('is NOT_FOUND when moved to an unknown jurisdiction', async () => {
      expect((await failure(() => t.service.update(ADMIN, { id: t.acme.id, homeJurisdictionCode: 'XX' }))).code).toBe(
        ErrorCode.NOT_FOUND,
      );
      expect(t.organisations.save).not.toHaveBeenCalled();
    });
  });
});
