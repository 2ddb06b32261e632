import { describe, expect, it } from '@jest/globals';
import { parseRecognitionCase } from '../recognition/case-format.js';
import { resolveCase } from '../recognition/recognition-engine.js';
import { type CriterionResolution, RecognitionOutcome } from '../recognition/recognition.js';
import { type CriterionEvaluation, CriterionOutcome, unmetMandatory } from './evaluation.js';
import {
  countRecognisedResults,
  MetBy,
  type RecognisedResult,
  recognisedResultOf,
  withholdUnreadable,
} from './recognised-results.js';

const { MET, UNMET, NOT_SUBMITTED, INSUFFICIENT_EVIDENCE, NOT_APPLICABLE } = CriterionOutcome;

const evaluation = (
  criterionId: string,
  outcome: CriterionOutcome,
  resultId: string | null = null,
  mandatory = true,
): CriterionEvaluation => ({ criterionId, mandatory, outcome, resultId });
const recognised = (
  result: string,
  outcome: RecognisedResult['outcome'] = RecognitionOutcome.RECOGNISED,
): RecognisedResult => ({
  outcome,
  result,
  testedIn: 'SG',
  agreement: 'eu-sg',
  rule: 'r1',
  divergent: false,
  supplementary:
    outcome === RecognitionOutcome.RECOGNISED ? null : { text: 'Bias re-test on EU data', criteria: ['eu-fair-1'] },
  checks: [],
});

describe('countRecognisedResults', () => {
  it('with the option off (no recognitions) only adds metBy: every outcome and result id unchanged', () => {
    const input = [
      evaluation('a', MET, 'own-a'),
      evaluation('b', UNMET, 'own-b'),
      evaluation('c', NOT_SUBMITTED),
      evaluation('d', NOT_APPLICABLE),
    ];
    const out = countRecognisedResults(input, null);
    expect(
      out.map(({ criterionId, outcome, resultId, mandatory }) => ({ criterionId, outcome, resultId, mandatory })),
    ).toEqual(input);
    expect(out.map((e) => [e.metBy, e.recognition])).toEqual([
      [MetBy.OWN_RESULT, null],
      [null, null],
      [null, null],
      [null, null],
    ]);
  });

  it.each([UNMET, NOT_SUBMITTED, INSUFFICIENT_EVIDENCE])(
    'a full recognition makes a %s criterion MET by the recognised result',
    (own) => {
      const [out] = countRecognisedResults(
        [evaluation('c', own, own === NOT_SUBMITTED ? null : 'own')],
        new Map([['c', recognised('sg-res')]]),
      );
      expect(out).toEqual({
        criterionId: 'c',
        mandatory: true,
        outcome: MET,
        resultId: 'sg-res',
        metBy: MetBy.RECOGNISED_RESULT,
        recognition: recognised('sg-res'),
      });
      expect(unmetMandatory([out!])).toEqual([]);
    },
  );

  it('an own MET stays met by the own result, with the recognition still shown', () => {
    const [out] = countRecognisedResults([evaluation('c', MET, 'own')], new Map([['c', recognised('sg-res')]]));
    expect(out).toMatchObject({
      outcome: MET,
      resultId: 'own',
      metBy: MetBy.OWN_RESULT,
      recognition: { result: 'sg-res' },
    });
  });

  it('RECOGNISED_WITH_CONDITIONS is shown with its supplementary requirements but does not count as met', () => {
    const conditional = recognised('sg-res', RecognitionOutcome.RECOGNISED_WITH_CONDITIONS);
    const out = countRecognisedResults(
      [evaluation('c', NOT_SUBMITTED), evaluation('d', UNMET, 'own')],
      new Map([
        ['c', conditional],
        ['d', conditional],
      ]),
    );
    expect(out).toEqual([
      {
        criterionId: 'c',
        mandatory: true,
        outcome: NOT_SUBMITTED,
        resultId: null,
        metBy: null,
        recognition: conditional,
      },
      { criterionId: 'd', mandatory: true, outcome: UNMET, resultId: 'own', metBy: null, recognition: conditional },
    ]);
    expect(out[0]!.recognition!.supplementary).toEqual({ text: 'Bias re-test on EU data', criteria: ['eu-fair-1'] });
    expect(unmetMandatory(out).map((e) => e.criterionId)).toEqual(['c', 'd']);
  });

  it('leaves NOT_APPLICABLE criteria alone', () => {
    expect(countRecognisedResults([evaluation('c', NOT_APPLICABLE)], new Map([['c', recognised('sg-res')]]))).toEqual([
      { criterionId: 'c', mandatory: true, outcome: NOT_APPLICABLE, resultId: null, metBy: null, recognition: null },
    ]);
  });
});

