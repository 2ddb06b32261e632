// One file (a pure engine, long on purpose): chunking, per-chunk counting, merging and finalising share the
// partial's private shape, and the merge must stay the exact inverse of the chunking.
import { dayNumber } from '../recognition/recognition-engine.js';
import {
  AgreementStatus,
  type CaseAgreement,
  type CaseAuthority,
  type CaseResult,
  type CaseSystem,
  RuleEffect,
} from '../recognition/recognition.js';
import { agreementSets, compareIds } from './scenario-format.js';
import { bulkSetResolver, Outcome, type SetResolver, type SetResolverFactory } from './resolve-units.js';
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
  type VariantCoverage,
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
  if (!Number.isSafeInteger(chunkSize) || chunkSize < 1)
    throw new RangeError(`chunkSize must be a positive integer, got ${chunkSize}`);
  const chunks: ChunkSpec[] = [];
  for (let from = 0, chunk = 0; from < size; from += chunkSize, chunk++)
    chunks.push({ chunk, from, to: Math.min(size, from + chunkSize) });
  return chunks;
}

/** One unit: a system, its results, the authorities it targets and where its results were tested. */
interface Unit {
  system: CaseSystem;
  results: readonly CaseResult[];
  targets: readonly CaseAuthority[];
  /** The distinct `testedIn` of its results. */
  origins: readonly string[];
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
  for (const target of p.targets)
    for (const authority of target.authorities) push(index.targets, target.system, authority);
  explicitIndexes.set(p, index);
  return index;
}

function unit(system: CaseSystem, results: readonly CaseResult[], targets: readonly CaseAuthority[]): Unit {
  const origins: string[] = [];
  for (const r of results) if (!origins.includes(r.testedIn)) origins.push(r.testedIn);
  return { system, results, targets, origins };
}

function units(s: Scenario, from: number, to: number): Unit[] {
  const authorities = new Map(s.reference.authorities.map((a) => [a.id, a]));
  const out: Unit[] = [];
  if (isSynthetic(s.population)) {
    const generator = new SyntheticGenerator(s.population.synthetic, s.reference, s.asOf);
    for (let i = from; i < to; i++) {
      const u = generator.unit(i);
      out.push(
        unit(
          u.system,
          u.results,
          u.target.authorities.map((id) => authorities.get(id)!),
        ),
      );
    }
    return out;
  }
  const p = s.population;
  const index = explicitIndex(p);
  for (const system of p.systems.slice(from, to)) {
    out.push(
      unit(
        system,
        index.results.get(system.id) ?? [],
        (index.targets.get(system.id) ?? []).map((id) => authorities.get(id)!),
      ),
    );
  }
  return out;
}

/** An agreement counts only when IN_FORCE with asOf inside its window (docs/domain.md#simulation). */
function inForce(agreement: CaseAgreement, asOfDay: number): boolean {
  return (
    agreement.status === AgreementStatus.IN_FORCE &&
    (agreement.effectiveFrom === null || dayNumber(agreement.effectiveFrom) <= asOfDay) &&
    (agreement.effectiveTo === null || asOfDay < dayNumber(agreement.effectiveTo))
  );
}

function emptyVariant(): VariantPartial {
  return {
    applicable: 0,
    satisfiedLocally: 0,
    recognised: 0,
    recognisedWithConditions: 0,
    gaps: 0,
    divergent: 0,
    marketAccess: 0,
    byTarget: {},
    byPair: {},
    marginal: {},
  };
}

/** One agreement set's counts over a chunk, and per unit a fingerprint of its outcomes (two 32-bit hashes per unit). */
interface SetRun {
  partial: VariantPartial;
  prints: Int32Array;
}

/** FNV-1a over 32-bit words, and a second, independent mix: a changed unit goes unseen only if both collide. */
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const fnv = (h: number, word: number) => Math.imul(h ^ word, FNV_PRIME);
const mix = (h: number, word: number) => Math.imul((h + word) | 0, 0x9e3779b1) ^ (h >>> 15);

