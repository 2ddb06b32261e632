import { dayNumber } from '../recognition/recognition-engine.js';
import {
  AgreementStatus,
  type CaseAgreement,
  type CaseAuthority,
  type CaseResult,
  type CaseSystem,
  RecognitionOutcome,
  RuleEffect,
} from '../recognition/recognition.js';
import { agreementSets, compareIds } from './scenario-format.js';
import { type ResolvedCriterion, UnitResolver } from './resolve-units.js';
import {
  type ChunkSpec,
  type ExplicitPopulation,
  isSynthetic,
  type MarginalFigures,
  type PairCounts,
  type PairFigures,
  type Scenario,
  SIMULATION_RESULT_FORMAT,
  type SimulationPartial,
  type SimulationResult,
  type SimulationTotals,
  type VariantPartial,
  type VariantResult,
} from './scenario.js';
import { SyntheticGenerator } from './synthetic.js';

/** Number of population units: synthetic → innovators; explicit → number of systems. */
export function populationSize(s: Scenario): number {
  return isSynthetic(s.population) ? s.population.synthetic.innovators : s.population.systems.length;
}

/** Consecutive chunks `[from, to)` of at most `chunkSize` units covering `[0, size)`; none when size is 0. */
export function planChunks(size: number, chunkSize: number): ChunkSpec[] {
  if (!Number.isSafeInteger(size) || size < 0) throw new RangeError(`size must be a non-negative integer, got ${size}`);
  if (!Number.isSafeInteger(chunkSize) || chunkSize < 1) throw new RangeError(`chunkSize must be a positive integer, got ${chunkSize}`);
  const chunks: ChunkSpec[] = [];
  for (let from = 0, chunk = 0; from < size; from += chunkSize, chunk++) chunks.push({ chunk, from, to: Math.min(size, from + chunkSize) });
  return chunks;
}

/** One unit: a system, its results and the authorities it targets. */
interface Unit {
  system: CaseSystem;
  results: readonly CaseResult[];
  targets: readonly CaseAuthority[];
}

interface ExplicitIndex {
  results: Map<string, CaseResult[]>;
  targets: Map<string, string[]>;
}

// Indexing an explicit population's results by system once per scenario, not once per chunk.
const explicitIndexes = new WeakMap<ExplicitPopulation, ExplicitIndex>();

function explicitIndex(p: ExplicitPopulation): ExplicitIndex {
  let index = explicitIndexes.get(p);
  if (index) return index;
  index = { results: new Map(), targets: new Map() };
  for (const result of p.results) push(index.results, result.system, result);
  for (const target of p.targets) for (const authority of target.authorities) push(index.targets, target.system, authority);
  explicitIndexes.set(p, index);
  return index;
}

function units(s: Scenario, from: number, to: number): Unit[] {
  const authorities = new Map(s.reference.authorities.map((a) => [a.id, a]));
  const out: Unit[] = [];
  if (isSynthetic(s.population)) {
    const generator = new SyntheticGenerator(s.population.synthetic, s.reference, s.asOf);
    for (let i = from; i < to; i++) {
      const unit = generator.unit(i);
      out.push({ system: unit.system, results: unit.results, targets: unit.target.authorities.map((id) => authorities.get(id)!) });
    }
    return out;
  }
  const p = s.population;
  const index = explicitIndex(p);
  for (const system of p.systems.slice(from, to)) {
    out.push({ system, results: index.results.get(system.id) ?? [], targets: (index.targets.get(system.id) ?? []).map((id) => authorities.get(id)!) });
  }
  return out;
}

/** An agreement counts only when IN_FORCE with asOf inside its window (DESIGN.md §5). */
function inForce(agreement: CaseAgreement, asOfDay: number): boolean {
  return (
    agreement.status === AgreementStatus.IN_FORCE &&
    (agreement.effectiveFrom === null || dayNumber(agreement.effectiveFrom) <= asOfDay) &&
    (agreement.effectiveTo === null || asOfDay < dayNumber(agreement.effectiveTo))
  );
}

function emptyVariant(): VariantPartial {
  return { applicable: 0, satisfiedLocally: 0, recognised: 0, recognisedWithConditions: 0, gaps: 0, divergent: 0, marketAccess: 0, byTarget: {}, byPair: {}, marginal: {} };
}

