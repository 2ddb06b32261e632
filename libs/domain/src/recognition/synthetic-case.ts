// One file (a pure generator, long on purpose): one seeded random stream draws the whole set in a fixed
// order; splitting it would spread the draw order, which the determinism of every benchmark rests on.
import { Category, Comparator, CriterionKind, Relation, RiskClass, Stage } from '../criteria/criteria.js';
import {
  AgreementKind,
  AgreementStatus,
  type CaseAgreement,
  type CaseCriterion,
  type CaseCrosswalk,
  type CaseResult,
  type CaseRule,
  type CaseSystem,
  RECOGNITION_CASE_FORMAT,
  type RecognitionCase,
  RecognitionMode,
  RuleEffect,
  type UtcDay,
} from './recognition.js';

// A seeded synthetic recognition set for the benchmark and the bulk-mode equality tests: a
// catalogue of shared topics, each jurisdiction's criteria on some of them (shared clause and
// metric, or a local clause reached only by crosswalk), agreements of every status with scoped,
// conditioned, phased, EXCLUDE, CONFORMITY and EQUIVALENCE rules, and systems whose results are
// mostly from home, some from target markets, some from foreign labs against a target's own
// criterion — so every outcome of docs/domain.md#recognition occurs in numbers. Pure and deterministic: the same
// options give the same set, and `system(n)` always gives the same system and results.

/** Sizes and seed of a synthetic set (defaults: the benchmark's full size). */
export interface SyntheticRecognitionOptions {
  seed: number;
  /** Jurisdictions, one authority each (20). */
  jurisdictions?: number;
  criteriaPerJurisdiction?: number;
  agreements?: number;
  rulesPerAgreement?: number;
  systems?: number;
  resultsPerSystem?: number;
  asOf?: UtcDay;
}

export interface SyntheticRecognitionSet {
  seed: number;
  asOf: UtcDay;
  /** The static part, for `compileRecognition` (and a case's first half). */
  static: Pick<RecognitionCase, 'asOf' | 'jurisdictions' | 'authorities' | 'criteria' | 'crosswalks' | 'agreements'>;
  systemCount: number;
  /** System `n` (0 ≤ n < systemCount) and its results, generated from (seed, n) alone. */
  system(n: number): { system: CaseSystem; results: CaseResult[] };
}

