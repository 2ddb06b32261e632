import { describe, expect, it } from '@jest/globals';
import type { Actor } from '@sandbridge/domain';
import { DanglingReferenceError } from './dangling-reference.error.js';
import { type LoaderServices, Loaders } from './loaders.js';

const AUTHORITY = { id: 'a1', name: 'Financial Conduct Authority' };

function loaders(): Loaders {
  const authorities = {
    findByIds: async (ids: readonly string[]) => ids.map((id) => (id === AUTHORITY.id ? AUTHORITY : null)),
  };
  return new Loaders({ authorities } as unknown as LoaderServices, { accountId: 'x' } as unknown as Actor);
}

describe('Loaders.one', () => {
  it('returns the row a stored reference names', async () => {
    await expect(loaders().one('authority', 'a1')).resolves.toBe(AUTHORITY);
  });

  // A parent the caller may see whose reference resolves to nothing is a broken invariant: a named
  // error (logged, INTERNAL_SERVER_ERROR), not a TypeError inside a model's `from`.
  it('throws a DanglingReferenceError naming the loader and the id when there is none', async () => {
    const error = await loaders()
      .one('authority', 'gone')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DanglingReferenceError);
    expect(error).toMatchObject({ loader: 'authority', id: 'gone' });
    expect((error as Error).message).toContain('"gone"');
  });
});