function stringHash(text: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < text.length; i++) h = fnv(h, text.charCodeAt(i));
  return h;
}

/** An agreement whose EXCLUDE rules reject results from `origins` in one recognising jurisdiction. */
interface Excluder {
  agreement: number;
  origins: Set<string>;
}

/**
 * The counts of one agreement set over the chunk's units, marginal contributions included. The
 * counts accumulate in typed arrays indexed by the resolver's jurisdictions and the set's
 * agreements, and become the partial's records once, at the end.
 *
 * Marginal: removing agreement G changes a criterion's resolution only if G's rule was the chosen
 * one (another, worse or none, takes over) or an EXCLUDE rule of G rejected a candidate (which may
 * then be recognised). Every other resolution keeps its chosen (result, rule) — removing options
 * that lost never changes the winner of a total order. And a criterion chosen under G with
 * conditions cannot become RECOGNISED without G (a full recognition would have won). So a target
 * is re-resolved without G only when G was chosen for a RECOGNISED criterion there, or when an
 * EXCLUDE rule of G covers the target's jurisdiction and the origin of one of the system's results
 * (and the target has a criterion neither not applicable nor satisfied locally); the contribution
 * is the difference in RECOGNISED criteria, over the target's criteria.
 */
function runSet(
  s: Scenario,
  agreements: readonly CaseAgreement[],
  resolver: SetResolver,
  chunk: readonly Unit[],
): SetRun {
  const asOfDay = dayNumber(s.asOf);
  const codes = resolver.jurisdictions;
  const J = codes.length;
  // Fingerprints name jurisdictions by code: another set's resolver may index them otherwise.
  const codeHashes = codes.map(stringHash);
  const live = agreements
    .map((a, index) => ({ a, index }))
    .filter(({ a }) => inForce(a, asOfDay))
    .sort((x, y) => compareIds(x.a.id, y.a.id));
  // Per recognising jurisdiction (index): the live agreements with EXCLUDE rules into it.
  const excludersInto: Excluder[][] = Array.from({ length: J }, () => []);
  for (const { a, index } of live) {
    const byJurisdiction = new Map<number, Set<string>>();
    for (const rule of a.rules) {
      if (rule.effect !== RuleEffect.EXCLUDE) continue;
      for (const code of rule.recognising) {
        const j = codes.indexOf(code);
        if (j < 0) continue;
        let origins = byJurisdiction.get(j);
        if (!origins) byJurisdiction.set(j, (origins = new Set()));
        for (const origin of rule.origins) origins.add(origin);
      }
    }
    for (const [j, origins] of byJurisdiction) excludersInto[j].push({ agreement: index, origins });
  }

  const totals = {
    applicable: 0,
    satisfiedLocally: 0,
    recognised: 0,
    recognisedWithConditions: 0,
    gaps: 0,
    divergent: 0,
    marketAccess: 0,
  };
  const targetSeen = new Uint8Array(J);
  const targetRecognised = new Float64Array(J);
  const targetPairsSaved = new Float64Array(J);
  /** Per origin × recognising: recognised, with conditions, divergent. */
  const pairs = new Float64Array(J * J * 3);
  const A = agreements.length;
  /** Per agreement × target jurisdiction; `marginalSet` marks the entries the partial lists. */
  const marginal = new Float64Array(A * J);
  const marginalSet = new Uint8Array(A * J);
  const mark = new Int32Array(A).fill(-1);
  const candidates: number[] = [];
  let stamp = 0;
  // Coverage: distinct systems per pair and per agreement's marginal, each unit counted once (by its number).
  let systems = 0;
  const pairSystems = new Float64Array(J * J);
  const pairUnit = new Int32Array(J * J);
  const marginalSystems = new Float64Array(A);
  const marginalUnit = new Int32Array(A);
  const prints = new Int32Array(chunk.length * 2);
  let unitNo = 0;

  for (const u of chunk) {
    unitNo++;
    if (u.targets.length) systems++;
    let h1 = FNV_OFFSET;
    let h2 = 0;
    resolver.prepare(u.system, u.results);
    for (const target of u.targets) {
      const a = resolver.authority(target.id);
      const j = resolver.jurisdictionOf(a);
      const view = resolver.resolve(a);
      const { outcome, agreement, divergent } = view;
      targetSeen[j] = 1;
      h1 = fnv(h1, codeHashes[j]);
      h2 = mix(h2, codeHashes[j]);
      let recognisedHere = 0;
      let needsNow = false; // a gap or a recognition with conditions: a test still needed
      let open = false; // some criterion neither not applicable nor satisfied locally: a test needed with no recognition
      for (let k = 0; k < view.count; k++) {
        const o = outcome[k];
        const word = (o << 1) | divergent[k];
        h1 = fnv(h1, word);
        h2 = mix(h2, word);
        if (o === Outcome.NOT_APPLICABLE) continue;
        totals.applicable++;
        if (divergent[k] === 1) totals.divergent++;
        if (o === Outcome.SATISFIED_LOCALLY) {
          totals.satisfiedLocally++;
          continue;
        }
        open = true;
        if (o === Outcome.GAP) {
          totals.gaps++;
          needsNow = true;
          continue;
        }
        const cell = resolver.origin(k) * J + j;
        const pair = cell * 3;
        h1 = fnv(h1, codeHashes[resolver.origin(k)]);
        h2 = mix(h2, codeHashes[resolver.origin(k)]);
        if (pairUnit[cell] !== unitNo) {
          pairUnit[cell] = unitNo;
          pairSystems[cell]++;
        }
        if (o === Outcome.RECOGNISED) {
          totals.recognised++;
          recognisedHere++;
          pairs[pair]++;
        } else {
          totals.recognisedWithConditions++;
          needsNow = true;
          pairs[pair + 1]++;
        }
        if (divergent[k] === 1) pairs[pair + 2]++;
      }
      targetRecognised[j] += recognisedHere;
      if (!needsNow) totals.marketAccess++;
      if (open && !needsNow) targetPairsSaved[j]++;
      if (!open) continue;

      // Marginal: the agreements whose removal may change this target (see above), each once.
      stamp++;
      candidates.length = 0;
      for (let k = 0; k < view.count; k++) {
        if (outcome[k] !== Outcome.RECOGNISED) continue;
        const g = agreement[k];
        if (mark[g] !== stamp) {
          mark[g] = stamp;
          candidates.push(g);
        }
      }
      for (const excluder of excludersInto[j]) {
        if (mark[excluder.agreement] === stamp || !u.origins.some((origin) => excluder.origins.has(origin))) continue;
        mark[excluder.agreement] = stamp;
        candidates.push(excluder.agreement);
      }
      for (const g of candidates) {
        const difference = recognisedHere - resolver.recognisedWithout(g, a);
        if (difference === 0) continue;
        marginal[g * J + j] += difference;
        marginalSet[g * J + j] = 1;
        if (marginalUnit[g] !== unitNo) {
          marginalUnit[g] = unitNo;
          marginalSystems[g]++;
        }
      }
    }
    prints[(unitNo - 1) * 2] = h1;
    prints[(unitNo - 1) * 2 + 1] = h2;
  }

  const partial: VariantPartial = { ...totals, byTarget: {}, byPair: {}, marginal: {} };
  const coverage: VariantCoverage = { systems, changed: 0, byPair: {}, marginal: {} };
  const sorted = Array.from({ length: J }, (_, j) => j).sort((x, y) => compareIds(codes[x], codes[y]));
  for (const j of sorted)
    if (targetSeen[j])
      partial.byTarget[codes[j]] = { recognised: targetRecognised[j], pairsSaved: targetPairsSaved[j] };
  for (const origin of sorted) {
    for (const j of sorted) {
      const pair = (origin * J + j) * 3;
      if (!pairs[pair] && !pairs[pair + 1]) continue;
      (partial.byPair[codes[origin]] ??= {})[codes[j]] = {
        recognised: pairs[pair],
        recognisedWithConditions: pairs[pair + 1],
        divergent: pairs[pair + 2],
      };
      (coverage.byPair[codes[origin]] ??= {})[codes[j]] = pairSystems[origin * J + j];
    }
  }
  for (const { a, index } of live) {
    const m: Record<string, number> = (partial.marginal[a.id] = {});
    for (const j of sorted) if (marginalSet[index * J + j]) m[codes[j]] = marginal[index * J + j];
    coverage.marginal[a.id] = marginalSystems[index];
  }
  partial.coverage = coverage;
  return { partial, prints };
}

