import { decodeCursor, DomainError, encodeCursor, pageSize, type Page, type PageRequest } from '@sandbridge/domain';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/** One key of a stable order: the SQL expression and how to read it from an item. */
export interface OrderKey<T> {
  expression: string;
  value: (item: T) => string | number;
  /** Checks a cursor's value for this key (e.g. a uuid) so a forged cursor is bad input, not an SQL error. */
  accepts?: (value: string | number) => boolean;
}

/**
 * Keyset pagination over a stable, unique order (the last key must be unique). The cursor holds the
 * order key of the last item, so pages stay correct while rows are added (no OFFSET drift). Every key
 * runs in one direction: ascending, or descending for newest-first lists.
 */
export async function paginate<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  order: OrderKey<T>[],
  request: PageRequest,
  direction: 'ASC' | 'DESC' = 'ASC',
): Promise<Page<T>> {
  const first = pageSize(request);
  const totalCount = await query.clone().getCount();
  const page = query.clone();
  if (request.after) {
    const key = decodeCursor(request.after, order.length);
    if (
      key.some(
        (value, i) =>
          (typeof value === 'string' && value.includes('\u0000')) || (order[i].accepts && !order[i].accepts(value)),
      )
    ) {
      throw DomainError.badInput([{ path: 'after', message: 'is not a cursor this list returned' }]);
    }
    const params = Object.fromEntries(key.map((value, i) => [`cursor${i}`, value]));
    page.andWhere(
      `(${order.map((o) => o.expression).join(', ')}) ${direction === 'ASC' ? '>' : '<'} (${key.map((_, i) => `:cursor${i}`).join(', ')})`,
      params,
    );
  }
  order.forEach((o, i) => (i === 0 ? page.orderBy(o.expression, direction) : page.addOrderBy(o.expression, direction)));
  const rows = first === 0 ? [] : await page.limit(first + 1).getMany();
  const items = rows.slice(0, first);
  return {
    items,
    cursors: items.map((item) => encodeCursor(order.map((o) => o.value(item)))),
    hasNextPage: rows.length > first || (first === 0 && totalCount > 0 && !request.after),
    hasPreviousPage: Boolean(request.after),
    totalCount,
  };
}

/** Escapes LIKE wildcards so a search term matches literally. */
export function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
