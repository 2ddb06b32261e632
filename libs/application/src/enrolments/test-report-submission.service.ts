import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Clock } from '@sandbridge/common';
import canonicalize from 'canonicalize';
import {
  type Actor,
  applyLifecycle,
  Confidentiality,
  type CriterionOutcome,
  CriterionStatus,
  DomainError,
  EnrolmentAction,
  ErrorCode,
  evaluateResult,
  type FieldProblem,
  type MetBy,
  PlanRefusal,
  ReportReview,
  ReportStatus,
  SandboxPlanStatus,
  type ResultOutcome,
  Role,
  Stage,
  TrackState,
} from '@sandbridge/domain';
import {
  type CriterionEntity,
  CriterionRepository,
  type EnrolmentEntity,
  EnrolmentRepository,
  JurisdictionRepository,
  ProgrammeRepository,
  SandboxPlanRepository,
  TestReportEntity,
  TestReportRepository,
  TransactionalConnection,
} from '@sandbridge/persistence';
import { AuditService } from '../cooperation/audit.service.js';
import { EventBus } from '../cooperation/event-bus.js';
import { EnrolmentEventType } from '../cooperation/events.js';
import { EvidenceReferences, resolveClaim } from '../evidence/evidence-references.js';
import { lifecycleActor } from './enrolment-access.js';
import { toCriterionSpec } from './criterion-spec.js';
import type { ResultCommand } from './enrolment-commands.js';
import { EnrolmentService, type LoadedEnrolment } from './enrolment.service.js';
import { TestReportService } from './test-report.service.js';
import { TrackEvaluationService } from './track-evaluation.service.js';
import type { TrackRecognitions } from './track-evaluation.types.js';

export interface SubmitTestReportCommand {
  enrolmentId: string;
  submittedTo: string;
  /** UTC days `YYYY-MM-DD`. */
  periodStart: string;
  periodEnd: string;
  lab: { name: string; accredited: boolean; accreditationBody?: string | null };
  method: { id: string; version?: string | null };
  testedIn: string;
  confidentiality: Confidentiality;
  idempotencyKey: string;
  results: ResultCommand[];
  /**
   * The sandbox plan version the innovator reports under, as it read it: refused unless it is the
   * version in force (PLAN_SUPERSEDED when a later one was agreed since). Absent: the one in force.
   */
  planVersion?: number | null;
}

export interface ReviewTestReportCommand {
  reportId: string;
  decision: ReportReview;
  reasons: string;
}

export const MAX_RESULTS_PER_REPORT = 10_000;

