// The innovator pages' vocabulary in words and colours: enrolment and track states, outcomes,
// decisions, joint-entry rules and what a criterion requires (docs/domain.md). Shared by
// open-programmes, application, organisation and my-enrolments.
import { Badge, type BadgeProps } from '@mantine/core';
import type {
  Comparator,
  CriterionKind,
  CriterionOutcome,
  EnrolmentState,
  JointEntryRule,
  ResultOutcome,
  Stage,
  SuspensionGround,
  TrackState,
} from '../../gql/graphql';

const ENROLMENT_STATES: Record<EnrolmentState, { label: string; color: string }> = {
  DRAFT: { label: 'Draft', color: 'gray' },
  SUBMITTED: { label: 'Submitted', color: 'blue' },
  UNDER_REVIEW: { label: 'Under review', color: 'indigo' },
  TESTING: { label: 'Testing', color: 'cyan' },
  EXIT_REVIEW: { label: 'Exit review', color: 'violet' },
  SUSPENDED: { label: 'Suspended', color: 'orange' },
  EXITED: { label: 'Exited', color: 'green' },
  DECLINED: { label: 'Declined', color: 'red' },
  WITHDRAWN: { label: 'Withdrawn', color: 'gray' },
};

const TRACK_STATES: Record<TrackState, { label: string; color: string }> = {
  PENDING: { label: 'Pending', color: 'blue' },
  ADMITTED: { label: 'Admitted', color: 'cyan' },
  DECLINED: { label: 'Declined', color: 'red' },
  SUSPENDED: { label: 'Suspended', color: 'orange' },
  AUTHORISED: { label: 'Authorised', color: 'green' },
  REJECTED: { label: 'Rejected', color: 'red' },
};

const OUTCOMES: Record<CriterionOutcome, { label: string; color: string }> = {
  MET: { label: 'Met', color: 'green' },
  UNMET: { label: 'Unmet', color: 'red' },
  INSUFFICIENT_EVIDENCE: { label: 'Insufficient evidence', color: 'orange' },
  NOT_SUBMITTED: { label: 'Not submitted', color: 'gray' },
  NOT_APPLICABLE: { label: 'Not applicable', color: 'gray' },
  WITHHELD: { label: 'Withheld', color: 'gray' },
};

const RESULT_OUTCOMES: Record<ResultOutcome, { label: string; color: string }> = {
  PASS: { label: 'Pass', color: 'green' },
  FAIL: { label: 'Fail', color: 'red' },
  INSUFFICIENT_EVIDENCE: { label: 'Insufficient evidence', color: 'orange' },
};

export const enrolmentStateLabel = (state: EnrolmentState) => ENROLMENT_STATES[state]?.label ?? state;
export const trackStateLabel = (state: TrackState) => TRACK_STATES[state]?.label ?? state;
export const outcomeLabel = (outcome: CriterionOutcome) => OUTCOMES[outcome]?.label ?? outcome;

export const ENROLMENT_STATE_OPTIONS = (Object.keys(ENROLMENT_STATES) as EnrolmentState[]).map((value) => ({
  value,
  label: ENROLMENT_STATES[value].label,
}));

type Props = Omit<BadgeProps, 'children' | 'color'>;

export const EnrolmentStateBadge = ({ state, ...props }: Props & { state: EnrolmentState }) => (
  <Badge component="span" variant="light" color={ENROLMENT_STATES[state]?.color} {...props}>
    {enrolmentStateLabel(state)}
  </Badge>
);

export const TrackStateBadge = ({ state, ...props }: Props & { state: TrackState }) => (
  <Badge component="span" variant="light" color={TRACK_STATES[state]?.color} {...props}>
    {trackStateLabel(state)}
  </Badge>
);

export const OutcomeBadge = ({ outcome, ...props }: Props & { outcome: CriterionOutcome }) => (
  <Badge component="span" variant="light" color={OUTCOMES[outcome]?.color} {...props}>
    {outcomeLabel(outcome)}
  </Badge>
);

export const ResultOutcomeBadge = ({ outcome, ...props }: Props & { outcome: ResultOutcome }) => (
  <Badge component="span" variant="light" color={RESULT_OUTCOMES[outcome]?.color} {...props}>
    {RESULT_OUTCOMES[outcome]?.label ?? outcome}
  </Badge>
);

