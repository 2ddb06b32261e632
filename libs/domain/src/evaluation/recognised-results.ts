import {
  type CriterionResolution,
  type RecognitionCheck,
  RecognitionOutcome,
  type Supplementary,
} from '../recognition/recognition.js';
import { type CriterionEvaluation, CriterionOutcome } from './evaluation.js';

/** What made a criterion MET for an enrolment. */
export enum MetBy {
  /** The enrolment's own result for the criterion (an entry result, or a test report's). */
  OWN_RESULT = 'OWN_RESULT',
  /** A result of the same AI system recognised through an agreement in force (programme option `acceptsRecognisedResults`). */
  RECOGNISED_RESULT = 'RECOGNISED_RESULT',
}

/** The engine's recognition of one of the system's results for a criterion, as evaluation shows it. */
export interface RecognisedResult {
  outcome: RecognitionOutcome.RECOGNISED | RecognitionOutcome.RECOGNISED_WITH_CONDITIONS;
  /** The test result recognised. */
  result: string;
  /** Where it was tested (its origin jurisdiction). */
  testedIn: string;
  agreement: string;
  rule: string;
  divergent: boolean;
  /** The rule's supplementary requirements; null for a full recognition. */
  supplementary: Supplementary;
  /** Every check of the chosen result and rule. */
  checks: RecognitionCheck[];
}

export interface RecognitionAwareEvaluation extends CriterionEvaluation {
  /** Null unless the outcome is MET. */
  metBy: MetBy | null;
  /** The recognised result the engine found for the criterion, when there is one (met or not). */
  recognition: RecognisedResult | null;
}

/**
 * The engine's answer for one criterion as evaluation reads it: only RECOGNISED and
 * RECOGNISED_WITH_CONDITIONS name a recognised result; `testedIn` is looked up by result id.
 * SATISFIED_LOCALLY, GAP and NOT_APPLICABLE give null: they are no recognition.
 */
export function recognisedResultOf(
  resolution: CriterionResolution,
  testedIn: (resultId: string) => string | undefined,
): RecognisedResult | null {
  if (
    resolution.outcome !== RecognitionOutcome.RECOGNISED &&
    resolution.outcome !== RecognitionOutcome.RECOGNISED_WITH_CONDITIONS
  )
    return null;
  return {
    outcome: resolution.outcome,
    result: resolution.result!,
    testedIn: testedIn(resolution.result!) ?? '',
    agreement: resolution.agreement!,
    rule: resolution.rule!,
    divergent: resolution.divergent,
    supplementary: resolution.supplementary,
    checks: resolution.checks,
  };
}

/**
 * Folds recognised results into a stage evaluation (a programme that accepts recognised results).
 *
 * - An own MET stays MET by OWN_RESULT (the recognition, if any, is still shown).
 * - Otherwise a full RECOGNISED result makes the criterion MET by RECOGNISED_RESULT, and becomes the
 *   deciding `resultId` — even over a failing own result, as docs/domain.md#recognition lets a failing local
 *   result neither satisfy nor block recognition.
 * - RECOGNISED_WITH_CONDITIONS is shown but never counts on its own: its supplementary
 *   requirements still have to be tested, so the outcome stays what the own results make it.
 * - NOT_APPLICABLE is left alone (the engine reads applicability the same way).
 *
 * With `recognitions` null (the option off) only `metBy` is added: the outcomes are unchanged.
 */
export function countRecognisedResults(
  evaluations: CriterionEvaluation[],
  recognitions: ReadonlyMap<string, RecognisedResult> | null,
): RecognitionAwareEvaluation[] {
  return evaluations.map((e) => {
    if (e.outcome === CriterionOutcome.NOT_APPLICABLE) return { ...e, metBy: null, recognition: null };
    const recognition = recognitions?.get(e.criterionId) ?? null;
    if (e.outcome === CriterionOutcome.MET) return { ...e, metBy: MetBy.OWN_RESULT, recognition };
    if (recognition?.outcome === RecognitionOutcome.RECOGNISED) {
      return {
        ...e,
        outcome: CriterionOutcome.MET,
        resultId: recognition.result,
        metBy: MetBy.RECOGNISED_RESULT,
        recognition,
      };
    }
    return { ...e, metBy: null, recognition };
  });
}

/**
 * What a reader is shown of an evaluation. A result reveals what it decides: when the reader may
 * not read the result that decided a criterion, the outcome is WITHHELD, with no result id, no
 * `metBy` and no recognition. A recognition the reader may not read that did not decide the
 * outcome is left out. `mayRead` answers for a result id; an unknown id must answer false.
 */
export function withholdUnreadable(
  evaluations: RecognitionAwareEvaluation[],
  mayRead: (resultId: string) => boolean,
): RecognitionAwareEvaluation[] {
  return evaluations.map((e) => {
    if (e.resultId !== null && !mayRead(e.resultId))
      return { ...e, outcome: CriterionOutcome.WITHHELD, resultId: null, metBy: null, recognition: null };
    if (e.recognition && !mayRead(e.recognition.result)) return { ...e, recognition: null };
    return e;
  });
}
