// Test reports in words: outcomes as badges, a criterion's requirement as a sentence, confidentiality
// levels. Only how things are shown: whether a result passes is always the API's answer
// (previewTestReport, submitTestReport), never worked out here.
import type {
  Comparator,
  Confidentiality,
  CriterionKind,
  CriterionOutcome,
  MetBy,
  ResultOutcome,
  Stage,
} from '../../gql/graphql';

export const RESULT_OUTCOMES: Record<ResultOutcome, { label: string; color: string }> = {
  PASS: { label: 'Pass', color: 'green' },
  FAIL: { label: 'Fail', color: 'red' },
  INSUFFICIENT_EVIDENCE: { label: 'Insufficient evidence', color: 'yellow' },
};

export const CRITERION_OUTCOMES: Record<CriterionOutcome, { label: string; color: string }> = {
  MET: { label: 'Met', color: 'green' },
  UNMET: { label: 'Unmet', color: 'red' },
  INSUFFICIENT_EVIDENCE: { label: 'Insufficient evidence', color: 'yellow' },
  NOT_SUBMITTED: { label: 'Not submitted', color: 'gray' },
  NOT_APPLICABLE: { label: 'Not applicable', color: 'gray' },
  WITHHELD: { label: 'Withheld', color: 'grape' },
};

export const MET_BY: Record<MetBy, string> = {
  OWN_RESULT: 'by your own result',
  RECOGNISED_RESULT: 'by a result recognised through an agreement',
};

export const STAGES: Record<Stage, string> = { ENTRY: 'Entry', TESTING: 'Testing', EXIT: 'Exit' };

export const CONFIDENTIALITY: { value: Confidentiality; label: string; description: string }[] = [
  {
    value: 'PARTICIPANTS',
    label: 'Programme participants',
    description: "Every authority of the programme may read it (and count it toward its track's criteria).",
  },
  {
    value: 'HOME_AUTHORITY',
    label: 'The authority it is submitted to',
    description: 'Only the authority you submit it to may read it: it counts toward no other track.',
  },
  { value: 'PUBLIC', label: 'Public', description: 'Every authority may read it.' },
];

export const confidentialityLabel = (value: Confidentiality) =>
  CONFIDENTIALITY.find((c) => c.value === value)?.label ?? value;

const COMPARATORS: Record<Comparator, string> = { GTE: '≥', LTE: '≤', EQ: '=', BETWEEN: 'between' };

export interface RequirementOf {
  kind: CriterionKind;
  comparator?: Comparator | null;
  threshold?: number | null;
  thresholdHigh?: number | null;
  unit?: string | null;
  evidenceType?: string | null;
  statement?: string | null;
}

/** What a criterion asks for, e.g. "≥ 0.75 ratio", "between 0.75 and 1.33 ratio", "Evidence: a test plan". */
export function requirement(c: RequirementOf): string {
  const unit = c.unit ? ` ${c.unit}` : '';
  switch (c.kind) {
    case 'METRIC':
      if (c.comparator === 'BETWEEN') return `Between ${c.threshold} and ${c.thresholdHigh}${unit}`;
      return c.comparator ? `${COMPARATORS[c.comparator]} ${c.threshold}${unit}` : 'A measured value';
    case 'EVIDENCE':
      return c.evidenceType ? `Evidence: ${c.evidenceType}` : 'A document, referenced with its SHA-256';
    case 'ATTESTATION':
      return c.statement ? `Attest: ${c.statement}` : 'A yes/no attestation';
  }
}

/** An API date-time as a short date and time in the reader's locale. */
export const dateTime = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Today as a UTC day (YYYY-MM-DD): the API's days are UTC days. */
export const utcToday = () => new Date().toISOString().slice(0, 10);
