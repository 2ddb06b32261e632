import { Injectable } from '@nestjs/common';
import { Clock } from '@sandbridge/common';
import {
  type Actor,
  countRecognisedResults,
  evaluateStage,
  recognisedResultOf,
  ReportStatus,
  resolveCase,
  Stage,
  toUtcDay,
  withholdUnreadable,
} from '@sandbridge/domain';
import {
  AiSystemRepository,
  CriterionRepository,
  type EnrolmentEntity,
  EnrolmentRepository,
  type ProgrammeEntity,
  ProgrammeRepository,
  TestReportRepository,
} from '@sandbridge/persistence';
import { attachmentsOf, participantIdsOf } from '../programmes/programme-rows.js';
import { RecognitionCaseBuilder } from '../recognition/recognition-case.builder.js';
import { toCriterionSpec } from './criterion-spec.js';
import { authorityMaySeeReport, canSeeReport } from './enrolment-access.js';
import type {
  CountedResult,
  EvaluationOptions,
  ResultSource,
  TrackEvaluation,
  TrackEvaluationRequest,
  TrackRecognition,
  TrackRecognitions,
} from './track-evaluation.types.js';

/**
 * Evaluation of enrolment tracks: each authority's criteria of a stage against the results that
 * count for it — the application's entry results, the results of reports not rejected that the
 * authority may read, and (when the programme accepts them) results recognised through agreements.
 */
@Injectable()
export class TrackEvaluationService {
  constructor(
    private readonly enrolments: EnrolmentRepository,
    private readonly programmes: ProgrammeRepository,
    private readonly systems: AiSystemRepository,
    private readonly criteria: CriterionRepository,
    private readonly reports: TestReportRepository,
    private readonly clock: Clock,
    private readonly caseBuilder: RecognitionCaseBuilder,
  ) {}

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
    const unsaved = options.unsavedReport;
    // After every stored report: newer than any, as a report submitted now would be.
    if (unsaved)
      reported
        .get(unsaved.source.enrolment.id)
        ?.push(...unsaved.results.map((r) => ({ ...r, recordedAt: UNSAVED_RECORDED_AT, source: unsaved.source })));
    const recorded = (r: TrackEvaluationRequest): CountedResult[] =>
      r.stage === Stage.ENTRY
        ? entry
            .filter((e) => e.enrolmentId === r.enrolment.id)
            .map((e) => ({
              id: e.id,
              criterionId: e.criterionId,
              outcome: e.outcome,
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
      (r) => r.status !== ReportStatus.REJECTED,
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
        outcome: r.outcome,
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
   * docs/domain.md#roles-and-visibility), since that authority is the one deciding on them. The case is the same
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
      (r) => r.status === ReportStatus.ACCEPTED,
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

  private participantsOf(programmeIds: string[]): Promise<string[][]> {
    return participantIdsOf(this.programmes, programmeIds);
  }

  private programmesAttachments(programmeIds: string[]) {
    return attachmentsOf(this.programmes, programmeIds);
  }
}

/** When an unsaved report's results count as recorded: later than any stored report. */
const UNSAVED_RECORDED_AT = '9999-12-31T23:59:59.999Z';

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
