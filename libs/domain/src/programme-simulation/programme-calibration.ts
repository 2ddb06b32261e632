// Calibration (docs/programme-simulation.md#calibration): observed funnels in, a runnable
// programme-scenario@1 out, each authority's screening rate estimated from what it admitted.
import type { FieldProblem } from '../errors/domain-error.js';
import { JointEntryRule } from '../programmes/programmes.js';
import {
  absent,
  CaseFormatError,
  fail,
  field,
  type Json,
  list,
  number,
  object,
  required,
  string,
} from '../recognition/json-readers.js';
import { betaQuantile } from './beta-distribution.js';
import { MAX_REPLICATIONS, PROGRAMME_SCENARIO_FORMAT } from './programme-scenario.js';
import { round6 } from './programme-simulation.js';

/** One observed funnel: how many applied to an authority and how many it admitted. */
export interface FunnelObservation {
  authority: string;
  applications: number;
  admitted: number;
  /** The authority's jurisdiction; absent: the authority id stands for it. */
  jurisdiction: string | null;
}

/** What the calibration estimated for one authority: its pooled funnel and the Beta posterior. */
export interface AuthorityCalibration {
  authority: string;
  applications: number;
  admitted: number;
  declined: number;
  /** Beta(alpha, beta): 1 + admitted, 1 + declined (a uniform prior). */
  alpha: number;
  beta: number;
  mean: number;
  /** The 90% credible interval: the posterior's 5th and 95th percentiles. */
  p5: number;
  p95: number;
}

/**
 * The calibrated scenario as written: a `sandbridge/programme-scenario@1` document, with the
 * estimates alongside in `calibration` (a field readers ignore).
 */
export interface CalibratedScenarioDocument {
  format: typeof PROGRAMME_SCENARIO_FORMAT;
  seed: number;
  replications: number;
  startDay: string;
  authorities: {
    id: string;
    jurisdiction: string;
    screeningPassRate: number;
    reviewDays: { min: number; max: number };
    reviewsPerMonth: number;
    exitAuthoriseRate: number;
  }[];
  applicants: { count: number; targets: { min: number; max: number }; targetWeights: Record<string, number> };
  designs: {
    name: string;
    participants: string[];
    jointEntryRule: JointEntryRule;
    capacity: number;
    testingDays: number;
    acceptsRecognisedResults: boolean;
  }[];
  calibration: {
    prior: string;
    interval: string;
    observations: number;
    authorities: AuthorityCalibration[];
  };
}

/** What the scenario needs and the observations do not say; the calibration's defaults. */
export interface CalibrationOptions {
  seed?: number;
  replications?: number;
  startDay?: string;
  reviewDays?: { min: number; max: number };
  testingDays?: number;
  exitAuthoriseRate?: number;
}

const DEFAULTS: Required<CalibrationOptions> = {
  seed: 1,
  replications: MAX_REPLICATIONS,
  startDay: '2026-01-01',
  // The FCA's sandbox assessed applications in two to three months; tests usually ran six months.
  reviewDays: { min: 60, max: 90 },
  testingDays: 182,
  exitAuthoriseRate: 1,
};

function count(o: Json, key: string, path: string): number {
  const at = field(path, key);
  const n = number(required(o, key, path), at);
  if (!Number.isSafeInteger(n) || n < 0) fail(at, 'must be a whole number, at least 0');
  return n;
}

function readObservation(value: unknown, path: string): FunnelObservation {
  const o = object(value, path);
  const authority = string(required(o, 'authority', path), field(path, 'authority'));
  if (!authority) fail(field(path, 'authority'), 'must not be empty');
  const applications = count(o, 'applications', path);
  const admitted = count(o, 'admitted', path);
  if (admitted > applications) fail(field(path, 'admitted'), `must not exceed applications (${applications})`);
  const jurisdiction = absent(o.jurisdiction) ? null : string(o.jurisdiction, field(path, 'jurisdiction'));
  return { authority, applications, admitted, jurisdiction };
}

