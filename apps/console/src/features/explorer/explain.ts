// The recognition explorer in plain words: one function turns a criterion's resolution — as
// recognitionStatus or explainRecognitionCase answer it (outcome, checks, candidates) — into
// sentences ("Not recognised: the lab was not accredited; rule r1 of EU–SG requires it"), and the
// agreements' windows into the days where something comes into or goes out of force. Only words and
// dates: every outcome and check is the API's.
import type { RecognitionCheckName, ShownRecognitionOutcome } from '../../gql/graphql';
import type { CaseResult } from '../passports/words';

export interface ExplorerCheck {
  name: RecognitionCheckName;
  expected: string;
  actual: string;
  passed: boolean;
}

/** One criterion's resolution, whichever query answered it. */
export interface ExplorerResolution {
  outcome: ShownRecognitionOutcome;
  result?: string | null;
  agreement?: string | null;
  rule?: string | null;
  divergent: boolean;
  supplementary?: unknown;
  checks: ExplorerCheck[];
  candidates: { result: string; checks: ExplorerCheck[] }[];
}

/** What names the ids the engine's answer carries. */
export interface Lexicon {
  /** The day the answer is for (YYYY-MM-DD). */
  asOf: string;
  /** The target authority's jurisdiction code. */
  jurisdiction: string;
  /** A criterion's, authority's or agreement's name, by id. */
  name: (id: string) => string | undefined;
  /** A rule's name, by agreement and rule id. */
  ruleName: (agreementId: string, ruleId: string) => string | undefined;
  /** A result of the case, by id. */
  result: (id: string) => CaseResult | undefined;
}

export interface CandidateWords {
  result: string;
  /** The result in words: where and when it was tested. */
  label: string;
  chosen: boolean;
  /** Why it counts, or each reason it does not (one per rule that could apply). */
  reasons: string[];
}

export interface CriterionWords {
  /** The outcome and why, in one or two sentences. */
  summary: string;
  /** Each check in words, with whether it passed. */
  checks: { name: RecognitionCheckName; passed: boolean; text: string }[];
  candidates: CandidateWords[];
}

/** "rule “Name” of Agreement": how a rule is named in a sentence. */
export function ruleWords(agreementId: string, ruleId: string, lexicon: Lexicon): string {
  const rule = lexicon.ruleName(agreementId, ruleId);
  return `rule ${rule ? `“${rule}”` : ruleId} of ${lexicon.name(agreementId) ?? agreementId}`;
}

/** `under <agreement>/<rule>` at the end of a check's expectation: the rule, and the expectation without it. */
function splitUnder(expected: string): { expected: string; ref: [string, string] | null } {
  const match = /^(.*) under ([^\s/]+)\/([^\s/]+)$/.exec(expected);
  return match ? { expected: match[1], ref: [match[2], match[3]] } : { expected, ref: null };
}

/** Ids in a check's text (`a/r`, a criterion id, a result id) named. */
function named(text: string, lexicon: Lexicon): string {
  return text.replace(/([\w.-]+)\/([\w.-]+)|[\w.-]{2,}/g, (whole, a?: string, r?: string) =>
    a && r ? (lexicon.name(a) ? ruleWords(a, r, lexicon) : whole) : (lexicon.name(whole) ?? whole),
  );
}

/** The engine's reasons a rule is not live (`a/r effective [from, to)`, `a is DRAFT`) in words. */
function whyNotWords(text: string, lexicon: Lexicon): string {
  return named(
    text
      .replace(/effective \[([^,]+), ([^)]+)\)/g, (_, from: string, to: string) =>
        [from !== '-inf' ? `is in force from ${from}` : 'is in force', to !== '+inf' ? `until ${to}` : null]
          .filter(Boolean)
          .join(' '),
      )
      .replace(/ is (DRAFT|PROPOSED|SUSPENDED|TERMINATED)\b/g, (_, status: string) => ` is ${status.toLowerCase()}`),
    lexicon,
  );
}

const oneOf = (text: string) => text.replace(/^one of /, '');

