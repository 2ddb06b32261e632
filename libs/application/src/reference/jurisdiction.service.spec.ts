import { beforeEach, describe, expect, it, jest } from '@jest/globals';
import { ErrorCode, RegulatoryApproach } from '@sandbridge/domain';
import type { JurisdictionEntity, JurisdictionRepository } from '@sandbridge/persistence';
import { ADMIN, failure, fakeConnection, NOT_ADMINS } from '../testing/fakes.spec-helpers.js';
import { JurisdictionService } from './jurisdiction.service.js';

function setup() {
  const rows: JurisdictionEntity[] = [
    { code: 'GB', name: 'United Kingdom', approach: RegulatoryApproach.PRINCIPLES_BASED } as JurisdictionEntity,
    { code: 'SG', name: 'Singapore', approach: RegulatoryApproach.SOFT_LAW } as JurisdictionEntity,
  ];
  const jurisdictions = {
    rows,
    findByCode: jest.fn(async (code: string) => rows.find((r) => r.code === code) ?? null),
    findByCodes: jest.fn(async (codes: readonly string[]) => rows.filter((r) => codes.includes(r.code)).reverse()),
    page: jest.fn(async () => ({
      items: rows,
      cursors: [],
      hasNextPage: false,
      hasPreviousPage: false,
      totalCount: rows.length,
    })),
    insert: jest.fn(async (values: Pick<JurisdictionEntity, 'code' | 'name' | 'approach'>) => {
      const row = { ...values } as JurisdictionEntity;
      rows.push(row);
      return row;
    }),
    save: jest.fn(async (entity: JurisdictionEntity) => entity),
  };
  const { connection, log: inTransaction } = fakeConnection();
  const service = new JurisdictionService(connection, jurisdictions as unknown as JurisdictionRepository);
  return { service, jurisdictions, inTransaction };
}

describe('JurisdictionService', () => {
  let t: ReturnType<typeof setup>;
  beforeEach(() => {
    t = setup();
  });

  it('answers findByCodes in the order asked, null where unknown (for DataLoader)', async () => {
    const found = await t.service.findByCodes(['SG', 'XX', 'GB', 'SG']);
    expect(found.map((j) => j?.code ?? null)).toEqual(['SG', null, 'GB', 'SG']);
    expect(t.jurisdictions.findByCodes).toHaveBeenCalledTimes(1);
  });

  describe('create', () => {
    it('adds a jurisdiction for an administrator, in a transaction', async () => {
      const created = await t.service.create(ADMIN, {
        code: 'JP',
        name: 'Japan',
        approach: RegulatoryApproach.SOFT_LAW,
      });
      expect(created).toEqual({ code: 'JP', name: 'Japan', approach: RegulatoryApproach.SOFT_LAW });
      expect(t.jurisdictions.rows.map((r) => r.code)).toEqual(['GB', 'SG', 'JP']);
      expect(t.inTransaction).toEqual(['begin', 'commit']);
    });

    it('is FORBIDDEN to everyone else', async () => {
      for (const other of NOT_ADMINS) {
        const error = await failure(() =>
          t.service.create(other, { code: 'JP', name: 'Japan', approach: RegulatoryApproach.SOFT_LAW }),
        );
        expect(error.code).toBe(ErrorCode.FORBIDDEN);
      }
      expect(t.jurisdictions.insert).not.toHaveBeenCalled();
    });

    it('is a CONFLICT when the code exists', async () => {
      const error = await failure(() =>
        t.service.create(ADMIN, { code: 'GB', name: 'Great Britain', approach: RegulatoryApproach.SECTORAL }),
      );
      expect(error.code).toBe(ErrorCode.CONFLICT);
      expect(t.jurisdictions.insert).not.toHaveBeenCalled();
    });
  });

  describe('update', () => {
    it('changes only the fields given', async () => {
      const updated = await t.service.update(ADMIN, { code: 'GB', approach: RegulatoryApproach.SECTORAL, name: null });
      expect(updated).toMatchObject({ code: 'GB', name: 'United Kingdom', approach: RegulatoryApproach.SECTORAL });
      expect(t.jurisdictions.save).toHaveBeenCalledTimes(1);
    });

    it('is FORBIDDEN to non-administrators, even the negotiator of that jurisdiction', async () => {
      for (const other of NOT_ADMINS) {
        expect((await failure(() => t.service.update(other, { code: 'GB', name: 'Britain' }))).code).toBe(
          ErrorCode.FORBIDDEN,
        );
      }
      expect(t.jurisdictions.save).not.toHaveBeenCalled();
    });

    it('is NOT_FOUND for an unknown code', async () => {
      const error = await failure(() => t.service.update(ADMIN, { code: 'XX', name: 'Nowhere' }));
      expect(error.code).toBe(ErrorCode.NOT_FOUND);
      expect(error.message).toContain('"XX"');
    });
  });
});
