// "Load more" over a connection: the query asks for the page after `after`; the items of the pages
// already shown are kept (and merged by id, so a page that is reloaded never shows an item twice).
import { useState } from 'react';

export function usePaging<T extends { id: string }>() {
  const [after, setAfter] = useState<string | null>(null);
  const [earlier, setEarlier] = useState<T[]>([]);
  return {
    /** The cursor to pass as the query's `after`. */
    after,
    /** The items shown: those of the earlier pages, then the current page's. */
    items(current: readonly T[]): T[] {
      const seen = new Set(earlier.map((item) => item.id));
      return [...earlier, ...current.filter((item) => !seen.has(item.id))];
    },
    /** Keeps `shown` and asks for the page after `cursor`. */
    loadMore(shown: T[], cursor: string | null | undefined) {
      setEarlier(shown);
      setAfter(cursor ?? null);
    },
    /** Back to the first page (e.g. a filter changed). */
    reset() {
      setEarlier([]);
      setAfter(null);
    },
  };
}