/** One check in words: what it found, and (when it failed) what was needed. */
export function checkWords(check: ExplorerCheck, lexicon: Lexicon): string {
  const { expected, ref } = splitUnder(check.expected);
  const rule = ref ? ruleWords(ref[0], ref[1], lexicon) : 'the rule';
  const { actual, passed } = check;
  switch (check.name) {
    case 'applicable':
      return passed
        ? `It applies to the system (${actual}).`
        : `It does not apply: it is for ${named(expected, lexicon)}, and the system has ${actual}.`;
    case 'local':
      return passed
        ? `A passing result tested in ${lexicon.jurisdiction} meets it (${named(actual, lexicon)}).`
        : `No passing result was tested in ${lexicon.jurisdiction}.`;
    case 'correspondence':
      return `The result corresponds to it: ${named(actual, lexicon)}.`;
    case 'coverage':
      return passed
        ? `The result covers it fully (${actual}).`
        : `The result covers it only in part (${actual}): the rest needs a test here.`;
    case 'agreementInForce':
      return passed
        ? `In force on ${lexicon.asOf}: ${named(actual, lexicon)}.`
        : `No agreement recognising ${named(expected.replace(/^rule /, '').replace(/ in force on .*$/, ''), lexicon)} results was in force on ${lexicon.asOf}${actual !== 'none' ? ` (${whyNotWords(actual.replace(/^none \((.*)\)$/, '$1'), lexicon)})` : ''}.`;
    case 'scope':
      return passed
        ? `Within the scope of ${named(actual, lexicon)}.`
        : `Outside the scope of ${named(actual.replace(/^outside /, ''), lexicon)}.`;
    case 'excluded':
      return passed
        ? 'No rule excludes it.'
        : `Excluded: ${named(actual.replace(/^excluded by /, ''), lexicon)} excludes it.`;
    case 'accreditedLab':
      return passed
        ? `The lab was ${actual}${expected === 'not required' ? ` (${rule} does not require it)` : ''}.`
        : `The lab was not accredited; ${rule} requires it.`;
    case 'accreditationBody':
      return passed
        ? `Accreditation body: ${actual}${expected === 'any' ? '' : `, one ${rule} accepts`}.`
        : `The lab's accreditation body was ${actual}; ${rule} accepts only ${oneOf(expected)}.`;
    case 'resultAge':
      return passed
        ? `The result was ${actual} days old on ${lexicon.asOf}${expected === 'any' ? '' : ` (${rule} accepts ${expected.replace('<= ', 'at most ')} days)`}.`
        : `The result was ${actual} days old on ${lexicon.asOf}; ${rule} accepts at most ${expected.replace('<= ', '')} days.`;
    case 'method':
      return passed
        ? `Method: ${actual}${expected === 'any' ? '' : `, one ${rule} accepts`}.`
        : `The method was ${actual}; ${rule} accepts only ${oneOf(expected)}.`;
    case 'threshold':
      return passed
        ? `It meets the threshold (${expected}: ${actual}).`
        : expected === 'passed'
          ? `The result did not pass; ${rule} requires a pass.`
          : `The value ${actual} misses the threshold (${expected}) ${rule} applies.`;
    case 'passedOwnCriterion':
      return passed
        ? 'The result passed its own criterion.'
        : `The result did not pass its own criterion; ${rule} (equivalence) requires it.`;
  }
}

/** A result of the case in words. */
export function resultWords(id: string, lexicon: Lexicon): string {
  const r = lexicon.result(id);
  return r ? `the result tested in ${r.testedIn} on ${r.testedAt}` : `result ${id}`;
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
const withoutStop = (text: string) => text.replace(/\.$/, '');

/** Why a candidate does not count: its first failing check per rule (or before any rule). */
function candidateReasons(checks: ExplorerCheck[], lexicon: Lexicon): string[] {
  const reasons: string[] = [];
  const seen = new Set<string>();
  for (const check of checks) {
    if (check.passed) continue;
    // Coverage only makes a recognition conditional; it never stops one.
    if (check.name === 'coverage') continue;
    const key = splitUnder(check.expected).ref?.join('/') ?? '';
    if (seen.has(key)) continue;
    seen.add(key);
    reasons.push(withoutStop(checkWords(check, lexicon)));
  }
  return reasons;
}

/** The supplementary requirements of a conditional recognition in words. */
function supplementaryWords(value: unknown, lexicon: Lexicon): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') {
    const { text, criteria } = value as { text?: unknown; criteria?: unknown };
    const also = Array.isArray(criteria)
      ? criteria.filter((c): c is string => typeof c === 'string').map((c) => lexicon.name(c) ?? c)
      : [];
    return [
      typeof text === 'string' ? withoutStop(text) : null,
      also.length ? `to test in addition: ${also.join(', ')}` : null,
    ]
      .filter(Boolean)
      .join('; ');
  }
  return 'the rest still needs a test here';
}

/**
 * A criterion's resolution in plain words: the outcome and why (the summary), every check, and every
 * result considered with why it counts or not. The one place the explorer's sentences come from.
 */
