import { CheckName, type CriterionResolution, type QueryResolution, RecognitionOutcome } from './recognition.js';

/**
 * The engine's outcomes as a reader is shown them: the engine never answers WITHHELD (it knows
 * nothing of readers, and the recognition-case and recognition-result files cannot carry it); the
 * product shows WITHHELD where the reader may not read the result that decided the outcome.
 */
export const ShownRecognitionOutcome = { ...RecognitionOutcome, WITHHELD: 'WITHHELD' } as const;
export type ShownRecognitionOutcome = (typeof ShownRecognitionOutcome)[keyof typeof ShownRecognitionOutcome];

export interface ShownCriterionResolution extends Omit<CriterionResolution, 'outcome'> {
  outcome: ShownRecognitionOutcome;
}

export interface ShownQueryResolution extends Omit<QueryResolution, 'criteria'> {
  criteria: ShownCriterionResolution[];
}

/**
 * What a reader is shown of one authority's resolution. A result reveals what it decides: when the
 * reader may not read the result the outcome rests on (the local result, or the recognised one),
 * the outcome is WITHHELD, with no result id, agreement, rule, supplementary requirements, checks
 * or candidates — only the applicability check, which is about the system. Candidates the reader
 * may not read are left out of every other outcome. `mayRead` answers for a result id; an unknown
 * id must answer false.
 */
export function withholdUnreadableResolution(
  resolution: QueryResolution,
  mayRead: (resultId: string) => boolean,
): ShownQueryResolution {
  return {
    ...resolution,
    criteria: resolution.criteria.map((c): ShownCriterionResolution => {
      if (c.result !== null && !mayRead(c.result)) {
        return {
          criterion: c.criterion,
          outcome: ShownRecognitionOutcome.WITHHELD,
          result: null,
          agreement: null,
          rule: null,
          divergent: false,
          supplementary: null,
          checks: c.checks.filter((x) => x.name === CheckName.applicable),
          candidates: [],
        };
      }
      const candidates = c.candidates.filter((candidate) => mayRead(candidate.result));
      return candidates.length === c.candidates.length ? c : { ...c, candidates };
    }),
  };
}
