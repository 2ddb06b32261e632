import { compareIds } from './scenario-format.js';
import type { MarginalFigures, PairFigures, SimulationResult, SimulationTotals, VariantCoverage } from './scenario.js';

/**
 * Disclosure control for simulations over recorded data: a negotiator receives aggregates of other
 * organisations' systems, never rows, and no aggregate so small that it describes a few systems.
 *
 * The rule is a threshold rule on contributors: a cell (a total, a pair row, a marginal figure, a
 * preview count) whose figures come from 1 to {@link MIN_CELL_SYSTEMS} − 1 distinct AI systems is
 * suppressed — it is still listed, marked `suppressed`, with every figure withheld (null). A cell
 * no system contributes to holds only zeros and describes nobody: it is shown.
 */

/** A cell backed by fewer distinct AI systems than this (and more than none) is suppressed. */
export const MIN_CELL_SYSTEMS = 5;
/** A simulation run over recorded data needs at least this many systems in its population… */
export const MIN_RUN_SYSTEMS = 5;
/** …from at least this many organisations (so no run describes a single organisation's portfolio). */
export const MIN_RUN_ORGANISATIONS = 2;

/** In pair rows shown to a negotiator: every pair its jurisdiction is not part of, and every suppressed one, summed. */
export const OTHER_PAIRS = '*';

/** Whether a cell backed by `systems` distinct systems must be suppressed. */
export function isSuppressed(systems: number, min: number = MIN_CELL_SYSTEMS): boolean {
  return systems > 0 && systems < min;
}

type Withheld<T, Kept extends keyof T> = { [K in keyof T]: K extends Kept ? T[K] : T[K] | null } & {
  suppressed: boolean;
};

export type DisclosedTotals = Withheld<SimulationTotals, never>;
export type DisclosedPair = Withheld<PairFigures, 'origin' | 'recognising'>;
export type DisclosedMarginal = Withheld<MarginalFigures, 'agreement'>;

export interface DisclosedVariant {
  name: string;
  totals: DisclosedTotals;
  byPair: DisclosedPair[];
  deltaVsBaseline: DisclosedTotals;
  marginal: DisclosedMarginal[];
}

/** A `sandbridge/simulation-result@1` document as a negotiator receives it for a recorded population. */
export interface DisclosedResult {
  format: SimulationResult['format'];
  asOf: SimulationResult['asOf'];
  variants: DisclosedVariant[];
}

function withhold<T extends object>(
  cell: T,
  keep: readonly string[],
  suppressed: boolean,
): T & { suppressed: boolean } {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(cell)) out[key] = suppressed && !keep.includes(key) ? null : value;
  out.suppressed = suppressed;
  return out as T & { suppressed: boolean };
}

const PAIR_KEYS = ['origin', 'recognising'];

/**
 * A recorded run's result as a negotiator of `jurisdiction` may read it:
 *
 * - totals are backed by every system with a target, `deltaVsBaseline` by the systems whose
 *   outcomes differ from the baseline's, a marginal figure by the systems whose recognitions the
 *   agreement changes, a pair row by the systems recognised in it;
 * - rows of pairs without `jurisdiction` are summed into one `*` → `*` row, and so are the figures
 *   of its own suppressed rows (listed, suppressed, figures withheld);
 * - pair rows add up to the totals, so the `*` row is derivable as totals minus the rows shown:
 *   when it would be suppressed (its largest constituent pair has fewer than `min` systems — a lower
 *   bound of its distinct systems, so the check errs towards suppressing) and rows are shown, the
 *   shown row with the fewest systems is suppressed too and summed into it (secondary suppression);
 * - without coverage counts (a run completed before they existed) every cell is suppressed.
 *
 * Pure and deterministic: the same result, coverage and jurisdiction give the same document.
 */
export function discloseResult(
  result: SimulationResult,
  coverage: readonly VariantCoverage[] | null,
  jurisdiction: string,
  min: number = MIN_CELL_SYSTEMS,
): DisclosedResult {
  // Fail closed: without counts, every cell is taken as backed by a single system.
  const systemsOf = (k: number, get: (c: VariantCoverage) => number | undefined) =>
    coverage?.[k] ? (get(coverage[k]) ?? 0) : 1;
  return {
    format: result.format,
    asOf: result.asOf,
    variants: result.variants.map((v, k) => {
      const totalsHidden = isSuppressed(
        systemsOf(k, (c) => c.systems),
        min,
      );
      const deltaHidden = isSuppressed(
        systemsOf(k, (c) => c.changed),
        min,
      );
      return {
        name: v.name,
        totals: withhold(v.totals, [], totalsHidden),
        byPair: disclosePairs(
          v.byPair.map((p) => ({ pair: p, systems: systemsOf(k, (c) => c.byPair[p.origin]?.[p.recognising]) })),
          jurisdiction,
          min,
        ),
        deltaVsBaseline: withhold(v.deltaVsBaseline, [], deltaHidden),
        marginal: v.marginal.map((m) =>
          withhold(
            m,
            ['agreement'],
            isSuppressed(
              systemsOf(k, (c) => c.marginal[m.agreement]),
              min,
            ),
          ),
        ),
      };
    }),
  };
}

