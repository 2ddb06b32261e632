import { describe, expect, it } from '@jest/globals';
import { CheckName, type CriterionResolution, type QueryResolution, RecognitionOutcome } from './recognition.js';
import { ShownRecognitionOutcome, withholdUnreadableResolution } from './withheld-resolution.js';

const applicable = {
  name: CheckName.applicable,
  expected: 'any system',
  actual: 'sector FINANCE, riskClass HIGH',
  passed: true,
};
const candidate = (result: string) => ({
  result,
  checks: [{ name: CheckName.correspondence, expected: 'corresponds to c', actual: `${result} itself`, passed: true }],
});
const resolved = (
  criterion: string,
  outcome: RecognitionOutcome,
  result: string | null,
  candidates: string[] = [],
): CriterionResolution => ({
  criterion,
  outcome,
  result,
  agreement: result && outcome !== RecognitionOutcome.SATISFIED_LOCALLY ? 'eu-sg' : null,
  rule: result && outcome !== RecognitionOutcome.SATISFIED_LOCALLY ? 'r1' : null,
  divergent: false,
  supplementary: outcome === RecognitionOutcome.RECOGNISED_WITH_CONDITIONS ? 'Bias re-test' : null,
  checks: [
    applicable,
    {
      name: CheckName.local,
      expected: 'passing result',
      actual: result ?? 'none',
      passed: outcome === RecognitionOutcome.SATISFIED_LOCALLY,
    },
  ],
  candidates: candidates.map(candidate),
});
const query = (criteria: CriterionResolution[]): QueryResolution => ({ system: 's', authority: 'a', criteria });

describe('withholdUnreadableResolution', () => {
  const readable = new Set(['open-1', 'open-2']);
  const mayRead = (id: string) => readable.has(id);

  it('leaves a resolution the reader may read whole unchanged', () => {
    const input = query([
      resolved('a', RecognitionOutcome.SATISFIED_LOCALLY, 'open-1'),
      resolved('b', RecognitionOutcome.RECOGNISED, 'open-2', ['open-2']),
    ]);
    expect(withholdUnreadableResolution(input, mayRead)).toEqual(input);
  });

  it.each([
    RecognitionOutcome.SATISFIED_LOCALLY,
    RecognitionOutcome.RECOGNISED,
    RecognitionOutcome.RECOGNISED_WITH_CONDITIONS,
  ])(
    'shows a %s decided by a result the reader may not read as WITHHELD, with nothing that came from it',
    (outcome) => {
      const [shown] = withholdUnreadableResolution(
        query([resolved('c', outcome, 'hidden', ['hidden', 'open-1'])]),
        mayRead,
      ).criteria;
      expect(shown).toEqual({
        criterion: 'c',
        outcome: ShownRecognitionOutcome.WITHHELD,
        result: null,
        agreement: null,
        rule: null,
        divergent: false,
        supplementary: null,
        checks: [applicable],
        candidates: [],
      });
      expect(JSON.stringify(shown)).not.toContain('hidden');
    },
  );

  it('drops candidates the reader may not read from the other outcomes', () => {
    const [gap, recognised] = withholdUnreadableResolution(
      query([
        resolved('g', RecognitionOutcome.GAP, null, ['hidden', 'open-1']),
        resolved('r', RecognitionOutcome.RECOGNISED, 'open-2', ['hidden', 'open-2']),
      ]),
      mayRead,
    ).criteria;
    expect(gap).toMatchObject({ outcome: RecognitionOutcome.GAP, candidates: [candidate('open-1')] });
    expect(recognised).toMatchObject({
      outcome: RecognitionOutcome.RECOGNISED,
      result: 'open-2',
      candidates: [candidate('open-2')],
    });
  });

  it('leaves NOT_APPLICABLE alone', () => {
    const input = query([resolved('n', RecognitionOutcome.NOT_APPLICABLE, null)]);
    expect(withholdUnreadableResolution(input, () => false)).toEqual(input);
  });
});
