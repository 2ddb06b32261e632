// The scenario builder's model: a sandbridge/scenario@1 document (docs/formats.md#simulation-scenario)
// kept as its parts, so that what the page shows, what it downloads and what it starts are one
// document — and an uploaded file comes back into the builder as it was written.
import type { AgreementRuleFieldsFragment, ScenarioBuilderDataQuery } from '../../../gql/graphql';
import { slug } from '../../exit-documents/files';

export const SCENARIO_FORMAT = 'sandbridge/scenario@1';

export type StoredAgreement = ScenarioBuilderDataQuery['agreements']['edges'][number]['node'];

/** A rule as the scenario format has it (the shape of a recognition case's rule). */
export interface ScenarioRule {
  id: string;
  origins: string[];
  recognising: string[];
  categories: string[];
  stages: string[];
  sectors: string[];
  riskClasses: string[];
  criteria: string[];
  effectiveFrom: string | null;
  effectiveTo: string | null;
  mode: string | null;
  effect: string;
  conditions: ScenarioConditions | null;
  supplementary: unknown;
  [extra: string]: unknown;
}

export interface ScenarioConditions {
  requireAccreditedLab?: boolean | null;
  accreditationBodies?: string[] | null;
  maxResultAgeDays?: number | null;
  acceptedMethods?: string[] | null;
  minMargin?: number | null;
}

export interface ScenarioAgreement {
  id: string;
  kind: string;
  parties: string[];
  status: string;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  rules: ScenarioRule[];
  [extra: string]: unknown;
}

export interface ScenarioVariant {
  name: string;
  remove: string[];
  replace: ScenarioAgreement[];
  add: ScenarioAgreement[];
}

export interface Range {
  min: number;
  max: number;
}

export interface SyntheticPopulation {
  seed: number;
  innovators: number;
  homeWeights: Record<string, number>;
  sectorWeights: Record<string, number>;
  riskClassWeights: Record<string, number>;
  targetsPerInnovator: Range;
  passRate: number;
  accreditedLabRate: number;
  resultAgeDays: Range;
}

/** recordedPopulation's filter (RecordedPopulationInput): absent or empty = all. */
export interface RecordedFilter {
  jurisdictions: string[];
  sectors: string[];
  targets: string[];
  testedFrom: string | null;
  testedTo: string | null;
}

export type Costs = Record<string, { testCost: number; testDays: number }>;

export interface BuilderState {
  name: string;
  asOf: string;
  /** Kept from an uploaded file; otherwise left out, and the platform fills in its own. */
  reference: unknown;
  costs: Costs;
  /** The agreements of the baseline: the stored ones in force, or an uploaded file's. */
  baseline: ScenarioAgreement[];
  /** Whether the baseline came from an uploaded file (then it is not the platform's). */
  baselineFromFile: boolean;
  variants: ScenarioVariant[];
  populationKind: 'SYNTHETIC' | 'RECORDED';
  synthetic: SyntheticPopulation;
  recorded: RecordedFilter;
  /** An explicit population from an uploaded file, kept as it is (the builder does not edit one). */
  explicitPopulation: unknown;
}

/**
 * The synthetic population the builder starts from: the parameters of
 * examples/simulation/demo-drafts.scenario.json, each explained where it is edited. Weights left
 * empty mean "every jurisdiction / sector / risk class of the reference, weight 1" (the format's default).
 */
export const SYNTHETIC_DEFAULTS: SyntheticPopulation = {
  seed: 2026,
  innovators: 2000,
  homeWeights: {},
  sectorWeights: {},
  riskClassWeights: {},
  targetsPerInnovator: { min: 1, max: 2 },
  passRate: 0.85,
  accreditedLabRate: 0.7,
  resultAgeDays: { min: 0, max: 720 },
};

/** What a test costs and takes in a jurisdiction, to start from (illustrative, as in the examples). */
export const COST_DEFAULTS: Costs = {
  CA: { testCost: 25000, testDays: 75 },
  EU: { testCost: 45000, testDays: 120 },
  GB: { testCost: 30000, testDays: 90 },
  SG: { testCost: 20000, testDays: 60 },
};
export const COST_FALLBACK = { testCost: 20000, testDays: 60 };