/** Test reports: submitted once per idempotency key, evaluated result by result, in one transaction; then reviewed. */
@Injectable()
export class TestReportSubmissionService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly reports: TestReportRepository,
    private readonly enrolmentRepo: EnrolmentRepository,
    private readonly enrolments: EnrolmentService,
    private readonly programmes: ProgrammeRepository,
    private readonly criteria: CriterionRepository,
    private readonly jurisdictions: JurisdictionRepository,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly events: EventBus,
    private readonly reads: TestReportService,
    private readonly evaluations: TrackEvaluationService,
    private readonly plans: SandboxPlanRepository,
    private readonly evidence: EvidenceReferences,
  ) {}

  submit(actor: Actor, command: SubmitTestReportCommand): Promise<TestReportEntity> {
    const payloadHash = hashPayload(command);
    return this.connection.withTransaction(async () => {
      // The row lock serialises submissions of one enrolment: a retried submission sees the first.
      const enrolment = await this.enrolmentRepo.findByIdForUpdate(command.enrolmentId);
      const { programme, tracks } = await this.enrolments.load(actor, command.enrolmentId);
      // Only the enrolling organisation submits, and only it may get a report back by replaying its key.
      if (lifecycleActor(actor, enrolment!).kind !== 'INNOVATOR')
        throw DomainError.forbidden('Only the enrolling organisation submits test reports');
      const existing = await this.reports.findByIdempotencyKey(enrolment!.id, command.idempotencyKey);
      if (existing) {
        if (existing.payloadHash !== payloadHash)
          throw DomainError.conflict('This idempotency key was used for a different report');
        return existing;
      }
      const evaluated = await this.check(actor, { enrolment: enrolment!, programme, tracks }, command);
      if (evaluated.problems.length) throw refused(evaluated.problems, 'The report was not saved');
      const rows = evaluated.rows.map(({ criterion, ...row }) => ({ ...row, criterionId: criterion.id }));
      const report = await this.reports.insertReport({
        enrolmentId: enrolment!.id,
        submittedTo: command.submittedTo,
        submittedBy: actor.accountId,
        periodStart: command.periodStart,
        periodEnd: command.periodEnd,
        labName: command.lab.name,
        labAccredited: command.lab.accredited,
        labAccreditationBody: command.lab.accreditationBody ?? null,
        methodId: command.method.id,
        methodVersion: command.method.version ?? null,
        testedIn: command.testedIn,
        confidentiality: command.confidentiality,
        idempotencyKey: command.idempotencyKey,
        payloadHash,
        status: ReportStatus.SUBMITTED,
        reviewReasons: null,
        reviewedBy: null,
        reviewedAt: null,
        resultCount: rows.length,
        planVersion: evaluated.planVersion,
      });
      await this.reports.insertResults(rows.map((row) => ({ ...row, reportId: report.id })));
      const outcomes = countOutcomes(rows);
      await this.audit.append(actor, {
        action: 'SUBMIT_TEST_REPORT',
        entityType: 'TEST_REPORT',
        entityId: report.id,
        enrolmentId: report.enrolmentId,
        programmeId: programme.id,
        data: {
          submittedTo: report.submittedTo,
          confidentiality: report.confidentiality,
          payloadHash,
          results: rows.length,
          outcomes,
          planVersion: evaluated.planVersion,
        },
      });
      this.events.publish({
        type: EnrolmentEventType.TEST_REPORT_SUBMITTED,
        programmeId: programme.id,
        enrolmentId: report.enrolmentId,
        organisationId: enrolment!.organisationId,
        actorAccountId: actor.accountId,
        reportId: report.id,
        confidentiality: report.confidentiality,
        submittedTo: report.submittedTo,
        summary: `Test report submitted (${rows.length} results)`,
      });
      return report;
    });
  }

  /**
   * What `submit` would do with this report, writing nothing: the same checks in the same order (an
   * enrolment the caller may not see is NOT_FOUND; only the enrolling organisation, only to an
   * admitted authority, only while testing; the same BAD_USER_INPUT problems at the same paths), each
   * result evaluated against its criterion version as submission evaluates it, and every testing
   * track's TESTING and EXIT evaluation as it stands and as it would stand with the report submitted.
   */
  async preview(actor: Actor, command: PreviewTestReportCommand): Promise<TestReportPreview> {
    const loaded = await this.enrolments.load(actor, command.enrolmentId);
    const { enrolment, programme, participants, tracks } = loaded;
    if (lifecycleActor(actor, enrolment).kind !== 'INNOVATOR')
      throw DomainError.forbidden('Only the enrolling organisation submits test reports');
    const { rows, problems } = await this.check(actor, loaded, command);
    if (problems.length) throw refused(problems, 'The report would not be saved');
    const outcomes = countOutcomes(rows);
    // The report as it would be stored; never saved (only read by evaluation, for who may read it).
    const report = Object.assign(new TestReportEntity(), {
      id: PREVIEW_ID,
      enrolmentId: enrolment.id,
      submittedTo: command.submittedTo,
      submittedBy: actor.accountId,
      confidentiality: command.confidentiality,
      status: ReportStatus.SUBMITTED,
      testedIn: command.testedIn,
      periodStart: command.periodStart,
      periodEnd: command.periodEnd,
      submittedAt: this.clock.now(),
    });
    const requests = tracks
      .filter((t) => TESTING_TRACKS.includes(t.state as TrackState))
      .flatMap((t) => [Stage.TESTING, Stage.EXIT].map((stage) => ({ enrolment, authorityId: t.authorityId, stage })));
    // One recognition case per authority serves both evaluations and both stages.
    const cases = new Map<string, Promise<TrackRecognitions>>();
    const recognitions = (programmeId: string, aiSystemId: string, authorityId: string) => {
      const key = `${programmeId}\u0000${aiSystemId}\u0000${authorityId}`;
      if (!cases.has(key)) cases.set(key, this.evaluations.recognisedResults(programmeId, aiSystemId, authorityId));
      return cases.get(key)!;
    };
    const options = { programme, recognitions, reader: actor };
    const current = await this.evaluations.evaluateTracks(requests, options);
    const after = await this.evaluations.evaluateTracks(requests, {
      ...options,
      unsavedReport: {
        source: { report, enrolment, participants },
        results: rows.map((r) => ({
          id: previewResultId(r.position),
          criterionId: r.criterion.id,
          outcome: r.outcome,
        })),
      },
    });
    return {
      results: rows,
      outcomes,
      tracks: after.map((evaluation, i) => ({
        authorityId: evaluation.authorityId,
        stage: evaluation.stage,
        criteria: evaluation.criteria.map((e, j) => ({
          criterion: e.criterion,
          mandatory: e.mandatory,
          outcome: e.outcome,
          metBy: e.metBy,
          current: current[i].criteria[j].outcome,
          position: positionOfPreviewResult(e.resultId),
        })),
      })),
    };
  }

  /** The authority a report was submitted to accepts or rejects it, with reasons. */
  review(actor: Actor, command: ReviewTestReportCommand): Promise<TestReportEntity> {
    return this.connection.withTransaction(async () => {
      const report = await this.reads.findById(actor, command.reportId);
      if (!report) throw DomainError.notFound('Test report', command.reportId);
      if (actor.role !== Role.REGULATOR || actor.authorityId !== report.submittedTo) {
        throw DomainError.forbidden('Only a regulator of the authority the report was submitted to reviews it');
      }
      if (report.status !== ReportStatus.SUBMITTED)
        throw DomainError.invalidTransition(`The report is already ${report.status}`);
      report.status = command.decision === ReportReview.ACCEPT ? ReportStatus.ACCEPTED : ReportStatus.REJECTED;
      report.reviewReasons = command.reasons;
      report.reviewedBy = actor.accountId;
      report.reviewedAt = this.clock.now();
      const saved = await this.reports.save(report);
      const enrolment = (await this.enrolmentRepo.findById(report.enrolmentId))!;
      await this.audit.append(actor, {
        action: 'REVIEW_TEST_REPORT',
        entityType: 'TEST_REPORT',
        entityId: report.id,
        enrolmentId: report.enrolmentId,
        programmeId: enrolment.programmeId,
        data: { status: report.status, reasons: command.reasons },
      });
      this.events.publish({
        type: EnrolmentEventType.TEST_REPORT_REVIEWED,
        programmeId: enrolment.programmeId,
        enrolmentId: report.enrolmentId,
        organisationId: enrolment.organisationId,
        actorAccountId: actor.accountId,
        authorityId: actor.authorityId,
        reportId: report.id,
        confidentiality: report.confidentiality,
        submittedTo: report.submittedTo,
        summary: `Test report ${report.status.toLowerCase()}`,
      });
      return saved;
    });
  }

  /**
   * The checks a submission passes before anything is written, after the caller was found to be the
   * enrolling organisation: the lifecycle (an admitted authority, while testing, under an agreed
   * sandbox plan: FORBIDDEN or INVALID_TRANSITION), the plan version named, then the fields and every
   * result — each evaluated — with the problems found, and the plan version the report is made under.
   */
  private async check(
    actor: Actor,
    loaded: Pick<LoadedEnrolment, 'enrolment' | 'programme' | 'tracks'>,
    command: PreviewTestReportCommand,
  ): Promise<{ rows: EvaluatedResult[]; problems: FieldProblem[]; planVersion: number }> {
    const { enrolment, programme, tracks } = loaded;
    const inForce = await this.plans.inForce(enrolment.id);
    const outcome = applyLifecycle(
      { ...this.enrolments.snapshot(enrolment, programme, tracks), planInForce: inForce?.version ?? null },
      lifecycleActor(actor, enrolment),
      {
        action: EnrolmentAction.SUBMIT_TEST_REPORT,
        authorityId: command.submittedTo,
      },
    );
    if (!outcome.ok)
      throw new DomainError(
        outcome.veto.code === 'FORBIDDEN' ? ErrorCode.FORBIDDEN : ErrorCode.INVALID_TRANSITION,
        outcome.veto.reason,
        [],
        outcome.veto.reasonCode ? { reason: outcome.veto.reasonCode } : {},
      );
    const planVersion = inForce!.version;
    if (command.planVersion != null && command.planVersion !== planVersion)
      await this.refuseOtherPlanVersion(enrolment.id, command.planVersion, planVersion);
    const problems: FieldProblem[] = [];
    if (command.periodStart > command.periodEnd)
      problems.push({ path: 'input.periodEnd', message: 'must not be before periodStart' });
    if (!(await this.jurisdictions.findByCode(command.testedIn)))
      problems.push({ path: 'input.testedIn', message: 'is not a known jurisdiction' });
    const rows = await this.evaluateResults(enrolment, command.results, command.periodEnd, problems);
    return { rows, problems, planVersion };
  }

  /** A report names a plan version other than the one in force: superseded, not agreed, or none at all. */
  private async refuseOtherPlanVersion(enrolmentId: string, named: number, inForce: number): Promise<never> {
    const version = (await this.plans.versionsOf([enrolmentId])).find((v) => v.version === named);
    if (!version)
      throw DomainError.badInput([{ path: 'input.planVersion', message: 'is not a version of this enrolment’s plan' }]);
    if (version.status === SandboxPlanStatus.SUPERSEDED || named < inForce)
      throw DomainError.invalidTransition(
        `Sandbox plan version ${named} was superseded: version ${inForce} is in force, report under it`,
        PlanRefusal.PLAN_SUPERSEDED,
      );
    throw DomainError.invalidTransition(
      `Sandbox plan version ${named} is ${version.status}, not agreed: version ${inForce} is in force`,
      PlanRefusal.PLAN_NOT_AGREED,
    );
  }

  /**
   * Each result must name a published criterion of an authority of the programme, and any evidence
   * file it names must be the organisation's (with the hash stated, if any, the stored one's); the
   * files are read in one statement, and evidence must still hold on the period's last day.
   */
  private async evaluateResults(
    enrolment: EnrolmentEntity,
    results: ResultCommand[],
    periodEnd: string,
    problems: FieldProblem[],
  ): Promise<EvaluatedResult[]> {
    if (!results.length) problems.push({ path: 'input.results', message: 'must hold at least one result' });
    if (results.length > MAX_RESULTS_PER_REPORT)
      problems.push({ path: 'input.results', message: `must hold at most ${MAX_RESULTS_PER_REPORT} results` });
    const participants = new Set(
      (await this.programmes.participantsOf([enrolment.programmeId])).map((p) => p.authorityId),
    );
    const criteria = new Map(
      (await this.criteria.findByIds([...new Set(results.map((r) => r.criterionId))])).map((c) => [c.id, c]),
    );
    const owned = await this.evidence.ownedBy(
      enrolment.organisationId,
      results.map((r) => r.evidenceId),
    );
    return results.flatMap((r, position) => {
      const criterion = criteria.get(r.criterionId);
      if (!criterion || criterion.status === CriterionStatus.DRAFT || !participants.has(criterion.authorityId)) {
        problems.push({
          path: `input.results.${position}.criterionId`,
          message: 'is not a published criterion of an authority of this programme',
        });
        return [];
      }
      if (r.evidenceSha256 != null && !/^[0-9a-f]{64}$/.test(r.evidenceSha256)) {
        problems.push({
          path: `input.results.${position}.evidenceSha256`,
          message: 'must be 64 lower-case hexadecimal characters',
        });
      }
      if (r.value == null && r.evidenceReference == null && r.evidenceId == null && r.attested == null) {
        problems.push({
          path: `input.results.${position}`,
          message: 'must give a value, an evidence reference or file, or an attestation',
        });
      }
      const evidence = resolveClaim(r, owned, `input.results.${position}`, problems);
      const { outcome, detail } = evaluateResult(
        toCriterionSpec(criterion),
        { ...r, ...evidence },
        { day: periodEnd, of: 'REPORT_PERIOD' },
      );
      return [
        {
          position,
          criterion,
          value: r.value ?? null,
          evidenceReference: evidence.evidenceReference,
          evidenceSha256: evidence.evidenceSha256,
          evidenceId: evidence.evidenceId,
          attested: r.attested ?? null,
          outcome,
          detail,
        },
      ];
    });
  }
}

