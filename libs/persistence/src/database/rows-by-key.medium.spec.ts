import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DemoSeeder } from '@sandbridge/application';
import { AuthorityEntity, rowsWhereAny, TransactionalConnection } from '@sandbridge/persistence';
import { TestModule } from '@sandbridge/testing';
import type { ObjectLiteral } from 'typeorm';

// rowsWhereAny (the DataLoaders' path) must hand back exactly what TypeORM's find() does: the same
// entity class and the same values (dates, numerics, arrays, jsonb, transformers), for every entity,
// over the demo data — every kind of row the API reads.

describe('rowsWhereAny', () => {
  let m: TestModule;
  let connection: TransactionalConnection;

  beforeAll(async () => {
    m = await TestModule.create();
    await m.get(DemoSeeder).seedIfEmpty();
    connection = m.get(TransactionalConnection);
  });
  afterAll(async () => {
    await m?.close();
  });

  it('reads every entity’s rows as find() does, by primary key', async () => {
    const compared: string[] = [];
    for (const metadata of connection.dataSource.entityMetadatas) {
      const key = metadata.primaryColumns[0];
      const repo = connection.getRepository<ObjectLiteral>(metadata.target);
      const expected = await repo.find({ take: 200, order: { [key.propertyName]: 'ASC' } });
      if (!expected.length) continue;
      const values = expected.map((row) => row[key.propertyName] as unknown);
      const actual = await rowsWhereAny(connection.manager, metadata.target, key.propertyName, values, [
        [key.propertyName, 'ASC'],
      ]);
      // Rows of a composite key come back once per matching row: compare the rows find() matched.
      const wanted = await repo.find({
        where: values.map((value) => ({ [key.propertyName]: value })),
        order: {
          [key.propertyName]: 'ASC',
          ...Object.fromEntries(metadata.primaryColumns.slice(1).map((c) => [c.propertyName, 'ASC'])),
        },
      });
      const sortKey = (row: ObjectLiteral) => metadata.primaryColumns.map((c) => String(row[c.propertyName])).join('|');
      const sorted = [...actual].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));
      const sortedWanted = [...wanted].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));
      expect({ entity: metadata.name, rows: sorted }).toEqual({ entity: metadata.name, rows: sortedWanted });
      for (const row of actual) expect(row).toBeInstanceOf(metadata.target as new () => unknown);
      compared.push(metadata.name);
    }
    // The demo data fills the tables a list query reads; the check must have compared them.
    expect(compared).toEqual(
      expect.arrayContaining([
        'JurisdictionEntity',
        'AuthorityEntity',
        'CriterionEntity',
        'CriterionClauseEntity',
        'ClauseEntity',
        'ProgrammeEntity',
        'ProgrammeParticipantEntity',
        'EnrolmentEntity',
        'EnrolmentTrackEntity',
        'TestReportEntity',
        'TestResultEntity',
        'ProgrammeCriterionEntity',
        'AccountEntity',
        'AuditEntryEntity',
        'AuditCheckpointEntity',
      ]),
    );
  });

  it('orders by the columns given, and reads nothing for no values', async () => {
    const authorities = await rowsWhereAny(
      connection.manager,
      'AuthorityEntity',
      'jurisdictionCode',
      ['GB', 'EU', 'SG'],
      [
        ['name', 'DESC'],
        ['id', 'ASC'],
      ],
    );
    expect(authorities.length).toBeGreaterThan(2);
    const names = authorities.map((a) => a.name as string);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0)));
    expect(await rowsWhereAny(connection.manager, AuthorityEntity, 'id', [])).toEqual([]);
  });

  it('refuses a property the entity does not have', async () => {
    await expect(
      rowsWhereAny(connection.manager, AuthorityEntity, 'nope' as keyof AuthorityEntity, ['x']),
    ).rejects.toThrow(/has no column nope/);
  });

  it('reads inside the caller’s transaction', async () => {
    const [authority] = await rowsWhereAny(connection.manager, AuthorityEntity, 'jurisdictionCode', ['GB']);
    const seen = await connection
      .withTransaction(async (manager) => {
        await manager.query('UPDATE authority SET name = $1 WHERE id = $2', ['Renamed in a transaction', authority.id]);
        const [inside] = await rowsWhereAny(connection.manager, AuthorityEntity, 'id', [authority.id]);
        throw Object.assign(new Error('roll back'), { inside });
      })
      .catch((error: { inside: ObjectLiteral }) => error.inside);
    expect(seen.name).toBe('Renamed in a transaction');
    const [after] = await rowsWhereAny(connection.manager, AuthorityEntity, 'id', [authority.id]);
    expect(after.name).toBe(authority.name);
  });
});
