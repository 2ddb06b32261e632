import { Injectable } from '@nestjs/common';
import {
  type Actor,
  type DeadlineKind,
  DomainError,
  EnrolmentState,
  EntryDecision,
  type ExitReport,
  ReportStatus,
  Role,
  Stage,
  TrackState,
} from '@sandbridge/domain';
import {
  AiSystemRepository,
  AuthorityRepository,
  CriterionRepository,
  EnrolmentRepository,
  OrganisationRepository,
  ProgrammeRepository,
  TestReportRepository,
} from '@sandbridge/persistence';
import { DeadlineService } from '../deadlines/deadline.service.js';
import { ProgrammeService } from '../programmes/programme.service.js';
import { EnrolmentService } from './enrolment.service.js';
import { TrackEvaluationService } from './track-evaluation.service.js';
import { TestReportService } from './test-report.service.js';

export interface ProgrammeFunnel {
  programmeId: string;
  applications: number;
  submitted: number;
  tested: number;
  exited: number;
  declined: number;
  withdrawn: number;
  byState: { state: string; count: number }[];
  authorities: {
    authorityId: string;
    targeted: number;
    pending: number;
    admitted: number;
    declined: number;
    authorised: number;
    rejected: number;
    /** Entry criteria most often unmet when this authority decided, most frequent first. */
    topUnmetCriteria: { criterionId: string; count: number }[];
  }[];
  /** Exit decisions of the tracks of exited enrolments. */
  exitOutcomes: { outcome: string; count: number }[];
  /** Deadlines overdue today, per kind that can be (docs/domain.md#deadlines). */
  overdue: { kind: DeadlineKind; count: number }[];
}

/** The exit report of an enrolment and the funnel of a programme (read models). */
@Injectable()
export class ExitReportService {
  constructor(
    private readonly enrolments: EnrolmentService,
    private readonly evaluations: TrackEvaluationService,
    private readonly enrolmentRepo: EnrolmentRepository,
    private readonly reports: TestReportRepository,
    private readonly reportService: TestReportService,
    private readonly programmes: ProgrammeRepository,
    private readonly authorities: AuthorityRepository,
    private readonly systems: AiSystemRepository,
    private readonly organisations: OrganisationRepository,
    private readonly criteria: CriterionRepository,
    private readonly programmeAccess: ProgrammeService,
    private readonly deadlines: DeadlineService,
  ) {}

  /**
   * Exit criteria of each targeted authority, evaluated on the results of reports not rejected that
   * the authority may read; an outcome decided by a result the reader may not read is WITHHELD.
   */
  async exitReport(actor: Actor, enrolmentId: string): Promise<ExitReport> {
    const { enrolment, programme, tracks } = await this.enrolments.load(actor, enrolmentId);
    const evaluations = await this.evaluations.evaluateTracks(
      tracks.map((t) => ({ enrolment, authorityId: t.authorityId, stage: Stage.EXIT })),
      { programme, reader: actor },
    );
    const reports = (await this.reports.ofEnrolments([enrolment.id])).filter((r) => r.status !== ReportStatus.REJECTED);
    const results = await this.reports.resultsOf(reports.map((r) => r.id));
    const [visibleReports] = await this.reportService.ofEnrolments(actor, [enrolment.id]);
    const visible = new Set(visibleReports.map((r) => r.id));
    const [system, organisation, authorities] = await Promise.all([
      this.systems.findById(enrolment.aiSystemId),
      this.organisations.findById(enrolment.organisationId),
      this.authorities.findByIds(tracks.map((t) => t.authorityId)),
    ]);
    const sections = [];
    for (const [i, track] of tracks.entries()) {
      const authority = authorities.find((a) => a.id === track.authorityId)!;
      const evaluation = evaluations[i];
      sections.push({
        authorityId: authority.id,
        name: authority.name,
        acronym: authority.acronym,
        jurisdiction: authority.jurisdictionCode,
        trackState: track.state,
        entry: {
          decision: track.entryDecision,
          reasons: track.entryReasons,
          justification: track.entryJustification,
          decidedAt: track.entryDecidedAt,
        },
        exit: {
          decision: track.exitDecision,
          reasons: track.exitReasons,
          decidedAt: track.exitDecidedAt,
        },
        criteria: evaluation.criteria.map((e) => {
          const own = results.filter((r) => r.criterionId === e.criterionId);
          return {
            criterionId: e.criterionId,
            key: e.criterion.key,
            version: e.criterion.version,
            title: e.criterion.title,
            mandatory: e.mandatory,
            outcome: e.outcome,
            metBy: e.metBy,
            recognition: e.recognition,
            evidence: own
              .filter((r) => visible.has(r.reportId))
              .map((r) => ({ reportId: r.reportId, resultId: r.id, outcome: r.outcome, detail: r.detail })),
            withheld: own.filter((r) => !visible.has(r.reportId)).length,
          };
        }),
      });
    }
    sections.sort((a, b) => a.name.localeCompare(b.name));
    return {
      enrolmentId: enrolment.id,
      state: enrolment.state,
      programme: { id: programme.id, name: programme.name },
      aiSystem: { id: system!.id, name: system!.name, sector: system!.sector, riskClass: system!.riskClass },
      organisation: { id: organisation!.id, name: organisation!.name },
      authorities: sections,
    };
  }

