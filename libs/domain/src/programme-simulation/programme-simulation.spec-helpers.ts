import { readProgrammeScenario } from './programme-scenario-format.js';
import type { ProgrammeScenario } from './programme-scenario.js';

// Builders for programme scenarios in tests: a valid document to mutate, and a reader that fails loudly.

type Doc = Record<string, any>;

/** An authority: everything exact by default (admits all, decides in `days`, no queue, authorises all). */
export function authority(id: string, overrides: Doc = {}): Doc {
  return {
    id,
    jurisdiction: id.toUpperCase(),
    screeningPassRate: 1,
    reviewDays: { min: 10, max: 10 },
    reviewsPerMonth: 1000,
    exitAuthoriseRate: 1,
    ...overrides,
  };
}

export function design(name: string, participants: string[], overrides: Doc = {}): Doc {
  return {
    name,
    participants,
    jointEntryRule: 'EACH_AUTHORITY',
    capacity: 1000,
    testingDays: 30,
    acceptsRecognisedResults: false,
    ...overrides,
  };
}

/** A valid programme-scenario@1 document: two authorities, three applicants targeting both, one design. */
export function scenarioDocument(overrides: Doc = {}): Doc {
  return {
    format: 'sandbridge/programme-scenario@1',
    seed: 7,
    replications: 3,
    startDay: '2027-11-30',
    authorities: [authority('a'), authority('b')],
    applicants: { count: 3, targets: { min: 2, max: 2 } },
    designs: [design('both', ['a', 'b'])],
    ...overrides,
  };
}

export function scenario(overrides: Doc = {}): ProgrammeScenario {
  const reading = readProgrammeScenario(scenarioDocument(overrides));
  if ('errors' in reading) throw new Error(JSON.stringify(reading.errors));
  return reading.scenario;
}
