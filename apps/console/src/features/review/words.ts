// The lifecycle's words: enrolment and track states, outcomes, decisions, grounds and severities as a
// regulator reads them (a label, a badge colour, what it means).
import type {
  CriterionOutcome,
  EnrolmentState,
  ExitDecision,
  IncidentSeverity,
  SuspensionGround,
  TrackState,
} from '../../gql/graphql';

interface Word {
  label: string;
  color: string;
}

export const ENROLMENT_STATES: Record<EnrolmentState, Word> = {
  DRAFT: { label: 'Draft', color: 'gray' },
  SUBMITTED: { label: 'Submitted', color: 'blue' },
  UNDER_REVIEW: { label: 'Under review', color: 'indigo' },
  TESTING: { label: 'Testing', color: 'teal' },
  EXIT_REVIEW: { label: 'Exit review', color: 'grape' },
  SUSPENDED: { label: 'Suspended', color: 'orange' },
  EXITED: { label: 'Exited', color: 'green' },
  DECLINED: { label: 'Declined', color: 'red' },
  WITHDRAWN: { label: 'Withdrawn', color: 'gray' },
};

export const TRACK_STATES: Record<TrackState, Word> = {
  PENDING: { label: 'Pending', color: 'blue' },
  ADMITTED: { label: 'Admitted', color: 'teal' },
  DECLINED: { label: 'Declined', color: 'red' },
  SUSPENDED: { label: 'Suspended', color: 'orange' },
  AUTHORISED: { label: 'Authorised', color: 'green' },
  REJECTED: { label: 'Rejected', color: 'red' },
};

export const OUTCOMES: Record<CriterionOutcome, Word> = {
  MET: { label: 'Met', color: 'green' },
  UNMET: { label: 'Unmet', color: 'red' },
  INSUFFICIENT_EVIDENCE: { label: 'Insufficient evidence', color: 'orange' },
  NOT_SUBMITTED: { label: 'Not submitted', color: 'gray' },
  NOT_APPLICABLE: { label: 'Not applicable', color: 'gray' },
  WITHHELD: { label: 'Withheld', color: 'violet' },
};

/** A result's own outcome (PASS, FAIL, INSUFFICIENT_EVIDENCE). */
export const RESULT_OUTCOMES: Record<string, Word> = {
  PASS: { label: 'Pass', color: 'green' },
  FAIL: { label: 'Fail', color: 'red' },
  INSUFFICIENT_EVIDENCE: { label: 'Insufficient evidence', color: 'orange' },
};

export const REPORT_STATUSES: Record<string, Word> = {
  SUBMITTED: { label: 'To review', color: 'blue' },
  ACCEPTED: { label: 'Accepted', color: 'green' },
  REJECTED: { label: 'Rejected', color: 'red' },
};

export const EXIT_DECISIONS: { value: ExitDecision; label: string; description: string }[] = [
  { value: 'AUTHORISED', label: 'Authorise', description: 'Final: the system leaves the sandbox authorised.' },
  { value: 'REJECTED', label: 'Reject', description: 'Final: the system leaves the sandbox without authorisation.' },
  {
    value: 'EXTENDED',
    label: 'Extend testing',
    description: 'Back to testing for longer once every authority has decided.',
  },
  {
    value: 'REFINEMENT_REQUIRED',
    label: 'Require refinement',
    description: 'Back to testing: the system must be refined first.',
  },
];

export const EXIT_DECISION_WORDS: Record<ExitDecision, string> = {
  AUTHORISED: 'Authorised',
  REJECTED: 'Rejected',
  EXTENDED: 'Extended',
  REFINEMENT_REQUIRED: 'Refinement required',
};

export const SUSPENSION_GROUNDS: { value: SuspensionGround; label: string; description: string }[] = [
  {
    value: 'BREACH_OF_PLAN',
    label: 'Breach of plan',
    description: 'The participant departs from the agreed sandbox plan.',
  },
  {
    value: 'UNMITIGABLE_RISK',
    label: 'Unmitigable risk',
    description: 'A significant risk has come up that cannot be mitigated while testing goes on.',
  },
  { value: 'PARTICIPANT_REQUEST', label: 'Participant request', description: 'The participant asked for the pause.' },
];

export const groundLabel = (ground: SuspensionGround): string =>
  SUSPENSION_GROUNDS.find((g) => g.value === ground)?.label ?? ground;

export const SEVERITIES: { value: IncidentSeverity; label: string; color: string }[] = [
  { value: 'CRITICAL', label: 'Critical', color: 'red' },
  { value: 'HIGH', label: 'High', color: 'orange' },
  { value: 'MEDIUM', label: 'Medium', color: 'yellow' },
  { value: 'LOW', label: 'Low', color: 'gray' },
];

export const severity = (value: IncidentSeverity) => SEVERITIES.find((s) => s.value === value)!;

/** Whether an entry outcome counts as met for the justification rule (MET or NOT_APPLICABLE). */
export const isMetForEntry = (outcome: CriterionOutcome): boolean => outcome === 'MET' || outcome === 'NOT_APPLICABLE';

const DATE_TIME = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'UTC',
});
const DATE = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });

/** An instant in words, in UTC (as the domain counts days). */
export const when = (iso: string | null | undefined): string => (iso ? `${DATE_TIME.format(new Date(iso))} UTC` : '—');

/** A day (`YYYY-MM-DD`) in words. */
export const day = (iso: string | null | undefined): string => (iso ? DATE.format(new Date(iso)) : '—');
