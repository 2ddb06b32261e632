import { Injectable } from '@nestjs/common';
import { Clock } from '@sandbridge/common';
import {
  type Actor,
  allowedActions,
  applyLifecycle,
  CriterionStatus,
  DomainError,
  EnrolmentAction,
  type EnrolmentSnapshot,
  EnrolmentState,
  EntryDecision,
  ErrorCode,
  evaluateResult,
  evaluateStage,
  ExitDecision,
  type FieldProblem,
  JointEntryRule,
  type LifecycleCommand,
  type Page,
  type PageRequest,
  ProgrammeStatus,
  Role,
  Stage,
  toUtcDay,
  TrackState,
  unmetMandatory,
  type CriterionSpec,
  type RecordedResult,
  ResultOutcome,
  type Comparator,
  type CriterionKind,
  countRecognisedResults,
  type RecognisedResult,
  type RecognitionAwareEvaluation,
  recognisedResultOf,
  resolveCase,
  withholdUnreadable,
} from '@sandbridge/domain';
import {
  AiSystemRepository,
  type CriterionEntity,
  CriterionRepository,
  type EnrolmentEntity,
  type EnrolmentFilter,
  EnrolmentRepository,
  type EnrolmentTrackEntity,
  type EntryResultEntity,
  type ProgrammeEntity,
  ProgrammeRepository,
  type TestReportEntity,
  TestReportRepository,
  TransactionalConnection,
} from '@sandbridge/persistence';
import { AuditService } from '../cooperation/audit.service.js';
import { RecognitionCaseBuilder } from '../recognition/recognition-case.builder.js';
import { EventBus } from '../cooperation/event-bus.js';
import { EnrolmentEventType } from '../cooperation/events.js';
import { authorityMaySeeReport, canSeeEnrolment, canSeeReport, lifecycleActor } from './enrolment-access.js';

/** A result as the applicant or a lab supplies it. */
export interface ResultCommand {
  criterionId: string;
  value?: number | null;
  evidenceReference?: string | null;
  evidenceSha256?: string | null;
  attested?: boolean | null;
}

export interface CreateEnrolmentCommand {
  programmeId: string;
  aiSystemId: string;
  targetAuthorityIds: string[];
  entryResults?: ResultCommand[] | null;
}

export interface UpdateApplicationCommand {
  enrolmentId: string;
  expectedVersion: number;
  targetAuthorityIds?: string[] | null;
  entryResults?: ResultCommand[] | null;
}

export interface DecisionCommand {
  enrolmentId: string;
  expectedVersion: number;
  reasons?: string | null;
}

export interface EntryDecisionCommand extends DecisionCommand {
  decision: EntryDecision;
  /** Required when admitting over an unmet mandatory entry criterion. */
  justification?: string | null;
}

export interface ExitDecisionCommand extends DecisionCommand {
  decision: ExitDecision;
}

/** Everything a lifecycle step needs, loaded once. */
interface Loaded {
  enrolment: EnrolmentEntity;
  programme: ProgrammeEntity;
  participants: string[];
  tracks: EnrolmentTrackEntity[];
}

export interface TrackEvaluation {
  authorityId: string;
  stage: Stage;
  criteria: (RecognitionAwareEvaluation & { criterion: CriterionEntity })[];
}

/** One track's criteria of one stage to evaluate. */
export interface TrackEvaluationRequest {
  enrolment: EnrolmentEntity;
  authorityId: string;
  stage: Stage;
}

/** What decides who may read a test result: its report, that report's enrolment and its programme's authorities. */
export interface ResultSource {
  report: TestReportEntity;
  enrolment: EnrolmentEntity;
  participants: string[];
}

/** A recognised result, and where it comes from (so a reader who may not read it is not shown it). */
export interface TrackRecognition {
  view: RecognisedResult;
  source: ResultSource;
}

/** Recognised results of one system for one authority's criteria attached to a programme, by criterion id. */
export type TrackRecognitions = ReadonlyMap<string, TrackRecognition>;

/** A recorded result as evaluation counts it; `source` is null for an entry result (part of the application, read with the enrolment). */
interface CountedResult extends RecordedResult {
  source: ResultSource | null;
}

export interface EvaluationOptions {
  /** The enrolment's programme, when the caller has it already (saves a query). */
  programme?: ProgrammeEntity;
  /** Where the programmes of many enrolments come from (the API passes its per-request loader); one query by default. */
  programmes?: (ids: string[]) => Promise<(ProgrammeEntity | null)[]>;
  /**
   * Where recognised results come from when the programme accepts them. The API passes a
   * per-request DataLoader so every track of one system and authority shares one case; the
   * default builds one with `recognisedResults`.
   */
  recognitions?: (programmeId: string, aiSystemId: string, authorityId: string) => Promise<TrackRecognitions>;
  /**
   * Who reads the evaluation. A result reveals what it decides: an outcome decided by a result this
   * reader may not read is shown as WITHHELD, without the result. Without a reader the evaluation is
   * the authority's own — what its decisions rest on.
   */
  reader?: Actor | null;
}

