import { CriterionKind, Comparator, RiskClass } from '../criteria/criteria.js';
import { criterionApplies } from '../evaluation/evaluation.js';
import { dayNumber } from '../recognition/recognition-engine.js';
import type { CaseAuthority, CaseCriterion, CaseResult, CaseSystem, UtcDay } from '../recognition/recognition.js';
import { toUtcDay } from '../time/utc-day.js';
import { compareIds, homeDomain, sortedEntries } from './scenario-format.js';
import type { ScenarioReference, ScenarioTarget, SyntheticPopulation } from './scenario.js';

/**
 * Counter-based randomness: every draw is a pure function of (seed, innovator, field, k) — no
 * stream is shared between innovators, so innovator i is the same whatever chunk computes it.
 * Each input word is folded in with a round of Chris Wellons' `lowbias32` integer hash (a
 * full-avalanche 32-bit mixer); a uniform in [0, 1) takes 53 bits from two such hashes.
 */
function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

const TWO_32 = 4_294_967_296;

/** Folds one 32-bit word into the hash state `h`. */
const fold = (h: number, word: number): number => mix32((h ^ word) >>> 0) ^ mix32((word + 0x85ebca6b) >>> 0);

/** The draws of one innovator: `uniform(field, k)` ∈ [0, 1). */
class InnovatorDraws {
  /** The state after (seed low, seed high, innovator low, innovator high): shared by every draw of the innovator. */
  private readonly base: number;
  constructor(seed: number, innovator: number) {
    // A safe integer is split into two 32-bit words (the high word of a negative seed included).
    let h = 0x9e3779b9;
    for (const word of [
      seed >>> 0,
      Math.floor(seed / TWO_32) >>> 0,
      innovator >>> 0,
      Math.floor(innovator / TWO_32) >>> 0,
    ])
      h = fold(h, word);
    this.base = h;
  }

  /** hash(seed, innovator, field, k, 1) gives 27 high bits, hash(…, 2) 26 low bits of a 53-bit uniform. */
  uniform(field: Field, k = 0): number {
    const h = fold(fold(this.base, field), k);
    const hi = mix32(fold(h, 1) >>> 0) >>> 5;
    const lo = mix32(fold(h, 2) >>> 0) >>> 6;
    return (hi * 67_108_864 + lo) / 9_007_199_254_740_992;
  }

  /** An integer in [min, max], uniformly. */
  integer(field: Field, min: number, max: number, k = 0): number {
    return min + Math.floor(this.uniform(field, k) * (max - min + 1));
  }

  /** A key by weight (entries already sorted by key), or null when there are none. */
  weighted(field: Field, entries: readonly [string, number][]): string | null {
    const total = entries.reduce((sum, [, w]) => sum + w, 0);
    if (!entries.length || !(total > 0)) return null;
    let u = this.uniform(field) * total;
    for (const [key, w] of entries) {
      if (u < w) return key;
      u -= w;
    }
    // Rounding can leave u just above the last bucket: the last key with a positive weight takes it.
    return [...entries].reverse().find(([, w]) => w > 0)![0];
  }
}

/** What each draw is for (the `field` word of the hash): renumbering changes every population. */
enum Field {
  home = 1,
  sector = 2,
  riskClass = 3,
  targetCount = 4,
  targetPick = 5,
  passed = 6,
  accredited = 7,
  age = 8,
  value = 9,
  failSide = 10,
}

/** Accreditation bodies of the demo jurisdictions (ILAC signatories); any other jurisdiction gets `<code>-AB`. */
const ACCREDITATION_BODIES: Record<string, string> = {
  BR: 'CGCRE',
  CA: 'SCC',
  CN: 'CNAS',
  EU: 'EA',
  GB: 'UKAS',
  JP: 'JAB',
  SG: 'SAC',
  US: 'A2LA',
  'US-CO': 'A2LA',
};

/** One synthetic innovator: its system, its results and its targets. */
export interface SyntheticUnit {
  system: CaseSystem;
  home: string;
  results: CaseResult[];
  target: ScenarioTarget;
}

/**
 * The seeded synthetic population of a scenario (docs/domain.md#simulation, §8.2). Innovator `i` (0-based) is a
 * pure function of (scenario, seed, i) — see {@link SyntheticGenerator.unit} for every choice.
 */
export class SyntheticGenerator {
  private readonly homes: [string, number][];
  private readonly sectors: [string, number][];
  private readonly riskClasses: [string, number][];
  /** Criteria of each jurisdiction's authorities, in reference order. */
  private readonly criteriaByJurisdiction = new Map<string, CaseCriterion[]>();
  private readonly asOfDay: number;

  constructor(
    private readonly p: SyntheticPopulation,
    private readonly reference: ScenarioReference,
    asOf: UtcDay,
  ) {
    this.asOfDay = dayNumber(asOf);
    this.homes = homeDomain(p, reference);
    const namedSectors = [...new Set(reference.criteria.flatMap((c) => c.sectors))].sort(compareIds);
    this.sectors = Object.keys(p.sectorWeights).length
      ? sortedEntries(p.sectorWeights)
      : namedSectors.map((s) => [s, 1]);
    // Risk classes in their declared order (UNACCEPTABLE, HIGH, LIMITED, MINIMAL), not by name.
    const classes = Object.values(RiskClass) as string[];
    const given = p.riskClassWeights as Record<string, number>;
    this.riskClasses = Object.keys(given).length
      ? classes.filter((c) => c in given).map((c) => [c, given[c]])
      : classes.map((c) => [c, 1]);
    const jurisdictionOf = new Map(reference.authorities.map((a) => [a.id, a.jurisdiction]));
    for (const c of reference.criteria) {
      const code = jurisdictionOf.get(c.authority)!;
      const list = this.criteriaByJurisdiction.get(code);
      if (list) list.push(c);
      else this.criteriaByJurisdiction.set(code, [c]);
    }
  }

