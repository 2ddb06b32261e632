import { describe, expect, it } from '@jest/globals';
import { Comparator, CriterionKind } from './criteria.js';
import { checkCriterionDefinition, type CriterionDefinition } from './criterion-definition.js';

const metric: CriterionDefinition = {
  kind: CriterionKind.METRIC,
  metricKey: 'auc',
  unit: 'ratio',
  comparator: Comparator.GTE,
  threshold: 0.8,
};
const paths = (d: CriterionDefinition) => checkCriterionDefinition(d).map((p) => p.path);

describe('checkCriterionDefinition', () => {
  it.each<[string, CriterionDefinition, string[]]>([
    ['a complete METRIC', metric, []],
    [
      'a METRIC without metric fields',
      { kind: CriterionKind.METRIC },
      ['input.metricKey', 'input.unit', 'input.comparator', 'input.threshold'],
    ],
    ['BETWEEN without the high bound', { ...metric, comparator: Comparator.BETWEEN }, ['input.thresholdHigh']],
    [
      'BETWEEN with high ≤ low',
      { ...metric, comparator: Comparator.BETWEEN, threshold: 1.25, thresholdHigh: 0.8 },
      ['input.thresholdHigh'],
    ],
    [
      'BETWEEN with equal bounds',
      { ...metric, comparator: Comparator.BETWEEN, threshold: 1, thresholdHigh: 1 },
      ['input.thresholdHigh'],
    ],
    ['a valid BETWEEN', { ...metric, comparator: Comparator.BETWEEN, threshold: 0.8, thresholdHigh: 1.25 }, []],
    ['a high bound without BETWEEN', { ...metric, thresholdHigh: 2 }, ['input.thresholdHigh']],
    ['a non-finite threshold', { ...metric, threshold: Number.POSITIVE_INFINITY }, ['input.threshold']],
    ['a METRIC with an evidence type', { ...metric, evidenceType: 'report' }, ['input.evidenceType']],
    ['a complete EVIDENCE', { kind: CriterionKind.EVIDENCE, evidenceType: 'Risk management plan' }, []],
    ['an EVIDENCE without type', { kind: CriterionKind.EVIDENCE }, ['input.evidenceType']],
    [
      'an EVIDENCE with a threshold',
      { kind: CriterionKind.EVIDENCE, evidenceType: 'x', threshold: 1 },
      ['input.threshold'],
    ],
    ['a complete ATTESTATION', { kind: CriterionKind.ATTESTATION, statement: 'We keep logs for six months.' }, []],
    ['an ATTESTATION without statement', { kind: CriterionKind.ATTESTATION, statement: '' }, ['input.statement']],
    [
      'an ATTESTATION with a metric key',
      { kind: CriterionKind.ATTESTATION, statement: 'yes', metricKey: 'auc' },
      ['input.metricKey'],
    ],
  ])('%s', (_, definition, expected) => {
    expect(paths(definition)).toEqual(expected);
  });

  it('puts problems under the given prefix', () => {
    expect(checkCriterionDefinition({ kind: CriterionKind.EVIDENCE }, 'criteria[3]')).toEqual([
      { path: 'criteria[3].evidenceType', message: 'is required for an EVIDENCE criterion' },
    ]);
  });
});
