// "Simulate this design" (docs/programme-simulation.md#from-a-stored-programme): a stored programme and
// the platform's own decided entry tracks in, a runnable sandbridge/programme-scenario@1 out — the
// programme as designed plus the variants a designer asks about first, so that comparing designs
// works before anyone edits a figure.
import { JointEntryRule } from '../programmes/programmes.js';
import { MIN_CELL_SYSTEMS } from '../simulation/disclosure.js';
import { betaQuantile } from './beta-distribution.js';
import { calibrateAuthorities } from './programme-calibration.js';
import { MAX_APPLICANTS, MAX_REPLICATIONS, PROGRAMME_SCENARIO_FORMAT } from './programme-scenario.js';
import { round6 } from './programme-simulation.js';

/**
 * Disclosure control (docs/domain.md#disclosure-control): an authority's screening rate is estimated
 * from its decided enrolments only when there are at least this many; below, the figure would describe
 * a handful of applicants, and the uninformed prior stands in for it.
 */
export const MIN_CALIBRATION_ENROLMENTS = MIN_CELL_SYSTEMS;

/** One participating authority: its key in the scenario and its decided entry tracks on the platform. */
export interface DesignParticipant {
  /** The authority's id in the scenario (e.g. `gb-fca`). */
  key: string;
  jurisdiction: string;
  /** Entry tracks it decided ADMIT / DECLINE, in every programme. */
  admitted: number;
  declined: number;
}

/** A stored programme as the scenario needs it. */
export interface StoredProgrammeDesign {
  name: string;
  /** In the programme's order; the lead among them. */
  participants: DesignParticipant[];
  /** The lead's key. */
  lead: string;
  jointEntryRule: JointEntryRule;
  capacity: number;
  testingDays: number;
  acceptsRecognisedResults: boolean;
  /** The day applications are reviewed from (the window's close, else its opening, else today). */
  startDay: string;
  /** Jurisdiction pairs an agreement in force recognises results between (origin → recognising). */
  recognitionPairs: { origin: string; recognising: string }[];
}

export interface DesignScenarioOptions {
  /** 1–10,000 (default 1,000). */
  replications?: number;
  /** Default: three applications per place, as the FCA's first cohorts drew. */
  applicants?: number;
  seed?: number;
}

/** One authority's screening rate as estimated, or withheld under disclosure control. */
export interface DesignCalibration {
  authority: string;
  /** Null when suppressed: the counts are not shown. */
  decided: number | null;
  admitted: number | null;
  declined: number | null;
  alpha: number;
  beta: number;
  mean: number;
  p5: number;
  p95: number;
  suppressed: boolean;
  note: string;
}

/** Share of declines that recognition turns into admissions when nothing better is known. */
export const ASSUMED_RECOGNITION_SHARE = 0.5;
const REVIEW_DAYS = { min: 60, max: 90 };

/**
 * The scenario of a stored programme: one authority per participant (screening rate: the Beta(1 +
 * admitted, 1 + declined) posterior mean over its decided entry tracks, or the prior's 0.5 below
 * {@link MIN_CALIBRATION_ENROLMENTS}), and three designs — the programme as stored, the same with
 * recognised results accepted (or not, if it already accepts them), and the same under the other
 * joint-entry rule (EACH_AUTHORITY ↔ UNANIMOUS; LEAD_DECIDES → EACH_AUTHORITY). What the platform does
 * not know (review lengths, queues, exit rates, how many authorities an applicant targets, the
 * recognition share) is set to stated assumptions listed in `calibration.assumptions`.
 */