const needsTestWithoutRecognition = (o: ResolvedCriterion) => o.outcome !== RecognitionOutcome.NOT_APPLICABLE && o.outcome !== RecognitionOutcome.SATISFIED_LOCALLY;
const needsTest = (o: ResolvedCriterion) => o.outcome === RecognitionOutcome.GAP || o.outcome === RecognitionOutcome.RECOGNISED_WITH_CONDITIONS;
const isRecognised = (o: ResolvedCriterion) => o.outcome === RecognitionOutcome.RECOGNISED;

/**
 * The counts of one agreement set over the chunk's units, marginal contributions included.
 *
 * Marginal: removing agreement G changes a criterion's resolution only if G's rule was the chosen
 * one (another, worse or none, takes over) or an EXCLUDE rule of G rejected a candidate (which may
 * then be recognised). Every other resolution keeps its chosen (result, rule) — removing options
 * that lost never changes the winner of a total order. So only criteria chosen under G, and, for a
 * target jurisdiction some EXCLUDE rule of G recognises, every applicable criterion not satisfied
 * locally, are re-resolved without G.
 */
function runSet(s: Scenario, agreements: readonly CaseAgreement[], chunk: readonly Unit[]): VariantPartial {
  const partial = emptyVariant();
  const chunkUnits = { systems: chunk.map((u) => u.system), results: chunk.flatMap((u) => u.results) };
  const resolver = new UnitResolver(s.reference, s.asOf, agreements, chunkUnits);
  const asOfDay = dayNumber(s.asOf);
  const live = agreements.filter((a) => inForce(a, asOfDay)).sort((a, b) => compareIds(a.id, b.id));
  const excludesInto = new Map(live.map((a) => [a.id, new Set(a.rules.filter((r) => r.effect === RuleEffect.EXCLUDE).flatMap((r) => r.recognising))]));
  const without = new Map<string, UnitResolver>();
  const resolverWithout = (id: string) => {
    let r = without.get(id);
    if (!r) without.set(id, (r = new UnitResolver(s.reference, s.asOf, agreements.filter((a) => a.id !== id), chunkUnits)));
    return r;
  };
  for (const id of live.map((a) => a.id)) partial.marginal[id] = {};

  for (const unit of chunk) {
    for (const authority of unit.targets) {
      const J = authority.jurisdiction;
      const outcomes = resolver.resolve(unit.system, authority);
      const target = (partial.byTarget[J] ??= { recognised: 0, pairsSaved: 0 });
      for (const o of outcomes) {
        switch (o.outcome) {
          case RecognitionOutcome.NOT_APPLICABLE:
            continue;
          case RecognitionOutcome.SATISFIED_LOCALLY:
            partial.satisfiedLocally++;
            break;
          case RecognitionOutcome.RECOGNISED:
            partial.recognised++;
            target.recognised++;
            break;
          case RecognitionOutcome.RECOGNISED_WITH_CONDITIONS:
            partial.recognisedWithConditions++;
            break;
          case RecognitionOutcome.GAP:
            partial.gaps++;
            break;
        }
        partial.applicable++;
        if (o.divergent) partial.divergent++;
        if (o.origin !== null) {
          const pair = ((partial.byPair[o.origin] ??= {})[J] ??= { recognised: 0, recognisedWithConditions: 0, divergent: 0 });
          if (o.outcome === RecognitionOutcome.RECOGNISED) pair.recognised++;
          else pair.recognisedWithConditions++;
          if (o.divergent) pair.divergent++;
        }
      }
      const needsNow = outcomes.some(needsTest);
      if (!needsNow) partial.marketAccess++;
      if (outcomes.some(needsTestWithoutRecognition) && !needsNow) target.pairsSaved++;

      for (const agreement of live) {
        const excludes = excludesInto.get(agreement.id)!.has(J);
        const affected = outcomes.filter((o) => o.agreement === agreement.id || (excludes && needsTestWithoutRecognition(o)));
        if (!affected.length) continue;
        const before = affected.filter(isRecognised).length;
        const after = resolverWithout(agreement.id)
          .resolve(
            unit.system,
            authority,
            affected.map((o) => o.criterion),
          )
          .filter(isRecognised).length;
        if (before !== after) {
          const m = partial.marginal[agreement.id];
          m[J] = (m[J] ?? 0) + before - after;
        }
      }
    }
  }
  return partial;
}

/**
 * Resolves population units [from, to) for the baseline and every variant. Pure, deterministic:
 * unit i depends only on (scenario, i).
 */
