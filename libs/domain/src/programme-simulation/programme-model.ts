// One replication of one programme design (docs/programme-simulation.md#the-model): steps 1–4 of the
// model on typed arrays allocated once per design, so that ten thousand replications allocate nothing
// per event. The figures of a replication are written into a row of numbers (see ROW below).
import { JointEntryRule } from '../programmes/programmes.js';
import { dayNumber } from '../recognition/recognition-engine.js';
import {
  EXIT,
  fold,
  idWords,
  RECOGNITION,
  REVIEW_DAYS,
  SCREENING,
  seedState,
  TARGET_COUNT,
  TARGET_PICK,
  uniform,
} from './programme-draws.js';
import { PROGRAMME_METRICS, type ProgrammeDesign, type ProgrammeScenario } from './programme-scenario.js';

// Held in module constants: a global lookup inside a vm context (Jest) is slow in a hot loop.
const { ceil, floor, max, min } = Math;

/** Days in one review window of step 1. */
const WINDOW_DAYS = 30;

// Column of each metric in a replication's row; then, per participant, admitted, declined, capacity-limited.
const APPLICATIONS = 0;
const ADMITTED = 1;
const CROSS_BORDER = 2;
const EXITED_WITH_ONE = 3;
const EXITED_WITH_TWO = 4;
const DECISION_DAYS_P50 = 5;
const DECISION_DAYS_P90 = 6;
const OVERDUE_SHARE = 7;
const UTILISATION = 8;
const METRIC_COLUMNS = PROGRAMME_METRICS.length;

/** The width of a design's row: the metrics, then three figures per participant. */
export const rowWidth = (design: ProgrammeDesign): number => METRIC_COLUMNS + 3 * design.participants.length;

// Track states.
const PENDING = 0;
/** Admitted on its own screening draw. */
const ADMITTED_OWN = 1;
/** Admitted because a result from an origin jurisdiction was recognised (never itself an origin: no chains). */
const ADMITTED_RECOGNISED = 2;
const DECLINED = 3;

// Enrolment states.
const OPEN = 0;
const TESTING = 1;
const REFUSED = 2;

const EACH = 0;
const UNANIMOUS = 1;
const LEAD = 2;

/**
 * The day "3 calendar months" after day 0 (`startDay`), as a day offset: the same day of the month,
 * clamped to the target month's end (2027-11-30 → 2028-02-29). Computed on numbers, so a start late
 * in 9999 still works.
 */
export function threeMonthsOffset(startDay: string): number {
  const year = Number(startDay.slice(0, 4));
  const month = Number(startDay.slice(5, 7)) - 1 + 3;
  const targetYear = year + Math.floor(month / 12);
  const targetMonth = month % 12;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  const dom = Math.min(Number(startDay.slice(8, 10)), lastDay);
  return Date.UTC(targetYear, targetMonth, dom) / 86_400_000 - dayNumber(startDay);
}

/** Nearest-rank percentile `pct` (0–100) of the first `n` values of `sorted` (ascending): the value at rank ⌈pct·n/100⌉. */
export function nearestRank(sorted: ArrayLike<number>, n: number, pct: number): number {
  if (n === 0) return 0;
  const rank = max(1, ceil((pct * n) / 100));
  return sorted[min(n, rank) - 1];
}

/**
 * A design compiled for the model: per participant (by position in `participants`) its parameters
 * in typed arrays, and the workspace of one replication, sized for the most tracks it can have.
 */
export class DesignModel {
  readonly width: number;
  private readonly P: number;
  private readonly rule: number;
  private readonly lead: number;
  private readonly capacity: number;
  private readonly testingDays: number;
  private readonly accepts: boolean;
  private readonly count: number;
  private readonly targetsMin: number;
  private readonly targetsSpan: number;
  private readonly seed: number;
  private readonly overdueAfter: number;

  private readonly passRate: Float64Array;
  private readonly exitRate: Float64Array;
  private readonly reviewMin: Int32Array;
  private readonly reviewSpan: Int32Array;
  private readonly perWindow: Float64Array;
  private readonly weight: Float64Array;
  private readonly idLo: Int32Array;
  private readonly idHi: Int32Array;
  /** Jurisdiction index of each participant. */
  private readonly jurisdiction: Int32Array;
  private readonly J: number;
  /** share[p·J + j]: the recognition share when participant p (recognising) declines after an admission in jurisdiction j. */
  private readonly share: Float64Array;
  private readonly recognises: Uint8Array;

