// The reader of sandbridge/programme-scenario@1 (docs/programme-simulation.md#the-scenario-file): every
// field is read and checked here, on the JSON readers the other file formats use, so a refusal names
// the JSON path of the first problem (`$.designs[1].lead`) the way every Sandbridge reader does.
import { JointEntryRule } from '../programmes/programmes.js';
import {
  absent,
  CaseFormatError,
  day,
  fail,
  field,
  Ids,
  type Json,
  list,
  number,
  object,
  oneOf,
  required,
  requiredList,
  string,
} from '../recognition/json-readers.js';
import {
  MAX_APPLICANTS,
  MAX_DAYS,
  MAX_REPLICATIONS,
  PROGRAMME_SCENARIO_FORMAT,
  type ProgrammeApplicants,
  type ProgrammeAuthority,
  type ProgrammeDesign,
  type ProgrammeScenario,
  type ProgrammeScenarioReading,
  type RecognitionPair,
} from './programme-scenario.js';
import type { IntRange } from '../simulation/scenario.js';

const ROOT = '$';

function integer(o: Json, key: string, path: string, min: number, max: number): number {
  const at = field(path, key);
  const n = number(required(o, key, path), at);
  if (!Number.isSafeInteger(n)) fail(at, 'must be a whole number');
  if (n < min || n > max)
    fail(at, max === Number.MAX_SAFE_INTEGER ? `must be at least ${min}` : `must be ${min}–${max}`);
  return n;
}

function rate(o: Json, key: string, path: string): number {
  const at = field(path, key);
  const n = number(required(o, key, path), at);
  if (n < 0 || n > 1) fail(at, 'must be between 0 and 1');
  return n;
}

function range(o: Json, key: string, path: string, min: number, max: number): IntRange {
  const at = field(path, key);
  const r = object(required(o, key, path), at);
  const low = integer(r, 'min', at, min, max);
  const high = integer(r, 'max', at, min, max);
  if (low > high) fail(at, `min (${low}) must not exceed max (${high})`);
  return { min: low, max: high };
}

function requiredBoolean(o: Json, key: string, path: string): boolean {
  const value = required(o, key, path);
  if (typeof value !== 'boolean') fail(field(path, key), 'must be true or false');
  return value;
}

function readAuthority(value: unknown, path: string, ids: Ids): ProgrammeAuthority {
  const o = object(value, path);
  const id = string(required(o, 'id', path), field(path, 'id'));
  ids.add(id, path);
  return {
    id,
    jurisdiction: string(required(o, 'jurisdiction', path), field(path, 'jurisdiction')),
    screeningPassRate: rate(o, 'screeningPassRate', path),
    reviewDays: range(o, 'reviewDays', path, 0, MAX_DAYS),
    reviewsPerMonth: integer(o, 'reviewsPerMonth', path, 1, Number.MAX_SAFE_INTEGER),
    exitAuthoriseRate: rate(o, 'exitAuthoriseRate', path),
  };
}

function readApplicants(value: unknown, path: string, ids: Ids): ProgrammeApplicants {
  const o = object(value, path);
  const count = integer(o, 'count', path, 1, MAX_APPLICANTS);
  // An application targets at least one authority (an enrolment has one track per targeted authority).
  const targets = range(o, 'targets', path, 1, Number.MAX_SAFE_INTEGER);
  let targetWeights: Record<string, number> | null = null;
  if (!absent(o.targetWeights)) {
    const at = field(path, 'targetWeights');
    const w = object(o.targetWeights, at);
    targetWeights = {};
    for (const [key, weight] of Object.entries(w)) {
      const entry = field(at, key);
      ids.reference(key, entry);
      const n = number(weight, entry);
      if (n < 0) fail(entry, 'must not be negative');
      targetWeights[key] = n;
    }
  }
  return { count, targets, targetWeights };
}

function readPair(
  value: unknown,
  path: string,
  jurisdictions: ReadonlySet<string>,
  seen: Set<string>,
): RecognitionPair {
  const o = object(value, path);
  const code = (key: string) => {
    const at = field(path, key);
    const c = string(required(o, key, path), at);
    if (!jurisdictions.has(c)) fail(at, `no authority of jurisdiction ${JSON.stringify(c)}`);
    return c;
  };
  const origin = code('origin');
  const recognising = code('recognising');
  const key = `${origin}\u0000${recognising}`;
  if (seen.has(key)) fail(path, `duplicate pair ${JSON.stringify(origin)} → ${JSON.stringify(recognising)}`);
  seen.add(key);
  return { origin, recognising, share: rate(o, 'share', path) };
}

