/** What happened, as the event stream carries it (after commit only). */
export enum EnrolmentEventType {
  APPLICATION_CREATED = 'APPLICATION_CREATED',
  STATE_CHANGED = 'STATE_CHANGED',
  TRACK_DECIDED = 'TRACK_DECIDED',
  TEST_REPORT_SUBMITTED = 'TEST_REPORT_SUBMITTED',
  TEST_REPORT_REVIEWED = 'TEST_REPORT_REVIEWED',
  INCIDENT_REPORTED = 'INCIDENT_REPORTED',
  /** A sandbox plan version proposed, approved, agreed or sent back for changes. */
  PLAN_CHANGED = 'PLAN_CHANGED',
}

/** One event about an enrolment; plain JSON so it crosses Redis unchanged. */
export interface EnrolmentEvent {
  id: string;
  type: EnrolmentEventType;
  occurredAt: string;
  programmeId: string;
  enrolmentId: string;
  organisationId: string;
  actorAccountId: string | null;
  /** The authority that acted, for decisions. */
  authorityId: string | null;
  action: string | null;
  fromState: string | null;
  toState: string | null;
  /** For report events: who may see it (confidentiality) and where it went. */
  reportId: string | null;
  confidentiality: string | null;
  submittedTo: string | null;
  incidentId: string | null;
  summary: string;
}

/** Progress of one simulation run (docs/domain.md#simulation), after commit; plain JSON so it crosses Redis unchanged. */
export interface SimulationProgressEvent {
  runId: string;
  /** The run's jurisdiction: who may receive the event. */
  jurisdictionCode: string;
  /** The account that started the run (a programme run is its starter's alone). */
  createdBy: string;
  status: string;
  done: number;
  total: number;
  error: string | null;
  occurredAt: string;
}
