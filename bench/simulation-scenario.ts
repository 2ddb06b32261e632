/**
 * A seeded synthetic `sandbridge/scenario@1` document for the simulation benchmark and the worker
 * tests: `jurisdictions` jurisdictions with one authority each, eight criteria per authority
 * (METRIC, EVIDENCE and ATTESTATION, across stages and categories, some restricted by sector or
 * risk class), EQUIVALENT crosswalks between same-key criteria of every pair of authorities,
 * bilateral agreements in force as the baseline (CONFORMITY and EQUIVALENCE rules, with and without
 * conditions, one EXCLUDE), and `variants` variants that add a plurilateral, remove agreements and
 * replace some. The JSON is returned unparsed: callers read it through parseScenario like any file.
 */

export interface ScenarioShape {
  seed: number;
  innovators: number;
  jurisdictions: number;
  variants: number;
}

/** mulberry32: a tiny seeded PRNG, enough to pick a reproducible reference. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const CRITERIA = [
  {
    key: 'robustness.noise',
    stage: 'TESTING',
    category: 'ROBUSTNESS',
    kind: 'METRIC',
    metric: 'accuracy_under_noise',
    comparator: 'GTE',
    threshold: 0.9,
    clauses: ['ISO42001:A.6.2.4'],
  },
  {
    key: 'accuracy.auc',
    stage: 'TESTING',
    category: 'ACCURACY',
    kind: 'METRIC',
    metric: 'auc',
    comparator: 'GTE',
    threshold: 0.8,
    clauses: ['NIST-AI-RMF:MEASURE-2.3'],
  },
  {
    key: 'fairness.disparity',
    stage: 'TESTING',
    category: 'FAIRNESS',
    kind: 'METRIC',
    metric: 'demographic_parity_gap',
    comparator: 'LTE',
    threshold: 0.05,
    clauses: ['AIVERIFY:fairness'],
  },
  {
    key: 'security.latency',
    stage: 'TESTING',
    category: 'SECURITY',
    kind: 'METRIC',
    metric: 'p99_latency_ms',
    comparator: 'BETWEEN',
    threshold: [50, 500],
    clauses: [],
  },
  {
    key: 'transparency.model-card',
    stage: 'ENTRY',
    category: 'TRANSPARENCY',
    kind: 'EVIDENCE',
    clauses: ['EU-AIA:Art.13'],
  },
  {
    key: 'governance.data-sheet',
    stage: 'ENTRY',
    category: 'DATA_GOVERNANCE',
    kind: 'EVIDENCE',
    sectors: ['FINANCE', 'HEALTH'],
    clauses: ['EU-AIA:Art.10'],
  },
  {
    key: 'oversight.human-review',
    stage: 'EXIT',
    category: 'HUMAN_OVERSIGHT',
    kind: 'ATTESTATION',
    riskClasses: ['HIGH', 'UNACCEPTABLE'],
    clauses: ['EU-AIA:Art.14'],
  },
  { key: 'safety.incident-plan', stage: 'EXIT', category: 'SAFETY', kind: 'ATTESTATION', clauses: [] },
] as const;

const SECTORS = ['FINANCE', 'HEALTH', 'INSURANCE', 'MOBILITY'];

type Json = Record<string, unknown>;

export function syntheticScenario(shape: ScenarioShape): Json {
  const random = prng(shape.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const codes = Array.from({ length: shape.jurisdictions }, (_, i) => `J${String(i + 1).padStart(2, '0')}`);
  const authority = (code: string) => `${code.toLowerCase()}-reg`;
  const criteria = codes.flatMap((code) =>
    CRITERIA.map((c, k) => {
      // Thresholds differ a little between authorities, so CONFORMITY and EQUIVALENCE disagree sometimes.
      const given = 'threshold' in c ? (c.threshold as number | readonly number[]) : undefined;
      const threshold =
        typeof given === 'number' ? Math.round(given * (0.95 + random() * 0.1) * 1000) / 1000 : given && [...given];
      return {
        id: `${code.toLowerCase()}-c${k}`,
        authority: authority(code),
        key: c.key,
        stage: c.stage,
        category: c.category,
        kind: c.kind,
        ...('metric' in c ? { metric: c.metric, comparator: c.comparator, threshold } : {}),
        sectors: 'sectors' in c ? [...c.sectors] : [],
        riskClasses: 'riskClasses' in c ? [...c.riskClasses] : [],
        clauses: [...c.clauses],
      };
    }),
  );
  const crosswalks: Json[] = [];
  for (const from of codes)
    for (const to of codes)
      if (from !== to)
        for (let k = 0; k < CRITERIA.length; k++)
          crosswalks.push({
            from: `${from.toLowerCase()}-c${k}`,
            to: `${to.toLowerCase()}-c${k}`,
            relation: 'EQUIVALENT',
          });

  const costs = Object.fromEntries(
    codes.map((code) => [
      code,
      { testCost: 2000 + Math.floor(random() * 18) * 1000, testDays: 7 + Math.floor(random() * 50) },
    ]),
  );

  let ruleId = 0;
  const rule = (origins: string[], recognising: string[], options: Json = {}): Json => ({
    id: `r${++ruleId}`,
    origins,
    recognising,
    categories: [],
    stages: [],
    sectors: [],
    riskClasses: [],
    criteria: [],
    mode: 'CONFORMITY',
    effect: 'RECOGNISE',
    ...options,
  });
  const bilateral = (id: string, a: string, b: string): Json => {
    const conditions = {
      requireAccreditedLab: random() < 0.5,
      accreditationBodies: [],
      maxResultAgeDays: pick([null, 365, 540]),
      acceptedMethods: [],
      minMargin: 0,
    };
    const rules = [
      rule([a, b], [a, b], { categories: ['ROBUSTNESS', 'ACCURACY', 'SECURITY'], conditions }),
      rule([a], [b], {
        mode: 'EQUIVALENCE',
        effect: pick(['RECOGNISE', 'RECOGNISE_WITH_CONDITIONS']),
        stages: ['ENTRY', 'EXIT'],
        supplementary: 'local contact point',
      }),
    ];
    if (random() < 0.3) rules.push(rule([b], [a], { mode: null, effect: 'EXCLUDE', categories: ['FAIRNESS'] }));
    return {
      id,
      kind: 'BILATERAL',
      parties: [a, b],
      status: 'IN_FORCE',
      effectiveFrom: '2025-01-01',
      effectiveTo: null,
      rules,
    };
  };

  const baseline: Json[] = [];
  const pairs = new Set<string>();
  while (
    baseline.length <
    Math.min(Math.round(shape.jurisdictions * 1.5), (shape.jurisdictions * (shape.jurisdictions - 1)) / 2)
  ) {
    const a = pick(codes);
    const b = pick(codes);
    const pair = [a, b].sort().join('-');
    if (a === b || pairs.has(pair)) continue;
    pairs.add(pair);
    baseline.push(bilateral(`mra-${pair.toLowerCase()}`, a, b));
  }

  const variants: Json[] = [];
  for (let v = 0; v < shape.variants; v++) {
    const parties = codes.filter(() => random() < 0.4);
    const add =
      v % 3 === 0
        ? [
            {
              id: `plurilateral-${v}`,
              kind: 'PLURILATERAL',
              parties,
              status: 'IN_FORCE',
              effectiveFrom: '2026-01-01',
              effectiveTo: null,
              rules: [
                rule(parties, parties, {
                  categories: ['FAIRNESS', 'TRANSPARENCY', 'SAFETY'],
                  conditions: {
                    requireAccreditedLab: true,
                    accreditationBodies: [],
                    maxResultAgeDays: 720,
                    acceptedMethods: [],
                    minMargin: 0,
                  },
                }),
              ],
            },
          ]
        : [];
    const removable = baseline.map((agreement) => agreement.id as string);
    const remove =
      v % 3 === 1
        ? [removable[v % removable.length], removable[(v + 5) % removable.length]].filter(
            (id, i, all) => all.indexOf(id) === i,
          )
        : [];
    const replace =
      v % 3 === 2
        ? [baseline[v % baseline.length]].map((agreement) => ({
            ...agreement,
            rules: [
              rule(agreement.parties as string[], agreement.parties as string[], {
                mode: 'EQUIVALENCE',
                effect: 'RECOGNISE',
              }),
            ],
          }))
        : [];
    variants.push({ name: `variant ${v + 1}`, add, remove, replace });
  }

  return {
    format: 'sandbridge/scenario@1',
    asOf: '2026-06-01',
    reference: {
      jurisdictions: codes.map((code) => ({ code })),
      authorities: codes.map((code) => ({ id: authority(code), jurisdiction: code })),
      criteria,
      crosswalks,
    },
    costs,
    baseline: { agreements: baseline },
    variants,
    population: {
      synthetic: {
        seed: shape.seed,
        innovators: shape.innovators,
        homeWeights: {},
        sectorWeights: Object.fromEntries(SECTORS.map((s, i) => [s, i + 1])),
        riskClassWeights: { HIGH: 3, LIMITED: 2, MINIMAL: 1 },
        targetsPerInnovator: { min: 1, max: 4 },
        passRate: 0.85,
        accreditedLabRate: 0.7,
        resultAgeDays: { min: 0, max: 720 },
      },
    },
  };
}