/** A scenario's agreement sets, built once per scenario (their arrays key the compiled engine). */
const setsOf = new WeakMap<
  Scenario,
  { baseline: readonly CaseAgreement[]; variants: Scenario['variants']; sets: ReturnType<typeof agreementSets> }
>();

function scenarioSets(s: Scenario): ReturnType<typeof agreementSets> {
  const cached = setsOf.get(s);
  // A scenario is not changed once simulated; a swapped baseline or variant list still gets new sets.
  if (cached && cached.baseline === s.baseline.agreements && cached.variants === s.variants) return cached.sets;
  const sets = agreementSets(s);
  setsOf.set(s, { baseline: s.baseline.agreements, variants: s.variants, sets });
  return sets;
}

/**
 * Resolves population units [from, to) for the baseline and every variant. Pure, deterministic:
 * unit i depends only on (scenario, i).
 */
export function simulateChunk(s: Scenario, from: number, to: number): SimulationPartial {
  return simulateChunkWith(bulkSetResolver, s, from, to);
}

/**
 * {@link simulateChunk} on the recognition engine behind `resolvers` (the tests compare the bulk
 * mode with the explained mode through it).
 */
export function simulateChunkWith(
  resolvers: SetResolverFactory,
  s: Scenario,
  from: number,
  to: number,
): SimulationPartial {
  const size = populationSize(s);
  if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to) || from < 0 || to < from || to > size) {
    throw new RangeError(`chunk [${from}, ${to}) is outside the population [0, ${size})`);
  }
  const chunk = units(s, from, to);
  const runs = scenarioSets(s).map((set) =>
    runSet(s, set.agreements, resolvers(s.reference, s.asOf, set.agreements), chunk),
  );
  // Systems whose outcomes differ from the baseline's: the ones behind a variant's deltaVsBaseline.
  const baseline = runs[0]?.prints;
  for (const { partial, prints } of runs) {
    let changed = 0;
    for (let i = 0; i < prints.length; i += 2)
      if (prints[i] !== baseline[i] || prints[i + 1] !== baseline[i + 1]) changed++;
    partial.coverage!.changed = changed;
  }
  return { units: to - from, variants: runs.map((r) => r.partial) };
}

