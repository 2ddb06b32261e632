// The sandbridge/programme-scenario@1 document (docs/programme-simulation.md#the-scenario-file) as the
// designer edits it: plain data, changed by the small pure functions below. Fields the designer does
// not show (description, calibration, anything unknown) are kept as they are, so a file round-trips.

export type JointEntryRule = 'EACH_AUTHORITY' | 'UNANIMOUS' | 'LEAD_DECIDES';

export interface Range {
  min: number;
  max: number;
}

export interface ScenarioAuthority {
  id: string;
  jurisdiction: string;
  screeningPassRate: number;
  reviewDays: Range;
  reviewsPerMonth: number;
  exitAuthoriseRate: number;
}

export interface ScenarioDesign {
  name: string;
  participants: string[];
  jointEntryRule: JointEntryRule;
  lead?: string;
  capacity: number;
  testingDays: number;
  acceptsRecognisedResults: boolean;
}

export interface CalibratedAuthority {
  authority: string;
  mean: number;
  p5: number;
  p95: number;
  applications?: number;
  admitted?: number | null;
  suppressed?: boolean;
}

export interface ProgrammeScenario {
  format: 'sandbridge/programme-scenario@1';
  description?: string;
  seed: number;
  replications: number;
  startDay: string;
  authorities: ScenarioAuthority[];
  applicants: { count: number; targets: Range; targetWeights?: Record<string, number> };
  recognition?: { pairs: { origin: string; recognising: string; share: number }[] };
  designs: ScenarioDesign[];
  calibration?: { authorities?: CalibratedAuthority[]; assumptions?: string[]; [key: string]: unknown };
  [key: string]: unknown;
}

export const FORMAT = 'sandbridge/programme-scenario@1';

export const JOINT_ENTRY_RULES: { value: JointEntryRule; label: string }[] = [
  { value: 'EACH_AUTHORITY', label: 'Each authority decides for itself' },
  { value: 'UNANIMOUS', label: 'Unanimous: every authority named must admit' },
  { value: 'LEAD_DECIDES', label: 'The lead decides for all' },
];

/** A file or the API's JSON as a scenario, or why it is not one (the API checks the rest). */
export function asScenario(value: unknown): ProgrammeScenario {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error('Not a JSON object');
  const doc = value as Partial<ProgrammeScenario>;
  if (doc.format !== FORMAT) throw new Error(`Its format is not ${FORMAT}`);
  if (!Array.isArray(doc.authorities) || !Array.isArray(doc.designs) || !doc.applicants)
    throw new Error('It needs authorities, applicants and designs');
  return doc as ProgrammeScenario;
}

/** A new design's name: "name (copy)", "name (copy 2)", … unused by the scenario. */
function freeName(scenario: ProgrammeScenario, base: string): string {
  const taken = new Set(scenario.designs.map((d) => d.name));
  for (let n = 1; ; n++) {
    const name = n === 1 ? `${base} (copy)` : `${base} (copy ${n})`;
    if (!taken.has(name)) return name;
  }
}

export const updateDesign = (s: ProgrammeScenario, i: number, change: Partial<ScenarioDesign>): ProgrammeScenario => ({
  ...s,
  designs: s.designs.map((d, j) => {
    if (j !== i) return d;
    const next = { ...d, ...change };
    // A lead only means something when the lead decides; it must be a participant.
    if (next.jointEntryRule !== 'LEAD_DECIDES' && !('lead' in change)) return next;
    if (next.lead && !next.participants.includes(next.lead)) delete next.lead;
    if (next.jointEntryRule === 'LEAD_DECIDES' && !next.lead) next.lead = next.participants[0];
    return next;
  }),
});

export const duplicateDesign = (s: ProgrammeScenario, i: number): ProgrammeScenario => ({
  ...s,
  designs: [
    ...s.designs.slice(0, i + 1),
    { ...s.designs[i], participants: [...s.designs[i].participants], name: freeName(s, s.designs[i].name) },
    ...s.designs.slice(i + 1),
  ],
});

function unusedName(s: ProgrammeScenario): string {
  const taken = new Set(s.designs.map((d) => d.name));
  let n = s.designs.length + 1;
  while (taken.has(`Design ${n}`)) n++;
  return `Design ${n}`;
}

/** A new design: every authority taking part, each deciding for itself, room for every applicant. */
export const addDesign = (s: ProgrammeScenario): ProgrammeScenario => ({
  ...s,
  designs: [
    ...s.designs,
    {
      name: unusedName(s),
      participants: s.authorities.map((a) => a.id),
      jointEntryRule: 'EACH_AUTHORITY',
      capacity: s.applicants.count,
      testingDays: 182,
      acceptsRecognisedResults: false,
    },
  ],
});

export const removeDesign = (s: ProgrammeScenario, i: number): ProgrammeScenario => ({
  ...s,
  designs: s.designs.filter((_, j) => j !== i),
});

export const updateAuthority = (
  s: ProgrammeScenario,
  id: string,
  change: Partial<ScenarioAuthority>,
): ProgrammeScenario => ({
  ...s,
  authorities: s.authorities.map((a) => (a.id === id ? { ...a, ...change } : a)),
});

/** One authority's screening rate before and after a calibration (before: null when it was added). */
export interface CalibrationChange {
  authority: string;
  before: number | null;
  after: CalibratedAuthority;
}

/**
 * Applies what calibrateProgramme wrote to the scenario being edited: each calibrated authority's
 * screening rate (an authority the scenario lacks is added as calibrated, with the calibration's
 * defaults), and the calibration record. With no scenario yet, the calibrated one is taken whole.
 */
export function applyCalibration(
  current: ProgrammeScenario | null,
  calibrated: ProgrammeScenario,
): { scenario: ProgrammeScenario; changes: CalibrationChange[] } {
  const estimates = calibrated.calibration?.authorities ?? [];
  if (!current)
    return {
      scenario: calibrated,
      changes: estimates.map((after) => ({ authority: after.authority, before: null, after })),
    };
  let scenario: ProgrammeScenario = { ...current, calibration: calibrated.calibration };
  const changes: CalibrationChange[] = [];
  for (const after of estimates) {
    const existing = scenario.authorities.find((a) => a.id === after.authority);
    if (existing) {
      changes.push({ authority: after.authority, before: existing.screeningPassRate, after });
      scenario = updateAuthority(scenario, after.authority, { screeningPassRate: after.mean });
    } else {
      const added = calibrated.authorities.find((a) => a.id === after.authority);
      if (!added) continue;
      changes.push({ authority: after.authority, before: null, after });
      scenario = { ...scenario, authorities: [...scenario.authorities, added] };
    }
  }
  return { scenario, changes };
}

/** A count or a number of days as the CLI prints it: whole numbers as they are, others with two decimals. */
export const plain = (n: number): string => (Number.isInteger(n) ? String(n) : n.toFixed(2));
export const percent = (n: number): string => `${(n * 100).toFixed(1)} %`;