  /**
   * Innovator `i`:
   * - system `s<i>`; `sector` drawn from `sectorWeights` (by key order; {} = uniform over the
   *   sectors the reference criteria name, null when they name none); `riskClass` from
   *   `riskClassWeights` ({} = uniform over the four classes); home from `homeWeights` ({} =
   *   uniform over the reference's jurisdictions);
   * - one result `s<i>-r<k>` per criterion (k = its position in `reference.criteria`) of every
   *   authority of the home jurisdiction that applies to the system, tested there: `passed` with
   *   probability `passRate`; an accredited lab with probability `accreditedLabRate` (body: the home
   *   jurisdiction's national accreditation body, else none); `testedAt` = asOf − an age uniform in
   *   `resultAgeDays`; `method` = the criterion's first clause (null without clauses); for a METRIC
   *   criterion a `value` consistent with `passed` (see {@link metricValue}), else null;
   * - targets: a count uniform in `targetsPerInnovator` (capped at the number of authorities
   *   abroad), picked without replacement (partial Fisher–Yates on the authorities of other
   *   jurisdictions, in reference order), listed in reference order.
   */
  unit(i: number): SyntheticUnit {
    const draws = new InnovatorDraws(this.p.seed, i);
    const home = draws.weighted(Field.home, this.homes)!;
    const system: CaseSystem = {
      id: `s${i}`,
      sector: draws.weighted(Field.sector, this.sectors),
      riskClass: draws.weighted(Field.riskClass, this.riskClasses) as RiskClass | null,
    };
    const results: CaseResult[] = [];
    const positions = this.positions();
    for (const c of this.criteriaByJurisdiction.get(home) ?? []) {
      if (!criterionApplies(c, system)) continue;
      const k = positions.get(c.id)!;
      const passed = draws.uniform(Field.passed, k) < this.p.passRate;
      const accredited = draws.uniform(Field.accredited, k) < this.p.accreditedLabRate;
      const age = draws.integer(Field.age, this.p.resultAgeDays.min, this.p.resultAgeDays.max, k);
      results.push({
        id: `${system.id}-r${k}`,
        system: system.id,
        criterion: c.id,
        testedIn: home,
        testedAt: toUtcDay(new Date((this.asOfDay - age) * 86_400_000)),
        value:
          c.kind === CriterionKind.METRIC
            ? metricValue(c, passed, draws.uniform(Field.value, k), draws.uniform(Field.failSide, k))
            : null,
        passed,
        method: c.clauses[0] ?? null,
        lab: { accredited, accreditationBody: accredited ? (ACCREDITATION_BODIES[home] ?? `${home}-AB`) : null },
      });
    }
    const abroad = this.reference.authorities.filter((a) => a.jurisdiction !== home);
    const count = Math.min(
      draws.integer(Field.targetCount, this.p.targetsPerInnovator.min, this.p.targetsPerInnovator.max),
      abroad.length,
    );
    const order = abroad.map((_, k) => k);
    for (let k = 0; k < count; k++) {
      const j = k + Math.floor(draws.uniform(Field.targetPick, k) * (order.length - k));
      [order[k], order[j]] = [order[j], order[k]];
    }
    const picked: CaseAuthority[] = order
      .slice(0, count)
      .sort((a, b) => a - b)
      .map((k) => abroad[k]);
    return { system, home, results, target: { system: system.id, authorities: picked.map((a) => a.id) } };
  }

  private positionCache: Map<string, number> | null = null;
  private positions(): Map<string, number> {
    return (this.positionCache ??= new Map(this.reference.criteria.map((c, k) => [c.id, k])));
  }
}

/**
 * A metric value that passes or fails the criterion's own comparator as `passed` says, by a clear
 * distance (never within the 1e-9 tolerance). With `spread` = 10% of max(|threshold|, 1) (of
 * max(high − low, 1) for BETWEEN) and `u`, `side` uniforms: GTE passes at t + u·spread and fails at
 * t − (0.01 + 0.99u)·spread; LTE mirrors it; EQ passes at t exactly and fails at t ± (0.01 +
 * 0.99u)·spread; BETWEEN passes at low + u·(high − low) and fails below low or above high (by
 * `side`) by (0.01 + 0.99u)·spread.
 */
export function metricValue(c: CaseCriterion, passed: boolean, u: number, side: number): number | null {
  if (c.comparator === null || c.threshold === null) return null;
  const t = c.threshold;
  const miss = 0.01 + 0.99 * u;
  switch (c.comparator) {
    case Comparator.GTE: {
      const spread = 0.1 * Math.max(Math.abs(t), 1);
      return passed ? t + u * spread : t - miss * spread;
    }
    case Comparator.LTE: {
      const spread = 0.1 * Math.max(Math.abs(t), 1);
      return passed ? t - u * spread : t + miss * spread;
    }
    case Comparator.EQ: {
      const spread = 0.1 * Math.max(Math.abs(t), 1);
      return passed ? t : t + (side < 0.5 ? -1 : 1) * miss * spread;
    }
    case Comparator.BETWEEN: {
      const high = c.thresholdHigh ?? t;
      const spread = 0.1 * Math.max(high - t, 1);
      if (passed) return t + u * (high - t);
      return side < 0.5 ? t - miss * spread : high + miss * spread;
    }
  }
}