  // Workspace, per participant.
  private readonly queue: Int32Array;
  private readonly chosen: Uint8Array;
  private readonly admittedBy: Int32Array;
  private readonly declinedBy: Int32Array;
  private readonly capacityLimitedBy: Int32Array;
  // Workspace, per track (at most count × P).
  private readonly trackApplicant: Int32Array;
  private readonly trackParticipant: Int32Array;
  private readonly trackHash: Int32Array;
  private readonly trackState: Uint8Array;
  private readonly order: Float64Array;
  // Workspace, per enrolment.
  private readonly first: Int32Array;
  private readonly tracks: Int32Array;
  private readonly pending: Int32Array;
  private readonly admittedTracks: Int32Array;
  private readonly leadTrack: Int32Array;
  private readonly holdsPlace: Uint8Array;
  private readonly state: Uint8Array;
  private readonly entryDays: Int32Array;
  private readonly releases: Int32Array;

  constructor(scenario: ProgrammeScenario, design: ProgrammeDesign) {
    const byId = new Map(scenario.authorities.map((a) => [a.id, a]));
    const participants = design.participants.map((id) => byId.get(id)!);
    const P = (this.P = participants.length);
    this.width = rowWidth(design);
    this.rule =
      design.jointEntryRule === JointEntryRule.EACH_AUTHORITY
        ? EACH
        : design.jointEntryRule === JointEntryRule.UNANIMOUS
          ? UNANIMOUS
          : LEAD;
    this.lead = this.rule === LEAD ? design.participants.indexOf(design.lead!) : -1;
    this.capacity = design.capacity;
    this.testingDays = design.testingDays;
    this.accepts = design.acceptsRecognisedResults;
    this.count = scenario.applicants.count;
    this.targetsMin = scenario.applicants.targets.min;
    this.targetsSpan = scenario.applicants.targets.max - scenario.applicants.targets.min + 1;
    this.seed = seedState(scenario.seed);
    this.overdueAfter = threeMonthsOffset(scenario.startDay);

    const weights = scenario.applicants.targetWeights;
    this.passRate = Float64Array.from(participants, (a) => a.screeningPassRate);
    this.exitRate = Float64Array.from(participants, (a) => a.exitAuthoriseRate);
    this.reviewMin = Int32Array.from(participants, (a) => a.reviewDays.min);
    this.reviewSpan = Int32Array.from(participants, (a) => a.reviewDays.max - a.reviewDays.min + 1);
    this.perWindow = Float64Array.from(participants, (a) => a.reviewsPerMonth);
    this.weight = Float64Array.from(participants, (a) => (weights ? (weights[a.id] ?? 0) : 1));
    const words = participants.map((a) => idWords(a.id));
    this.idLo = Int32Array.from(words, (w) => w[0]);
    this.idHi = Int32Array.from(words, (w) => w[1]);
    const codes = [...new Set(participants.map((a) => a.jurisdiction))];
    const J = (this.J = codes.length);
    this.jurisdiction = Int32Array.from(participants, (a) => codes.indexOf(a.jurisdiction));
    this.share = new Float64Array(P * J);
    this.recognises = new Uint8Array(P);
    if (this.accepts)
      for (const pair of scenario.recognition?.pairs ?? []) {
        const j = codes.indexOf(pair.origin);
        if (j < 0) continue;
        participants.forEach((a, p) => {
          if (a.jurisdiction !== pair.recognising || pair.share <= 0) return;
          // Several origins may apply to one decline: the most generous pair counts (one draw).
          this.share[p * J + j] = Math.max(this.share[p * J + j], pair.share);
          this.recognises[p] = 1;
        });
      }

    const maxTracks = this.count * P;
    const maxDay =
      WINDOW_DAYS * Math.floor((this.count - 1) / Math.max(1, Math.min(...this.perWindow))) +
      Math.max(...participants.map((a) => a.reviewDays.max));
    // The event order packs (day, track) into one double: it must stay an exact integer.
    if ((maxDay + 1) * maxTracks > Number.MAX_SAFE_INTEGER)
      throw new RangeError('the design has too many tracks to order');

    this.queue = new Int32Array(P);
    this.chosen = new Uint8Array(P);
    this.admittedBy = new Int32Array(P);
    this.declinedBy = new Int32Array(P);
    this.capacityLimitedBy = new Int32Array(P);
    this.trackApplicant = new Int32Array(maxTracks);
    this.trackParticipant = new Int32Array(maxTracks);
    this.trackHash = new Int32Array(maxTracks);
    this.trackState = new Uint8Array(maxTracks);
    this.order = new Float64Array(maxTracks);
    const n = this.count;
    this.first = new Int32Array(n);
    this.tracks = new Int32Array(n);
    this.pending = new Int32Array(n);
    this.admittedTracks = new Int32Array(n);
    this.leadTrack = new Int32Array(n);
    this.holdsPlace = new Uint8Array(n);
    this.state = new Uint8Array(n);
    this.entryDays = new Int32Array(n);
    this.releases = new Int32Array(n);
  }

