import type { PublicCountFactsFragment } from '../../gql/graphql';

/** OPEN → "Open". */
export const words = (code: string) => code.charAt(0) + code.slice(1).toLowerCase().replace(/_/g, ' ');

/** A public count in words: suppressed counts (1 to 4) are said to be so, never guessed. */
export const countWords = (c: PublicCountFactsFragment): string =>
  c.suppressed ? 'Fewer than 5' : c.count === null || c.count === undefined ? '—' : String(c.count);

export const JOINT_ENTRY: Record<string, string> = {
  EACH_AUTHORITY: 'Each authority decides its own entry',
  LEAD_DECIDES: 'The lead authority decides entry for all',
  UNANIMOUS: 'Every authority must admit',
};
