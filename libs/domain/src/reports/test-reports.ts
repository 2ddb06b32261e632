/**
 * Who may read a test report, and so what its results decide (docs/domain.md#test-reports-and-evaluation):
 * every authority, the programme's authorities, or only the authority it was submitted to.
 */
export enum Confidentiality {
  PUBLIC = 'PUBLIC',
  PARTICIPANTS = 'PARTICIPANTS',
  HOME_AUTHORITY = 'HOME_AUTHORITY',
}

/** Where a test report stands: submitted, then accepted or rejected by the authority it was submitted to. */
export enum ReportStatus {
  SUBMITTED = 'SUBMITTED',
  ACCEPTED = 'ACCEPTED',
  REJECTED = 'REJECTED',
}

/** The reviewing authority's decision on a submitted report. */
export enum ReportReview {
  ACCEPT = 'ACCEPT',
  REJECT = 'REJECT',
}