/** mulberry32: a small, fast, seedable generator (uniform in [0, 1)). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CODES = [
  'EU',
  'SG',
  'UK',
  'US-CO',
  'JP',
  'CA',
  'AU',
  'KR',
  'BR',
  'IN',
  'CH',
  'NO',
  'AE',
  'IL',
  'NZ',
  'MX',
  'ZA',
  'TW',
  'SA',
  'CL',
];
const SECTORS = ['FINANCE', 'HEALTH', 'MOBILITY', 'EMPLOYMENT', 'EDUCATION', 'PUBLIC'];
const BODIES = ['UKAS', 'SAC', 'DAkkS', 'A2LA', 'JAB', 'NATA'];
const CATEGORIES = Object.values(Category);
const DAY_MS = 86_400_000;

const shiftDay = (day: UtcDay, days: number): UtcDay =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
const round = (value: number) => Math.round(value * 1000) / 1000;

class Draw {
  constructor(readonly next: () => number) {}
  chance(p: number): boolean {
    return this.next() < p;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(list: readonly T[]): T {
    return list[this.int(list.length)];
  }
  /** `k` distinct items, in list order. */
  some<T>(list: readonly T[], k: number): T[] {
    const chosen = new Set<number>();
    while (chosen.size < Math.min(k, list.length)) chosen.add(this.int(list.length));
    return [...chosen].sort((a, b) => a - b).map((i) => list[i]);
  }
  /** By weight: `[[value, weight], ...]`. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T {
    let roll = this.next() * choices.reduce((sum, [, w]) => sum + w, 0);
    for (const [value, w] of choices) if ((roll -= w) < 0) return value;
    return choices[choices.length - 1][0];
  }
}

interface Topic {
  category: Category;
  stage: Stage;
  kind: CriterionKind;
  comparator: Comparator;
  base: number;
}

/** Builds the static part (criteria, crosswalks, agreements) and the per-system generator of a synthetic set. */
export function syntheticRecognition(options: SyntheticRecognitionOptions): SyntheticRecognitionSet {
  const seed = options.seed >>> 0;
  const nJ = options.jurisdictions ?? 20;
  const perJ = options.criteriaPerJurisdiction ?? 100;
  const nAgreements = options.agreements ?? 40;
  const perAgreement = options.rulesPerAgreement ?? 5;
  const systemCount = options.systems ?? 10_000;
  const perSystem = options.resultsPerSystem ?? 60;
  const asOf = options.asOf ?? '2026-06-01';
  const draw = new Draw(seededRandom(seed));

  const codes = Array.from({ length: nJ }, (_, i) => CODES[i] ?? `X${i}`);
  const authorityOf = (code: string) => `${code.toLowerCase()}-auth`;
  const topics: Topic[] = Array.from({ length: Math.ceil(perJ * 1.5) }, () => {
    const kind = draw.weighted([
      [CriterionKind.METRIC, 65],
      [CriterionKind.EVIDENCE, 20],
      [CriterionKind.ATTESTATION, 15],
    ]);
    const comparator = draw.weighted([
      [Comparator.GTE, 60],
      [Comparator.LTE, 28],
      [Comparator.BETWEEN, 10],
      [Comparator.EQ, 2],
    ]);
    return {
      category: draw.pick(CATEGORIES),
      stage: draw.weighted([
        [Stage.TESTING, 70],
        [Stage.ENTRY, 15],
        [Stage.EXIT, 15],
      ]),
      kind,
      comparator,
      base:
        comparator === Comparator.LTE
          ? 0.1 + draw.next() * 0.15
          : comparator === Comparator.EQ
            ? 1
            : 0.75 + draw.next() * 0.15,
    };
  });

  // Each jurisdiction regulates most topics; a criterion on a shared clause with the topic's metric
  // corresponds to every other such criterion, one on a local clause only by crosswalk.
  const criteria: CaseCriterion[] = [];
  const byTopic = new Map<number, CaseCriterion[]>();
  const byJurisdiction = new Map<string, CaseCriterion[]>();
  for (const code of codes) {
    const own: CaseCriterion[] = [];
    for (const t of draw.some(Array.from(topics.keys()), perJ)) {
      const topic = topics[t];
      const version = draw.chance(0.1) ? 2 : 1;
      const metric = topic.kind === CriterionKind.METRIC;
      const threshold = metric
        ? round(topic.comparator === Comparator.EQ ? 1 : topic.base + (draw.next() - 0.5) * 0.06)
        : null;
      const criterion: CaseCriterion = {
        id: `${code.toLowerCase()}:t${String(t).padStart(3, '0')}${version > 1 ? `@${version}` : ''}`,
        authority: authorityOf(code),
        key: `${code.toLowerCase()}.t${t}`,
        version,
        stage: topic.stage,
        category: topic.category,
        kind: topic.kind,
        metric: metric ? `m${t}` : null,
        comparator: metric ? topic.comparator : null,
        threshold,
        thresholdHigh: metric && topic.comparator === Comparator.BETWEEN ? round(threshold! + 0.08) : null,
        sectors: draw.chance(0.08) ? draw.some(SECTORS, 1 + draw.int(2)) : [],
        riskClasses: draw.chance(0.12)
          ? draw.chance(0.5)
            ? [RiskClass.HIGH]
            : [RiskClass.HIGH, RiskClass.UNACCEPTABLE]
          : [],
        clauses: draw.chance(0.55) ? [`ISO42001:T${t}`] : [`${code}:T${t}`],
      };
      own.push(criterion);
      criteria.push(criterion);
      const list = byTopic.get(t);
      if (list) list.push(criterion);
      else byTopic.set(t, [criterion]);
    }
    byJurisdiction.set(code, own);
  }

  const crosswalks: CaseCrosswalk[] = [];
  for (const list of byTopic.values()) {
    for (const from of list) {
      const inferred = from.kind === CriterionKind.METRIC && from.clauses[0].startsWith('ISO');
      if (inferred && draw.chance(0.7)) continue;
      for (const to of draw.some(list, 3)) {
        if (to === from) continue;
        const relation = draw.weighted([
          [Relation.EQUIVALENT, 50],
          [Relation.SUBSET, 20],
          [Relation.SUPERSET, 15],
          [Relation.INTERSECTS, 15],
        ]);
        crosswalks.push({ from: from.id, to: to.id, relation });
      }
    }
  }

  const agreements: CaseAgreement[] = Array.from({ length: nAgreements }, (_, a) => {
    const bilateral = draw.chance(0.6);
    const parties = draw.some(codes, bilateral ? 2 : 3 + draw.int(4));
    const status = draw.weighted([
      [AgreementStatus.IN_FORCE, 72],
      [AgreementStatus.SUSPENDED, 10],
      [AgreementStatus.DRAFT, 6],
      [AgreementStatus.PROPOSED, 5],
      [AgreementStatus.TERMINATED, 7],
    ]);
    const expired = draw.chance(0.08);
    const effectiveFrom = shiftDay(asOf, draw.chance(0.05) ? 30 + draw.int(200) : -(30 + draw.int(900)));
    const rules = Array.from({ length: perAgreement }, (_, r): CaseRule => {
      const effect = draw.weighted([
        [RuleEffect.RECOGNISE, 68],
        [RuleEffect.RECOGNISE_WITH_CONDITIONS, 20],
        [RuleEffect.EXCLUDE, 12],
      ]);
      const exclude = effect === RuleEffect.EXCLUDE;
      const directional = draw.chance(0.4);
      const origins = directional ? parties.filter((_p, i) => i % 2 === 0) : parties;
      const recognising = directional ? parties.filter((_p, i) => i % 2 === 1) : parties;
      const pinned = draw.chance(0.05)
        ? recognising.flatMap((code) => draw.some(byJurisdiction.get(code)!, 5).map((c) => c.id))
        : [];
      return {
        id: `r${r + 1}`,
        origins,
        recognising,
        // EXCLUDE rules are narrow carve-outs; allow rules mostly broad.
        categories: exclude || draw.chance(0.5) ? draw.some(CATEGORIES, exclude ? 1 : 3 + draw.int(4)) : [],
        stages: draw.chance(0.15) ? draw.some([Stage.TESTING, Stage.EXIT], 1) : [],
        sectors: exclude
          ? draw.chance(0.6)
            ? [draw.pick(SECTORS)]
            : []
          : draw.chance(0.2)
            ? draw.some(SECTORS, 2 + draw.int(3))
            : [],
        riskClasses: draw.chance(0.15) ? [RiskClass.HIGH, RiskClass.LIMITED] : [],
        criteria: pinned,
        effectiveFrom: draw.chance(0.1) ? shiftDay(asOf, draw.chance(0.5) ? 60 : -60) : null,
        effectiveTo: draw.chance(0.05) ? shiftDay(asOf, -10) : null,
        mode: exclude ? null : draw.chance(0.55) ? RecognitionMode.CONFORMITY : RecognitionMode.EQUIVALENCE,
        effect,
        // EXCLUDE rules are scope only: their conditions are ignored, so the file holds none.
        conditions: exclude
          ? {
              requireAccreditedLab: false,
              accreditationBodies: [],
              maxResultAgeDays: null,
              acceptedMethods: [],
              minMargin: 0,
            }
          : {
              requireAccreditedLab: draw.chance(0.4),
              accreditationBodies: draw.chance(0.2) ? draw.some(BODIES, 2 + draw.int(3)) : [],
              maxResultAgeDays: draw.chance(0.4) ? draw.pick([180, 365, 730]) : null,
              acceptedMethods: draw.chance(0.15) ? ['ISO42001', 'NIST-AI-RMF'] : [],
              minMargin: draw.chance(0.15) ? draw.pick([0.01, 0.02]) : 0,
            },
        supplementary:
          effect === RuleEffect.RECOGNISE_WITH_CONDITIONS
            ? draw.chance(0.5)
              ? 'local re-test of a sample'
              : { text: 'supplementary documentation', criteria: [] }
            : null,
      };
    });
    return {
      id: `agr-${String(a).padStart(2, '0')}`,
      kind: bilateral ? AgreementKind.BILATERAL : AgreementKind.PLURILATERAL,
      parties,
      status,
      effectiveFrom,
      effectiveTo: expired ? shiftDay(asOf, -(1 + draw.int(20))) : null,
      rules,
    };
  });

  const staticPart: SyntheticRecognitionSet['static'] = {
    asOf,
    jurisdictions: codes.map((code) => ({ code })),
    authorities: codes.map((code) => ({ id: authorityOf(code), jurisdiction: code })),
    criteria,
    crosswalks,
    agreements,
  };

  const system = (n: number): { system: CaseSystem; results: CaseResult[] } => {
    if (!(Number.isInteger(n) && n >= 0 && n < systemCount))
      throw new RangeError(`system ${n} outside 0..${systemCount - 1}`);
    const d = new Draw(seededRandom(seed ^ Math.imul(n + 1, 0x9e3779b1)));
    const id = `sys-${String(n).padStart(5, '0')}`;
    const home = d.pick(codes);
    const caseSystem: CaseSystem = {
      id,
      sector: d.chance(0.05) ? null : d.pick(SECTORS),
      riskClass: d.weighted([
        [RiskClass.HIGH, 40],
        [RiskClass.LIMITED, 35],
        [RiskClass.MINIMAL, 20],
        [null, 5],
      ]),
    };
    const markets = d.some(codes, 3);
    const results = Array.from({ length: perSystem }, (_, k): CaseResult => {
      // Mostly tested at home against home criteria; some in a target market against its own
      // criteria; some by a home lab against a target market's criterion.
      const where = d.weighted([
        ['home', 70],
        ['market', 18],
        ['foreign-lab', 12],
      ] as const);
      const criterionOwner = where === 'home' ? home : d.pick(markets);
      const criterion = d.pick(byJurisdiction.get(criterionOwner)!);
      const testedIn = where === 'market' ? criterionOwner : home;
      let value: number | null = null;
      let passed: boolean;
      if (criterion.kind === CriterionKind.METRIC && !d.chance(0.03)) {
        const spread = criterion.comparator === Comparator.EQ ? 0 : 0.08;
        const centre =
          criterion.comparator === Comparator.BETWEEN
            ? (criterion.threshold! + criterion.thresholdHigh!) / 2
            : criterion.threshold!;
        const bias =
          criterion.comparator === Comparator.LTE ? -0.03 : criterion.comparator === Comparator.GTE ? 0.03 : 0;
        value =
          criterion.comparator === Comparator.EQ
            ? d.chance(0.8)
              ? 1
              : 0.9
            : round(centre + bias + (d.next() - 0.5) * 2 * spread);
        passed = meetsOwn(value, criterion);
      } else {
        passed = criterion.kind !== CriterionKind.METRIC && d.chance(0.85);
      }
      const accredited = d.chance(0.75);
      return {
        id: `${id}-r${String(k).padStart(2, '0')}`,
        system: id,
        criterion: criterion.id,
        testedIn,
        testedAt: shiftDay(asOf, d.chance(0.02) ? 1 + d.int(30) : -d.int(900)),
        value,
        passed,
        method: d.weighted([
          ['ISO42001', 55],
          ['NIST-AI-RMF', 15],
          [`${testedIn}-method`, 15],
          [null, 15],
        ]),
        lab: { accredited, accreditationBody: accredited || d.chance(0.1) ? d.pick(BODIES) : null },
      };
    });
    return { system: caseSystem, results };
  };

  return { seed, asOf, static: staticPart, systemCount, system };
}

/** Whether a generated value passes its own criterion (no margin, as a lab would report it). */
function meetsOwn(value: number, c: CaseCriterion): boolean {
  switch (c.comparator) {
    case Comparator.GTE:
      return value >= c.threshold! - 1e-9;
    case Comparator.LTE:
      return value <= c.threshold! + 1e-9;
    case Comparator.EQ:
      return Math.abs(value - c.threshold!) <= 1e-9;
    case Comparator.BETWEEN:
    case null: // never for a generated METRIC criterion
      return value >= c.threshold! - 1e-9 && value <= c.thresholdHigh! + 1e-9;
  }
}

/**
 * A whole `RecognitionCase` for some systems of a synthetic set, querying each against every
 * authority (for the explained mode, `resolveCase` and the file format).
 */
export function syntheticCase(set: SyntheticRecognitionSet, systems: readonly number[]): RecognitionCase {
  const generated = systems.map((n) => set.system(n));
  return {
    format: RECOGNITION_CASE_FORMAT,
    ...set.static,
    systems: generated.map((g) => g.system),
    results: generated.flatMap((g) => g.results),
    queries: generated.flatMap((g) => set.static.authorities.map((a) => ({ system: g.system.id, authority: a.id }))),
  };
}
