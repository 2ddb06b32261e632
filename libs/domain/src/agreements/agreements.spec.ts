import { describe, expect, it } from '@jest/globals';
import { agreementActionsFrom, decideAgreementTransition, isAgreementEditable } from './agreement-lifecycle.js';
import { AgreementKind, AgreementStatus } from '../recognition/recognition.js';
import {
  AgreementAction,
  type AgreementTerms,
  type RuleDraft,
  validateAgreementTerms,
  validateRule,
} from './agreements.js';

const C1 = '11111111-1111-4111-8111-111111111111';
const C2 = '22222222-2222-4222-8222-222222222222';
const terms: AgreementTerms = {
  kind: AgreementKind.BILATERAL,
  parties: ['EU', 'SG'],
  effectiveFrom: '2026-01-01',
  effectiveTo: '2027-01-01',
};
const rule: RuleDraft = {
  origins: ['SG'],
  recognising: ['EU'],
  categories: ['ROBUSTNESS'],
  mode: 'CONFORMITY',
  effect: 'RECOGNISE',
};
const paths = (problems: { path: string }[]) => problems.map((p) => p.path).sort();

describe('agreement lifecycle', () => {
  const base = { parties: ['EU', 'SG'], approvedBy: [], ruleCount: 1 };
  it.each([
    [AgreementStatus.DRAFT, AgreementAction.PROPOSE, AgreementStatus.PROPOSED],
    [AgreementStatus.IN_FORCE, AgreementAction.SUSPEND, AgreementStatus.SUSPENDED],
    [AgreementStatus.SUSPENDED, AgreementAction.RESUME, AgreementStatus.IN_FORCE],
    [AgreementStatus.IN_FORCE, AgreementAction.TERMINATE, AgreementStatus.TERMINATED],
    [AgreementStatus.SUSPENDED, AgreementAction.TERMINATE, AgreementStatus.TERMINATED],
  ])('%s --%s--> %s', (status, action, to) => {
    expect(decideAgreementTransition({ ...base, status }, action, 'EU')).toEqual({
      allowed: true,
      to,
      approval: false,
    });
  });

  it('stays PROPOSED until every party approved, then goes IN_FORCE', () => {
    expect(
      decideAgreementTransition({ ...base, status: AgreementStatus.PROPOSED }, AgreementAction.APPROVE, 'EU'),
    ).toEqual({ allowed: true, to: AgreementStatus.PROPOSED, approval: true });
    expect(
      decideAgreementTransition(
        { ...base, status: AgreementStatus.PROPOSED, approvedBy: ['EU'] },
        AgreementAction.APPROVE,
        'SG',
      ),
    ).toEqual({
      allowed: true,
      to: AgreementStatus.IN_FORCE,
      approval: true,
    });
  });

  it('refuses a second approval by the same party', () => {
    expect(
      decideAgreementTransition(
        { ...base, status: AgreementStatus.PROPOSED, approvedBy: ['EU'] },
        AgreementAction.APPROVE,
        'EU',
      ),
    ).toEqual({
      allowed: false,
      reason: expect.stringContaining('already approved'),
    });
  });

  it('refuses to propose an agreement without rules', () => {
    expect(
      decideAgreementTransition({ ...base, ruleCount: 0, status: AgreementStatus.DRAFT }, AgreementAction.PROPOSE, 'EU')
        .allowed,
    ).toBe(false);
  });

  it('refuses every pair outside the table, naming the status', () => {
    const refused: string[] = [];
    for (const status of Object.values(AgreementStatus)) {
      for (const action of Object.values(AgreementAction)) {
        const verdict = decideAgreementTransition({ ...base, status }, action, 'EU');
        if (!verdict.allowed) {
          expect(verdict.reason).toContain(status);
          refused.push(`${status}:${action}`);
        }
      }
    }
    // 5 states × 5 actions, 6 table entries.
    expect(refused).toHaveLength(19);
    expect(refused).toContain('TERMINATED:RESUME');
    expect(refused).toContain('DRAFT:APPROVE');
  });

  it('lists actions and editability per status', () => {
    expect(agreementActionsFrom(AgreementStatus.SUSPENDED)).toEqual([
      AgreementAction.RESUME,
      AgreementAction.TERMINATE,
    ]);
    expect(agreementActionsFrom(AgreementStatus.TERMINATED)).toEqual([]);
    expect(Object.values(AgreementStatus).filter(isAgreementEditable)).toEqual([AgreementStatus.DRAFT]);
  });
});