  /** Applications → submitted → admitted/declined per authority → tested → exited, with the usual reasons for refusal. */
  async funnel(actor: Actor, programmeId: string): Promise<ProgrammeFunnel> {
    if (actor.role === Role.INNOVATOR)
      throw DomainError.forbidden('The funnel is for the programme’s authorities, negotiators and administrators');
    // A programme the caller may not see (a DRAFT of other authorities) is answered as missing.
    const programme = await this.programmeAccess.findById(actor, programmeId);
    if (!programme) throw DomainError.notFound('Programme', programmeId);
    const participants = (await this.programmes.participantsOf([programme.id])).map((p) => p.authorityId);
    const allowed =
      actor.role === Role.ADMIN ||
      actor.role === Role.NEGOTIATOR ||
      (actor.role === Role.REGULATOR && participants.includes(actor.authorityId!));
    if (!allowed)
      throw DomainError.forbidden('The funnel is for the programme’s authorities, negotiators and administrators');
    const { enrolments, tracks } = await this.enrolmentRepo.ofProgramme(programme.id);
    const count = (predicate: (e: (typeof enrolments)[number]) => boolean) => enrolments.filter(predicate).length;
    const byState = new Map<string, number>();
    for (const e of enrolments) byState.set(e.state, (byState.get(e.state) ?? 0) + 1);
    const exitedIds = new Set(enrolments.filter((e) => e.state === EnrolmentState.EXITED).map((e) => e.id));
    const exitOutcomes = new Map<string, number>();
    for (const t of tracks)
      if (exitedIds.has(t.enrolmentId) && t.exitDecision)
        exitOutcomes.set(t.exitDecision, (exitOutcomes.get(t.exitDecision) ?? 0) + 1);
    const overdue = await this.deadlines.overdue(
      enrolments.map((enrolment) => ({ enrolment, tracks: tracks.filter((t) => t.enrolmentId === enrolment.id) })),
    );
    return {
      programmeId: programme.id,
      applications: enrolments.length,
      submitted: count((e) => e.submittedAt !== null),
      tested: count((e) => e.testingStartedAt !== null),
      exited: count((e) => e.state === EnrolmentState.EXITED),
      declined: count((e) => e.state === EnrolmentState.DECLINED),
      withdrawn: count((e) => e.state === EnrolmentState.WITHDRAWN),
      byState: [...byState].map(([state, n]) => ({ state, count: n })).sort((a, b) => a.state.localeCompare(b.state)),
      authorities: participants.map((authorityId) => {
        const own = tracks.filter((t) => t.authorityId === authorityId);
        const unmet = new Map<string, number>();
        for (const t of own)
          if (t.entryDecision) for (const id of t.entryUnmetCriteria) unmet.set(id, (unmet.get(id) ?? 0) + 1);
        return {
          authorityId,
          targeted: own.length,
          pending: own.filter((t) => t.state === TrackState.PENDING).length,
          admitted: own.filter((t) => t.entryDecision === EntryDecision.ADMIT).length,
          declined: own.filter((t) => t.entryDecision === EntryDecision.DECLINE).length,
          authorised: own.filter((t) => t.state === TrackState.AUTHORISED).length,
          rejected: own.filter((t) => t.state === TrackState.REJECTED).length,
          topUnmetCriteria: [...unmet]
            .map(([criterionId, n]) => ({ criterionId, count: n }))
            .sort((a, b) => b.count - a.count || (a.criterionId < b.criterionId ? -1 : 1))
            .slice(0, 5),
        };
      }),
      exitOutcomes: [...exitOutcomes]
        .map(([outcome, n]) => ({ outcome, count: n }))
        .sort((a, b) => a.outcome.localeCompare(b.outcome)),
      overdue,
    };
  }
}