/** A result of a report, evaluated against the criterion version it names (what submission stores). */
export interface EvaluatedResult {
  /** Its index in the report's results. */
  position: number;
  criterion: CriterionEntity;
  value: number | null;
  evidenceReference: string | null;
  evidenceSha256: string | null;
  /** The stored evidence file the result names, when it names one. */
  evidenceId: string | null;
  attested: boolean | null;
  outcome: ResultOutcome;
  detail: string;
}

/** One criterion of a track's stage: where it stands now and where it would stand with the report submitted. */
export interface CriterionEvaluationPreview {
  criterion: CriterionEntity;
  mandatory: boolean;
  /** With the report submitted. */
  outcome: CriterionOutcome;
  metBy: MetBy | null;
  /** As it stands now. */
  current: CriterionOutcome;
  /** The position of the report's result that would decide it; null when another result (or none) does. */
  position: number | null;
}

export interface TrackEvaluationPreview {
  authorityId: string;
  stage: Stage;
  criteria: CriterionEvaluationPreview[];
}

export interface TestReportPreview {
  results: EvaluatedResult[];
  outcomes: Record<ResultOutcome, number>;
  /** Each track in testing (ADMITTED or SUSPENDED), its TESTING then EXIT criteria. */
  tracks: TrackEvaluationPreview[];
}

