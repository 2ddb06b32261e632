import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it, jest } from '@jest/globals';
import { ErrorCode } from '@sandbridge/domain';
import type { AuthorityEntity, AuthorityRepository, JurisdictionRepository } from '@sandbridge/persistence';
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
import { AuthorityService, type CreateAuthorityCommand } from './authority.service.js';

function setup() {
  const fca = {
    id: randomUUID(),
    jurisdictionCode: 'GB',
    name: 'Financial Conduct Authority',
    acronym: 'FCA',
    sectors: ['FINANCE'],
    website: 'https://www.fca.org.uk',
  } as AuthorityEntity;
  const ico = {
    id: randomUUID(),
    jurisdictionCode: 'GB',
    name: "Information Commissioner's Office",
    acronym: 'ICO',
    sectors: [] as string[],
    website: null,
  } as AuthorityEntity;
  const mas = {
    id: randomUUID(),
    jurisdictionCode: 'SG',
    name: 'Monetary Authority of Singapore',
    acronym: 'MAS',
    sectors: ['FINANCE'],
    website: null,
  } as AuthorityEntity;
  const rows = [fca, ico, mas];
  const authorities = {
    ...fakeTable(rows),
    findByJurisdictionCodes: jest.fn(async (codes: readonly string[]) =>
      rows.filter((r) => codes.includes(r.jurisdictionCode)),
    ),
    findByName: jest.fn(
      async (code: string, name: string) => rows.find((r) => r.jurisdictionCode === code && r.name === name) ?? null,
    ),
  };
  const { connection, transactions } = fakeConnection();
  const service = new AuthorityService(
    connection,
    authorities as unknown as AuthorityRepository,
    knownJurisdictions('GB', 'SG') as unknown as JurisdictionRepository,
  );
  return { service, authorities, fca, ico, mas, transactions };
}

const command = (overrides: Partial<CreateAuthorityCommand> = {}): CreateAuthorityCommand => ({
  jurisdictionCode: 'GB',
  name: 'Competition and Markets Authority',
  acronym: 'CMA',
  ...overrides,
});

describe('AuthorityService', () => {
  let t: ReturnType<typeof setup>;
  beforeEach(() => {
    t = setup();
  });

  describe('batch lookups (DataLoader)', () => {
    it('answers findByIds in the order asked, null where unknown', async () => {
      const unknown = randomUUID();
      expect((await t.service.findByIds([t.mas.id, unknown, t.fca.id])).map((a) => a?.acronym ?? null)).toEqual([
        'MAS',
        null,
        'FCA',
      ]);
    });

    it('groups authorities by jurisdiction, one query for all codes', async () => {
      const grouped = await t.service.findByJurisdictionCodes(['SG', 'XX', 'GB']);
      expect(grouped.map((list) => list.map((a) => a.acronym))).toEqual([['MAS'], [], ['FCA', 'ICO']]);
      expect(t.authorities.findByJurisdictionCodes).toHaveBeenCalledTimes(1);
    });
  });

  describe('create', () => {
    it('adds an authority with de-duplicated, sorted sectors and no website by default', async () => {
      const created = await t.service.create(ADMIN, command({ sectors: ['FINANCE', 'COMPETITION', 'FINANCE'] }));
      expect(created).toMatchObject({
        jurisdictionCode: 'GB',
        name: 'Competition and Markets Authority',
        acronym: 'CMA',
        sectors: ['COMPETITION', 'FINANCE'],
        website: null,
      });
      expect(t.transactions()).toBe(1);
    });

    it('is FORBIDDEN to everyone but an administrator, a regulator included', async () => {
      for (const other of [regulatorOf(t.fca.id), innovatorOf('o'), negotiatorOf('GB')]) {
        expect((await failure(() => t.service.create(other, command()))).code).toBe(ErrorCode.FORBIDDEN);
      }
      expect(t.authorities.insert).not.toHaveBeenCalled();
    });

    it('is NOT_FOUND for an unknown jurisdiction', async () => {
      expect((await failure(() => t.service.create(ADMIN, command({ jurisdictionCode: 'XX' })))).code).toBe(
        ErrorCode.NOT_FOUND,
      );
      expect(t.authorities.insert).not.toHaveBeenCalled();
    });

    it('is a CONFLICT for a name its jurisdiction already has, but the same name elsewhere is fine', async () => {
      const error = await failure(() => t.service.create(ADMIN, command({ name: 'Financial Conduct Authority' })));
      expect(error.code).toBe(ErrorCode.CONFLICT);
      const elsewhere = await t.service.create(
        ADMIN,
        command({ jurisdictionCode: 'SG', name: 'Financial Conduct Authority' }),
      );
      expect(elsewhere.jurisdictionCode).toBe('SG');
    });
  });

  describe('update', () => {
    it('lets a regulator of the authority keep its profile up to date', async () => {
      const own = regulatorOf(t.fca.id);
      const updated = await t.service.update(own, {
        id: t.fca.id,
        acronym: 'FCA UK',
        sectors: ['PAYMENTS', 'FINANCE'],
      });
      expect(updated).toMatchObject({
        id: t.fca.id,
        name: 'Financial Conduct Authority',
        acronym: 'FCA UK',
        sectors: ['FINANCE', 'PAYMENTS'],
        website: 'https://www.fca.org.uk',
      });
    });

    it('is FORBIDDEN to a regulator of another authority and to other roles', async () => {
      for (const other of [regulatorOf(t.ico.id), innovatorOf('o'), negotiatorOf('GB')]) {
        expect((await failure(() => t.service.update(other, { id: t.fca.id, acronym: 'X' }))).code).toBe(
          ErrorCode.FORBIDDEN,
        );
      }
      expect(t.authorities.save).not.toHaveBeenCalled();
    });

    it('is NOT_FOUND for an unknown id', async () => {
      expect((await failure(() => t.service.update(ADMIN, { id: randomUUID(), acronym: 'X' }))).code).toBe(
        ErrorCode.NOT_FOUND,
      );
    });

    it('is a CONFLICT when renamed to another authority of the same jurisdiction', async () => {
      const error = await failure(() =>
        t.service.update(ADMIN, { id: t.fca.id, name: "Information Commissioner's Office" }),
      );
      expect(error.code).toBe(ErrorCode.CONFLICT);
      expect(t.authorities.save).not.toHaveBeenCalled();
    });

    it('clears the website on null and keeps it when absent', async () => {
      expect((await t.service.update(ADMIN, { id: t.fca.id, acronym: 'FCA' })).website).toBe('https://www.fca.org.uk');
      expect((await t.service.update(ADMIN, { id: t.fca.id, website: null })).website).toBeNull();
    });
  });
});
