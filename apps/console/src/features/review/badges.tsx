// Badges for the lifecycle's states and outcomes (words.ts): a word and a colour, never colour alone.
import { Badge } from '@mantine/core';
import type { CriterionOutcome, EnrolmentState, TrackState } from '../../gql/graphql';
import { ENROLMENT_STATES, OUTCOMES, REPORT_STATUSES, RESULT_OUTCOMES, TRACK_STATES } from './words';

export const EnrolmentStateBadge = ({ state }: { state: EnrolmentState }) => (
  <Badge variant="light" color={ENROLMENT_STATES[state].color}>
    {ENROLMENT_STATES[state].label}
  </Badge>
);

export const TrackStateBadge = ({ state }: { state: TrackState }) => (
  <Badge variant="light" color={TRACK_STATES[state].color}>
    {TRACK_STATES[state].label}
  </Badge>
);

export const OutcomeBadge = ({ outcome }: { outcome: CriterionOutcome }) => (
  <Badge variant="light" color={OUTCOMES[outcome].color}>
    {OUTCOMES[outcome].label}
  </Badge>
);

export const ResultOutcomeBadge = ({ outcome }: { outcome: string }) => (
  <Badge variant="light" color={RESULT_OUTCOMES[outcome]?.color ?? 'gray'}>
    {RESULT_OUTCOMES[outcome]?.label ?? outcome}
  </Badge>
);

export const ReportStatusBadge = ({ status }: { status: string }) => (
  <Badge variant="light" color={REPORT_STATUSES[status]?.color ?? 'gray'}>
    {REPORT_STATUSES[status]?.label ?? status}
  </Badge>
);
