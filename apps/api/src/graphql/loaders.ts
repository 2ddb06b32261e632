import {
  type AgreementHistoryEvent,
  AgreementService,
  AiSystemService,
  AuthorityService,
  CriterionService,
  DeadlineService,
  EnrolmentService,
  type EnrolmentExitDocuments,
  EvidenceService,
  ExitDocumentService,
  IncidentService,
  TestReportService,
  type TrackEvaluation,
  TrackEvaluationService,
  type TrackRecognitions,
  JurisdictionService,
  OrganisationService,
  ProgrammeService,
  SandboxPlanService,
  type ShownPlan,
  StandardService,
} from '@sandbridge/application';
import { type Actor, type EnrolmentDeadlines, Role, type Stage } from '@sandbridge/domain';
import type {
  AgreementApprovalEntity,
  AgreementRuleEntity,
  AiSystemEntity,
  AuthorityEntity,
  EnrolmentEntity,
  EnrolmentTrackEntity,
  EntryResultEntity,
  EvidenceEntity,
  IncidentEntity,
  ProgrammeEntity,
  TestReportEntity,
  TestResultEntity,
  ClauseEntity,
  CriterionEntity,
  JurisdictionEntity,
  OrganisationEntity,
  ProgrammeCriterionEntity,
} from '@sandbridge/persistence';
import DataLoader from 'dataloader';
import { DanglingReferenceError } from './dangling-reference.error.js';

/** The services loaders batch through. */
export interface LoaderServices {
  jurisdictions: JurisdictionService;
  authorities: AuthorityService;
  organisations: OrganisationService;
  standards: StandardService;
  criteria: CriterionService;
  programmes: ProgrammeService;
  systems: AiSystemService;
  enrolments: EnrolmentService;
  trackEvaluations: TrackEvaluationService;
  reports: TestReportService;
  incidents: IncidentService;
  agreements: AgreementService;
  exitDocuments: ExitDocumentService;
  deadlines: DeadlineService;
  plans: SandboxPlanService;
  evidence: EvidenceService;
}

/** The loaders that map one id (or code) to one row, or to null when there is none for the caller. */
export type ByIdLoader =
  | 'jurisdiction'
  | 'authority'
  | 'organisation'
  | 'clause'
  | 'criterion'
  | 'programme'
  | 'aiSystem'
  | 'enrolment'
  | 'evidence';

/** The row a by-id loader returns. */
export type RowOf<K extends ByIdLoader> = NonNullable<Loaders[K] extends DataLoader<string, infer R> ? R : never>;

/**
 * Per-request DataLoaders: a list field costs one query per level, not one per item. Built for one
 * caller (never shared between users), so loaders that filter by visibility can use the actor.
 */
export class Loaders {
  readonly jurisdiction: DataLoader<string, JurisdictionEntity | null>;
  readonly authority: DataLoader<string, AuthorityEntity | null>;
  readonly authoritiesOfJurisdiction: DataLoader<string, AuthorityEntity[]>;
  readonly organisation: DataLoader<string, OrganisationEntity | null>;
  readonly clausesOfStandard: DataLoader<string, ClauseEntity[]>;
  readonly clause: DataLoader<string, ClauseEntity | null>;
  readonly clausesOfCriterion: DataLoader<string, ClauseEntity[]>;
  readonly criterion: DataLoader<string, CriterionEntity | null>;
  readonly versionsOfCriterion: DataLoader<{ authorityId: string; key: string }, CriterionEntity[], string>;
  readonly participantsOfProgramme: DataLoader<string, string[]>;
  readonly criteriaOfProgramme: DataLoader<string, ProgrammeCriterionEntity[]>;
  /** Programmes and systems as seen through a record the caller may already see (an enrolment). */
  readonly programme: DataLoader<string, ProgrammeEntity | null>;
  readonly aiSystem: DataLoader<string, AiSystemEntity | null>;
  /** Enrolments as the caller may see them (null otherwise), read afresh: field resolvers need more than the parent model holds. */
  readonly enrolment: DataLoader<string, EnrolmentEntity | null>;
  readonly tracksOfEnrolment: DataLoader<string, EnrolmentTrackEntity[]>;
  /** Cohort places held per programme (counted, not a visibility matter: allowedTransitions' ADMIT). */
  readonly placesHeldInProgramme: DataLoader<string, number>;
  /**
   * One track's criteria of one stage evaluated (null when the caller may not see the enrolment):
   * the tracks of a whole page are evaluated together, reading each kind of row once.
   */
  readonly trackEvaluation: DataLoader<
    { enrolmentId: string; authorityId: string; stage: Stage },
    TrackEvaluation | null,
    string
  >;
  readonly entryResultsOfEnrolment: DataLoader<string, EntryResultEntity[]>;
  readonly reportsOfEnrolment: DataLoader<string, TestReportEntity[]>;
  readonly resultsOfReport: DataLoader<string, TestResultEntity[]>;
  readonly incidentsOfEnrolment: DataLoader<string, IncidentEntity[]>;
  /** Written proofs and exit report versions of each enrolment, as the caller may see them. */
  readonly exitDocumentsOfEnrolment: DataLoader<string, EnrolmentExitDocuments>;
  /** Each enrolment's deadlines today (null when the caller may not see it): a page's read together. */
  readonly deadlinesOfEnrolment: DataLoader<string, EnrolmentDeadlines | null>;
  /** Every version of each enrolment's sandbox plan, newest first, as the caller may see it (none when the enrolment is not visible). */
  readonly plansOfEnrolment: DataLoader<string, ShownPlan[]>;
  /**
   * Evidence by id, for a record the caller may already see that names it (a result, a plan section):
   * no access check of its own — whoever reads the record may read the file it names.
   */
  readonly evidence: DataLoader<string, EvidenceEntity | null>;
  /** The revisions that supersede each evidence, oldest first. */
  readonly supersedingEvidence: DataLoader<string, EvidenceEntity[]>;
  /**
   * The evidence each enrolment names (results, plan sections) that expired or expires within 30 days,
   * soonest first: for the enrolling organisation only (none for other readers), one statement per page.
   */
  readonly expiringEvidenceOfEnrolment: DataLoader<string, EvidenceEntity[]>;
  readonly rulesOfAgreement: DataLoader<string, AgreementRuleEntity[]>;
  readonly approvalsOfAgreement: DataLoader<string, AgreementApprovalEntity[]>;
  /** Each agreement's lifecycle events, from the audit trail: one statement per page. */
  readonly historyOfAgreement: DataLoader<string, AgreementHistoryEvent[]>;
  /**
   * Recognised results per (programme, system, authority): one recognition case each per request,
   * shared by the entry and exit evaluations of every track that asks. Not filtered by the caller:
   * what counts is what the track's authority may read (TrackEvaluationService.recognisedResults).
   */
  readonly recognisedResults: DataLoader<
    { programmeId: string; aiSystemId: string; authorityId: string },
    TrackRecognitions,
    string
  >;

