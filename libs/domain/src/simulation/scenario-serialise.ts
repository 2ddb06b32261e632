import type { CaseResult, CaseSystem, UtcDay } from '../recognition/recognition.js';
import {
  type AgreementDocument,
  type RecognitionCaseDocument,
  serialiseAgreement,
  serialiseReferenceModel,
  serialiseResult,
  serialiseSystem,
} from '../recognition/case-serialise.js';
import {
  type IntRange,
  isSynthetic,
  SCENARIO_FORMAT,
  type Scenario,
  type ScenarioCost,
  type ScenarioPopulation,
  type ScenarioTarget,
  type SyntheticPopulation,
} from './scenario.js';

// The writing side of docs/formats.md#simulation-scenario, as case-serialise.ts is for cases: for every
// scenario `s` the reader gives, parseScenario(serialiseScenario(s)) deep-equals `s`, also through JSON text.

export interface ScenarioVariantDocument {
  name: string;
  add: AgreementDocument[];
  remove: string[];
  replace: AgreementDocument[];
}

export type ScenarioPopulationDocument =
  { systems: CaseSystem[]; results: CaseResult[]; targets: ScenarioTarget[] } | { synthetic: SyntheticPopulation };

/** A whole `sandbridge/scenario@1` document. */
export interface ScenarioDocument {
  format: typeof SCENARIO_FORMAT;
  asOf: UtcDay;
  reference: Pick<RecognitionCaseDocument, 'jurisdictions' | 'authorities' | 'criteria' | 'crosswalks'>;
  costs: Record<string, ScenarioCost>;
  baseline: { agreements: AgreementDocument[] };
  variants: ScenarioVariantDocument[];
  population: ScenarioPopulationDocument;
}

const range = (r: IntRange): IntRange => ({ min: r.min, max: r.max });

function serialisePopulation(p: ScenarioPopulation): ScenarioPopulationDocument {
  if (isSynthetic(p)) {
    const s = p.synthetic;
    return {
      synthetic: {
        seed: s.seed,
        innovators: s.innovators,
        homeWeights: { ...s.homeWeights },
        sectorWeights: { ...s.sectorWeights },
        riskClassWeights: { ...s.riskClassWeights },
        targetsPerInnovator: range(s.targetsPerInnovator),
        passRate: s.passRate,
        accreditedLabRate: s.accreditedLabRate,
        resultAgeDays: range(s.resultAgeDays),
      },
    };
  }
  return {
    systems: p.systems.map(serialiseSystem),
    results: p.results.map(serialiseResult),
    targets: p.targets.map((t) => ({ system: t.system, authorities: [...t.authorities] })),
  };
}

/**
 * A read scenario as its `sandbridge/scenario@1` document (docs/formats.md#simulation-scenario): the
 * inverse of {@link parseScenario} on what it returns — every field written, defaults included, keys
 * in the order of the format, nothing shared with the input.
 */
export function serialiseScenario(s: Scenario): ScenarioDocument {
  return {
    format: SCENARIO_FORMAT,
    asOf: s.asOf,
    reference: serialiseReferenceModel(s.reference),
    costs: Object.fromEntries(
      Object.entries(s.costs).map(([code, c]) => [code, { testCost: c.testCost, testDays: c.testDays }]),
    ),
    baseline: { agreements: s.baseline.agreements.map(serialiseAgreement) },
    variants: s.variants.map((v) => ({
      name: v.name,
      add: v.add.map(serialiseAgreement),
      remove: [...v.remove],
      replace: v.replace.map(serialiseAgreement),
    })),
    population: serialisePopulation(s.population),
  };
}