describe('agreement terms', () => {
  it('accepts a bilateral agreement with an open window', () => {
    expect(validateAgreementTerms({ ...terms, effectiveTo: null })).toEqual([]);
  });
  it('checks party count per kind, duplicates and the window', () => {
    expect(paths(validateAgreementTerms({ ...terms, parties: ['EU', 'SG', 'GB'] }))).toEqual(['input.parties']);
    expect(paths(validateAgreementTerms({ ...terms, kind: AgreementKind.PLURILATERAL }))).toEqual(['input.parties']);
    expect(paths(validateAgreementTerms({ ...terms, parties: ['EU', 'EU'] }))).toEqual(['input.parties']);
    expect(paths(validateAgreementTerms({ ...terms, effectiveTo: '2026-01-01' }))).toEqual(['input.effectiveTo']);
  });
});

describe('rule validation', () => {
  const known = new Set([C1, C2]);
  it('accepts a valid rule and an EXCLUDE rule without mode', () => {
    expect(validateRule(rule, terms, known)).toEqual([]);
    expect(
      validateRule({ origins: ['SG'], recognising: ['EU'], effect: 'EXCLUDE', criteria: [C1] }, terms, known),
    ).toEqual([]);
  });
  it('requires origins and recognising jurisdictions to be parties', () => {
    expect(paths(validateRule({ ...rule, origins: ['US'], recognising: [] }, terms, known))).toEqual([
      'input.origins',
      'input.recognising',
    ]);
  });
  it('keeps the rule window inside the agreement window (open bounds inherit it)', () => {
    expect(validateRule({ ...rule, effectiveFrom: null, effectiveTo: null }, terms, known)).toEqual([]);
    expect(validateRule({ ...rule, effectiveFrom: '2026-06-01', effectiveTo: '2026-09-01' }, terms, known)).toEqual([]);
    expect(
      paths(validateRule({ ...rule, effectiveFrom: '2025-12-31', effectiveTo: '2027-01-02' }, terms, known)),
    ).toEqual(['input.effectiveFrom', 'input.effectiveTo']);
    expect(
      paths(validateRule({ ...rule, effectiveFrom: '2026-09-01', effectiveTo: '2026-06-01' }, terms, known)),
    ).toEqual(['input.effectiveTo']);
  });
  it('checks lists of known values and criteria ids', () => {
    const bad = {
      ...rule,
      categories: ['SPEED'],
      stages: ['LAUNCH'],
      riskClasses: ['LOW'],
      sectors: ['finance'],
      criteria: [C1, 'nope'],
    };
    expect(paths(validateRule(bad, terms, known))).toEqual([
      'input.categories',
      'input.criteria',
      'input.riskClasses',
      'input.sectors',
      'input.stages',
    ]);
  });
  it('requires a mode unless EXCLUDE, and known mode and effect', () => {
    expect(paths(validateRule({ ...rule, mode: null }, terms, known))).toEqual(['input.mode']);
    expect(paths(validateRule({ ...rule, mode: 'MAGIC', effect: 'MAYBE' }, terms, known))).toEqual([
      'input.effect',
      'input.mode',
    ]);
  });
  it('checks conditions and supplementary', () => {
    expect(
      paths(
        validateRule(
          { ...rule, conditions: { maxResultAgeDays: -1, minMargin: -0.1, accreditationBodies: [''] } },
          terms,
          known,
        ),
      ),
    ).toEqual([
      'input.conditions.accreditationBodies',
      'input.conditions.maxResultAgeDays',
      'input.conditions.minMargin',
    ]);
    const withConditions = { ...rule, effect: 'RECOGNISE_WITH_CONDITIONS' };
    expect(validateRule({ ...withConditions, supplementary: 'Local red-team exercise' }, terms, known)).toEqual([]);
    expect(validateRule({ ...withConditions, supplementary: { text: 'Also', criteria: [C2] } }, terms, known)).toEqual(
      [],
    );
    expect(
      paths(validateRule({ ...withConditions, supplementary: { text: '', criteria: ['x'] } }, terms, known)),
    ).toEqual(['input.supplementary.criteria', 'input.supplementary.text']);
    expect(paths(validateRule({ ...rule, supplementary: 'text' }, terms, known))).toEqual(['input.supplementary']);
  });
  it('uses the given path prefix', () => {
    expect(paths(validateRule({ ...rule, origins: ['US'] }, terms, known, 'rules[2]'))).toEqual(['rules[2].origins']);
  });
});
