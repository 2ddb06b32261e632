import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  AgreementStatus,
  type CriterionResolution,
  RecognitionOutcome,
  type RecognitionCase,
  type RecognitionResult,
  RuleEffect,
} from './recognition.js';
import { resolveCase } from './recognition-engine.js';
import { agreementArb, ASOF, caseArb, ruleArb } from './recognition.spec-helpers.js';

// Properties of docs/domain.md#recognition over random cases (generators in recognition.spec-helpers.ts).

/** A deterministic shuffle driven by fast-check's numbers (so counterexamples replay). */
function shuffle<T>(list: readonly T[], keys: readonly number[]): T[] {
  return list
    .map((item, i) => ({ item, key: keys[i % Math.max(keys.length, 1)] ?? 0, i }))
    .sort((a, b) => a.key - b.key || b.i - a.i)
    .map((x) => x.item);
}

const decisions = (out: RecognitionResult) =>
  out.resolutions.flatMap((q) =>
    q.criteria.map((c) => ({
      query: `${q.system}@${q.authority}`,
      criterion: c.criterion,
      outcome: c.outcome,
      result: c.result,
      agreement: c.agreement,
      rule: c.rule,
    })),
  );

const STRENGTH: Record<RecognitionOutcome, number> = {
  [RecognitionOutcome.NOT_APPLICABLE]: 0,
  [RecognitionOutcome.SATISFIED_LOCALLY]: 0,
  [RecognitionOutcome.GAP]: 0,
  [RecognitionOutcome.RECOGNISED_WITH_CONDITIONS]: 1,
  [RecognitionOutcome.RECOGNISED]: 2,
};

const strengths = (out: RecognitionResult) =>
  out.resolutions.flatMap((q) => q.criteria.map((c) => STRENGTH[c.outcome]));
const recognisedCount = (out: RecognitionResult) => strengths(out).filter((s) => s > 0).length;

function expectNoStronger(after: RecognitionResult, before: RecognitionResult): void {
  const [a, b] = [strengths(after), strengths(before)];
  expect(a.length).toBe(b.length);
  a.forEach((s, i) => expect(s).toBeLessThanOrEqual(b[i]));
  expect(recognisedCount(after)).toBeLessThanOrEqual(recognisedCount(before));
}

const RUNS = { numRuns: 400 };