export function programmeDesignScenario(programme: StoredProgrammeDesign, options: DesignScenarioOptions = {}) {
  const replications = options.replications ?? 1000;
  if (!Number.isSafeInteger(replications) || replications < 1 || replications > MAX_REPLICATIONS)
    throw new RangeError(`replications must be a whole number from 1 to ${MAX_REPLICATIONS}`);
  const applicants = options.applicants ?? Math.min(MAX_APPLICANTS, 3 * programme.capacity);
  if (!Number.isSafeInteger(applicants) || applicants < 1 || applicants > MAX_APPLICANTS)
    throw new RangeError(`applicants must be a whole number from 1 to ${MAX_APPLICANTS}`);
  const keys = programme.participants.map((p) => p.key);
  const calibration = programme.participants.map(calibrateParticipant);
  const jurisdictions = new Set(programme.participants.map((p) => p.jurisdiction));
  const pairs = programme.recognitionPairs.filter(
    (p) => p.origin !== p.recognising && jurisdictions.has(p.origin) && jurisdictions.has(p.recognising),
  );
  const design = (name: string, changes: { jointEntryRule?: JointEntryRule; acceptsRecognisedResults?: boolean }) => ({
    name,
    participants: keys,
    lead: programme.lead,
    jointEntryRule: changes.jointEntryRule ?? programme.jointEntryRule,
    capacity: programme.capacity,
    testingDays: programme.testingDays,
    acceptsRecognisedResults: changes.acceptsRecognisedResults ?? programme.acceptsRecognisedResults,
  });
  const otherRule =
    programme.jointEntryRule === JointEntryRule.EACH_AUTHORITY
      ? JointEntryRule.UNANIMOUS
      : JointEntryRule.EACH_AUTHORITY;
  return {
    format: PROGRAMME_SCENARIO_FORMAT,
    description: `${programme.name}: the stored design and two variants, screening rates calibrated from the platform's decided entry tracks.`,
    seed: options.seed ?? 1,
    replications,
    startDay: programme.startDay,
    authorities: programme.participants.map((p, i) => ({
      id: p.key,
      jurisdiction: p.jurisdiction,
      screeningPassRate: calibration[i].mean,
      reviewDays: { ...REVIEW_DAYS },
      reviewsPerMonth: applicants,
      exitAuthoriseRate: 1,
    })),
    applicants: { count: applicants, targets: { min: 1, max: Math.min(3, keys.length) } },
    ...(pairs.length ? { recognition: { pairs: pairs.map((p) => ({ ...p, share: ASSUMED_RECOGNITION_SHARE })) } } : {}),
    designs: [
      design('As designed', {}),
      design(programme.acceptsRecognisedResults ? 'Recognised results not accepted' : 'Recognised results accepted', {
        acceptsRecognisedResults: !programme.acceptsRecognisedResults,
      }),
      design(`${otherRule} entry`, { jointEntryRule: otherRule }),
    ],
    calibration: {
      source: 'the platform: entry tracks decided ADMIT or DECLINE by each authority, in every programme',
      prior: 'Beta(1, 1)',
      interval: '90% credible: the posterior 5th and 95th percentiles',
      minimumEnrolments: MIN_CALIBRATION_ENROLMENTS,
      authorities: calibration,
      assumptions: [
        `reviewDays ${REVIEW_DAYS.min}–${REVIEW_DAYS.max} and no review queue (reviewsPerMonth = applicants): the platform does not yet measure review capacity`,
        'exitAuthoriseRate 1: every admitted track is authorised at exit',
        `applicants.count ${applicants}${options.applicants === undefined ? ' (three per place)' : ''}, each targeting 1 to ${Math.min(3, keys.length)} participants`,
        pairs.length
          ? `recognition share ${ASSUMED_RECOGNITION_SHARE} for each jurisdiction pair an agreement in force covers`
          : 'no agreement in force between the participants’ jurisdictions: recognition has no pairs',
      ],
    },
  };
}

/** A participant's posterior, or the prior when too few decisions would show through. */
function calibrateParticipant(p: DesignParticipant): DesignCalibration {
  const decided = p.admitted + p.declined;
  if (decided < MIN_CALIBRATION_ENROLMENTS) {
    return {
      authority: p.key,
      decided: null,
      admitted: null,
      declined: null,
      alpha: 1,
      beta: 1,
      mean: 0.5,
      p5: round6(betaQuantile(0.05, 1, 1)),
      p95: round6(betaQuantile(0.95, 1, 1)),
      suppressed: true,
      note: `fewer than ${MIN_CALIBRATION_ENROLMENTS} decided enrolments: withheld (disclosure control); the uninformed prior Beta(1, 1) is used`,
    };
  }
  const [estimate] = calibrateAuthorities([
    { authority: p.key, applications: decided, admitted: p.admitted, jurisdiction: p.jurisdiction },
  ]);
  return {
    authority: p.key,
    decided,
    admitted: estimate.admitted,
    declined: estimate.declined,
    alpha: estimate.alpha,
    beta: estimate.beta,
    mean: estimate.mean,
    p5: estimate.p5,
    p95: estimate.p95,
    suppressed: false,
    note: `Beta(1 + ${estimate.admitted}, 1 + ${estimate.declined}) posterior over ${decided} decided enrolments`,
  };
}
