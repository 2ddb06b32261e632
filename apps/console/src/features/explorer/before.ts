// What the explorer compares a day with (the day shown before it), and the names its sentences use.
import { useEffect, useRef, useState } from 'react';
import type { buildNames } from '../passports/words';
import type { Before } from './ExplainedCriteria';
import { forceChanges, type Lexicon, type Windowed } from './explain';

/**
 * The day shown before this one for the same subject (system and authority, or case), with its
 * outcomes and what came into or went out of force in between; null on the first day shown.
 */
export function useBefore(
  subject: string,
  day: string | undefined,
  outcomes: ReadonlyMap<string, string> | undefined,
  agreements: Windowed[],
  signed?: ReadonlySet<string>,
): Before | null {
  const last = useRef<{ subject: string; day: string; outcomes: ReadonlyMap<string, string> } | null>(null);
  const [before, setBefore] = useState<Before | null>(null);
  useEffect(() => {
    if (!day || !outcomes) return;
    const previous = last.current;
    if (previous && previous.subject === subject && previous.day !== day)
      setBefore({
        day: previous.day,
        outcomes: previous.outcomes,
        ...forceChanges(agreements, previous.day, day, signed),
      });
    else if (!previous || previous.subject !== subject) setBefore(null);
    last.current = { subject, day, outcomes };
    // The agreements and `signed` only name what changed: a new answer is what moves this.
  }, [subject, day, outcomes]);
  return before;
}

/** What names the ids of an answer: the passport's names, and the rules' names by agreement. */
export function lexiconOf(
  asOf: string,
  jurisdiction: string,
  names: ReturnType<typeof buildNames>,
  agreements: Windowed[],
): Lexicon {
  return {
    asOf,
    jurisdiction,
    name: names.of,
    ruleName: (a, r) => agreements.find((x) => x.id === a)?.rules.find((x) => x.id === r)?.name ?? undefined,
    result: names.result,
  };
}