export function simulateChunk(s: Scenario, from: number, to: number): SimulationPartial {
  const size = populationSize(s);
  if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to) || from < 0 || to < from || to > size) {
    throw new RangeError(`chunk [${from}, ${to}) is outside the population [0, ${size})`);
  }
  const chunk = units(s, from, to);
  return { units: to - from, variants: agreementSets(s).map((set) => runSet(s, set.agreements, chunk)) };
}

function sumRecords<T>(records: readonly (Record<string, T> | undefined)[], merge: (values: T[]) => T): Record<string, T> {
  const keys = [...new Set(records.flatMap((r) => (r ? Object.keys(r) : [])))].sort(compareIds);
  const out: Record<string, T> = {};
  for (const key of keys) out[key] = merge(records.filter((r) => r && key in r).map((r) => r![key]));
  return out;
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

function mergeVariants(parts: readonly VariantPartial[]): VariantPartial {
  const total = (key: 'applicable' | 'satisfiedLocally' | 'recognised' | 'recognisedWithConditions' | 'gaps' | 'divergent' | 'marketAccess') => sum(parts.map((p) => p[key]));
  return {
    applicable: total('applicable'),
    satisfiedLocally: total('satisfiedLocally'),
    recognised: total('recognised'),
    recognisedWithConditions: total('recognisedWithConditions'),
    gaps: total('gaps'),
    divergent: total('divergent'),
    marketAccess: total('marketAccess'),
    byTarget: sumRecords(
      parts.map((p) => p.byTarget),
      (values) => ({ recognised: sum(values.map((v) => v.recognised)), pairsSaved: sum(values.map((v) => v.pairsSaved)) }),
    ),
    byPair: sumRecords(
      parts.map((p) => p.byPair),
      (origins) =>
        sumRecords(origins, (counts: PairCounts[]) => ({
          recognised: sum(counts.map((c) => c.recognised)),
          recognisedWithConditions: sum(counts.map((c) => c.recognisedWithConditions)),
          divergent: sum(counts.map((c) => c.divergent)),
        })),
    ),
    marginal: sumRecords(
      parts.map((p) => p.marginal),
      (byJurisdiction) => sumRecords(byJurisdiction, sum),
    ),
  };
}

/** Associative and commutative; exact (integer sums). Keys come out sorted, whatever the input order. */
export function mergePartials(parts: readonly SimulationPartial[]): SimulationPartial {
  const sets = Math.max(0, ...parts.map((p) => p.variants.length));
  const variants: VariantPartial[] = [];
  for (let k = 0; k < sets; k++) variants.push(mergeVariants(parts.flatMap((p) => (k < p.variants.length ? [p.variants[k]] : []))));
  return { units: sum(parts.map((p) => p.units)), variants };
}

/**
 * Rates and money are rounded to 6 decimals — totals from the exact values, deltas from the exact
 * difference (so a delta is never off by a rounding of its own) (half away from zero on the scaled value, via
 * Math.round on |x|), so that float noise never shows and the JSON is the same on every run.
 */
function round6(x: number): number {
  const r = Math.sign(x) * Math.round(Math.abs(x) * 1e6) / 1e6;
  return r === 0 ? 0 : r; // no -0
}

/** Exact totals (rate and money unrounded): deltas are taken between these, then rounded once. */
function totalsOf(s: Scenario, p: VariantPartial): SimulationTotals {
  const jurisdictions = Object.keys(p.byTarget).sort(compareIds);
  const denominator = p.applicable - p.satisfiedLocally;
  return {
    applicable: p.applicable,
    satisfiedLocally: p.satisfiedLocally,
    recognised: p.recognised,
    recognisedWithConditions: p.recognisedWithConditions,
    gaps: p.gaps,
    recognitionRate: denominator === 0 ? 0 : (p.recognised + p.recognisedWithConditions) / denominator,
    testsAvoided: p.recognised,
    costSaved: sum(jurisdictions.map((j) => p.byTarget[j].recognised * s.costs[j].testCost)),
    daysSaved: sum(jurisdictions.map((j) => p.byTarget[j].pairsSaved * s.costs[j].testDays)),
    marketAccess: p.marketAccess,
    divergent: p.divergent,
  };
}

/** The published totals: rate and money rounded to 6 decimals. */
const rounded = (t: SimulationTotals): SimulationTotals => ({ ...t, recognitionRate: round6(t.recognitionRate), costSaved: round6(t.costSaved) });

function delta(a: SimulationTotals, b: SimulationTotals): SimulationTotals {
  return {
    applicable: a.applicable - b.applicable,
    satisfiedLocally: a.satisfiedLocally - b.satisfiedLocally,
    recognised: a.recognised - b.recognised,
    recognisedWithConditions: a.recognisedWithConditions - b.recognisedWithConditions,
    gaps: a.gaps - b.gaps,
    recognitionRate: round6(a.recognitionRate - b.recognitionRate),
    testsAvoided: a.testsAvoided - b.testsAvoided,
    costSaved: round6(a.costSaved - b.costSaved),
    daysSaved: a.daysSaved - b.daysSaved,
    marketAccess: a.marketAccess - b.marketAccess,
    divergent: a.divergent - b.divergent,
  };
}

function pairsOf(p: VariantPartial): PairFigures[] {
  const out: PairFigures[] = [];
  for (const origin of Object.keys(p.byPair).sort(compareIds)) {
    for (const recognising of Object.keys(p.byPair[origin]).sort(compareIds)) {
      const c = p.byPair[origin][recognising];
      if (c.recognised || c.recognisedWithConditions || c.divergent) out.push({ origin, recognising, recognised: c.recognised, recognisedWithConditions: c.recognisedWithConditions, divergent: c.divergent });
    }
  }
  return out;
}

function marginalOf(s: Scenario, agreements: readonly CaseAgreement[], p: VariantPartial): MarginalFigures[] {
  const asOfDay = dayNumber(s.asOf);
  return agreements
    .filter((a) => inForce(a, asOfDay))
    .map((a) => a.id)
    .sort(compareIds)
    .map((agreement) => {
      const byJurisdiction = p.marginal[agreement] ?? {};
      const jurisdictions = Object.keys(byJurisdiction).sort(compareIds);
      const recognised = sum(jurisdictions.map((j) => byJurisdiction[j]));
      return { agreement, recognised, testsAvoided: recognised, costSaved: round6(sum(jurisdictions.map((j) => byJurisdiction[j] * s.costs[j].testCost))) };
    });
}

/**
 * Turns merged counts into the §8.2 result: the baseline first (named `baseline`), then the
 * variants in input order; keys in the order of DESIGN.md §8.2. Refuses counts that do not cover
 * the whole population exactly once (finalising a partial run would publish wrong figures).
 */
export function finaliseSimulation(s: Scenario, merged: SimulationPartial): SimulationResult {
  const sets = agreementSets(s);
  const size = populationSize(s);
  if (merged.units !== size) throw new RangeError(`the partials cover ${merged.units} units, the population has ${size}`);
  // An empty population merges to no agreement sets at all: every count is zero.
  if (merged.units === 0 && merged.variants.length === 0) merged = { units: 0, variants: sets.map(() => emptyVariant()) };
  if (merged.variants.length !== sets.length) throw new RangeError(`the partials hold ${merged.variants.length} agreement sets, the scenario has ${sets.length}`);
  // Normalised through a merge so a partial whose records were built in any key order reads the same.
  const normalised = mergePartials([merged]).variants;
  const baseline = totalsOf(s, normalised[0]);
  const variants: VariantResult[] = sets.map((set, k) => {
    const totals = totalsOf(s, normalised[k]);
    return { name: set.name, totals: rounded(totals), byPair: pairsOf(normalised[k]), deltaVsBaseline: delta(totals, baseline), marginal: marginalOf(s, set.agreements, normalised[k]) };
  });
  return { format: SIMULATION_RESULT_FORMAT, asOf: s.asOf, variants };
}

export interface SimulateOptions {
  /** Units per chunk (default 1000): the result does not depend on it. */
  chunkSize?: number;
  /** Called after each chunk with the units done so far and the population size. */
  onProgress?: (done: number, total: number) => void;
}

/** Convenience: plan, run every chunk in-process, merge, finalise. */
export function simulate(s: Scenario, options: SimulateOptions = {}): SimulationResult {
  const total = populationSize(s);
  const parts: SimulationPartial[] = [];
  let done = 0;
  for (const { from, to } of planChunks(total, options.chunkSize ?? 1000)) {
    parts.push(simulateChunk(s, from, to));
    done += to - from;
    options.onProgress?.(done, total);
  }
  return finaliseSimulation(s, mergePartials(parts));
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