/** A submission without its idempotency key: what a preview takes. */
export type PreviewTestReportCommand = Omit<SubmitTestReportCommand, 'idempotencyKey'>;

/** Tracks whose authority is testing the system: a report may count toward their criteria. */
const TESTING_TRACKS: TrackState[] = [TrackState.ADMITTED, TrackState.SUSPENDED];
/** The id of a previewed report and the prefix of its results' ids: never a stored row's (those are UUIDs). */
const PREVIEW_ID = 'preview';
/** Zero-padded, so that ids order as positions do and a criterion given twice is decided by its first result. */
const previewResultId = (position: number) => `${PREVIEW_ID}:${String(position).padStart(6, '0')}`;
function positionOfPreviewResult(resultId: string | null): number | null {
  return resultId?.startsWith(`${PREVIEW_ID}:`) ? Number(resultId.slice(PREVIEW_ID.length + 1)) : null;
}

function countOutcomes(rows: { outcome: ResultOutcome }[]): Record<ResultOutcome, number> {
  const outcomes = { PASS: 0, FAIL: 0, INSUFFICIENT_EVIDENCE: 0 };
  for (const row of rows) outcomes[row.outcome]++;
  return outcomes;
}

/** The BAD_USER_INPUT a report with problems gets (the first 50 listed). */
function refused(problems: FieldProblem[], message: string): DomainError {
  return DomainError.badInput(
    problems.slice(0, 50),
    `${message} (${problems.length} problem${problems.length === 1 ? '' : 's'})`,
  );
}

/** SHA-256 of the submission without its idempotency key, over its canonical JSON (RFC 8785). */
function hashPayload(command: SubmitTestReportCommand): string {
  const { idempotencyKey: _key, ...payload } = command;
  return createHash('sha256')
    .update(canonicalize(payload) ?? '')
    .digest('hex');
}
