import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Category, Comparator, CriterionKind, Stage } from '../criteria/criteria.js';
import { rawCase } from './case-document.spec-helpers.js';
import { parseRecognitionCase, parseRecognitionCaseJson } from './case-format.js';
import { serialiseCriterion, serialiseRecognitionCase } from './case-serialise.js';
import type { CaseCriterion, RecognitionCase } from './recognition.js';
import { resolveCase } from './recognition-engine.js';

// The round trip of docs/formats.md#recognition-case: what the reader returns, written out, reads back
// to exactly the same case — as an object and through JSON text.

const EXAMPLES = resolve(process.cwd(), 'examples/recognition');
const examples = readdirSync(EXAMPLES)
  .filter((name) => name.endsWith('.case.json'))
  .sort();

const throughText = (c: RecognitionCase) => parseRecognitionCaseJson(JSON.stringify(serialiseRecognitionCase(c)));

// toEqual, not toStrictEqual: it still tells -0 from 0, but toStrictEqual compares `constructor`s, and an id
// may be the string "constructor" (an own key of `costs`).
function expectRoundTrip(c: RecognitionCase): void {
  expect(parseRecognitionCase(serialiseRecognitionCase(c))).toEqual(c);
  expect(throughText(c)).toEqual(c);
}

const metric = (fields: Partial<CaseCriterion>): CaseCriterion => ({
  id: 'c1',
  authority: 'a1',
  key: 'fairness.gap',
  version: 2,
  stage: Stage.TESTING,
  category: Category.FAIRNESS,
  kind: CriterionKind.METRIC,
  metric: 'gap',
  comparator: Comparator.GTE,
  threshold: 0.9,
  thresholdHigh: null,
  sectors: [],
  riskClasses: [],
  clauses: ['k1'],
  ...fields,
});

describe('serialiseRecognitionCase', () => {
  it('writes a BETWEEN threshold as [low, high], and no thresholdHigh', () => {
    const written = serialiseCriterion(metric({ comparator: Comparator.BETWEEN, threshold: 0.2, thresholdHigh: 0.8 }));
    expect(written).toEqual(expect.objectContaining({ comparator: 'BETWEEN', threshold: [0.2, 0.8] }));
    expect(written).not.toHaveProperty('thresholdHigh');
    expect(serialiseCriterion(metric({})).threshold).toBe(0.9);
  });

  it('writes metric fields for METRIC criteria only, every other field in the order of the format', () => {
    expect(Object.keys(serialiseCriterion(metric({})))).toEqual([
      'id',
      'authority',
      'key',
      'version',
      'stage',
      'category',
      'kind',
      'metric',
      'comparator',
      'threshold',
      'sectors',
      'riskClasses',
      'clauses',
    ]);
    const evidence = metric({ kind: CriterionKind.EVIDENCE, metric: null, comparator: null, threshold: null });
    expect(Object.keys(serialiseCriterion(evidence))).not.toContain('metric');
  });

  it.each(examples)('round-trips %s, and the written case resolves as the original', (name) => {
    const read = parseRecognitionCaseJson(readFileSync(join(EXAMPLES, name), 'utf8'));
    expectRoundTrip(read);
    expect(resolveCase(throughText(read))).toEqual(resolveCase(read));
  });

  it('round-trips every document the reader accepts: parse(serialise(d)) deep-equals d', () => {
    fc.assert(
      fc.property(fc.gen(), (g) => {
        const read = parseRecognitionCase(rawCase(g));
        expectRoundTrip(read);
        // Writing is idempotent: the written document is the normal form of every spelling of the case.
        expect(serialiseRecognitionCase(throughText(read))).toEqual(serialiseRecognitionCase(read));
      }),
      { numRuns: 300, endOnFailure: true },
    );
  });

  it('shares nothing with the case it writes', () => {
    const read = parseRecognitionCaseJson(readFileSync(join(EXAMPLES, examples[0]), 'utf8'));
    const before = JSON.parse(JSON.stringify(read));
    const written = serialiseRecognitionCase(read);
    written.criteria[0].clauses.push('changed');
    written.agreements[0]?.rules[0]?.origins.push('changed');
    written.results[0].lab.accredited = !written.results[0].lab.accredited;
    expect(read).toEqual(before);
  });
});