  constructor(services: LoaderServices, actor: Actor | null) {
    this.jurisdiction = new DataLoader((codes) => services.jurisdictions.findByCodes(codes));
    this.authority = new DataLoader((ids) => services.authorities.findByIds(ids));
    this.authoritiesOfJurisdiction = new DataLoader((codes) => services.authorities.findByJurisdictionCodes(codes));
    this.organisation = new DataLoader((ids) => services.organisations.findByIds(ids));
    this.clausesOfStandard = new DataLoader((ids) => services.standards.clausesOfStandards(ids));
    this.clause = new DataLoader((ids) => services.standards.findClausesByIds(ids));
    this.clausesOfCriterion = new DataLoader((ids) => services.criteria.clausesOf(ids));
    this.criterion = new DataLoader((ids) =>
      actor ? services.criteria.findByIds(actor, ids) : Promise.resolve(ids.map(() => null)),
    );
    this.versionsOfCriterion = new DataLoader(
      (keys) => (actor ? services.criteria.versionsOf(actor, keys) : Promise.resolve(keys.map(() => []))),
      { cacheKeyFn: (k) => `${k.authorityId}\u0000${k.key}` },
    );
    this.participantsOfProgramme = new DataLoader((ids) => services.programmes.participantIdsOf(ids));
    this.criteriaOfProgramme = new DataLoader((ids) => services.programmes.attachmentsOf(ids));
    this.programme = new DataLoader((ids) => services.programmes.findByIdsUnchecked(ids));
    this.aiSystem = new DataLoader((ids) => services.systems.findByIdsUnchecked(ids));
    this.enrolment = new DataLoader((ids) =>
      actor ? services.enrolments.findByIds(actor, ids) : Promise.resolve(ids.map(() => null)),
    );
    this.tracksOfEnrolment = new DataLoader((ids) => services.enrolments.tracksOf(ids));
    this.placesHeldInProgramme = new DataLoader((ids) => services.enrolments.placesHeld(ids));
    this.trackEvaluation = new DataLoader(
      async (keys) => {
        const enrolments = await Promise.all(keys.map((k) => this.enrolment.load(k.enrolmentId)));
        const requests = keys.flatMap((k, i) =>
          enrolments[i] ? [{ enrolment: enrolments[i], authorityId: k.authorityId, stage: k.stage }] : [],
        );
        const evaluations = await services.trackEvaluations.evaluateTracks(requests, {
          programmes: (ids) => Promise.all(ids.map((id) => this.programme.load(id))),
          recognitions: (programmeId, aiSystemId, authorityId) =>
            this.recognisedResults.load({ programmeId, aiSystemId, authorityId }),
          // What the caller may not read is withheld from what it is shown.
          reader: actor,
        });
        let next = 0;
        return enrolments.map((e) => (e ? evaluations[next++] : null));
      },
      { cacheKeyFn: (k) => `${k.enrolmentId}\u0000${k.authorityId}\u0000${k.stage}` },
    );
    this.entryResultsOfEnrolment = new DataLoader((ids) => services.enrolments.entryResultsOf(ids));
    this.reportsOfEnrolment = new DataLoader((ids) =>
      actor ? services.reports.ofEnrolments(actor, ids) : Promise.resolve(ids.map(() => [])),
    );
    this.resultsOfReport = new DataLoader((ids) => services.reports.resultsOf(ids));
    this.incidentsOfEnrolment = new DataLoader((ids) => services.incidents.ofEnrolments(ids));
    this.exitDocumentsOfEnrolment = new DataLoader((ids) =>
      actor
        ? services.exitDocuments.documentsOf(actor, ids)
        : Promise.resolve(ids.map(() => ({ proofs: [], reports: [] }))),
    );
    this.deadlinesOfEnrolment = new DataLoader(async (ids) => {
      const enrolments = await Promise.all(ids.map((id) => this.enrolment.load(id)));
      const tracks = await Promise.all(
        ids.map((id, i) => (enrolments[i] ? this.tracksOfEnrolment.load(id) : Promise.resolve([]))),
      );
      const computed = await services.deadlines.ofEnrolments(
        enrolments.flatMap((enrolment, i) => (enrolment ? [{ enrolment, tracks: tracks[i] }] : [])),
      );
      let next = 0;
      return enrolments.map((e) => (e ? computed[next++] : null));
    });
    this.plansOfEnrolment = new DataLoader(async (ids) => {
      if (!actor) return ids.map(() => []);
      // The enrolments, their tracks and their programmes' participants through the loaders that other
      // fields of the same page use: the plans themselves cost two statements for the whole page.
      const enrolments = await Promise.all(ids.map((id) => this.enrolment.load(id)));
      const visible = enrolments.filter((e): e is EnrolmentEntity => e !== null);
      const [tracks, participants] = await Promise.all([
        Promise.all(visible.map((e) => this.tracksOfEnrolment.load(e.id))),
        Promise.all(visible.map((e) => this.participantsOfProgramme.load(e.programmeId))),
      ]);
      const shown = await services.plans.showAll(
        actor,
        visible.map((enrolment, i) => ({ enrolment, tracks: tracks[i], participants: participants[i] })),
      );
      const byId = new Map(visible.map((e, i) => [e.id, shown[i]]));
      return ids.map((id) => byId.get(id) ?? []);
    });
    this.evidence = new DataLoader((ids) => services.evidence.findByIdsUnchecked(ids));
    this.supersedingEvidence = new DataLoader((ids) => services.evidence.supersedingOf(ids));
    this.expiringEvidenceOfEnrolment = new DataLoader(async (ids) => {
      const enrolments = await Promise.all(ids.map((id) => this.enrolment.load(id)));
      const own = enrolments.filter(
        (e): e is EnrolmentEntity =>
          e !== null && actor?.role === Role.INNOVATOR && e.organisationId === actor.organisationId,
      );
      const expiring = await services.deadlines.expiringEvidence(own.map((e) => e.id));
      const files = await Promise.all(expiring.map((rows) => this.evidence.loadMany(rows.map((r) => r.evidenceId))));
      const byId = new Map(
        own.map((e, i) => [e.id, files[i].filter((f): f is EvidenceEntity => !!f && !(f instanceof Error))]),
      );
      return ids.map((id) => byId.get(id) ?? []);
    });
    // Agreements are public instruments: no visibility filter.
    this.rulesOfAgreement = new DataLoader((ids) => services.agreements.rulesOf(ids));
    this.approvalsOfAgreement = new DataLoader((ids) => services.agreements.approvalsOf(ids));
    this.historyOfAgreement = new DataLoader((ids) => services.agreements.historyOf(ids));
    this.recognisedResults = new DataLoader(
      async (keys) => {
        // One case per key, built one after the other (each is several queries on the one connection).
        const out: TrackRecognitions[] = [];
        for (const k of keys)
          out.push(await services.trackEvaluations.recognisedResults(k.programmeId, k.aiSystemId, k.authorityId));
        return out;
      },
      { cacheKeyFn: (k) => `${k.programmeId}\u0000${k.aiSystemId}\u0000${k.authorityId}` },
    );
  }

  /**
   * The row a stored reference names (a track's authority, a result's criterion), which must exist
   * for this caller: the parent was visible, so its references are. None is a broken invariant, a
   * DanglingReferenceError (logged, INTERNAL_SERVER_ERROR), instead of a `!` that fails further on.
   */
  async one<K extends ByIdLoader>(loader: K, id: string): Promise<RowOf<K>> {
    const row = await (this[loader] as DataLoader<string, RowOf<K> | null>).load(id);
    if (!row) throw new DanglingReferenceError(loader, id);
    return row;
  }
}