export const JOINT_ENTRY_RULES: Record<JointEntryRule, { label: string; meaning: string }> = {
  EACH_AUTHORITY: {
    label: 'Each authority',
    meaning: 'every targeted authority admits or declines on its own; testing starts with those that admit.',
  },
  UNANIMOUS: {
    label: 'Unanimous',
    meaning: 'every targeted authority must admit; one decline declines the application.',
  },
  LEAD_DECIDES: {
    label: 'Lead decides',
    meaning: "the lead authority's decision decides entry, and the lead must be among the targets.",
  },
};

export const STAGES: { value: Stage; label: string; meaning: string }[] = [
  { value: 'ENTRY', label: 'Entry', meaning: 'Assessed before admission, on the application' },
  { value: 'TESTING', label: 'Testing', meaning: 'Assessed during testing, on test reports' },
  { value: 'EXIT', label: 'Exit', meaning: 'Assessed at exit' },
];

export const KIND_LABELS: Record<CriterionKind, string> = {
  METRIC: 'Metric',
  EVIDENCE: 'Evidence',
  ATTESTATION: 'Attestation',
};

export const SUSPENSION_GROUNDS: Record<SuspensionGround, string> = {
  BREACH_OF_PLAN: 'Breach of the sandbox plan',
  UNMITIGABLE_RISK: 'A risk that cannot be mitigated while testing goes on',
  PARTICIPANT_REQUEST: 'At the participant’s request',
};

const COMPARATORS: Record<Comparator, string> = { GTE: '≥', LTE: '≤', EQ: '=', BETWEEN: 'between' };

/** The part of a criterion that says what it requires. */
export interface Requirement {
  kind: CriterionKind;
  metricKey?: string | null;
  unit?: string | null;
  comparator?: Comparator | null;
  threshold?: number | null;
  thresholdHigh?: number | null;
  evidenceType?: string | null;
  statement?: string | null;
}

/** What a criterion requires, in a sentence: "accuracy_under_noise ≥ 0.8 ratio", "Evidence: testing-plan", … */
export function requirement(c: Requirement): string {
  switch (c.kind) {
    case 'METRIC': {
      const unit = c.unit ? ` ${c.unit}` : '';
      const bound =
        c.comparator === 'BETWEEN'
          ? `between ${c.threshold} and ${c.thresholdHigh}${unit}`
          : `${COMPARATORS[c.comparator ?? 'EQ']} ${c.threshold}${unit}`;
      return `${c.metricKey ?? 'Value'} ${bound}`;
    }
    case 'EVIDENCE':
      return `Evidence: ${c.evidenceType ?? 'a document'}, with its SHA-256`;
    case 'ATTESTATION':
      return `Attest: ${c.statement ?? ''}`;
    default:
      return '';
  }
}

/** A UTC day (YYYY-MM-DD) as "1 Sep 2026". */
export function day(value: string | null | undefined): string {
  if (!value) return '—';
  const date = new Date(`${value.slice(0, 10)}T00:00:00Z`);
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

/** An instant as "6 Dec 2026, 08:24 UTC". */
export function instant(value: string | null | undefined): string {
  if (!value) return '—';
  return `${new Date(value).toLocaleString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
  })} UTC`;
}

/** Today as a UTC day, YYYY-MM-DD. */
export const todayUtc = () => new Date().toISOString().slice(0, 10);

/** Whether a programme takes applications today, and if not, why (the API's own rule, shown beforehand). */
export function applicationWindow(p: {
  status: string;
  applicationOpens?: string | null;
  applicationCloses?: string | null;
}): { open: boolean; reason: string | null } {
  if (p.status !== 'OPEN')
    return { open: false, reason: `The programme is ${p.status.toLowerCase()}: it takes no applications` };
  const today = todayUtc();
  if (p.applicationOpens && today < p.applicationOpens)
    return { open: false, reason: `Applications open on ${day(p.applicationOpens)}` };
  if (p.applicationCloses && today > p.applicationCloses)
    return { open: false, reason: `Applications closed on ${day(p.applicationCloses)}` };
  return { open: true, reason: null };
}

/** States in which an enrolment still holds the system's one application to its programme. */
export const holdsApplication = (state: EnrolmentState) => state !== 'WITHDRAWN' && state !== 'DECLINED';