export const EMPTY_FILTER: RecordedFilter = {
  jurisdictions: [],
  sectors: [],
  targets: [],
  testedFrom: null,
  testedTo: null,
};

export const today = (): string => new Date().toISOString().slice(0, 10);

/** A stored agreement as the scenario format writes it; `asIfSigned` gives it the status IN_FORCE. */
export function agreementDocument(a: StoredAgreement, asIfSigned = false): ScenarioAgreement {
  return {
    id: a.id,
    kind: a.kind,
    parties: [...a.parties],
    status: asIfSigned ? 'IN_FORCE' : a.status,
    effectiveFrom: a.effectiveFrom ?? null,
    effectiveTo: a.effectiveTo ?? null,
    rules: a.rules.map(ruleDocument),
  };
}

export function ruleDocument(r: AgreementRuleFieldsFragment): ScenarioRule {
  const c = r.conditions;
  return {
    id: r.id,
    origins: [...r.origins],
    recognising: [...r.recognising],
    categories: [...r.categories],
    stages: [...r.stages],
    sectors: [...r.sectors],
    riskClasses: [...r.riskClasses],
    criteria: [...r.criteria],
    effectiveFrom: r.effectiveFrom ?? null,
    effectiveTo: r.effectiveTo ?? null,
    mode: r.mode ?? null,
    effect: r.effect,
    conditions: c
      ? {
          requireAccreditedLab: c.requireAccreditedLab ?? null,
          accreditationBodies: c.accreditationBodies ? [...c.accreditationBodies] : null,
          maxResultAgeDays: c.maxResultAgeDays ?? null,
          acceptedMethods: c.acceptedMethods ? [...c.acceptedMethods] : null,
          minMargin: c.minMargin ?? null,
        }
      : null,
    supplementary: r.supplementary ?? null,
  };
}

/** Whether an agreement of the baseline is in force on `asOf` (its window `[from, to)`). */
export const inForceOn = (a: { effectiveFrom: string | null; effectiveTo: string | null }, asOf: string) =>
  (!a.effectiveFrom || a.effectiveFrom <= asOf) && (!a.effectiveTo || asOf < a.effectiveTo);

export function initialState(stored: StoredAgreement[], jurisdictions: string[]): BuilderState {
  return {
    name: '',
    asOf: today(),
    reference: undefined,
    costs: Object.fromEntries(jurisdictions.map((code) => [code, { ...(COST_DEFAULTS[code] ?? COST_FALLBACK) }])),
    baseline: stored.filter((a) => a.status === 'IN_FORCE').map((a) => agreementDocument(a)),
    baselineFromFile: false,
    variants: [],
    populationKind: 'SYNTHETIC',
    synthetic: structuredClone(SYNTHETIC_DEFAULTS),
    recorded: { ...EMPTY_FILTER },
    explicitPopulation: undefined,
  };
}

export const newVariant = (index: number): ScenarioVariant => ({
  name: `Variant ${index + 1}`,
  remove: [],
  replace: [],
  add: [],
});

const compactFilter = (f: RecordedFilter) => ({
  ...(f.jurisdictions.length ? { jurisdictions: f.jurisdictions } : {}),
  ...(f.sectors.length ? { sectors: f.sectors } : {}),
  ...(f.targets.length ? { targets: f.targets } : {}),
  ...(f.testedFrom ? { testedFrom: f.testedFrom } : {}),
  ...(f.testedTo ? { testedTo: f.testedTo } : {}),
});

/** The recordedPopulation filter as startSimulation and the preview take it. */
export const recordedInput = (f: RecordedFilter) => compactFilter(f);

/**
 * The scenario@1 document the builder shows and downloads. A recorded population has no rows in a
 * file: it is written `{ "recorded": filter }`, which the builder reads back and starts as
 * `recordedPopulation` (the platform takes the snapshot when the run starts).
 */
export function toDocument(s: BuilderState): Record<string, unknown> {
  const population =
    s.populationKind === 'RECORDED'
      ? { recorded: compactFilter(s.recorded) }
      : s.explicitPopulation !== undefined
        ? s.explicitPopulation
        : { synthetic: s.synthetic };
  return {
    format: SCENARIO_FORMAT,
    ...(s.name.trim() ? { name: s.name.trim() } : {}),
    asOf: s.asOf,
    ...(s.reference !== undefined ? { reference: s.reference } : {}),
    costs: s.costs,
    baseline: { agreements: s.baseline },
    variants: s.variants,
    population,
  };
}