/** One pair row and the distinct systems behind it. */
export interface CoveredPair {
  pair: PairFigures;
  systems: number;
}

/** The pair rows of one variant for a negotiator of `jurisdiction` (see {@link discloseResult}). */
export function disclosePairs(
  rows: readonly CoveredPair[],
  jurisdiction: string,
  min: number = MIN_CELL_SYSTEMS,
): DisclosedPair[] {
  const own = rows.filter((r) => r.pair.origin === jurisdiction || r.pair.recognising === jurisdiction);
  const others = rows.filter((r) => r.pair.origin !== jurisdiction && r.pair.recognising !== jurisdiction);
  const hidden = new Set(own.filter((r) => isSuppressed(r.systems, min)));
  const shown = own.filter((r) => !hidden.has(r));
  const grouped = [...others, ...hidden];
  const groupSystems = () => Math.max(0, ...grouped.map((r) => r.systems));
  if (grouped.length > 0 && isSuppressed(groupSystems(), min) && shown.length > 0) {
    // Secondary suppression: the smallest shown row (the first of them in row order) joins the group.
    const smallest = shown.reduce((a, b) => (b.systems < a.systems ? b : a));
    hidden.add(smallest);
    grouped.push(smallest);
  }
  const out: DisclosedPair[] = own.map((r) => withhold(r.pair, PAIR_KEYS, hidden.has(r)));
  if (grouped.length > 0) {
    const sum = (key: 'recognised' | 'recognisedWithConditions' | 'divergent') =>
      grouped.reduce((n, r) => n + r.pair[key], 0);
    const aggregated: PairFigures = {
      origin: OTHER_PAIRS,
      recognising: OTHER_PAIRS,
      recognised: sum('recognised'),
      recognisedWithConditions: sum('recognisedWithConditions'),
      divergent: sum('divergent'),
    };
    out.push(withhold(aggregated, PAIR_KEYS, isSuppressed(groupSystems(), min)));
  }
  return out;
}

/** One cell of a breakdown whose cells partition the systems (by home jurisdiction, sector, …). */
export interface BreakdownCell {
  key: string;
  systems: number;
  organisations: number;
  results: number;
  targets: number;
}

export type DisclosedBreakdownCell = Withheld<BreakdownCell, 'key'>;

/**
 * A breakdown whose cells partition the systems, for a negotiator: cells of 1 to `min` − 1
 * systems are suppressed (listed, figures withheld) and summed into a final `*` cell. The cells
 * add up to the preview's total, so when the `*` cell would itself be suppressed the shown cell
 * with the fewest systems joins it (secondary suppression) — the sum of a partition is exact, so
 * one such cell always suffices. `organisationsOf` counts the distinct organisations of cells
 * taken together (an organisation may have systems in several). Cells come out sorted by key.
 */
export function discloseBreakdown(
  cells: readonly BreakdownCell[],
  organisationsOf: (keys: readonly string[]) => number,
  min: number = MIN_CELL_SYSTEMS,
): DisclosedBreakdownCell[] {
  const sorted = [...cells].sort((a, b) => compareIds(a.key, b.key));
  const hidden = new Set(sorted.filter((c) => isSuppressed(c.systems, min)));
  const shown = sorted.filter((c) => !hidden.has(c));
  const hiddenSystems = () => [...hidden].reduce((n, c) => n + c.systems, 0);
  if (hidden.size > 0 && isSuppressed(hiddenSystems(), min) && shown.length > 0) {
    hidden.add(shown.reduce((a, b) => (b.systems < a.systems ? b : a)));
  }
  const out: DisclosedBreakdownCell[] = sorted.map((c) => withhold(c, ['key'], hidden.has(c)));
  if (hidden.size > 0) {
    const group = [...hidden];
    const total = (key: 'systems' | 'results' | 'targets') => group.reduce((n, c) => n + c[key], 0);
    const other: BreakdownCell = {
      key: OTHER_PAIRS,
      systems: total('systems'),
      organisations: organisationsOf(group.map((c) => c.key)),
      results: total('results'),
      targets: total('targets'),
    };
    out.push(withhold(other, ['key'], isSuppressed(other.systems, min)));
  }
  return out;
}
