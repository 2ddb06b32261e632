import { describe, expect, it } from '@jest/globals';
import { readProgrammeScenario, readProgrammeScenarioJson } from './programme-scenario-format.js';
import { design, scenarioDocument } from './programme-simulation.spec-helpers.js';

// Every refusal names the JSON path of the first problem (docs/programme-simulation.md#the-scenario-file).

type Doc = Record<string, any>;
const refusal = (doc: Doc) => {
  const reading = readProgrammeScenario(doc);
  if (!('errors' in reading)) throw new Error('read without a problem');
  expect(reading.errors).toHaveLength(1);
  return `${reading.errors[0].path}: ${reading.errors[0].message}`;
};
const mutated = (change: (doc: Doc) => void) => {
  const doc = scenarioDocument();
  change(doc);
  return doc;
};

describe('readProgrammeScenario', () => {
  it('reads a valid scenario, ignoring fields it does not know, and reduces startDay to a UTC day', () => {
    const reading = readProgrammeScenario(
      scenarioDocument({
        startDay: '2026-06-01T23:30:00-02:00',
        note: 'ignored',
        designs: [{ ...design('d', ['a']), extra: 1 }],
      }),
    );
    expect('scenario' in reading && reading.scenario).toMatchObject({
      startDay: '2026-06-02',
      recognition: null,
      applicants: { count: 3, targets: { min: 2, max: 2 }, targetWeights: null },
      designs: [{ name: 'd', participants: ['a'], lead: null, jointEntryRule: 'EACH_AUTHORITY' }],
    });
  });

  it.each<[string, (doc: Doc) => void, string]>([
    ['format', (d) => (d.format = 'sandbridge/scenario@1'), '$.format: must be "sandbridge/programme-scenario@1"'],
    ['missing seed', (d) => delete d.seed, '$.seed: is required'],
    ['replications 0', (d) => (d.replications = 0), '$.replications: must be 1–10000'],
    ['replications 10,001', (d) => (d.replications = 10_001), '$.replications: must be 1–10000'],
    ['replications 1.5', (d) => (d.replications = 1.5), '$.replications: must be a whole number'],
    [
      'startDay',
      (d) => (d.startDay = '2026-02-30'),
      '$.startDay: must be an ISO 8601 date (YYYY-MM-DD) or a timestamp with an offset',
    ],
    [
      'startDay year',
      (d) => (d.startDay = '0999-12-31'),
      '$.startDay: must be a day between 1000-01-01 and 9999-12-31',
    ],
    ['no authorities', (d) => (d.authorities = []), '$.authorities: must list at least one authority'],
    [
      'duplicate authority',
      (d) => (d.authorities[1].id = 'a'),
      '$.authorities[1].id: duplicate id "a" (also $.authorities[0])',
    ],
    [
      'rate > 1',
      (d) => (d.authorities[1].screeningPassRate = 1.1),
      '$.authorities[1].screeningPassRate: must be between 0 and 1',
    ],
    [
      'exit rate < 0',
      (d) => (d.authorities[0].exitAuthoriseRate = -0.1),
      '$.authorities[0].exitAuthoriseRate: must be between 0 and 1',
    ],
    [
      'min > max',
      (d) => (d.authorities[0].reviewDays = { min: 5, max: 4 }),
      '$.authorities[0].reviewDays: min (5) must not exceed max (4)',
    ],
    [
      'negative review',
      (d) => (d.authorities[0].reviewDays.min = -1),
      '$.authorities[0].reviewDays.min: must be 0–36500',
    ],
    [
      'reviewsPerMonth 0',
      (d) => (d.authorities[0].reviewsPerMonth = 0),
      '$.authorities[0].reviewsPerMonth: must be at least 1',
    ],
    ['jurisdiction', (d) => (d.authorities[0].jurisdiction = 3), '$.authorities[0].jurisdiction: must be a string'],
    ['count 0', (d) => (d.applicants.count = 0), '$.applicants.count: must be 1–100000'],
    ['targets min 0', (d) => (d.applicants.targets.min = 0), '$.applicants.targets.min: must be at least 1'],
    [
      'targets min > max',
      (d) => (d.applicants.targets = { min: 3, max: 2 }),
      '$.applicants.targets: min (3) must not exceed max (2)',
    ],
    [
      'unknown weight',
      (d) => (d.applicants.targetWeights = { zz: 1 }),
      '$.applicants.targetWeights.zz: unknown authority "zz"',
    ],
    [
      'negative weight',
      (d) => (d.applicants.targetWeights = { a: -1 }),
      '$.applicants.targetWeights.a: must not be negative',
    ],
    [
      'pair jurisdiction',
      (d) => (d.recognition = { pairs: [{ origin: 'A', recognising: 'Q', share: 1 }] }),
      '$.recognition.pairs[0].recognising: no authority of jurisdiction "Q"',
    ],
    [
      'pair share',
      (d) => (d.recognition = { pairs: [{ origin: 'A', recognising: 'B', share: 2 }] }),
      '$.recognition.pairs[0].share: must be between 0 and 1',
    ],
    [
      'duplicate pair',
      (d) => (d.recognition = { pairs: [1, 2].map(() => ({ origin: 'A', recognising: 'B', share: 1 })) }),
      '$.recognition.pairs[1]: duplicate pair "A" → "B"',
    ],
    ['no designs', (d) => (d.designs = []), '$.designs: must list at least one design'],
    [
      'duplicate design',
      (d) => d.designs.push(design('both', ['a'])),
      '$.designs[1].name: duplicate design name "both"',
    ],
    [
      'unknown participant',
      (d) => d.designs.push(design('x', ['a', 'q'])),
      '$.designs[1].participants[1]: unknown authority "q"',
    ],
    [
      'repeated participant',
      (d) => d.designs.push(design('x', ['b', 'a', 'b'])),
      '$.designs[1].participants[2]: duplicate participant "b" (also [0])',
    ],
    [
      'no participants',
      (d) => (d.designs[0].participants = []),
      '$.designs[0].participants: must name at least one authority',
    ],
    [
      'rule',
      (d) => (d.designs[0].jointEntryRule = 'MAJORITY'),
      '$.designs[0].jointEntryRule: must be one of EACH_AUTHORITY, UNANIMOUS, LEAD_DECIDES',
    ],
    [
      'lead missing',
      (d) => d.designs.push(design('x', ['a'], { jointEntryRule: 'LEAD_DECIDES' })),
      '$.designs[1].lead: is required',
    ],
    [
      'lead outside',
      (d) => d.designs.push(design('x', ['a'], { jointEntryRule: 'LEAD_DECIDES', lead: 'b' })),
      '$.designs[1].lead: "b" is not a participant',
    ],
    ['capacity 0', (d) => (d.designs[0].capacity = 0), '$.designs[0].capacity: must be at least 1'],
    ['testingDays < 0', (d) => (d.designs[0].testingDays = -1), '$.designs[0].testingDays: must be 0–36500'],
    [
      'accepts missing',
      (d) => delete d.designs[0].acceptsRecognisedResults,
      '$.designs[0].acceptsRecognisedResults: is required',
    ],
    [
      'weights leave a design no one',
      (d) => {
        d.applicants.targetWeights = { a: 1, b: 0 };
        d.designs.push(design('x', ['b']));
      },
      '$.designs[1].participants: no participant has a positive weight in $.applicants.targetWeights',
    ],
  ])('refuses %s', (_, change, expected) => {
    expect(refusal(mutated(change))).toBe(expected);
  });

  it('accepts a LEAD_DECIDES design whose only positive weight is nobody: the lead is always targeted', () => {
    const doc = scenarioDocument({
      applicants: { count: 1, targets: { min: 1, max: 1 }, targetWeights: { a: 1, b: 0 } },
      designs: [design('x', ['b'], { jointEntryRule: 'LEAD_DECIDES', lead: 'b' })],
    });
    expect('scenario' in readProgrammeScenario(doc)).toBe(true);
  });

  it('refuses text that is not JSON at $', () => {
    const reading = readProgrammeScenarioJson('{ nope');
    expect('errors' in reading && reading.errors[0].path).toBe('$');
  });
});
