import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from '@jest/globals';
import type { DataSource, EntityManager } from 'typeorm';
import { TransactionalConnection } from './transactional-connection.js';

// The transaction travels with the async context, and the context storage is switched on only while
// a transaction runs (node's promise hooks cost every promise of the process while it is on).

function fakeDataSource() {
  const outside = { name: 'outside' } as unknown as EntityManager;
  let n = 0;
  const dataSource = {
    manager: outside,
    transaction: async <T>(work: (manager: EntityManager) => Promise<T>) =>
      work({ name: `transaction ${++n}` } as unknown as EntityManager),
  } as unknown as DataSource;
  return { dataSource, outside };
}

const nameOf = (manager: EntityManager) => (manager as unknown as { name: string }).name;
const storageOn = (connection: TransactionalConnection) =>
  (connection as unknown as { scope: { enabled: boolean } }).scope.enabled;

describe('TransactionalConnection', () => {
  it('hands each transaction its own manager across awaits, and the outside manager elsewhere', async () => {
    const { dataSource } = fakeDataSource();
    const connection = new TransactionalConnection(dataSource);
    expect(nameOf(connection.manager)).toBe('outside');
    const seen = await connection.withTransaction(async (manager) => {
      await sleep(1);
      return [nameOf(manager), nameOf(connection.manager), connection.inTransaction];
    });
    expect(seen).toEqual(['transaction 1', 'transaction 1', true]);
    expect(nameOf(connection.manager)).toBe('outside');
    expect(connection.inTransaction).toBe(false);
  });

  it('keeps a running transaction’s manager when an overlapping one ends first', async () => {
    const { dataSource } = fakeDataSource();
    const connection = new TransactionalConnection(dataSource);
    let releaseLong!: () => void;
    const longGate = new Promise<void>((resolve) => (releaseLong = resolve));
    const long = connection.withTransaction(async () => {
      const before = nameOf(connection.manager);
      await longGate;
      return [before, nameOf(connection.manager)];
    });
    await connection.withTransaction(async () => sleep(1));
    // The short one has ended; the long one still runs and must still see its own manager.
    expect(storageOn(connection)).toBe(true);
    releaseLong();
    expect(await long).toEqual(['transaction 1', 'transaction 1']);
  });

  it('joins the current transaction, and switches the storage off when the last one ends (also on a rollback)', async () => {
    const { dataSource } = fakeDataSource();
    const connection = new TransactionalConnection(dataSource);
    const inner = await connection.withTransaction(() => connection.withTransaction(async (m) => nameOf(m)));
    expect(inner).toBe('transaction 1');
    expect(storageOn(connection)).toBe(false);
    await expect(
      connection.withTransaction(async () => {
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(storageOn(connection)).toBe(false);
    expect(nameOf(connection.manager)).toBe('outside');
  });

  it('runs afterCommit callbacks once the transaction commits, never on a rollback', async () => {
    const { dataSource } = fakeDataSource();
    const connection = new TransactionalConnection(dataSource);
    const calls: string[] = [];
    await connection.withTransaction(async () => {
      connection.afterCommit(() => calls.push('committed'));
      expect(calls).toEqual([]);
    });
    await connection
      .withTransaction(async () => {
        connection.afterCommit(() => calls.push('rolled back'));
        throw new Error('no');
      })
      .catch(() => undefined);
    connection.afterCommit(() => calls.push('no transaction'));
    expect(calls).toEqual(['committed', 'no transaction']);
  });
});
