import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseRecognitionCaseJson } from './case-format.js';
import { resolveCase } from './recognition-engine.js';

// The worked examples of docs/formats.md#recognition-case, copied into the repository (examples/recognition) so a clone tests alone.
const EXAMPLES = resolve(process.cwd(), 'examples/recognition');
const FIELDS = ['criterion', 'outcome', 'result', 'agreement', 'rule', 'divergent', 'supplementary'] as const;

const names = readdirSync(EXAMPLES)
  .filter((name) => name.endsWith('.case.json'))
  .map((name) => name.slice(0, -'.case.json'.length))
  .sort();

describe('the shared worked examples', () => {
  it('are all there', () => {
    expect(names).toEqual([
      'p1-conformity',
      'p2-equivalence-divergent',
      'p3-too-old',
      'p4-no-transitivity',
      'p5-partial-coverage',
    ]);
  });

  it.each(names)('%s resolves to exactly the expected fields', (name) => {
    const expected = JSON.parse(readFileSync(join(EXAMPLES, `${name}.expected.json`), 'utf8'));
    const actual = resolveCase(parseRecognitionCaseJson(readFileSync(join(EXAMPLES, `${name}.case.json`), 'utf8')));
    expect(actual.format).toBe(expected.format);
    const picked = actual.resolutions.map((resolution) => ({
      system: resolution.system,
      authority: resolution.authority,
      criteria: resolution.criteria.map((c) => Object.fromEntries(FIELDS.map((f) => [f, c[f]]))),
    }));
    expect(picked).toEqual(expected.resolutions);
  });
});