/** Reads the observations (a JSON array); refuses with the JSON path of the first problem. */
export function readFunnelObservations(
  value: unknown,
): { observations: FunnelObservation[] } | { errors: FieldProblem[] } {
  try {
    const observations = list(value, '$', readObservation);
    if (!observations.length) fail('$', 'must list at least one observation');
    const jurisdictions = new Map<string, { code: string | null; at: number }>();
    observations.forEach((o, i) => {
      const seen = jurisdictions.get(o.authority);
      if (seen && o.jurisdiction !== null && seen.code !== null && seen.code !== o.jurisdiction)
        fail(
          `$[${i}].jurisdiction`,
          `${JSON.stringify(o.authority)} is in ${JSON.stringify(seen.code)} at $[${seen.at}].jurisdiction`,
        );
      if (!seen || (seen.code === null && o.jurisdiction !== null))
        jurisdictions.set(o.authority, { code: o.jurisdiction, at: i });
    });
    return { observations };
  } catch (error) {
    if (error instanceof CaseFormatError) return { errors: [{ path: error.path, message: error.problem }] };
    throw error;
  }
}

/**
 * Per authority (observations of the same authority pooled, in order of first appearance) the
 * posterior of its screening rate under a uniform prior: Beta(1 + admitted, 1 + declined), its mean
 * and its 90% credible interval, each rounded to 6 decimals.
 */
export function calibrateAuthorities(observations: readonly FunnelObservation[]): AuthorityCalibration[] {
  const pooled = new Map<string, { applications: number; admitted: number }>();
  for (const o of observations) {
    const p = pooled.get(o.authority) ?? { applications: 0, admitted: 0 };
    p.applications += o.applications;
    p.admitted += o.admitted;
    pooled.set(o.authority, p);
  }
  return [...pooled].map(([authority, { applications, admitted }]) => {
    const declined = applications - admitted;
    const alpha = 1 + admitted;
    const beta = 1 + declined;
    return {
      authority,
      applications,
      admitted,
      declined,
      alpha,
      beta,
      mean: round6(alpha / (alpha + beta)),
      p5: round6(betaQuantile(0.05, alpha, beta)),
      p95: round6(betaQuantile(0.95, alpha, beta)),
    };
  });
}

/**
 * Observed funnels (`[{ authority, applications, admitted, jurisdiction? }]`) → a runnable
 * `sandbridge/programme-scenario@1`: one authority per observed authority with `screeningPassRate`
 * the posterior mean; as many applicants as one observation had on average, each targeting one
 * authority with weight its share of the applications (so a run reproduces the observed split); one
 * design, every authority deciding for itself, with room for everyone and queues that never wait (the
 * observations say nothing of capacity). Review and testing lengths and the exit rate are the
 * options' (defaults: 60–90 days, 182 days, 1), to be edited before comparing designs.
 */
export function calibrate(
  value: unknown,
  options: CalibrationOptions = {},
): { document: CalibratedScenarioDocument } | { errors: FieldProblem[] } {
  const read = readFunnelObservations(value);
  if ('errors' in read) return read;
  const { observations } = read;
  const settings = { ...DEFAULTS, ...options };
  const estimates = calibrateAuthorities(observations);
  const jurisdiction = new Map<string, string>();
  for (const o of observations)
    if (o.jurisdiction !== null && !jurisdiction.has(o.authority)) jurisdiction.set(o.authority, o.jurisdiction);
  const total = estimates.reduce((sum, e) => sum + e.applications, 0);
  const applicants = Math.max(1, Math.round(total / observations.length));
  const ids = estimates.map((e) => e.authority);
  return {
    document: {
      format: PROGRAMME_SCENARIO_FORMAT,
      seed: settings.seed,
      replications: settings.replications,
      startDay: settings.startDay,
      authorities: estimates.map((e) => ({
        id: e.authority,
        jurisdiction: jurisdiction.get(e.authority) ?? e.authority,
        screeningPassRate: e.mean,
        reviewDays: { ...settings.reviewDays },
        reviewsPerMonth: applicants,
        exitAuthoriseRate: settings.exitAuthoriseRate,
      })),
      applicants: {
        count: applicants,
        targets: { min: 1, max: 1 },
        // Weights of zero would make an authority unreachable: one with no applications keeps a tiny one.
        targetWeights: Object.fromEntries(
          estimates.map((e) => [e.authority, total ? round6(e.applications / total) || 1e-6 : 1]),
        ),
      },
      designs: [
        {
          name: 'Calibrated: each authority decides',
          participants: ids,
          jointEntryRule: JointEntryRule.EACH_AUTHORITY,
          capacity: applicants,
          testingDays: settings.testingDays,
          acceptsRecognisedResults: false,
        },
      ],
      calibration: {
        prior: 'Beta(1, 1)',
        interval: '90% credible: the posterior 5th and 95th percentiles',
        observations: observations.length,
        authorities: estimates,
      },
    },
  };
}