function sumRecords<T>(
  records: readonly (Record<string, T> | undefined)[],
  merge: (values: T[]) => T,
): Record<string, T> {
  const keys = [...new Set(records.flatMap((r) => (r ? Object.keys(r) : [])))].sort(compareIds);
  const out: Record<string, T> = {};
  for (const key of keys) out[key] = merge(records.filter((r) => r && key in r).map((r) => r![key]));
  return out;
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

function mergeVariants(parts: readonly VariantPartial[]): VariantPartial {
  const total = (
    key:
      | 'applicable'
      | 'satisfiedLocally'
      | 'recognised'
      | 'recognisedWithConditions'
      | 'gaps'
      | 'divergent'
      | 'marketAccess',
  ) => sum(parts.map((p) => p[key]));
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
      (values) => ({
        recognised: sum(values.map((v) => v.recognised)),
        pairsSaved: sum(values.map((v) => v.pairsSaved)),
      }),
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
    // Kept only when every part counted it (a partial stored before coverage existed has none):
    // "all parts have it" is itself associative, so the merge stays associative.
    ...(parts.length > 0 && parts.every((p) => p.coverage)
      ? { coverage: mergeCoverage(parts.map((p) => p.coverage!)) }
      : {}),
  };
}

function mergeCoverage(parts: readonly VariantCoverage[]): VariantCoverage {
  return {
    systems: sum(parts.map((c) => c.systems)),
    changed: sum(parts.map((c) => c.changed)),
    byPair: sumRecords(
      parts.map((c) => c.byPair),
      (origins) => sumRecords(origins, sum),
    ),
    marginal: sumRecords(
      parts.map((c) => c.marginal),
      sum,
    ),
  };
}

