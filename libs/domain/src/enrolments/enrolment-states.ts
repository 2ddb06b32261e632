/** Overall state of an enrolment, derived from its tracks by the lifecycle (docs/domain.md#programmes-and-the-enrolment-lifecycle). */
export enum EnrolmentState {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  UNDER_REVIEW = 'UNDER_REVIEW',
  TESTING = 'TESTING',
  EXIT_REVIEW = 'EXIT_REVIEW',
  SUSPENDED = 'SUSPENDED',
  EXITED = 'EXITED',
  DECLINED = 'DECLINED',
  WITHDRAWN = 'WITHDRAWN',
}

/** State of one targeted authority's track. AUTHORISED and REJECTED are final. */
export enum TrackState {
  PENDING = 'PENDING',
  ADMITTED = 'ADMITTED',
  DECLINED = 'DECLINED',
  SUSPENDED = 'SUSPENDED',
  AUTHORISED = 'AUTHORISED',
  REJECTED = 'REJECTED',
}

export enum EntryDecision {
  ADMIT = 'ADMIT',
  DECLINE = 'DECLINE',
}

/** At exit: AUTHORISED and REJECTED are final; EXTENDED and REFINEMENT_REQUIRED send the track back to testing. */
export enum ExitDecision {
  AUTHORISED = 'AUTHORISED',
  REJECTED = 'REJECTED',
  EXTENDED = 'EXTENDED',
  REFINEMENT_REQUIRED = 'REFINEMENT_REQUIRED',
}

export enum EnrolmentAction {
  SUBMIT = 'SUBMIT',
  START_REVIEW = 'START_REVIEW',
  DECIDE_ENTRY = 'DECIDE_ENTRY',
  SUBMIT_TEST_REPORT = 'SUBMIT_TEST_REPORT',
  REQUEST_EXIT = 'REQUEST_EXIT',
  DECIDE_EXIT = 'DECIDE_EXIT',
  SUSPEND = 'SUSPEND',
  RESUME = 'RESUME',
  WITHDRAW = 'WITHDRAW',
}

export const FINAL_EXIT_DECISIONS: readonly ExitDecision[] = [ExitDecision.AUTHORISED, ExitDecision.REJECTED];

/**
 * Why an authority suspends its track: the participant departs from the agreed sandbox plan, a
 * significant risk has come up that cannot be mitigated while testing goes on, or the participant
 * itself asks for the pause.
 */
export enum SuspensionGround {
  BREACH_OF_PLAN = 'BREACH_OF_PLAN',
  UNMITIGABLE_RISK = 'UNMITIGABLE_RISK',
  PARTICIPANT_REQUEST = 'PARTICIPANT_REQUEST',
}