/** What startSimulation takes for the builder's document. */
export function startInput(s: BuilderState): {
  scenario: Record<string, unknown>;
  name?: string;
  recordedPopulation?: object;
} {
  const scenario = toDocument(s);
  const name = s.name.trim() || undefined;
  if (s.populationKind === 'RECORDED') {
    delete scenario.population;
    return { scenario, name, recordedPopulation: recordedInput(s.recorded) };
  }
  return { scenario, name };
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/**
 * An uploaded scenario@1 file into the builder. Throws an Error in words when it is not one; what
 * the builder does not edit (the reference, an explicit population) is kept as it is.
 */
export function fromDocument(text: string, fileName: string, fallback: BuilderState): BuilderState {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new Error(`Not JSON: ${(e as Error).message}`);
  }
  if (!isObject(doc) || doc.format !== SCENARIO_FORMAT)
    throw new Error(`Not a ${SCENARIO_FORMAT} file: its "format" must be "${SCENARIO_FORMAT}".`);
  const population = doc.population;
  const baseline = isObject(doc.baseline) && Array.isArray(doc.baseline.agreements) ? doc.baseline.agreements : null;
  const state: BuilderState = {
    ...fallback,
    name: typeof doc.name === 'string' ? doc.name : fileName.replace(/\.scenario\.json$|\.json$/, ''),
    asOf: typeof doc.asOf === 'string' ? doc.asOf.slice(0, 10) : fallback.asOf,
    reference: doc.reference,
    costs: isObject(doc.costs) ? (doc.costs as Costs) : fallback.costs,
    baseline: baseline ? (baseline as ScenarioAgreement[]) : fallback.baseline,
    baselineFromFile: baseline !== null,
    variants: (Array.isArray(doc.variants) ? doc.variants : []).map((v: unknown, i) => {
      const variant = isObject(v) ? v : {};
      return {
        name: typeof variant.name === 'string' ? variant.name : `Variant ${i + 1}`,
        remove: strings(variant.remove),
        replace: (Array.isArray(variant.replace) ? variant.replace : []) as ScenarioAgreement[],
        add: (Array.isArray(variant.add) ? variant.add : []) as ScenarioAgreement[],
      };
    }),
    populationKind: 'SYNTHETIC',
    synthetic: structuredClone(SYNTHETIC_DEFAULTS),
    recorded: { ...EMPTY_FILTER },
    explicitPopulation: undefined,
  };
  if (isObject(population) && isObject(population.recorded)) {
    const f = population.recorded;
    state.populationKind = 'RECORDED';
    state.recorded = {
      jurisdictions: strings(f.jurisdictions),
      sectors: strings(f.sectors),
      targets: strings(f.targets),
      testedFrom: typeof f.testedFrom === 'string' ? f.testedFrom : null,
      testedTo: typeof f.testedTo === 'string' ? f.testedTo : null,
    };
  } else if (isObject(population) && isObject(population.synthetic)) {
    state.synthetic = { ...SYNTHETIC_DEFAULTS, ...(population.synthetic as Partial<SyntheticPopulation>) };
  } else if (population !== undefined) {
    state.explicitPopulation = population;
  }
  return state;
}

/** The rule `ruleId` of agreement `agreementId` as the variant has it: its replacement's, else the baseline's. */
export function effectiveAgreement(
  variant: ScenarioVariant,
  baseline: ScenarioAgreement[],
  agreementId: string,
): ScenarioAgreement | undefined {
  return variant.replace.find((a) => a.id === agreementId) ?? baseline.find((a) => a.id === agreementId);
}

/** The variant with agreement `agreementId` replaced by `changed` (rules changed or removed). */
export function withReplacement(variant: ScenarioVariant, changed: ScenarioAgreement): ScenarioVariant {
  const others = variant.replace.filter((a) => a.id !== changed.id);
  return { ...variant, replace: [...others, changed] };
}

/** The file name a scenario downloads as: its name as a slug, then .scenario.json. */
export const fileNameOf = (name: string) => `${slug(name) || 'scenario'}.scenario.json`;
