import { describe, expect, it } from '@jest/globals';
import { Comparator, parseRecognitionCase, RECOGNITION_CASE_FORMAT } from '@sandbridge/domain';
import type {
  AgreementEntity,
  AgreementRuleEntity,
  AuthorityEntity,
  CriterionEntity,
  CrosswalkEntity,
} from '@sandbridge/persistence';
import { agreementDocument, authorityDocument, criterionDocument, crosswalkDocument } from './case-documents.js';

// The one mapping from stored rows to §8.1 objects, used by the recognition case builder and the
// simulation's scenario assembler alike: the result must be what the format's reader accepts.

const criterion = (fields: Partial<CriterionEntity>): CriterionEntity =>
  ({
    id: 'eu-auc',
    authorityId: 'eu-aio',
    key: 'testing.auc',
    version: 2,
    stage: 'TESTING',
    category: 'ACCURACY',
    kind: 'METRIC',
    metricKey: 'accuracy.auc',
    comparator: 'GTE',
    threshold: 0.8,
    thresholdHigh: null,
    sectors: [],
    riskClasses: ['HIGH'],
    ...fields,
  }) as CriterionEntity;

const agreement = {
  id: 'eu-sg',
  kind: 'BILATERAL',
  parties: ['EU', 'SG'],
  status: 'DRAFT',
  effectiveFrom: '2026-01-01',
  effectiveTo: null,
} as AgreementEntity;
const rule = (fields: Partial<AgreementRuleEntity>): AgreementRuleEntity =>
  ({
    id: 'r1',
    agreementId: 'eu-sg',
    origins: ['SG'],
    recognising: ['EU'],
    categories: [],
    stages: [],
    sectors: [],
    riskClasses: [],
    criteria: [],
    effectiveFrom: null,
    effectiveTo: null,
    mode: 'CONFORMITY',
    effect: 'RECOGNISE',
    conditions: null,
    supplementary: null,
    ...fields,
  }) as AgreementRuleEntity;

describe('case documents (docs/formats.md#recognition-case)', () => {
  it('writes a BETWEEN threshold as [low, high] and any other as the number', () => {
    expect(criterionDocument(criterion({}), ['K1'])).toEqual({
      id: 'eu-auc',
      authority: 'eu-aio',
      key: 'testing.auc',
      version: 2,
      stage: 'TESTING',
      category: 'ACCURACY',
      kind: 'METRIC',
      metric: 'accuracy.auc',
      comparator: 'GTE',
      threshold: 0.8,
      sectors: [],
      riskClasses: ['HIGH'],
      clauses: ['K1'],
    });
    expect(
      criterionDocument(criterion({ comparator: Comparator.BETWEEN, threshold: 0.8, thresholdHigh: 1.25 }), [])
        .threshold,
    ).toEqual([0.8, 1.25]);
  });

  it('keeps the stored status unless simulated as if signed, supplementary null when absent, conditions as stored', () => {
    const conditional = rule({
      id: 'r2',
      effect: 'RECOGNISE_WITH_CONDITIONS',
      conditions: { requireAccreditedLab: true },
      supplementary: { text: 'Re-measure on EU data', criteria: ['eu-auc'] },
    });
    const rules = [rule({ supplementary: undefined }), conditional, rule({ id: 'x', mode: null, effect: 'EXCLUDE' })];
    expect(agreementDocument(agreement, rules).status).toBe('DRAFT');
    const signed = agreementDocument(agreement, rules, true);
    expect(signed.status).toBe('IN_FORCE');
    expect(signed.rules).toEqual([
      expect.objectContaining({ id: 'r1', conditions: null, supplementary: null }),
      expect.objectContaining({
        id: 'r2',
        conditions: { requireAccreditedLab: true },
        supplementary: { text: 'Re-measure on EU data', criteria: ['eu-auc'] },
      }),
      expect.objectContaining({ id: 'x', mode: null, effect: 'EXCLUDE' }),
    ]);
  });

  it('makes a case the format reader accepts, with the BETWEEN bounds and the supplementary requirements read back', () => {
    const between = criterion({
      id: 'eu-fair',
      key: 'fair',
      metricKey: 'fairness.ratio',
      comparator: Comparator.BETWEEN,
      threshold: 0.8,
      thresholdHigh: 1.25,
    });
    const source = criterion({ id: 'sg-auc', authorityId: 'sg-mas' });
    const parsed = parseRecognitionCase({
      format: RECOGNITION_CASE_FORMAT,
      asOf: '2026-06-01',
      jurisdictions: [{ code: 'EU' }, { code: 'SG' }],
      authorities: [
        authorityDocument({ id: 'eu-aio', jurisdictionCode: 'EU' } as AuthorityEntity),
        authorityDocument({ id: 'sg-mas', jurisdictionCode: 'SG' } as AuthorityEntity),
      ],
      criteria: [criterionDocument(criterion({}), []), criterionDocument(between, []), criterionDocument(source, [])],
      crosswalks: [
        crosswalkDocument({
          fromCriterionId: 'sg-auc',
          toCriterionId: 'eu-auc',
          relation: 'EQUIVALENT',
        } as CrosswalkEntity),
      ],
      agreements: [
        agreementDocument(
          agreement,
          [rule({ effect: 'RECOGNISE_WITH_CONDITIONS', supplementary: 'Re-measure on EU data' })],
          true,
        ),
      ],
      systems: [{ id: 'sys1', sector: 'FINANCE', riskClass: 'HIGH' }],
      results: [],
      queries: [{ system: 'sys1', authority: 'eu-aio' }],
    });
    expect(parsed.criteria.find((c) => c.id === 'eu-fair')).toMatchObject({
      comparator: Comparator.BETWEEN,
      threshold: 0.8,
      thresholdHigh: 1.25,
    });
    expect(parsed.crosswalks).toEqual([{ from: 'sg-auc', to: 'eu-auc', relation: 'EQUIVALENT' }]);
    expect(parsed.agreements[0]).toMatchObject({
      status: 'IN_FORCE',
      rules: [{ id: 'r1', supplementary: 'Re-measure on EU data' }],
    });
  });
});
