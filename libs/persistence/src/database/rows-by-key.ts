import type { EntityManager, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js';

/** A column of the entity, by its property name, and the direction to order by it. */
export type OrderBy<T> = readonly (readonly [keyof T & string, 'ASC' | 'DESC'])[];

interface Statement {
  sql: string;
  columns: readonly ColumnMetadata[];
}

const statements = new WeakMap<EntityMetadata, Map<string, Statement>>();

/**
 * Every row of `entity` whose `property` is one of `values` (`WHERE column = ANY($1)`), hydrated as
 * TypeORM hydrates them — the same entity class, each value through the driver's own
 * `prepareHydratedValue` and the column's transformer — so the result deep-equals `find()`'s.
 *
 * This is the DataLoaders' path: a list of 50 items asks it once per level, and TypeORM's
 * `find({ where: { id: In(ids) } })` rebuilt its query (find options → query builder → SQL) and ran
 * its generic row transformer on every call, about a third of the CPU of a list query. Here the SQL
 * is built once per entity, column and order from TypeORM's metadata and kept; rows are read with
 * the manager the caller is in (so a transaction's manager inside one). Entities with embedded
 * columns or table inheritance are refused: their hydration is TypeORM's job.
 */
export async function rowsWhereAny<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  property: keyof T & string,
  values: readonly unknown[],
  order: OrderBy<T> = [],
): Promise<T[]> {
  if (values.length === 0) return [];
  const metadata = manager.connection.getMetadata(entity);
  const statement = statementFor(metadata, property, order);
  const raw = (await manager.query(statement.sql, [values])) as Record<string, unknown>[];
  return hydrate(manager, metadata, statement.columns, raw);
}

/**
 * Rows of `entity` read by hand-written SQL that selects its columns under their own names (extra
 * columns are ignored), hydrated as rowsWhereAny hydrates them.
 */
export function hydrateRows<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  raw: readonly Record<string, unknown>[],
): T[] {
  const metadata = manager.connection.getMetadata(entity);
  return hydrate(
    manager,
    metadata,
    metadata.columns.filter((c) => !c.isVirtual),
    raw,
  );
}

function hydrate<T>(
  manager: EntityManager,
  metadata: EntityMetadata,
  columns: readonly ColumnMetadata[],
  raw: readonly Record<string, unknown>[],
): T[] {
  const driver = manager.connection.driver;
  const rows: T[] = new Array(raw.length);
  for (let i = 0; i < raw.length; i++) {
    const row = metadata.create(undefined, { fromDeserializer: true }) as T;
    const record = raw[i];
    for (const column of columns) {
      column.setEntityValue(row as ObjectLiteral, driver.prepareHydratedValue(record[column.databaseName], column));
    }
    rows[i] = row;
  }
  return rows;
}

function statementFor<T>(metadata: EntityMetadata, property: string, order: OrderBy<T>): Statement {
  let byKey = statements.get(metadata);
  if (!byKey) statements.set(metadata, (byKey = new Map()));
  const key = `${property}|${order.map(([p, d]) => `${p} ${d}`).join(',')}`;
  let statement = byKey.get(key);
  if (!statement) {
    if (metadata.embeddeds.length || metadata.childEntityMetadatas.length || metadata.parentEntityMetadata)
      throw new Error(`rowsWhereAny: ${metadata.name} has embedded columns or inheritance; use TypeORM's find()`);
    const columns = metadata.columns.filter((c) => !c.isVirtual);
    const column = (name: string) => {
      const found = metadata.findColumnWithPropertyPath(name);
      if (!found || found.isVirtual) throw new Error(`rowsWhereAny: ${metadata.name} has no column ${name}`);
      return `"${found.databaseName}"`;
    };
    const table = metadata.schema ? `"${metadata.schema}"."${metadata.tableName}"` : `"${metadata.tableName}"`;
    const orderBy = order.length ? ` ORDER BY ${order.map(([p, d]) => `${column(p)} ${d}`).join(', ')}` : '';
    statement = {
      sql: `SELECT ${columns.map((c) => `"${c.databaseName}"`).join(', ')} FROM ${table} WHERE ${column(property)} = ANY($1)${orderBy}`,
      columns,
    };
    byKey.set(key, statement);
  }
  return statement;
}
