// The criterion vocabulary in words (docs/domain.md#criteria): the options of the form's selects, the
// badges of the list and the rows of the version history.
import type { Category, Comparator, CriterionKind, CriterionStatus, Stage } from '../../gql/graphql';

export const STAGES: { value: Stage; label: string }[] = [
  { value: 'ENTRY', label: 'Entry' },
  { value: 'TESTING', label: 'Testing' },
  { value: 'EXIT', label: 'Exit' },
];

export const KINDS: { value: CriterionKind; label: string; description: string }[] = [
  { value: 'METRIC', label: 'Metric', description: 'A measured value against a threshold' },
  { value: 'EVIDENCE', label: 'Evidence', description: 'A document the innovator supplies' },
  { value: 'ATTESTATION', label: 'Attestation', description: 'A statement the innovator attests' },
];

export const COMPARATORS: { value: Comparator; label: string; symbol: string }[] = [
  { value: 'GTE', label: 'At least (≥)', symbol: '≥' },
  { value: 'LTE', label: 'At most (≤)', symbol: '≤' },
  { value: 'EQ', label: 'Exactly (=)', symbol: '=' },
  { value: 'BETWEEN', label: 'Between (inclusive)', symbol: 'between' },
];

export const CATEGORIES: { value: Category; label: string }[] = [
  { value: 'SAFETY', label: 'Safety' },
  { value: 'ROBUSTNESS', label: 'Robustness' },
  { value: 'ACCURACY', label: 'Accuracy' },
  { value: 'FAIRNESS', label: 'Fairness' },
  { value: 'TRANSPARENCY', label: 'Transparency' },
  { value: 'PRIVACY', label: 'Privacy' },
  { value: 'SECURITY', label: 'Security' },
  { value: 'HUMAN_OVERSIGHT', label: 'Human oversight' },
  { value: 'ACCOUNTABILITY', label: 'Accountability' },
  { value: 'DATA_GOVERNANCE', label: 'Data governance' },
];

export const STATUSES: { value: CriterionStatus; label: string; color: string }[] = [
  { value: 'DRAFT', label: 'Draft', color: 'yellow' },
  { value: 'ACTIVE', label: 'Active', color: 'green' },
  { value: 'RETIRED', label: 'Retired', color: 'gray' },
];

const labelOf = <T extends string>(list: { value: T; label: string }[], value: T | null | undefined): string =>
  value ? (list.find((item) => item.value === value)?.label ?? value) : '';

export const stageLabel = (value: Stage | null | undefined) => labelOf(STAGES, value);
export const kindLabel = (value: CriterionKind | null | undefined) => labelOf(KINDS, value);
export const categoryLabel = (value: Category | null | undefined) => labelOf(CATEGORIES, value);
export const comparatorLabel = (value: Comparator | null | undefined) => labelOf(COMPARATORS, value);
export const statusOf = (value: CriterionStatus) => STATUSES.find((s) => s.value === value)!;

/** What a criterion requires, in one line: "accuracy.auc ≥ 0.78 ratio", "Document: MODEL_CARD", … */
export function requirement(c: {
  kind: CriterionKind;
  metricKey?: string | null;
  comparator?: Comparator | null;
  threshold?: number | null;
  thresholdHigh?: number | null;
  unit?: string | null;
  evidenceType?: string | null;
  statement?: string | null;
}): string {
  if (c.kind === 'METRIC') {
    const unit = c.unit ? ` ${c.unit}` : '';
    if (c.comparator === 'BETWEEN') return `${c.metricKey} between ${c.threshold} and ${c.thresholdHigh}${unit}`;
    const symbol = COMPARATORS.find((x) => x.value === c.comparator)?.symbol ?? c.comparator ?? '';
    return `${c.metricKey} ${symbol} ${c.threshold}${unit}`;
  }
  if (c.kind === 'EVIDENCE') return `Document: ${c.evidenceType ?? ''}`;
  return `Attests: ${c.statement ?? ''}`;
}

/** A timestamp as a reader of the console's language would write it (the day and time, local). */
export const when = (iso: string | null | undefined): string =>
  iso ? new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }) : '';