describe('§4 properties', () => {
  it('the outcome, result, agreement and rule do not depend on the order of results, agreements or rules', () => {
    fc.assert(
      fc.property(caseArb, fc.array(fc.integer(), { minLength: 1, maxLength: 12 }), (input, keys) => {
        const permuted: RecognitionCase = {
          ...input,
          results: shuffle(input.results, keys),
          agreements: shuffle(input.agreements, keys.slice(1)).map((a) => ({
            ...a,
            rules: shuffle(a.rules, [...keys].reverse()),
          })),
        };
        const [before, after] = [resolveCase(input), resolveCase(permuted)];
        expect(decisions(after)).toEqual(decisions(before));
        // Everything else too, once candidates (listed in input order of results) are put in one order.
        const normal = (out: RecognitionResult) =>
          JSON.stringify(
            out.resolutions.map((q) =>
              q.criteria.map((c) => ({
                ...c,
                candidates: [...c.candidates].sort((x, y) => (x.result < y.result ? -1 : 1)),
              })),
            ),
          );
        expect(normal(after)).toBe(normal(before));
      }),
      RUNS,
    );
  });

  it('adding an EXCLUDE rule never increases recognition (count or strength)', () => {
    const exclusion = ruleArb('x-new').map((rule) => ({ ...rule, effect: RuleEffect.EXCLUDE }));
    fc.assert(
      fc.property(caseArb, exclusion, fc.nat(), agreementArb('new-agreement'), (input, rule, where, fresh) => {
        const agreements =
          input.agreements.length && where % 2
            ? input.agreements.map((a, i) =>
                i === where % input.agreements.length ? { ...a, rules: [...a.rules, rule] } : a,
              )
            : [...input.agreements, { ...fresh, rules: [rule] }];
        expectNoStronger(resolveCase({ ...input, agreements }), resolveCase(input));
      }),
      RUNS,
    );
  });

  it('removing an agreement that holds no EXCLUDE rule never increases recognition (count or strength)', () => {
    fc.assert(
      fc.property(caseArb, fc.nat(), (input, which) => {
        fc.pre(input.agreements.length > 0);
        const removed = input.agreements[which % input.agreements.length];
        fc.pre(removed.rules.every((rule) => rule.effect !== RuleEffect.EXCLUDE));
        expectNoStronger(
          resolveCase({ ...input, agreements: input.agreements.filter((a) => a !== removed) }),
          resolveCase(input),
        );
      }),
      RUNS,
    );
  });

  it('no result is ever recognised through a jurisdiction it was not tested in', () => {
    fc.assert(
      fc.property(caseArb, (input) => {
        const out = resolveCase(input);
        for (const query of out.resolutions) {
          const jurisdiction = input.authorities.find((a) => a.id === query.authority)!.jurisdiction;
          for (const c of query.criteria) {
            if (
              c.outcome !== RecognitionOutcome.RECOGNISED &&
              c.outcome !== RecognitionOutcome.RECOGNISED_WITH_CONDITIONS
            )
              continue;
            const result = input.results.find((r) => r.id === c.result)!;
            const agreement = input.agreements.find((a) => a.id === c.agreement)!;
            const rule = agreement.rules.find((r) => r.id === c.rule)!;
            expect(result.system).toBe(query.system);
            expect(result.testedIn).not.toBe(jurisdiction);
            expect(rule.origins).toContain(result.testedIn);
            expect(rule.recognising).toContain(jurisdiction);
            expect(agreement.status).toBe(AgreementStatus.IN_FORCE);
            expect(rule.effect).not.toBe(RuleEffect.EXCLUDE);
            expect(result.testedAt <= ASOF).toBe(true);
          }
        }
      }),
      RUNS,
    );
  });

  it("explanations agree with outcomes: a gap's candidates each show a failed check, a recognition none but coverage", () => {
    const failed = (c: CriterionResolution) => c.checks.filter((x) => !x.passed).map((x) => x.name);
    fc.assert(
      fc.property(caseArb, (input) => {
        const out = resolveCase(input);
        for (const c of out.resolutions.flatMap((q) => q.criteria)) {
          expect(typeof c.divergent).toBe('boolean');
          switch (c.outcome) {
            case RecognitionOutcome.NOT_APPLICABLE:
              expect([failed(c), c.candidates, c.result]).toEqual([['applicable'], [], null]);
              break;
            case RecognitionOutcome.SATISFIED_LOCALLY:
              expect([failed(c), c.candidates, c.agreement, c.divergent]).toEqual([[], [], null, false]);
              break;
            case RecognitionOutcome.GAP:
              expect([failed(c), c.result, c.divergent, c.supplementary]).toEqual([['local'], null, false, null]);
              for (const candidate of c.candidates) expect(candidate.checks.some((x) => !x.passed)).toBe(true);
              break;
            case RecognitionOutcome.RECOGNISED:
              expect([failed(c), c.supplementary]).toEqual([[], null]);
              break;
            case RecognitionOutcome.RECOGNISED_WITH_CONDITIONS:
              expect(failed(c).filter((name) => name !== 'coverage')).toEqual([]);
              break;
          }
          if (c.result !== null && c.outcome !== RecognitionOutcome.SATISFIED_LOCALLY)
            expect(c.candidates.map((x) => x.result)).toContain(c.result);
        }
        expect(JSON.stringify(resolveCase(input))).toBe(JSON.stringify(out));
      }),
      RUNS,
    );
  });
});