/**
 * The distinct systems behind each agreement set's figures (baseline first), from merged partials;
 * null when some partial predates these counts (then nothing can be shown under disclosure control).
 */
export function coverageOf(merged: SimulationPartial): VariantCoverage[] | null {
  return merged.variants.every((v) => v.coverage) ? merged.variants.map((v) => v.coverage!) : null;
}

/** Associative and commutative; exact (integer sums). Keys come out sorted, whatever the input order. */
export function mergePartials(parts: readonly SimulationPartial[]): SimulationPartial {
  const sets = Math.max(0, ...parts.map((p) => p.variants.length));
  const variants: VariantPartial[] = [];
  for (let k = 0; k < sets; k++)
    variants.push(mergeVariants(parts.flatMap((p) => (k < p.variants.length ? [p.variants[k]] : []))));
  return { units: sum(parts.map((p) => p.units)), variants };
}

/**
 * Rates and money are rounded to 6 decimals — totals from the exact values, deltas from the exact
 * difference (so a delta is never off by a rounding of its own) (half away from zero on the scaled value, via
 * Math.round on |x|), so that float noise never shows and the JSON is the same on every run.
 */
function round6(x: number): number {
  const r = (Math.sign(x) * Math.round(Math.abs(x) * 1e6)) / 1e6;
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
const rounded = (t: SimulationTotals): SimulationTotals => ({
  ...t,
  recognitionRate: round6(t.recognitionRate),
  costSaved: round6(t.costSaved),
});

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
      if (c.recognised || c.recognisedWithConditions || c.divergent)
        out.push({
          origin,
          recognising,
          recognised: c.recognised,
          recognisedWithConditions: c.recognisedWithConditions,
          divergent: c.divergent,
        });
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
      return {
        agreement,
        recognised,
        testsAvoided: recognised,
        costSaved: round6(sum(jurisdictions.map((j) => byJurisdiction[j] * s.costs[j].testCost))),
      };
    });
}

/**
 * Turns merged counts into the §8.2 result: the baseline first (named `baseline`), then the
 * variants in input order; keys in the order of docs/formats.md#simulation-scenario. Refuses counts that do not cover
 * the whole population exactly once (finalising a partial run would publish wrong figures).
 */
export function finaliseSimulation(s: Scenario, merged: SimulationPartial): SimulationResult {
  const sets = agreementSets(s);
  const size = populationSize(s);
  if (merged.units !== size)
    throw new RangeError(`the partials cover ${merged.units} units, the population has ${size}`);
  // An empty population merges to no agreement sets at all: every count is zero.
  if (merged.units === 0 && merged.variants.length === 0)
    merged = { units: 0, variants: sets.map(() => emptyVariant()) };
  if (merged.variants.length !== sets.length)
    throw new RangeError(`the partials hold ${merged.variants.length} agreement sets, the scenario has ${sets.length}`);
  // Normalised through a merge so a partial whose records were built in any key order reads the same.
  const normalised = mergePartials([merged]).variants;
  const baseline = totalsOf(s, normalised[0]);
  const variants: VariantResult[] = sets.map((set, k) => {
    const totals = totalsOf(s, normalised[k]);
    return {
      name: set.name,
      totals: rounded(totals),
      byPair: pairsOf(normalised[k]),
      deltaVsBaseline: delta(totals, baseline),
      marginal: marginalOf(s, set.agreements, normalised[k]),
    };
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
