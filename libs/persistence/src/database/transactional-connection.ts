import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, type EntityTarget, type ObjectLiteral, type Repository } from 'typeorm';

interface TransactionScope {
  manager: EntityManager;
  afterCommit: (() => void)[];
}

/**
 * The transaction travels with the async context (as Vendure's TransactionalConnection does): inside
 * `withTransaction`, every repository obtained here uses the transaction's manager, so a service
 * never threads a manager by hand and never queries outside its transaction by mistake — which on
 * the embedded database (one pooled connection) would wait forever.
 */
@Injectable()
export class TransactionalConnection {
  private readonly scope = new AsyncLocalStorage<TransactionScope>();
  /** Transactions running now; at 0 the storage is disabled (see `withTransaction`). */
  private open = 0;

  constructor(readonly dataSource: DataSource) {}

  get manager(): EntityManager {
    return this.scope.getStore()?.manager ?? this.dataSource.manager;
  }

  getRepository<T extends ObjectLiteral>(entity: EntityTarget<T>): Repository<T> {
    return this.manager.getRepository(entity);
  }

  get inTransaction(): boolean {
    return this.scope.getStore() !== undefined;
  }

  /** Runs `work` in a transaction (joining the current one if any); commits when it resolves. */
  async withTransaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const current = this.scope.getStore();
    if (current) return work(current.manager);
    const afterCommit: (() => void)[] = [];
    // While any AsyncLocalStorage is enabled, node 20 runs its promise hooks on every promise of the
    // process — on a read-only list query that was ~10% of the CPU. So the storage is enabled only
    // while a transaction runs and disabled again when the last one ends: reads between writes run
    // with no hooks. Nothing outside a transaction reads the store, so nothing is lost by it.
    this.open++;
    try {
      const result = await this.dataSource.transaction((manager) =>
        this.scope.run({ manager, afterCommit }, () => work(manager)),
      );
      for (const callback of afterCommit) callback();
      return result;
    } finally {
      if (--this.open === 0) this.scope.disable();
    }
  }

  /** Runs `callback` once the current transaction commits (at once when there is none); never on rollback. */
  afterCommit(callback: () => void): void {
    const current = this.scope.getStore();
    if (current) current.afterCommit.push(callback);
    else callback();
  }
}