  /**
   * Replication `replication`: its figures into `row[at … at + width)`. Step 1 draws every
   * applicant's targets and every track's decision day (queue slot + review); steps 2–4 walk the
   * tracks by decision day (ties: applicant, then participant order), with places and the rule.
   */
  run(replication: number, row: Float64Array, at: number): void {
    const { P, count, rule, lead } = this;
    const hReplication = fold(this.seed, replication);
    this.queue.fill(0);
    let n = 0;
    // Step 1: targets, queue slots, decision days.
    for (let a = 0; a < count; a++) {
      const hApplicant = fold(hReplication, a);
      let wanted = this.targetsMin + floor(uniform(hApplicant, TARGET_COUNT) * this.targetsSpan);
      let candidates = 0;
      let total = 0;
      for (let p = 0; p < P; p++) {
        this.chosen[p] = 0;
        if (p !== lead && this.weight[p] > 0) {
          candidates++;
          total += this.weight[p];
        }
      }
      if (lead >= 0) {
        this.chosen[lead] = 1; // the lead is always targeted, and counts in the number drawn
        wanted--;
      }
      if (wanted >= candidates) {
        for (let p = 0; p < P; p++) if (p !== lead && this.weight[p] > 0) this.chosen[p] = 1;
      } else {
        // Drawn by weight without replacement: draw k picks among those not yet picked.
        const hPick = fold(hApplicant, TARGET_PICK);
        for (let k = 0; k < wanted; k++) {
          let u = uniform(hPick, k) * total;
          let pick = -1;
          for (let p = 0; p < P; p++) {
            if (this.chosen[p] !== 0 || !(this.weight[p] > 0)) continue;
            pick = p; // rounding can leave u past the last bucket: the last one takes it
            if (u < this.weight[p]) break;
            u -= this.weight[p];
          }
          this.chosen[pick] = 1;
          total -= this.weight[pick];
        }
      }
      this.first[a] = n;
      for (let p = 0; p < P; p++) {
        if (this.chosen[p] === 0) continue;
        const h = fold(fold(hApplicant, this.idLo[p]), this.idHi[p]);
        const slot = this.queue[p]++;
        const day =
          WINDOW_DAYS * floor(slot / this.perWindow[p]) +
          this.reviewMin[p] +
          floor(uniform(h, REVIEW_DAYS) * this.reviewSpan[p]);
        this.trackApplicant[n] = a;
        this.trackParticipant[n] = p;
        this.trackHash[n] = h;
        this.trackState[n] = PENDING;
        this.order[n] = day; // the track number is added below, once n is known
        if (p === lead) this.leadTrack[a] = n;
        n++;
      }
      const tracks = n - this.first[a];
      this.tracks[a] = tracks;
      this.pending[a] = tracks;
      this.admittedTracks[a] = 0;
      this.holdsPlace[a] = 0;
      this.state[a] = OPEN;
    }
    const order = this.order.subarray(0, n);
    for (let t = 0; t < n; t++) order[t] = order[t] * n + t;
    order.sort();

    this.admittedBy.fill(0);
    this.declinedBy.fill(0);
    this.capacityLimitedBy.fill(0);
    let held = 0;
    let mostHeld = 0;
    let releaseHead = 0;
    let releaseTail = 0;
    let decided = 0;
    let overdue = 0;
    let admitted = 0;
    let crossBorder = 0;
    let exitedWithOne = 0;
    let exitedWithTwo = 0;
    const { capacity, overdueAfter } = this;

    // Steps 2–4.
    for (let e = 0; e < n; e++) {
      const key = order[e];
      const day = floor(key / n);
      const t = key - day * n;
      // A place freed on this day (testing ended) is free for this day's decisions.
      while (releaseHead < releaseTail && this.releases[releaseHead] <= day) {
        held--;
        releaseHead++;
      }
      const a = this.trackApplicant[t];
      // Decided already: UNANIMOUS after a decline (the rest stay undecided), LEAD_DECIDES after the lead.
      if (this.state[a] !== OPEN) continue;
      const first = this.first[a];
      const last = first + this.tracks[a];

      if (rule === LEAD) {
        if (t !== this.leadTrack[a]) continue; // only the lead's decision counts
        let admit = uniform(this.trackHash[t], SCREENING) < this.passRate[lead];
        let limited = false;
        if (admit) {
          if (held >= capacity) {
            admit = false;
            limited = true;
          } else {
            held++;
            if (held > mostHeld) mostHeld = held;
            this.holdsPlace[a] = 1;
          }
        }
        // Every track takes the lead's decision, that day.
        for (let s = first; s < last; s++) {
          const p = this.trackParticipant[s];
          if (day > overdueAfter) overdue++;
          if (admit) {
            this.trackState[s] = ADMITTED_OWN;
            this.admittedBy[p]++;
          } else {
            this.trackState[s] = DECLINED;
            this.declinedBy[p]++;
            if (limited) this.capacityLimitedBy[p]++;
          }
        }
        if (admit) this.admittedTracks[a] = last - first;
      } else {
        const p = this.trackParticipant[t];
        const h = this.trackHash[t];
        let admit = uniform(h, SCREENING) < this.passRate[p];
        let recognised = false;
        if (!admit && this.accepts && this.recognises[p] === 1) {
          // A decline turned into an admission when the enrolment already holds an admission (on its
          // own screening, decided before this one) from the pair's origin jurisdiction.
          let best = 0;
          for (let s = first; s < last; s++) {
            if (this.trackState[s] !== ADMITTED_OWN) continue;
            const share = this.share[p * this.J + this.jurisdiction[this.trackParticipant[s]]];
            if (share > best) best = share;
          }
          if (best > 0 && uniform(h, RECOGNITION) < best) admit = recognised = true;
        }
        let limited = false;
        if (admit && this.holdsPlace[a] === 0) {
          if (held >= capacity) {
            admit = false;
            limited = true;
          } else {
            held++;
            if (held > mostHeld) mostHeld = held;
            this.holdsPlace[a] = 1;
          }
        }
        if (day > overdueAfter) overdue++;
        if (admit) {
          this.trackState[t] = recognised ? ADMITTED_RECOGNISED : ADMITTED_OWN;
          this.admittedBy[p]++;
          this.admittedTracks[a]++;
        } else {
          this.trackState[t] = DECLINED;
          this.declinedBy[p]++;
          if (limited) this.capacityLimitedBy[p]++;
        }
        this.pending[a]--;
        if (rule === UNANIMOUS) {
          if (!admit) {
            this.refuse(a, day, decided++);
            if (this.holdsPlace[a] === 1) {
              held--;
              this.holdsPlace[a] = 0;
            }
            continue;
          }
          if (this.pending[a] > 0) continue;
        } else {
          if (this.pending[a] > 0) continue;
          if (this.admittedTracks[a] === 0) {
            this.refuse(a, day, decided++); // holds no place: it never had an accepted admission
            continue;
          }
        }
      }

      // The entry decision of enrolment a, on `day`.
      if (this.admittedTracks[a] === 0) {
        this.refuse(a, day, decided++);
        continue;
      }
      this.state[a] = TESTING;
      this.entryDays[decided++] = day;
      this.releases[releaseTail++] = day + this.testingDays;
      admitted++;
      if (this.admittedTracks[a] >= 2) crossBorder++;
      let authorised = 0;
      for (let s = first; s < last; s++) {
        const state = this.trackState[s];
        if (state !== ADMITTED_OWN && state !== ADMITTED_RECOGNISED) continue;
        if (uniform(this.trackHash[s], EXIT) < this.exitRate[this.trackParticipant[s]]) authorised++;
      }
      if (authorised >= 1) exitedWithOne++;
      if (authorised >= 2) exitedWithTwo++;
    }

    const days = this.entryDays.subarray(0, decided);
    days.sort();
    let applications = 0;
    for (let a = 0; a < count; a++) if (this.tracks[a] > 0) applications++;
    row[at + APPLICATIONS] = applications;
    row[at + ADMITTED] = admitted;
    row[at + CROSS_BORDER] = crossBorder;
    row[at + EXITED_WITH_ONE] = exitedWithOne;
    row[at + EXITED_WITH_TWO] = exitedWithTwo;
    row[at + DECISION_DAYS_P50] = nearestRank(days, decided, 50);
    row[at + DECISION_DAYS_P90] = nearestRank(days, decided, 90);
    row[at + OVERDUE_SHARE] = n === 0 ? 0 : overdue / n;
    row[at + UTILISATION] = mostHeld / capacity;
    for (let p = 0; p < P; p++) {
      const c = at + METRIC_COLUMNS + 3 * p;
      row[c] = this.admittedBy[p];
      row[c + 1] = this.declinedBy[p];
      row[c + 2] = this.capacityLimitedBy[p];
    }
  }

  /** Enrolment a is declined by its rule on `day` (its `index`-th entry decision). */
  private refuse(a: number, day: number, index: number): void {
    this.state[a] = REFUSED;
    this.entryDays[index] = day;
  }
}