function readDesign(
  value: unknown,
  path: string,
  ids: Ids,
  names: Set<string>,
  weights: Readonly<Record<string, number>> | null,
): ProgrammeDesign {
  const o = object(value, path);
  const nameAt = field(path, 'name');
  const name = string(required(o, 'name', path), nameAt);
  if (names.has(name)) fail(nameAt, `duplicate design name ${JSON.stringify(name)}`);
  names.add(name);
  const participantsAt = field(path, 'participants');
  const participants = list(required(o, 'participants', path), participantsAt, (item, at) => ids.reference(item, at));
  if (!participants.length) fail(participantsAt, 'must name at least one authority');
  participants.forEach((id, i) => {
    const first = participants.indexOf(id);
    if (first < i) fail(`${participantsAt}[${i}]`, `duplicate participant ${JSON.stringify(id)} (also [${first}])`);
  });
  const jointEntryRule = oneOf(JointEntryRule)(required(o, 'jointEntryRule', path), field(path, 'jointEntryRule'));
  const leadAt = field(path, 'lead');
  let lead: string | null = null;
  if (jointEntryRule === JointEntryRule.LEAD_DECIDES) lead = string(required(o, 'lead', path), leadAt);
  else if (!absent(o.lead)) lead = string(o.lead, leadAt);
  if (lead !== null && !participants.includes(lead)) fail(leadAt, `${JSON.stringify(lead)} is not a participant`);
  // Every applicant must be able to target someone: the lead always, else a participant with a positive weight.
  if (lead === null || jointEntryRule !== JointEntryRule.LEAD_DECIDES) {
    if (weights && !participants.some((id) => (weights[id] ?? 0) > 0))
      fail(participantsAt, 'no participant has a positive weight in $.applicants.targetWeights');
  }
  return {
    name,
    participants,
    lead,
    jointEntryRule,
    capacity: integer(o, 'capacity', path, 1, Number.MAX_SAFE_INTEGER),
    testingDays: integer(o, 'testingDays', path, 0, MAX_DAYS),
    acceptsRecognisedResults: requiredBoolean(o, 'acceptsRecognisedResults', path),
  };
}

function readScenario(value: unknown): ProgrammeScenario {
  const root = object(value, ROOT);
  if (absent(root.format)) fail(field(ROOT, 'format'), 'is required');
  if (root.format !== PROGRAMME_SCENARIO_FORMAT) fail(field(ROOT, 'format'), `must be "${PROGRAMME_SCENARIO_FORMAT}"`);
  const seed = number(required(root, 'seed', ROOT), field(ROOT, 'seed'));
  if (!Number.isSafeInteger(seed)) fail(field(ROOT, 'seed'), 'must be a whole number');
  const replications = integer(root, 'replications', ROOT, 1, MAX_REPLICATIONS);
  const startDay = day(required(root, 'startDay', ROOT), field(ROOT, 'startDay'));
  const ids = new Ids('authority');
  const authoritiesAt = field(ROOT, 'authorities');
  const authorities = requiredList(root, 'authorities', ROOT, (item, at) => readAuthority(item, at, ids));
  if (!authorities.length) fail(authoritiesAt, 'must list at least one authority');
  const applicants = readApplicants(required(root, 'applicants', ROOT), field(ROOT, 'applicants'), ids);
  let recognition: ProgrammeScenario['recognition'] = null;
  if (!absent(root.recognition)) {
    const at = field(ROOT, 'recognition');
    const jurisdictions = new Set(authorities.map((a) => a.jurisdiction));
    const seen = new Set<string>();
    recognition = {
      pairs: requiredList(object(root.recognition, at), 'pairs', at, (item, pairAt) =>
        readPair(item, pairAt, jurisdictions, seen),
      ),
    };
  }
  const names = new Set<string>();
  const designsAt = field(ROOT, 'designs');
  const designs = requiredList(root, 'designs', ROOT, (item, at) =>
    readDesign(item, at, ids, names, applicants.targetWeights),
  );
  if (!designs.length) fail(designsAt, 'must list at least one design');
  return {
    format: PROGRAMME_SCENARIO_FORMAT,
    seed,
    replications,
    startDay,
    authorities,
    applicants,
    recognition,
    designs,
  };
}

/**
 * Reads a parsed JSON value as `sandbridge/programme-scenario@1` (docs/programme-simulation.md): ignores
 * fields it does not know, reduces `startDay` to a UTC day, and refuses — naming the JSON path of the
 * first problem — an unknown format, a missing required field, a wrong type, a value out of range
 * (rates 0–1, replications 1–10,000, count ≥ 1, reviewsPerMonth ≥ 1, capacity ≥ 1, testingDays ≥ 0,
 * min ≤ max), a duplicate or unknown authority id, a duplicate design name or participant, a missing
 * lead under LEAD_DECIDES or a lead that is not a participant, and a recognition pair naming a
 * jurisdiction no authority has.
 *
 * Required: `format`, `seed`, `replications`, `startDay`, `authorities`, `applicants`, `designs` and
 * every field of their entries, except `applicants.targetWeights`, `recognition` and `lead`.
 */
export function readProgrammeScenario(value: unknown): ProgrammeScenarioReading {
  try {
    return { scenario: readScenario(value) };
  } catch (error) {
    if (error instanceof CaseFormatError) return { errors: [{ path: error.path, message: error.problem }] };
    throw error;
  }
}

/** Parses JSON text, then reads it as {@link readProgrammeScenario} does; text that is not JSON is refused at `$`. */
export function readProgrammeScenarioJson(text: string): ProgrammeScenarioReading {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return {
      errors: [{ path: ROOT, message: `not valid JSON (${error instanceof Error ? error.message : String(error)})` }],
    };
  }
  return readProgrammeScenario(value);
}
