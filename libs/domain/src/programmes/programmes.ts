/** How the participating authorities' entry decisions combine (docs/domain.md#programmes-and-the-enrolment-lifecycle). */
export enum JointEntryRule {
  /** Each authority admits or declines for its own jurisdiction; at least one admission starts testing. */
  EACH_AUTHORITY = 'EACH_AUTHORITY',
  UNANIMOUS = 'UNANIMOUS',
  LEAD_DECIDES = 'LEAD_DECIDES',
}

export enum ProgrammeStatus {
  DRAFT = 'DRAFT',
  OPEN = 'OPEN',
  RUNNING = 'RUNNING',
  CLOSED = 'CLOSED',
}