describe('recognisedResultOf', () => {
  const base: CriterionResolution = {
    criterion: 'c',
    outcome: RecognitionOutcome.GAP,
    result: null,
    agreement: null,
    rule: null,
    divergent: false,
    supplementary: null,
    checks: [],
    candidates: [],
  };

  it.each([RecognitionOutcome.GAP, RecognitionOutcome.SATISFIED_LOCALLY, RecognitionOutcome.NOT_APPLICABLE])(
    'is null for %s (no recognition)',
    (outcome) => {
      expect(
        recognisedResultOf(
          { ...base, outcome, result: outcome === RecognitionOutcome.SATISFIED_LOCALLY ? 'local' : null },
          () => 'EU',
        ),
      ).toBeNull();
    },
  );

  it('reads the engine’s answer on a real case, and a suspended agreement recognises nothing', () => {
    const document = (status: string) => ({
      format: 'sandbridge/recognition-case@1',
      asOf: '2026-06-01',
      authorities: [
        { id: 'eu-aio', jurisdiction: 'EU' },
        { id: 'sg-mas', jurisdiction: 'SG' },
      ],
      criteria: [
        {
          id: 'eu-rob-1',
          authority: 'eu-aio',
          stage: 'ENTRY',
          category: 'ROBUSTNESS',
          kind: 'METRIC',
          metric: 'noise',
          comparator: 'GTE',
          threshold: 0.9,
        },
        {
          id: 'sg-rob-1',
          authority: 'sg-mas',
          stage: 'TESTING',
          category: 'ROBUSTNESS',
          kind: 'METRIC',
          metric: 'noise',
          comparator: 'GTE',
          threshold: 0.85,
        },
      ],
      crosswalks: [{ from: 'sg-rob-1', to: 'eu-rob-1', relation: 'EQUIVALENT' }],
      agreements: [
        {
          id: 'eu-sg',
          status,
          effectiveFrom: '2026-01-01',
          rules: [{ id: 'r1', origins: ['SG'], recognising: ['EU'], mode: 'CONFORMITY', effect: 'RECOGNISE' }],
        },
      ],
      systems: [{ id: 'sys1', sector: 'FINANCE', riskClass: 'HIGH' }],
      results: [
        {
          id: 'res1',
          system: 'sys1',
          criterion: 'sg-rob-1',
          testedIn: 'SG',
          testedAt: '2026-03-01',
          value: 0.93,
          passed: true,
        },
      ],
      queries: [{ system: 'sys1', authority: 'eu-aio' }],
    });
    const testedIn = (id: string) => (id === 'res1' ? 'SG' : undefined);
    const [inForce] = resolveCase(parseRecognitionCase(document('IN_FORCE'))).resolutions[0]!.criteria;
    const view = recognisedResultOf(inForce!, testedIn);
    expect(view).toMatchObject({
      outcome: RecognitionOutcome.RECOGNISED,
      result: 'res1',
      testedIn: 'SG',
      agreement: 'eu-sg',
      rule: 'r1',
      divergent: false,
      supplementary: null,
    });
    expect(
      countRecognisedResults([evaluation('eu-rob-1', NOT_SUBMITTED)], new Map([['eu-rob-1', view!]]))[0],
    ).toMatchObject({ outcome: MET, metBy: MetBy.RECOGNISED_RESULT, resultId: 'res1' });

    const [suspended] = resolveCase(parseRecognitionCase(document('SUSPENDED'))).resolutions[0]!.criteria;
    expect(suspended!.outcome).toBe(RecognitionOutcome.GAP);
    expect(recognisedResultOf(suspended!, testedIn)).toBeNull();
  });
});

describe('withholdUnreadable', () => {
  const readable = new Set(['own-a', 'sg-res']);
  const mayRead = (id: string) => readable.has(id);

  it('shows an outcome decided by a result the reader may read unchanged, and every outcome without a result', () => {
    const input = countRecognisedResults(
      [
        evaluation('a', MET, 'own-a'),
        evaluation('b', NOT_SUBMITTED),
        evaluation('c', NOT_APPLICABLE),
        evaluation('d', UNMET),
      ],
      new Map([['d', recognised('sg-res')]]),
    );
    expect(withholdUnreadable(input, mayRead)).toEqual(input);
  });

  it.each([MET, UNMET, INSUFFICIENT_EVIDENCE])(
    'withholds a %s outcome decided by a result the reader may not read: no result id, metBy or recognition',
    (own) => {
      const input = countRecognisedResults([evaluation('a', own, 'hidden')], null);
      expect(withholdUnreadable(input, mayRead)).toEqual([
        {
          criterionId: 'a',
          mandatory: true,
          outcome: CriterionOutcome.WITHHELD,
          resultId: null,
          metBy: null,
          recognition: null,
        },
      ]);
    },
  );

  it('withholds an outcome met by a recognised result the reader may not read', () => {
    const [out] = withholdUnreadable(
      countRecognisedResults([evaluation('a', NOT_SUBMITTED)], new Map([['a', recognised('hidden-sg')]])),
      mayRead,
    );
    expect(out).toEqual({
      criterionId: 'a',
      mandatory: true,
      outcome: CriterionOutcome.WITHHELD,
      resultId: null,
      metBy: null,
      recognition: null,
    });
  });

  it('keeps a readable deciding result but leaves out a recognition the reader may not read', () => {
    const [met, conditional] = withholdUnreadable(
      countRecognisedResults(
        [evaluation('a', MET, 'own-a'), evaluation('b', NOT_SUBMITTED)],
        new Map([
          ['a', recognised('hidden-sg')],
          ['b', recognised('hidden-sg', RecognitionOutcome.RECOGNISED_WITH_CONDITIONS)],
        ]),
      ),
      mayRead,
    );
    expect(met).toEqual({
      criterionId: 'a',
      mandatory: true,
      outcome: MET,
      resultId: 'own-a',
      metBy: MetBy.OWN_RESULT,
      recognition: null,
    });
    expect(conditional).toEqual({
      criterionId: 'b',
      mandatory: true,
      outcome: NOT_SUBMITTED,
      resultId: null,
      metBy: null,
      recognition: null,
    });
  });
});