export function toCriterionSpec(c: CriterionEntity): CriterionSpec {
  return {
    id: c.id,
    kind: c.kind as CriterionKind,
    comparator: c.comparator as Comparator | null,
    threshold: c.threshold,
    thresholdHigh: c.thresholdHigh,
    unit: c.unit,
    sectors: c.sectors,
    riskClasses: c.riskClasses,
  };
}

/**
 * Enrolments: the application, the lifecycle (libs/domain decides every step; this service loads,
 * checks tenancy, optimistic version and cohort capacity, and writes in one transaction).
 */
@Injectable()
export class EnrolmentService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly enrolments: EnrolmentRepository,
    private readonly programmes: ProgrammeRepository,
    private readonly systems: AiSystemRepository,
    private readonly criteria: CriterionRepository,
    private readonly reports: TestReportRepository,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly events: EventBus,
    private readonly caseBuilder: RecognitionCaseBuilder,
  ) {}

  // ── reads ──────────────────────────────────────────────────────────────────────────────────

  async findById(actor: Actor, id: string): Promise<EnrolmentEntity | null> {
    const enrolment = await this.enrolments.findById(id);
    if (!enrolment) return null;
    const [participants] = await this.participantsOf([enrolment.programmeId]);
    return canSeeEnrolment(actor, enrolment, participants) ? enrolment : null;
  }

  /** For DataLoader: each enrolment when the caller may see it, null otherwise — two statements for any number. */
  async findByIds(actor: Actor, ids: readonly string[]): Promise<(EnrolmentEntity | null)[]> {
    const found = await this.enrolments.findByIds(ids);
    const programmeIds = [...new Set(found.map((e) => e.programmeId))];
    const participants = new Map(
      (programmeIds.length ? await this.participantsOf(programmeIds) : []).map((p, i) => [programmeIds[i], p]),
    );
    const visible = new Map(
      found.filter((e) => canSeeEnrolment(actor, e, participants.get(e.programmeId) ?? [])).map((e) => [e.id, e]),
    );
    return ids.map((id) => visible.get(id) ?? null);
  }

  list(
    actor: Actor,
    filter: Omit<EnrolmentFilter, 'organisationId' | 'participantAuthorityId'>,
    page: PageRequest,
  ): Promise<Page<EnrolmentEntity>> {
    switch (actor.role) {
      case Role.ADMIN:
        return this.enrolments.page(filter, page);
      case Role.INNOVATOR:
        return this.enrolments.page({ ...filter, organisationId: actor.organisationId }, page);
      case Role.REGULATOR:
        return this.enrolments.page({ ...filter, participantAuthorityId: actor.authorityId }, page);
      case Role.NEGOTIATOR:
        throw DomainError.forbidden('Negotiators read aggregated figures only, never enrolments');
    }
  }

  /** For DataLoader: tracks of each enrolment (by authority id). */
  async tracksOf(enrolmentIds: readonly string[]): Promise<EnrolmentTrackEntity[][]> {
    const all = await this.enrolments.tracksOf(enrolmentIds);
    return enrolmentIds.map((id) => all.filter((t) => t.enrolmentId === id));
  }

  async entryResultsOf(enrolmentIds: readonly string[]): Promise<EntryResultEntity[][]> {
    const all = await this.enrolments.entryResultsOf(enrolmentIds);
    return enrolmentIds.map((id) => all.filter((r) => r.enrolmentId === id));
  }

  /** What the caller may do next on this enrolment, and why the rest is blocked. */
  async allowedTransitions(
    actor: Actor,
    enrolment: EnrolmentEntity,
    tracks: EnrolmentTrackEntity[],
    programme: ProgrammeEntity,
  ) {
    return allowedActions(this.snapshot(enrolment, programme, tracks), lifecycleActor(actor, enrolment));
  }

  /** Entry criteria of each targeted authority, evaluated against the application (before anyone decides). */
  async entryEvaluation(
    enrolment: EnrolmentEntity,
    authorityId: string,
    options: EvaluationOptions = {},
  ): Promise<TrackEvaluation> {
    return (await this.evaluateTracks([{ enrolment, authorityId, stage: Stage.ENTRY }], options))[0];
  }

  /** One authority's criteria of a TESTING or EXIT stage, against the results of reports not rejected that it may read. */
  async stageEvaluation(
    enrolment: EnrolmentEntity,
    authorityId: string,
    stage: Stage,
    options: EvaluationOptions = {},
  ): Promise<TrackEvaluation> {
    return (await this.evaluateTracks([{ enrolment, authorityId, stage }], options))[0];
  }

  /**
   * Many tracks' evaluations at once (a page of enrolments): ENTRY ones against the application's
   * entry results, the others against the results of reports not rejected that the track's authority
   * may read (a result counts toward an authority's criterion only then: confidentiality covers what
   * a result decides) — each kind of row read in one statement for all of them, so the cost does not
   * grow with the number of tracks.
   */
  async evaluateTracks(
    requests: readonly TrackEvaluationRequest[],
    options: EvaluationOptions = {},
  ): Promise<TrackEvaluation[]> {
    const enrolmentsOf = (stage: (s: Stage) => boolean) => [
      ...new Map(requests.filter((r) => stage(r.stage)).map((r) => [r.enrolment.id, r.enrolment])).values(),
    ];
    const entryIds = enrolmentsOf((s) => s === Stage.ENTRY).map((e) => e.id);
    const entry = entryIds.length ? await this.enrolments.entryResultsOf(entryIds) : [];
    const reported = await this.reportResultsOf(enrolmentsOf((s) => s !== Stage.ENTRY));
    const recorded = (r: TrackEvaluationRequest): CountedResult[] =>
      r.stage === Stage.ENTRY
        ? entry
            .filter((e) => e.enrolmentId === r.enrolment.id)
            .map((e) => ({
              id: e.id,
              criterionId: e.criterionId,
              outcome: e.outcome as ResultOutcome,
              recordedAt: e.recordedAt.toISOString(),
              source: null,
            }))
        : (reported.get(r.enrolment.id) ?? []).filter((x) =>
            authorityMaySeeReport(r.authorityId, x.source!.report, x.source!.participants),
          );
    return this.evaluateAll(
      requests.map((r) => ({ ...r, results: recorded(r) })),
      options,
    );
  }

  /**
   * Results of the enrolments' reports that were not rejected, dated by their report, each with its
   * source (who may read it) — in three statements; reports oldest first, each one's results in order.
   */
  private async reportResultsOf(enrolments: EnrolmentEntity[]): Promise<Map<string, CountedResult[]>> {
    const out = new Map<string, CountedResult[]>(enrolments.map((e) => [e.id, []]));
    if (!enrolments.length) return out;
    const reports = (await this.reports.ofEnrolments(enrolments.map((e) => e.id))).filter(
      (r) => r.status !== 'REJECTED',
    );
    if (!reports.length) return out;
    const enrolmentById = new Map(enrolments.map((e) => [e.id, e]));
    const programmeIds = [...new Set(enrolments.map((e) => e.programmeId))];
    const participants = new Map((await this.participantsOf(programmeIds)).map((ids, i) => [programmeIds[i], ids]));
    const sources = new Map(
      reports.map((report) => {
        const enrolment = enrolmentById.get(report.enrolmentId)!;
        return [report.id, { report, enrolment, participants: participants.get(enrolment.programmeId) ?? [] }];
      }),
    );
    for (const r of await this.reports.resultsOf(reports.map((x) => x.id))) {
      const source = sources.get(r.reportId)!;
      out.get(source.report.enrolmentId)!.push({
        id: r.id,
        criterionId: r.criterionId,
        outcome: r.outcome as ResultOutcome,
        recordedAt: source.report.submittedAt.toISOString(),
        source,
      });
    }
    return out;
  }

  /**
   * Evaluates tracks against their counted results: the programmes' attached criteria, the criteria,
   * the systems and the programmes are read once for all; then each track goes through the pure
   * domain evaluation. When the programme accepts recognised results, a criterion the engine
   * RECOGNISES for the system counts as met (libs/domain `countRecognisedResults` decides;
   * RECOGNISED_WITH_CONDITIONS is shown, not counted). With a reader, what it may not read is withheld.
   */
  private async evaluateAll(
    requests: readonly (TrackEvaluationRequest & { results: CountedResult[] })[],
    options: EvaluationOptions,
  ): Promise<TrackEvaluation[]> {
    if (!requests.length) return [];
    const unique = (values: string[]) => [...new Set(values)];
    const programmeIds = unique(requests.map((r) => r.enrolment.programmeId));
    const attached = new Map(
      (await this.programmesAttachments(programmeIds)).map((rows, i) => [programmeIds[i], rows]),
    );
    const own = requests.map((r) =>
      attached.get(r.enrolment.programmeId)!.filter((a) => a.authorityId === r.authorityId && a.stage === r.stage),
    );
    const criteria = new Map(
      (await this.criteria.findByIds(unique(own.flat().map((a) => a.criterionId)))).map((c) => [c.id, c]),
    );
    const systems = new Map(
      (await this.systems.findByIds(unique(requests.map((r) => r.enrolment.aiSystemId)))).map((s) => [s.id, s]),
    );
    // Programmes only matter where there is something to evaluate (recognised results are per programme).
    const wanted = unique(requests.filter((_, i) => own[i].length).map((r) => r.enrolment.programmeId)).filter(
      (id) => id !== options.programme?.id,
    );
    const programmes = new Map<string, ProgrammeEntity>(
      options.programme ? [[options.programme.id, options.programme]] : [],
    );
    if (wanted.length) {
      const found = options.programmes ? await options.programmes(wanted) : await this.programmes.findByIds(wanted);
      for (const p of found) if (p) programmes.set(p.id, p);
    }
    const source = options.recognitions ?? ((p, s, a) => this.recognisedResults(p, s, a));
    const out: TrackEvaluation[] = [];
    for (const [i, { enrolment, authorityId, stage, results }] of requests.entries()) {
      const system = systems.get(enrolment.aiSystemId);
      const evaluations = evaluateStage(
        own[i].map((a) => ({ criterion: toCriterionSpec(criteria.get(a.criterionId)!), mandatory: a.mandatory })),
        { sector: system?.sector ?? null, riskClass: system?.riskClass ?? null },
        results,
      );
      const programme = programmes.get(enrolment.programmeId);
      // One after the other: each recognition case is several statements (a loader shares them per request).
      const recognitions =
        own[i].length && programme?.acceptsRecognisedResults
          ? await source(programme.id, enrolment.aiSystemId, authorityId)
          : null;
      const counted = countRecognisedResults(
        evaluations,
        recognitions && new Map([...recognitions].map(([criterionId, r]) => [criterionId, r.view])),
      );
      const shown = options.reader
        ? withholdUnreadable(counted, readableBy(options.reader, results, recognitions))
        : counted;
      out.push({ authorityId, stage, criteria: shown.map((e) => ({ ...e, criterion: criteria.get(e.criterionId)! })) });
    }
    return out;
  }

  /**
   * What the recognition engine recognises, today (the Clock's UTC day), of an AI system's results
   * for one authority's criteria attached to a programme (every stage: one case serves entry and
   * exit). Results are per system: its ACCEPTED reports from any enrolment, in this or another
   * programme, count — but only those a regulator of that authority may read (confidentiality,
   * DESIGN.md §1), since that authority is the one deciding on them. The case is the same
   * `recognition-case@1` recognitionStatus builds, so the answer replays offline.
   */
  async recognisedResults(programmeId: string, aiSystemId: string, authorityId: string): Promise<TrackRecognitions> {
    const [attached] = await this.programmesAttachments([programmeId]);
    const wanted = new Set(attached.filter((a) => a.authorityId === authorityId).map((a) => a.criterionId));
    const system = await this.systems.findById(aiSystemId);
    if (!wanted.size || !system) return new Map();
    const readable = await this.acceptedReportsReadableBy(authorityId, aiSystemId);
    const { recognitionCase, reportOfResult } = await this.caseBuilder.buildWithSources({
      asOf: toUtcDay(this.clock.now()),
      system,
      reports: readable.map((s) => s.report),
      targetAuthorityIds: [authorityId],
      targetCriteria: await this.criteria.findByIds([...wanted]),
    });
    const testedIn = new Map(recognitionCase.results.map((r) => [r.id, r.testedIn]));
    const sourceOf = new Map(readable.map((s) => [s.report.id, s]));
    const recognised = new Map<string, TrackRecognition>();
    for (const resolution of resolveCase(recognitionCase).resolutions[0].criteria) {
      const view = wanted.has(resolution.criterion) ? recognisedResultOf(resolution, (id) => testedIn.get(id)) : null;
      if (view) recognised.set(resolution.criterion, { view, source: sourceOf.get(reportOfResult.get(view.result)!)! });
    }
    return recognised;
  }

  /** The system's ACCEPTED reports, in every programme, that a regulator of `authorityId` may read — each with its source. */
  private async acceptedReportsReadableBy(authorityId: string, aiSystemId: string): Promise<ResultSource[]> {
    const enrolments = await this.enrolments.ofSystem(aiSystemId);
    const accepted = (await this.reports.ofEnrolments(enrolments.map((e) => e.id))).filter(
      (r) => r.status === 'ACCEPTED',
    );
    if (!accepted.length) return [];
    const enrolmentById = new Map(enrolments.map((e) => [e.id, e]));
    const programmeIds = [...new Set(enrolments.map((e) => e.programmeId))];
    const participants = new Map((await this.participantsOf(programmeIds)).map((ids, i) => [programmeIds[i], ids]));
    return accepted
      .map((report) => {
        const enrolment = enrolmentById.get(report.enrolmentId)!;
        return { report, enrolment, participants: participants.get(enrolment.programmeId) ?? [] };
      })
      .filter((s) => authorityMaySeeReport(authorityId, s.report, s.participants));
  }

  // ── the application ───────────────────────────────────────────────────────────────────────

  create(actor: Actor, command: CreateEnrolmentCommand): Promise<EnrolmentEntity> {
    if (actor.role !== Role.INNOVATOR)
      throw DomainError.forbidden(`Only innovators apply to programmes; you are ${actor.role}`);
    return this.connection.withTransaction(async () => {
      const system = await this.systems.findById(command.aiSystemId);
      if (!system || system.organisationId !== actor.organisationId)
        throw DomainError.notFound('AI system', command.aiSystemId);
      const programme = await this.programmes.findById(command.programmeId);
      if (!programme || programme.status === ProgrammeStatus.DRAFT)
        throw DomainError.notFound('Programme', command.programmeId);
      this.requireApplicationWindow(programme);
      const [participants] = await this.participantsOf([programme.id]);
      const targets = this.checkTargets(programme, participants, command.targetAuthorityIds);
      if (await this.enrolments.findActive(programme.id, system.id)) {
        throw DomainError.conflict('This AI system already has an application in this programme: withdraw it first');
      }
      const enrolment = await this.enrolments.insert({
        programmeId: programme.id,
        aiSystemId: system.id,
        organisationId: system.organisationId,
        state: EnrolmentState.DRAFT,
      });
      await this.enrolments.insertTracks(enrolment.id, targets);
      if (command.entryResults?.length) await this.saveEntryResults(enrolment, programme, command.entryResults);
      await this.audit.append(actor, {
        action: 'CREATE_APPLICATION',
        entityType: 'ENROLMENT',
        entityId: enrolment.id,
        enrolmentId: enrolment.id,
        programmeId: programme.id,
        data: { aiSystemId: system.id, targetAuthorityIds: targets, entryResults: command.entryResults?.length ?? 0 },
      });
      this.events.publish({
        type: EnrolmentEventType.APPLICATION_CREATED,
        programmeId: programme.id,
        enrolmentId: enrolment.id,
        organisationId: enrolment.organisationId,
        actorAccountId: actor.accountId,
        action: 'CREATE_APPLICATION',
        toState: EnrolmentState.DRAFT,
        summary: 'Application created (DRAFT)',
      });
      return enrolment;
    });
  }

  updateApplication(actor: Actor, command: UpdateApplicationCommand): Promise<EnrolmentEntity> {
    return this.connection.withTransaction(async () => {
      const { enrolment, programme, participants } = await this.load(actor, command.enrolmentId);
      if (lifecycleActor(actor, enrolment).kind !== 'INNOVATOR')
        throw DomainError.forbidden('Only the enrolling organisation edits its application');
      this.requireVersion(enrolment, command.expectedVersion);
      if (enrolment.state !== EnrolmentState.DRAFT)
        throw DomainError.invalidTransition(`The application can change only while DRAFT; it is ${enrolment.state}`);
      if (command.targetAuthorityIds)
        await this.enrolments.replaceTracks(
          enrolment.id,
          this.checkTargets(programme, participants, command.targetAuthorityIds),
        );
      if (command.entryResults?.length) await this.saveEntryResults(enrolment, programme, command.entryResults);
      if (!(await this.enrolments.updateIfVersion(enrolment.id, command.expectedVersion, {}))) throw this.stale();
      await this.audit.append(actor, {
        action: 'UPDATE_APPLICATION',
        entityType: 'ENROLMENT',
        entityId: enrolment.id,
        enrolmentId: enrolment.id,
        programmeId: programme.id,
        data: {
          version: command.expectedVersion + 1,
          targetAuthorityIds: command.targetAuthorityIds ?? null,
          entryResults: command.entryResults?.length ?? 0,
        },
      });
      return (await this.enrolments.findById(enrolment.id))!;
    });
  }

  // ── the lifecycle ─────────────────────────────────────────────────────────────────────────

  submit(actor: Actor, c: DecisionCommand) {
    return this.act(actor, c, () => ({ action: EnrolmentAction.SUBMIT }));
  }

  startReview(actor: Actor, c: DecisionCommand) {
    return this.act(actor, c, () => ({ action: EnrolmentAction.START_REVIEW }));
  }

  requestExit(actor: Actor, c: DecisionCommand) {
    return this.act(actor, c, () => ({ action: EnrolmentAction.REQUEST_EXIT }));
  }

  withdraw(actor: Actor, c: DecisionCommand) {
    return this.act(actor, c, () => ({ action: EnrolmentAction.WITHDRAW }));
  }

  decideEntry(actor: Actor, c: EntryDecisionCommand) {
    return this.act(
      actor,
      c,
      (authorityId) => ({ action: EnrolmentAction.DECIDE_ENTRY, authorityId, decision: c.decision }),
      async (loaded, authorityId, changed) => {
        // The same evaluation the regulator read: recognised results count when the programme accepts them.
        const evaluation = await this.entryEvaluation(loaded.enrolment, authorityId, { programme: loaded.programme });
        const unmet = unmetMandatory(evaluation.criteria);
        // Admitting over an unmet mandatory criterion is a deliberate act: it needs a written reason.
        if (c.decision === EntryDecision.ADMIT && unmet.length && !c.justification?.trim()) {
          throw DomainError.badInput(
            [
              {
                path: 'input.justification',
                message: `is required: mandatory entry criteria not met (${unmet.map((u) => evaluation.criteria.find((e) => e.criterionId === u.criterionId)!.criterion.key).join(', ')})`,
              },
            ],
            'Admission over unmet mandatory criteria needs a justification',
          );
        }
        const now = this.clock.now();
        // Under LEAD_DECIDES the lead's decision is recorded on every track it applies to.
        for (const track of changed) {
          track.entryDecision = track.state === TrackState.ADMITTED ? EntryDecision.ADMIT : EntryDecision.DECLINE;
          track.entryReasons = c.reasons ?? null;
          track.entryJustification = c.justification?.trim() || null;
          track.entryDecidedBy = actor.accountId;
          track.entryDecidedAt = now;
          track.entryUnmetCriteria =
            track.authorityId === authorityId
              ? evaluation.criteria
                  .filter((e) => e.outcome !== 'MET' && e.outcome !== 'NOT_APPLICABLE')
                  .map((e) => e.criterionId)
              : track.entryUnmetCriteria;
        }
      },
    );
  }

  decideExit(actor: Actor, c: ExitDecisionCommand) {
    return this.act(
      actor,
      c,
      (authorityId) => ({ action: EnrolmentAction.DECIDE_EXIT, authorityId, decision: c.decision }),
      async (_loaded, authorityId, changed) => {
        const track = changed.find((t) => t.authorityId === authorityId)!;
        track.exitReasons = c.reasons ?? null;
        track.exitDecidedBy = actor.accountId;
        track.exitDecidedAt = this.clock.now();
      },
    );
  }

  suspend(actor: Actor, c: DecisionCommand) {
    return this.act(actor, c, (authorityId) => ({ action: EnrolmentAction.SUSPEND, authorityId }));
  }

  resume(actor: Actor, c: DecisionCommand) {
    return this.act(actor, c, (authorityId) => ({ action: EnrolmentAction.RESUME, authorityId }));
  }

  /**
   * One lifecycle step: load, check the version the caller saw, let the domain decide, check
   * cohort capacity on admission, write state and tracks — all or nothing.
   */
  private act(
    actor: Actor,
    command: DecisionCommand,
    build: (authorityId: string) => LifecycleCommand,
    record?: (loaded: Loaded, authorityId: string, changed: EnrolmentTrackEntity[]) => Promise<void>,
  ): Promise<EnrolmentEntity> {
    return this.connection.withTransaction(async () => {
      const loaded = await this.load(actor, command.enrolmentId);
      const { enrolment, programme, tracks } = loaded;
      this.requireVersion(enrolment, command.expectedVersion);
      const authorityId = actor.authorityId ?? '';
      const lifecycle = build(authorityId);
      const before = this.snapshot(enrolment, programme, tracks);
      const outcome = applyLifecycle(before, lifecycleActor(actor, enrolment), lifecycle);
      if (!outcome.ok)
        throw new DomainError(
          outcome.veto.code === 'FORBIDDEN' ? ErrorCode.FORBIDDEN : ErrorCode.INVALID_TRANSITION,
          outcome.veto.reason,
        );
      if (lifecycle.action === EnrolmentAction.SUBMIT) this.requireApplicationWindow(programme);
      const next = outcome.next;
      if (outcome.admitted) {
        // Serialise admissions per programme so two decisions cannot both take the last place.
        await this.programmes.findByIdForUpdate(programme.id);
        if ((await this.enrolments.countInCohort(programme.id, enrolment.id)) >= programme.cohortCapacity) {
          throw DomainError.invalidTransition(`The programme's cohort is full (${programme.cohortCapacity} places)`);
        }
      }
      const changed = tracks.filter((t) => {
        const after = next.tracks.find((n) => n.authorityId === t.authorityId)!;
        const differs =
          after.state !== t.state || after.exitDecision !== t.exitDecision || after.suspendedBy !== t.suspendedBy;
        Object.assign(t, { state: after.state, exitDecision: after.exitDecision, suspendedBy: after.suspendedBy });
        return differs;
      });
      await record?.(loaded, authorityId, changed);
      const now = this.clock.now();
      const stateChanges: Parameters<EnrolmentRepository['updateIfVersion']>[2] = {
        state: next.state,
        resumeState: next.resumeState,
      };
      if (next.state !== before.state) {
        if (next.state === EnrolmentState.SUBMITTED) stateChanges.submittedAt = now;
        if (next.state === EnrolmentState.TESTING && !enrolment.testingStartedAt) stateChanges.testingStartedAt = now;
        if (next.state === EnrolmentState.EXITED) stateChanges.exitedAt = now;
      }
      if (!(await this.enrolments.updateIfVersion(enrolment.id, command.expectedVersion, stateChanges)))
        throw this.stale();
      for (const track of changed) await this.enrolments.saveTrack(track);
      const { decision, reasons, justification } = command as Partial<EntryDecisionCommand>;
      const trackAction = 'authorityId' in lifecycle;
      // The audit entry joins this transaction; the event waits for its commit.
      await this.audit.append(actor, {
        action: lifecycle.action,
        entityType: 'ENROLMENT',
        entityId: enrolment.id,
        enrolmentId: enrolment.id,
        programmeId: programme.id,
        data: {
          fromState: before.state,
          toState: next.state,
          version: command.expectedVersion + 1,
          authorityId: trackAction ? authorityId : null,
          decision: decision ?? null,
          reasons: reasons ?? null,
          justification: justification ?? null,
          tracks: changed.map((t) => ({ authorityId: t.authorityId, state: t.state, exitDecision: t.exitDecision })),
        },
      });
      this.events.publish({
        type: next.state !== before.state ? EnrolmentEventType.STATE_CHANGED : EnrolmentEventType.TRACK_DECIDED,
        programmeId: programme.id,
        enrolmentId: enrolment.id,
        organisationId: enrolment.organisationId,
        actorAccountId: actor.accountId,
        authorityId: trackAction ? authorityId : null,
        action: lifecycle.action,
        fromState: before.state,
        toState: next.state,
        summary: `${lifecycle.action}${decision ? ` ${decision}` : ''}: ${before.state} → ${next.state}`,
      });
      return (await this.enrolments.findById(enrolment.id))!;
    });
  }

  // ── helpers ───────────────────────────────────────────────────────────────────────────────

  snapshot(enrolment: EnrolmentEntity, programme: ProgrammeEntity, tracks: EnrolmentTrackEntity[]): EnrolmentSnapshot {
    return {
      state: enrolment.state as EnrolmentState,
      resumeState: enrolment.resumeState as EnrolmentState | null,
      jointEntryRule: programme.jointEntryRule as JointEntryRule,
      leadAuthorityId: programme.leadAuthorityId,
      tracks: tracks.map((t) => ({
        authorityId: t.authorityId,
        state: t.state as TrackState,
        exitDecision: t.exitDecision as ExitDecision | null,
        suspendedBy: t.suspendedBy,
      })),
    };
  }

  /** Loads an enrolment the caller may see (NOT_FOUND otherwise, so nothing leaks). */
  async load(actor: Actor, enrolmentId: string): Promise<Loaded> {
    const enrolment = await this.enrolments.findById(enrolmentId);
    if (!enrolment) throw DomainError.notFound('Enrolment', enrolmentId);
    const [participants] = await this.participantsOf([enrolment.programmeId]);
    if (!canSeeEnrolment(actor, enrolment, participants)) throw DomainError.notFound('Enrolment', enrolmentId);
    const programme = (await this.programmes.findById(enrolment.programmeId))!;
    const [tracks] = await this.tracksOf([enrolment.id]);
    return { enrolment, programme, participants, tracks };
  }

  private requireVersion(enrolment: EnrolmentEntity, expectedVersion: number): void {
    if (enrolment.version !== expectedVersion) throw this.stale(enrolment.version);
  }

  private stale(current?: number): DomainError {
    return DomainError.conflict(
      `The enrolment has changed since you read it${current ? ` (it is at version ${current})` : ''}: reload and decide again`,
    );
  }

  private requireApplicationWindow(programme: ProgrammeEntity): void {
    if (programme.status !== ProgrammeStatus.OPEN)
      throw DomainError.invalidTransition(
        `The programme is ${programme.status}: applications are accepted only while it is OPEN`,
      );
    const today = toUtcDay(this.clock.now());
    if (programme.applicationOpens && today < programme.applicationOpens)
      throw DomainError.invalidTransition(`Applications open on ${programme.applicationOpens}`);
    if (programme.applicationCloses && today > programme.applicationCloses)
      throw DomainError.invalidTransition(`Applications closed on ${programme.applicationCloses}`);
  }

  private checkTargets(programme: ProgrammeEntity, participants: string[], targets: string[]): string[] {
    const unique = [...new Set(targets)];
    const problems: FieldProblem[] = [];
    if (!unique.length)
      problems.push({ path: 'input.targetAuthorityIds', message: 'must name at least one participating authority' });
    unique.forEach((id) => {
      if (!participants.includes(id))
        problems.push({
          path: `input.targetAuthorityIds.${targets.indexOf(id)}`,
          message: 'is not an authority of this programme',
        });
    });
    if (programme.jointEntryRule === JointEntryRule.LEAD_DECIDES && !unique.includes(programme.leadAuthorityId)) {
      problems.push({
        path: 'input.targetAuthorityIds',
        message: 'must include the lead authority under LEAD_DECIDES',
      });
    }
    if (problems.length) throw DomainError.badInput(problems);
    return unique;
  }

  /** Evaluates and stores the applicant's entry results; each must name an ENTRY criterion of the programme. */
  private async saveEntryResults(
    enrolment: EnrolmentEntity,
    programme: ProgrammeEntity,
    results: ResultCommand[],
  ): Promise<void> {
    const [attached] = await this.programmesAttachments([programme.id]);
    const entry = new Set(attached.filter((a) => a.stage === Stage.ENTRY).map((a) => a.criterionId));
    const criteria = new Map((await this.criteria.findByIds([...entry])).map((c) => [c.id, c]));
    const problems: FieldProblem[] = [];
    const seen = new Set<string>();
    const rows = results.flatMap((r, i) => {
      const criterion = criteria.get(r.criterionId);
      if (!criterion || criterion.status === CriterionStatus.DRAFT) {
        problems.push({
          path: `input.entryResults.${i}.criterionId`,
          message: 'is not an entry criterion of this programme',
        });
        return [];
      }
      if (seen.has(r.criterionId))
        problems.push({ path: `input.entryResults.${i}.criterionId`, message: 'appears twice' });
      seen.add(r.criterionId);
      const { outcome, detail } = evaluateResult(toCriterionSpec(criterion), r);
      return [
        {
          enrolmentId: enrolment.id,
          criterionId: r.criterionId,
          value: r.value ?? null,
          evidenceReference: r.evidenceReference ?? null,
          evidenceSha256: r.evidenceSha256 ?? null,
          attested: r.attested ?? null,
          outcome,
          detail,
        },
      ];
    });
    if (problems.length) throw DomainError.badInput(problems);
    await this.enrolments.upsertEntryResults(rows);
  }

  private async participantsOf(programmeIds: string[]): Promise<string[][]> {
    const rows = await this.programmes.participantsOf(programmeIds);
    return programmeIds.map((id) => rows.filter((r) => r.programmeId === id).map((r) => r.authorityId));
  }

  private async programmesAttachments(programmeIds: string[]) {
    const rows = await this.programmes.criteriaOf(programmeIds);
    return programmeIds.map((id) => rows.filter((r) => r.programmeId === id));
  }
}

/**
 * Which result ids `reader` may read among a track's counted results and recognitions: an entry
 * result goes with the enrolment; a test result with its report's confidentiality. Any other id is
 * unreadable, so nothing unknown is ever shown.
 */
function readableBy(
  reader: Actor,
  results: CountedResult[],
  recognitions: TrackRecognitions | null,
): (resultId: string) => boolean {
  const sources = new Map<string, ResultSource | null>(results.map((r) => [r.id, r.source]));
  for (const r of recognitions?.values() ?? []) sources.set(r.view.result, r.source);
  return (resultId) => {
    const source = sources.get(resultId);
    if (source === undefined) return false;
    return source === null || canSeeReport(reader, source.report, source.enrolment, source.participants);
  };
}
