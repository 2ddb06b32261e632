import { Injectable } from '@nestjs/common';
import { Clock } from '@sandbridge/common';
import {
  type Actor,
  allDeadlines,
  countOverdue,
  type DeadlineKind,
  deadlinesOf,
  DomainError,
  type EnrolmentDeadlines,
  EnrolmentState,
  EntryDecision,
  EVIDENCE_EXPIRY_NOTICE_DAYS,
  addDays,
  type Page,
  type PageRequest,
  pageSize,
  type PlanFact,
  Role,
  toUtcDay,
  type WorkItem,
  workItemsOf,
  workQueuePage,
} from '@sandbridge/domain';
import {
  DeadlineRepository,
  EvidenceReferenceRepository,
  type ExpiringEvidenceRow,
  type EnrolmentEntity,
  type EnrolmentTrackEntity,
  type FirstIssuedExitReport,
} from '@sandbridge/persistence';
import { PlanFacts } from './plan-facts.js';

/** An enrolment the caller may see, with its tracks (as the loaders hold them). */
export interface EnrolmentWithTracks {
  enrolment: EnrolmentEntity;
  tracks: EnrolmentTrackEntity[];
}

const day = (at: Date | null) => (at ? toUtcDay(at) : null);

/**
 * Deadlines and the work queue (docs/domain.md#deadlines): read from the enrolments, their tracks,
 * the exit reports issued and the plans (PlanFacts), computed by the domain on today's UTC day from
 * the clock. Nothing is stored and no state changes when a deadline passes.
 */
@Injectable()
export class DeadlineService {
  constructor(
    private readonly clock: Clock,
    private readonly plans: PlanFacts,
    private readonly reads: DeadlineRepository,
    private readonly evidence: EvidenceReferenceRepository,
  ) {}

  /** Today as a UTC day. */
  today(): string {
    return toUtcDay(this.clock.now());
  }

  /**
   * The deadlines of each enrolment (already visible to the caller), in the order given: one
   * statement for the exit reports issued (only when some enrolment has exited) and PlanFacts'
   * own, whatever the number of enrolments.
   */
  async ofEnrolments(items: readonly EnrolmentWithTracks[]): Promise<EnrolmentDeadlines[]> {
    if (!items.length) return [];
    const today = this.today();
    const exited = items.filter((i) => i.enrolment.state === EnrolmentState.EXITED).map((i) => i.enrolment.id);
    const issued = issuedByTrack(await this.reads.firstIssuedExitReports(exited));
    // A plan is made once a track is admitted: only those enrolments can have one.
    const admitted = items
      .filter((i) => i.tracks.some((t) => t.entryDecision === EntryDecision.ADMIT))
      .map((i) => i.enrolment.id);
    const plans = admitted.length ? await this.plans.forEnrolments(admitted) : new Map<string, PlanFact>();
    return items.map(({ enrolment, tracks }) =>
      deadlinesOf(
        {
          state: enrolment.state,
          submittedOn: day(enrolment.submittedAt),
          exitedOn: day(enrolment.exitedAt),
          tracks: tracks.map((t) => ({
            authorityId: t.authorityId,
            state: t.state,
            entryDecision: t.entryDecision,
            entryDecidedOn: day(t.entryDecidedAt),
            exitReportIssuedOn: issued.get(`${enrolment.id}\u0000${t.authorityId}`) ?? null,
          })),
          plan: plans.get(enrolment.id) ?? null,
        },
        today,
      ),
    );
  }

  /** How many deadlines of these enrolments are overdue today, per kind that can be (a programme's funnel). */
  async overdue(items: readonly EnrolmentWithTracks[]): Promise<{ kind: DeadlineKind; count: number }[]> {
    return countOverdue((await this.ofEnrolments(items)).flatMap(allDeadlines));
  }

  /**
   * What waits for the caller's authority (a regulator's only), most overdue first, then the earliest
   * due: a page after the cursor `after`. Three statements and PlanFacts' own, whatever its length.
   */
  async workQueue(actor: Actor, request: PageRequest): Promise<Page<WorkItem>> {
    if (actor.role !== Role.REGULATOR || !actor.authorityId)
      throw DomainError.forbidden('The work queue is a regulator’s: what waits for its authority');
    // A bad `first` is refused before anything is read.
    pageSize(request);
    const authorityId = actor.authorityId;
    const tracks = await this.reads.queueTracksOf(authorityId);
    const reports = await this.reads.reportsAwaitingReview(authorityId);
    const evidence = await this.evidence.expiringForAuthority(authorityId);
    const withPlans = [
      ...new Set(
        tracks.filter((t) => t.admittedAt && t.enrolmentState !== EnrolmentState.EXITED).map((t) => t.enrolmentId),
      ),
    ];
    const plans = withPlans.length ? await this.plans.forEnrolments(withPlans) : new Map<string, PlanFact>();
    const items = workItemsOf(
      authorityId,
      tracks.map((t) => ({
        enrolmentId: t.enrolmentId,
        enrolmentState: t.enrolmentState,
        submittedOn: day(t.submittedAt),
        admittedOn: day(t.admittedAt),
        exitedOn: day(t.exitedAt),
        state: t.state,
        exitDecision: t.exitDecision,
        decidesEntry: t.decidesEntry,
        exitReportIssuedOn: day(t.exitReportIssuedAt),
        plan: plans.get(t.enrolmentId) ?? null,
      })),
      reports,
      this.today(),
      evidence,
    );
    return workQueuePage(items, request);
  }

  /**
   * For each enrolment (already visible to the caller), in the order given: the evidence its results
   * and plan sections name that expired already or expires within EVIDENCE_EXPIRY_NOTICE_DAYS of
   * today, soonest first. One statement for any number of enrolments.
   */
  async expiringEvidence(enrolmentIds: readonly string[]): Promise<ExpiringEvidenceRow[][]> {
    const rows = await this.evidence.expiringOfEnrolments(
      enrolmentIds,
      addDays(this.today(), EVIDENCE_EXPIRY_NOTICE_DAYS),
    );
    return enrolmentIds.map((id) => rows.filter((r) => r.enrolmentId === id));
  }
}

function issuedByTrack(rows: FirstIssuedExitReport[]): Map<string, string> {
  return new Map(rows.map((r) => [`${r.enrolmentId}\u0000${r.authorityId}`, toUtcDay(r.issuedAt)]));
}
