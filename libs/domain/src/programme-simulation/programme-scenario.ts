import type { FieldProblem } from '../errors/domain-error.js';
import type { JointEntryRule } from '../programmes/programmes.js';
import type { UtcDay } from '../recognition/recognition.js';
import type { IntRange } from '../simulation/scenario.js';

// The shapes of a programme design simulation (docs/programme-simulation.md): the scenario a
// regulator writes, and the result the simulation prints. Pure data; the reader and the model are
// beside this file.

export const PROGRAMME_SCENARIO_FORMAT = 'sandbridge/programme-scenario@1';
export const PROGRAMME_RESULT_FORMAT = 'sandbridge/programme-result@1';

/** At most this many replications: ten thousand already give percentiles to a fraction of a percent. */
export const MAX_REPLICATIONS = 10_000;
/** More applicants than this in one programme is a typo, not a cohort. */
export const MAX_APPLICANTS = 100_000;
/** A review, or a test, longer than a century is a typo. */
export const MAX_DAYS = 36_500;

/** One authority that can take part in a design: its screening and its queue. */
export interface ProgrammeAuthority {
  id: string;
  jurisdiction: string;
  /** Probability that its screening draws ADMIT. */
  screeningPassRate: number;
  /** Days from the start of a review to its decision, uniform over whole days. */
  reviewDays: IntRange;
  /** At most this many entry decisions per 30-day window, first come first served. */
  reviewsPerMonth: number;
  /** Probability that an admitted track is authorised when its testing ends. */
  exitAuthoriseRate: number;
}

export interface ProgrammeApplicants {
  count: number;
  /** How many distinct participants each applicant targets (capped by the participants that can be drawn). */
  targets: IntRange;
  /** Weight of each authority when drawing targets; null: every participant weighs 1. */
  targetWeights: Readonly<Record<string, number>> | null;
}

/** Under `acceptsRecognisedResults`, a decline of `recognising` may turn into an admission after an admission in `origin`. */
export interface RecognitionPair {
  origin: string;
  recognising: string;
  share: number;
}

export interface ProgrammeDesign {
  name: string;
  /** Authority ids, distinct; their order is the tie order of same-day decisions and the order of `byAuthority`. */
  participants: string[];
  /** Required (and a participant) under LEAD_DECIDES, else null when absent. */
  lead: string | null;
  jointEntryRule: JointEntryRule;
  /** Cohort places. */
  capacity: number;
  testingDays: number;
  acceptsRecognisedResults: boolean;
}

/** A read `sandbridge/programme-scenario@1`. */
export interface ProgrammeScenario {
  format: typeof PROGRAMME_SCENARIO_FORMAT;
  seed: number;
  replications: number;
  startDay: UtcDay;
  authorities: ProgrammeAuthority[];
  applicants: ProgrammeApplicants;
  recognition: { pairs: RecognitionPair[] } | null;
  designs: ProgrammeDesign[];
}

/** What the reader gives: the scenario, or every problem it refused with its JSON path (the first, as §8 readers do). */
export type ProgrammeScenarioReading = { scenario: ProgrammeScenario } | { errors: FieldProblem[] };

/** A figure over replications: its mean (6 decimals) and its 5th and 95th percentiles (nearest rank). */
export interface Figure {
  mean: number;
  p5: number;
  p95: number;
}

/** The per-design metrics, keys in output order. */
export const PROGRAMME_METRICS = [
  'applications',
  'admitted',
  'crossBorder',
  'exitedWithOne',
  'exitedWithTwo',
  'decisionDaysP50',
  'decisionDaysP90',
  'overdueShare',
  'utilisation',
] as const;
export type ProgrammeMetric = (typeof PROGRAMME_METRICS)[number];

/** The per-authority figures, keys in output order. */
export const AUTHORITY_FIGURES = ['admitted', 'declined', 'capacityLimited'] as const;
export type AuthorityFigure = (typeof AUTHORITY_FIGURES)[number];

export type AuthorityFigures = { authority: string } & Record<AuthorityFigure, Figure>;

export interface DesignResult {
  name: string;
  metrics: Record<ProgrammeMetric, Figure>;
  byAuthority: AuthorityFigures[];
  /** Each metric's mean minus the first design's, from unrounded means. */
  deltaVsFirst: Record<ProgrammeMetric, number>;
}

/** `sandbridge/programme-result@1`. */
export interface ProgrammeResult {
  format: typeof PROGRAMME_RESULT_FORMAT;
  scenario: { seed: number; replications: number };
  designs: DesignResult[];
}

/**
 * The figures of replications `[from, to)`: per design, the values of every replication, row by
 * row (`values[(r - from) * width + column]`, columns: the metrics, then per participant admitted,
 * declined, capacity-limited). Plain numbers, so that a partial travels as JSON or between threads.
 */
export interface ProgrammeSegment {
  from: number;
  to: number;
  designs: number[][];
}

/** What replications have been computed so far: disjoint segments ordered by `from`, adjacent ones joined. */
export interface ProgrammePartial {
  segments: ProgrammeSegment[];
}