export function explainCriterion(resolution: ExplorerResolution, lexicon: Lexicon): CriterionWords {
  const checks = resolution.checks.map((c) => ({ name: c.name, passed: c.passed, text: checkWords(c, lexicon) }));
  const candidates = resolution.candidates.map((c): CandidateWords => {
    const chosen = c.result === resolution.result;
    const reasons = chosen ? [] : candidateReasons(c.checks, lexicon);
    return {
      result: c.result,
      label: resultWords(c.result, lexicon),
      chosen,
      reasons: chosen ? ['counts: every check passed'] : reasons.length ? reasons : ['another result was preferred'],
    };
  });
  const rule =
    resolution.agreement && resolution.rule ? ruleWords(resolution.agreement, resolution.rule, lexicon) : 'a rule';
  const result = resolution.result ? resultWords(resolution.result, lexicon) : 'a result';
  let summary: string;
  switch (resolution.outcome) {
    case 'SATISFIED_LOCALLY':
      summary = `Satisfied locally: ${result} in ${lexicon.jurisdiction} passed.`;
      break;
    case 'RECOGNISED':
      summary = `Recognised: ${result} counts through ${rule}${resolution.divergent ? ' (divergent: its value misses this authority’s own threshold)' : ''}.`;
      break;
    case 'RECOGNISED_WITH_CONDITIONS':
      summary = `Recognised with conditions: ${result} counts through ${rule} only in part; ${lowerFirst(withoutStop(supplementaryWords(resolution.supplementary, lexicon)))}.`;
      break;
    case 'GAP': {
      const why = candidates.flatMap((c) => c.reasons.map((reason) => lowerFirst(reason)));
      summary = why.length
        ? `Not recognised: ${[...new Set(why)].join('; ')}.`
        : `Not recognised: no passing result was tested in ${lexicon.jurisdiction}, and no result from elsewhere corresponds to it.`;
      break;
    }
    case 'NOT_APPLICABLE':
      summary = `Not applicable: ${lowerFirst(withoutStop(checks.find((c) => c.name === 'applicable')?.text ?? 'it does not apply to this system'))}.`;
      break;
    case 'WITHHELD':
      summary = 'Withheld: decided by a result in a report you may not read.';
      break;
  }
  return { summary, checks, candidates };
}

// ── Days ──

/** An agreement with its rules, as far as their windows go ([from, to): null = open). */
export interface Windowed {
  id: string;
  name: string;
  status?: string;
  effectiveFrom?: string | null;
  effectiveTo?: string | null;
  rules: { id: string; name?: string | null; effectiveFrom?: string | null; effectiveTo?: string | null }[];
}

/** Every day an agreement or a rule comes into force or goes out of it, sorted, once each. */
export function changeDays(agreements: Windowed[]): string[] {
  const days = new Set<string>();
  for (const a of agreements)
    for (const d of [a.effectiveFrom, a.effectiveTo, ...a.rules.flatMap((r) => [r.effectiveFrom, r.effectiveTo])])
      if (d) days.add(d);
  return [...days].sort();
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The next day after `day` something changes, or null. */
export function nextChange(days: string[], day: string): string | null {
  return days.find((d) => d > day) ?? null;
}

/**
 * The latest day before `day` something changes — or, before the first change, the day before it
 * (when everything was still out of force); null when there is nothing earlier to see.
 */
export function previousChange(days: string[], day: string): string | null {
  const earlier = days.filter((d) => d < day);
  if (earlier.length) return earlier[earlier.length - 1];
  const before = days.length ? addDays(days[0], -1) : null;
  return before && before < day ? before : null;
}

const within = (day: string, from?: string | null, to?: string | null) => (!from || from <= day) && (!to || day < to);

/** The agreements (IN_FORCE, or treated as signed) and rules in force on `day`, as "agreement" and "agreement/rule" keys. */
export function inForceOn(agreements: Windowed[], day: string, signed: ReadonlySet<string> = new Set()): Set<string> {
  const live = new Set<string>();
  for (const a of agreements) {
    if (a.status && a.status !== 'IN_FORCE' && !signed.has(a.id)) continue;
    if (!within(day, a.effectiveFrom, a.effectiveTo)) continue;
    live.add(a.id);
    for (const r of a.rules) if (within(day, r.effectiveFrom, r.effectiveTo)) live.add(`${a.id}/${r.id}`);
  }
  return live;
}

/** What came into force and what went out of it between two days, in words. */
export function forceChanges(
  agreements: Windowed[],
  before: string,
  after: string,
  signed: ReadonlySet<string> = new Set(),
): { came: string[]; went: string[] } {
  const [was, is] = [inForceOn(agreements, before, signed), inForceOn(agreements, after, signed)];
  const words = (key: string) => {
    const [a, r] = key.split('/');
    const agreement = agreements.find((x) => x.id === a);
    if (!r) return agreement?.name ?? a;
    const rule = agreement?.rules.find((x) => x.id === r);
    return `rule ${rule?.name ? `“${rule.name}”` : r} of ${agreement?.name ?? a}`;
  };
  // A rule changing with its agreement is told once, by the agreement.
  const told = (set: Set<string>, other: Set<string>) =>
    [...set]
      .filter((k) => !other.has(k) && !(k.includes('/') && !other.has(k.split('/')[0]) && set.has(k.split('/')[0])))
      .map(words);
  return { came: told(is, was), went: told(was, is) };
}
