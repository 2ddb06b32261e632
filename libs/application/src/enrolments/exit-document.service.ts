import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Clock } from '@sandbridge/common';
import {
  type Actor,
  type AuthorityRef,
  canonicalBytes,
  Confidentiality,
  DomainError,
  type DocumentReader,
  EnrolmentAction,
  EXIT_REPORT_FORMAT,
  ExitDocumentRefusal,
  type ExitReportDocument,
  type ExitReportSections,
  ExitReportStatus,
  exitReportAsRead,
  type FieldProblem,
  FINAL_EXIT_DECISIONS,
  ExitDecision,
  isUuid,
  publicExitReport,
  type ResultBasis,
  ReportStatus,
  Role,
  SERIOUS_SEVERITIES,
  type SignedDocument,
  signedDocumentProblems,
  Stage,
  toUtcDay,
  TrackState,
  WRITTEN_PROOF_FORMAT,
  type WrittenProofDocument,
  writtenProofAsRead,
} from '@sandbridge/domain';
import {
  AiSystemRepository,
  AuditRepository,
  AuthorityRepository,
  type EnrolmentEntity,
  EnrolmentRepository,
  type EnrolmentTrackEntity,
  ExitDocumentRepository,
  type ExitReportDraftSections,
  type ExitReportEntity,
  IncidentRepository,
  OrganisationRepository,
  ProgrammeRepository,
  SandboxPlanRepository,
  type TestReportEntity,
  TestReportRepository,
  TransactionalConnection,
  type WrittenProofEntity,
} from '@sandbridge/persistence';
import { AuditService } from '../cooperation/audit.service.js';
import { participantIdsOf } from '../programmes/programme-rows.js';
import { SigningKeyService } from '../signing/signing-key.service.js';
import { authorityMaySeeReport, canSeeReport } from './enrolment-access.js';
import { EnrolmentService, type LoadedEnrolment } from './enrolment.service.js';
import { TrackEvaluationService } from './track-evaluation.service.js';

/** A written proof as one reader is shown it. `signed` only when nothing was held back from the reader. */
export interface ShownWrittenProof {
  row: WrittenProofEntity;
  document: WrittenProofDocument;
  signed: SignedDocument<WrittenProofDocument> | null;
  withheld: number;
}

/** One exit report version as one reader is shown it (a DRAFT has no document yet). */
export interface ShownExitReport {
  row: ExitReportEntity;
  document: ExitReportDocument | null;
  signed: SignedDocument<ExitReportDocument> | null;
  publicCopy: SignedDocument<ExitReportDocument> | null;
  withheld: number;
  published: boolean;
}

export interface EnrolmentExitDocuments {
  proofs: ShownWrittenProof[];
  reports: ShownExitReport[];
}

/** An authored section as the draft takes it. */
export interface SectionCommand {
  text: string;
  confidentiality?: Confidentiality | null;
}

export interface DraftExitReportCommand {
  enrolmentId: string;
  /** The draft to change; none: start a new draft (the first version, or a correction of the issued one). */
  exitReportId?: string | null;
  /** With `exitReportId`: the revision read (a stale one is a CONFLICT). */
  expectedRevision?: number | null;
  keyIssues?: SectionCommand | null;
  seriousIncidents?: SectionCommand | null;
  lessonsLearned?: SectionCommand | null;
  incidentOutcomes?: { incidentId: string; outcome: string }[] | null;
}

export interface DocumentVerification {
  valid: boolean;
  /** Which part failed (`document`, `sha256`, `signature`, `keyId`, or the envelope's own field). */
  path: string | null;
  reason: string | null;
  keyId: string | null;
  /** The document's `format`, when it has one. */
  format: string | null;
  /** The document's `id`, when it has one. */
  documentId: string | null;
  /** For a valid exit report: the version that corrects it, when there is one. */
  supersededBy: string | null;
}

/** Actions this authority took on the enrolment that the written proof lists. */
const DECISION_ACTIONS: readonly string[] = [
  EnrolmentAction.DECIDE_ENTRY,
  EnrolmentAction.DECIDE_EXIT,
  EnrolmentAction.SUSPEND,
  EnrolmentAction.RESUME,
];

const isFinal = (track: EnrolmentTrackEntity) =>
  track.state === TrackState.AUTHORISED || track.state === TrackState.REJECTED;

const EVERYTHING: DocumentReader = { readsReport: () => true, readsSection: () => true };

/**
 * Exit documents (docs/domain.md#exit-documents): the written proof an authority's track receives at
 * its final exit decision, and the exit report the authority writes and issues — both signed with
 * the platform key, never changed once issued — and the innovator's consent to publish an issued
 * report.
 */
@Injectable()
export class ExitDocumentService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly signing: SigningKeyService,
    private readonly enrolments: EnrolmentService,
    private readonly evaluations: TrackEvaluationService,
    private readonly documents: ExitDocumentRepository,
    private readonly reports: TestReportRepository,
    private readonly incidents: IncidentRepository,
    private readonly auditEntries: AuditRepository,
    private readonly authorities: AuthorityRepository,
    private readonly systems: AiSystemRepository,
    private readonly organisations: OrganisationRepository,
    private readonly enrolmentRepo: EnrolmentRepository,
    private readonly programmes: ProgrammeRepository,
    private readonly plans: SandboxPlanRepository,
  ) {}

  // ── the written proof ──

  /**
   * Issues the written proof of `track` at its final exit decision: called by the lifecycle inside
   * the decision's transaction, after the track's exit fields are set. Signed and stored at once.
   */
  async issueWrittenProof(actor: Actor, loaded: LoadedEnrolment, track: EnrolmentTrackEntity): Promise<void> {
    if (!track.exitDecision || !FINAL_EXIT_DECISIONS.includes(track.exitDecision)) return;
    const { enrolment, programme } = loaded;
    const [testing, exit] = await this.evaluations.evaluateTracks(
      [Stage.TESTING, Stage.EXIT].map((stage) => ({ enrolment, authorityId: track.authorityId, stage })),
      { programme },
    );
    const evaluated = [
      ...testing.criteria.map((c) => ({ c, stage: 'TESTING' as const })),
      ...exit.criteria.map((c) => ({ c, stage: 'EXIT' as const })),
    ];
    const bases = await this.basesOf(evaluated.map(({ c }) => c.resultId));
    const reports = (await this.reports.ofEnrolments([enrolment.id])).filter(
      (r) => r.submittedTo === track.authorityId,
    );
    const incidents = await this.incidents.ofEnrolments([enrolment.id]);
    const decisions = (await this.auditEntries.ofEnrolment(enrolment.id))
      .filter((e) => DECISION_ACTIONS.includes(e.action) && e.data.authorityId === track.authorityId)
      .map((e) => ({
        action: e.action,
        decision: typeof e.data.decision === 'string' ? e.data.decision : null,
        on: toUtcDay(e.occurredAt),
      }));
    const now = this.clock.now();
    const decidedAt = track.exitDecidedAt ?? now;
    // This decision's own audit entry follows the proof in the same transaction.
    decisions.push({ action: EnrolmentAction.DECIDE_EXIT, decision: track.exitDecision, on: toUtcDay(decidedAt) });
    const submittedDays = reports.map((r) => toUtcDay(r.submittedAt)).sort();
    const id = randomUUID();
    const document: WrittenProofDocument = {
      format: WRITTEN_PROOF_FORMAT,
      id,
      issuedAt: now.toISOString(),
      issuer: await this.authorityRef(track.authorityId),
      enrolmentId: enrolment.id,
      ...(await this.parties(enrolment, programme.sectors, programme.name)),
      completed: track.exitDecision === ExitDecision.AUTHORISED,
      exitDecision: {
        decision: track.exitDecision as ExitDecision,
        reasons: track.exitReasons,
        decidedAt: decidedAt.toISOString(),
      },
      // The version in force when the track ended (null only for testing that began before plans were recorded).
      planVersion: await this.planVersionInForce(enrolment.id),
      activities: {
        admittedOn: track.entryDecidedAt ? toUtcDay(track.entryDecidedAt) : null,
        testingStartedOn: enrolment.testingStartedAt ? toUtcDay(enrolment.testingStartedAt) : null,
        exitDecidedOn: toUtcDay(decidedAt),
        reports: {
          submitted: reports.length,
          accepted: reports.filter((r) => r.status === ReportStatus.ACCEPTED).length,
          rejected: reports.filter((r) => r.status === ReportStatus.REJECTED).length,
          underReview: reports.filter((r) => r.status === ReportStatus.SUBMITTED).length,
          firstSubmittedOn: submittedDays[0] ?? null,
          lastSubmittedOn: submittedDays[submittedDays.length - 1] ?? null,
        },
        decisions,
        incidents: incidents.map((i) => ({ severity: i.severity, reportedOn: toUtcDay(i.reportedAt) })),
      },
      requirements: evaluated.map(({ c, stage }) => ({
        criterionId: c.criterionId,
        key: c.criterion.key,
        version: c.criterion.version,
        title: c.criterion.title,
        stage,
        mandatory: c.mandatory,
        outcome: c.outcome,
        metBy: c.metBy,
        basis: c.resultId ? bases.get(c.resultId)! : null,
      })),
    };
    const signed = this.signing.sign(document);
    await this.documents.insertProof({
      id,
      enrolmentId: enrolment.id,
      authorityId: track.authorityId,
      issuedAt: now,
      document: canonicalBytes(document).toString('utf8'),
      sha256: signed.sha256,
      signature: signed.signature,
      keyId: signed.keyId,
    });
    await this.audit.append(actor, {
      action: 'ISSUE_WRITTEN_PROOF',
      entityType: 'WRITTEN_PROOF',
      entityId: id,
      enrolmentId: enrolment.id,
      programmeId: programme.id,
      data: {
        authorityId: track.authorityId,
        completed: document.completed,
        sha256: signed.sha256,
        keyId: signed.keyId,
      },
    });
  }

  /** One authority's written proof on an enrolment, as the caller may see it (null: none, or not visible). */
  async writtenProof(actor: Actor, enrolmentId: string, authorityId: string): Promise<ShownWrittenProof | null> {
    const [documents] = await this.documentsOf(actor, [enrolmentId]);
    return documents.proofs.find((p) => p.row.authorityId === authorityId) ?? null;
  }

  // ── the exit report ──

  /** Writes the caller's authority's draft: a new one (first version or correction), or changes to one. */
  draft(actor: Actor, c: DraftExitReportCommand): Promise<ShownExitReport> {
    if (actor.role !== Role.REGULATOR)
      throw DomainError.forbidden('Exit reports are written by the regulators of the authority that decided the exit');
    return this.connection.withTransaction(async () => {
      const { loaded, track } = await this.ownFinalTrack(actor, c.enrolmentId);
      const { enrolment, programme } = loaded;
      const versions = await this.documents.versionsForUpdate(enrolment.id, track.authorityId);
      const sections = await this.sectionsOf(enrolment.id, c);
      const now = this.clock.now();
      let row: ExitReportEntity;
      if (c.exitReportId) {
        const found = versions.find((v) => v.id === c.exitReportId);
        if (!found) throw DomainError.notFound('Exit report', c.exitReportId);
        refuseUnlessDraft(found);
        if (c.expectedRevision !== undefined && c.expectedRevision !== null && c.expectedRevision !== found.revision)
          throw staleDraft(found);
        await this.documents.updateReport(found.id, { sections, revision: found.revision + 1, updatedAt: now });
        row = { ...found, sections, revision: found.revision + 1, updatedAt: now };
      } else {
        const open = versions.find((v) => v.status === ExitReportStatus.DRAFT);
        if (open)
          throw DomainError.conflict(
            `A draft of this exit report exists (${open.id}, revision ${open.revision}): change it with exitReportId`,
          );
        const issued = versions.find((v) => v.status === ExitReportStatus.ISSUED) ?? null;
        row = await this.documents.insertReport({
          id: randomUUID(),
          enrolmentId: enrolment.id,
          authorityId: track.authorityId,
          version: (versions[0]?.version ?? 0) + 1,
          status: ExitReportStatus.DRAFT,
          revision: 1,
          sections,
          supersedes: issued?.id ?? null,
          supersededBy: null,
          supersededAt: null,
          createdBy: actor.accountId,
          issuedBy: null,
          issuedAt: null,
          document: null,
          sha256: null,
          signature: null,
          keyId: null,
          publicDocument: null,
          publicSha256: null,
          publicSignature: null,
          consentedAt: null,
          consentedBy: null,
          consentWithdrawnAt: null,
        });
      }
      await this.audit.append(actor, {
        action: 'DRAFT_EXIT_REPORT',
        entityType: 'EXIT_REPORT',
        entityId: row.id,
        enrolmentId: enrolment.id,
        programmeId: programme.id,
        data: { authorityId: track.authorityId, version: row.version, revision: row.revision },
      });
      return shownDraft(row);
    });
  }

  /**
   * Issues a draft: the report's content as it stands now and the authority's sections, signed (in
   * full and as its public copy) and never changed again. A correction supersedes the version it
   * corrects, which stays verifiable.
   */
  issue(actor: Actor, c: { exitReportId: string; expectedRevision: number }): Promise<ShownExitReport> {
    if (actor.role !== Role.REGULATOR)
      throw DomainError.forbidden('Exit reports are issued by the regulators of the authority that decided the exit');
    return this.connection.withTransaction(async () => {
      const found = await this.documents.findReportByIdForUpdate(c.exitReportId);
      const visible = found && (await this.visibleReport(actor, found));
      if (!found || !visible) throw DomainError.notFound('Exit report', c.exitReportId);
      if (found.authorityId !== actor.authorityId)
        throw DomainError.forbidden('Only the authority that wrote an exit report issues it');
      const { loaded, track } = await this.ownFinalTrack(actor, found.enrolmentId);
      const versions = await this.documents.versionsForUpdate(found.enrolmentId, found.authorityId);
      const row = versions.find((v) => v.id === found.id)!;
      refuseUnlessDraft(row);
      if (row.revision !== c.expectedRevision) throw staleDraft(row);
      const full = await this.buildExitReport(loaded, track, row);
      const signed = this.signing.sign(full);
      const copy = this.signing.sign(publicExitReport(full));
      const now = new Date(full.issuedAt);
      const previous = versions.find((v) => v.status === ExitReportStatus.ISSUED);
      if (previous)
        await this.documents.updateReport(previous.id, {
          status: ExitReportStatus.SUPERSEDED,
          supersededBy: row.id,
          supersededAt: now,
        });
      const issued = {
        status: ExitReportStatus.ISSUED,
        issuedAt: now,
        issuedBy: actor.accountId,
        document: canonicalBytes(full).toString('utf8'),
        sha256: signed.sha256,
        signature: signed.signature,
        keyId: signed.keyId,
        publicDocument: canonicalBytes(copy.document).toString('utf8'),
        publicSha256: copy.sha256,
        publicSignature: copy.signature,
        supersedes: previous?.id ?? null,
      };
      await this.documents.updateReport(row.id, issued);
      await this.audit.append(actor, {
        action: 'ISSUE_EXIT_REPORT',
        entityType: 'EXIT_REPORT',
        entityId: row.id,
        enrolmentId: loaded.enrolment.id,
        programmeId: loaded.programme.id,
        data: {
          authorityId: row.authorityId,
          version: row.version,
          supersedes: previous?.id ?? null,
          sha256: signed.sha256,
          publicSha256: copy.sha256,
          keyId: signed.keyId,
        },
      });
      return {
        row: { ...row, ...issued },
        document: full,
        signed,
        publicCopy: copy,
        withheld: 0,
        published: false,
      };
    });
  }

  /** The innovator consents to publishing an issued exit report (again after a withdrawal); a repeat changes nothing. */
  consent(actor: Actor, exitReportId: string): Promise<ShownExitReport> {
    return this.setConsent(actor, exitReportId, true);
  }

  /** The innovator withdraws its consent: the report leaves the public registry at once. A repeat changes nothing. */
  withdrawConsent(actor: Actor, exitReportId: string): Promise<ShownExitReport> {
    return this.setConsent(actor, exitReportId, false);
  }

  private setConsent(actor: Actor, exitReportId: string, consent: boolean): Promise<ShownExitReport> {
    if (actor.role !== Role.INNOVATOR)
      throw DomainError.forbidden('Only the participant (the enrolling organisation) decides on publication');
    return this.connection.withTransaction(async () => {
      const found = await this.documents.findReportByIdForUpdate(exitReportId);
      // Drafts are not the innovator's to see.
      if (!found || found.status === ExitReportStatus.DRAFT || !(await this.visibleReport(actor, found)))
        throw DomainError.notFound('Exit report', exitReportId);
      const enrolment = (await this.enrolmentRepo.findById(found.enrolmentId))!;
      if (consent && found.status === ExitReportStatus.SUPERSEDED)
        throw DomainError.invalidTransition(
          `This exit report was corrected by ${found.supersededBy}: consent to the version in force`,
          ExitDocumentRefusal.EXIT_REPORT_SUPERSEDED,
        );
      const consented = found.consentedAt !== null && found.consentWithdrawnAt === null;
      if (consent !== consented) {
        const now = this.clock.now();
        const changes = consent
          ? { consentedAt: now, consentedBy: actor.accountId, consentWithdrawnAt: null }
          : { consentWithdrawnAt: now };
        await this.documents.updateReport(found.id, changes);
        Object.assign(found, changes);
        await this.audit.append(actor, {
          action: consent ? 'CONSENT_TO_PUBLICATION' : 'WITHDRAW_PUBLICATION_CONSENT',
          entityType: 'EXIT_REPORT',
          entityId: found.id,
          enrolmentId: enrolment.id,
          programmeId: enrolment.programmeId,
          data: { authorityId: found.authorityId, version: found.version },
        });
      }
      return this.show(found, EVERYTHING);
    });
  }

  // ── reading ──

  /**
   * For a DataLoader: each enrolment's written proofs and exit report versions as the caller may
   * see them (nothing for an enrolment it may not see). Drafts only to their authority's regulators
   * and administrators; an issued document in full, signed, to whoever may read everything in it,
   * otherwise with what the reader may not read withheld and without the signature.
   */
  async documentsOf(actor: Actor, enrolmentIds: readonly string[]): Promise<EnrolmentExitDocuments[]> {
    const enrolments = await this.enrolments.findByIds(actor, enrolmentIds);
    const visible = enrolments.filter((e): e is EnrolmentEntity => e !== null);
    const out = new Map<string, EnrolmentExitDocuments>();
    if (visible.length) {
      const ids = visible.map((e) => e.id);
      const proofs = await this.documents.proofsOf(ids);
      const reports = await this.documents.reportsOf(ids);
      const programmeIds = [...new Set(visible.map((e) => e.programmeId))];
      const participants = new Map(
        (await participantIdsOf(this.programmes, programmeIds)).map((p, i) => [programmeIds[i], p]),
      );
      for (const enrolment of visible) {
        const own = {
          proofs: proofs
            .filter((p) => p.enrolmentId === enrolment.id)
            .map((p) => ({ row: p, doc: parse<WrittenProofDocument>(p.document) })),
          reports: reports.filter(
            (r) =>
              r.enrolmentId === enrolment.id &&
              (r.status !== ExitReportStatus.DRAFT ||
                actor.role === Role.ADMIN ||
                (actor.role === Role.REGULATOR && actor.authorityId === r.authorityId)),
          ),
        };
        const reportIds = [
          ...own.proofs.flatMap((p) => p.doc.requirements.flatMap((r) => (r.basis ? [r.basis.reportId] : []))),
          ...own.reports.flatMap((r) => (r.document ? reportIdsOf(parse<ExitReportDocument>(r.document)) : [])),
        ];
        const readable = await this.readableReports(actor, reportIds);
        const readerOf = (issuer: string): DocumentReader =>
          actor.role === Role.REGULATOR
            ? {
                readsReport: (id) => readable.has(id),
                readsSection: (c) =>
                  c === Confidentiality.PUBLIC ||
                  (c === Confidentiality.PARTICIPANTS &&
                    (participants.get(enrolment.programmeId) ?? []).includes(actor.authorityId!)) ||
                  actor.authorityId === issuer,
              }
            : EVERYTHING;
        out.set(enrolment.id, {
          proofs: own.proofs.map(({ row, doc }) => {
            const view = writtenProofAsRead(doc, readerOf(row.authorityId));
            return {
              row,
              document: view.document,
              signed: view.withheld
                ? null
                : { document: doc, sha256: row.sha256, signature: row.signature, keyId: row.keyId },
              withheld: view.withheld,
            };
          }),
          reports: own.reports.map((r) => this.show(r, readerOf(r.authorityId))),
        });
      }
    }
    return enrolmentIds.map((id) => out.get(id) ?? { proofs: [], reports: [] });
  }

  /** Checks a signed document against the platform's keys (the current and retired ones). */
  async verifyDocument(value: unknown): Promise<DocumentVerification> {
    const envelope = signedDocumentProblems(value);
    const document = (value as { document?: unknown } | null)?.document;
    const field = (name: string) =>
      document && typeof document === 'object' && typeof (document as Record<string, unknown>)[name] === 'string'
        ? ((document as Record<string, unknown>)[name] as string)
        : null;
    const base = { format: field('format') ?? field('type'), documentId: field('id'), supersededBy: null };
    if (envelope.length)
      return {
        valid: false,
        path: envelope[0].path,
        reason: envelope[0].message,
        keyId: null,
        ...base,
      };
    const signed = value as SignedDocument;
    const check = this.signing.verify(signed);
    if (!check.valid) return { valid: false, path: check.path, reason: check.reason, keyId: signed.keyId, ...base };
    let supersededBy: string | null = null;
    if (base.format === EXIT_REPORT_FORMAT && base.documentId) {
      const row = await this.documents.findReportById(base.documentId);
      // Only a version this very document is the signed form of (never an answer about another id).
      if (row && (row.sha256 === signed.sha256 || row.publicSha256 === signed.sha256)) supersededBy = row.supersededBy;
    }
    return { valid: true, path: null, reason: null, keyId: signed.keyId, ...base, supersededBy };
  }

  // ── helpers ──

  /** An exit report version as `reader` is shown it. */
  private show(row: ExitReportEntity, reader: DocumentReader): ShownExitReport {
    if (!row.document) return shownDraft(row);
    const full = parse<ExitReportDocument>(row.document);
    const view = exitReportAsRead(full, reader);
    return {
      row,
      document: view.document,
      signed: view.withheld
        ? null
        : { document: full, sha256: row.sha256!, signature: row.signature!, keyId: row.keyId! },
      publicCopy: {
        document: parse<ExitReportDocument>(row.publicDocument!),
        sha256: row.publicSha256!,
        signature: row.publicSignature!,
        keyId: row.keyId!,
      },
      withheld: view.withheld,
      published: isPublished(row),
    };
  }

  /** Whether the caller may see this version: its enrolment, and a draft only as its authority's regulator (or an administrator). */
  private async visibleReport(actor: Actor, row: ExitReportEntity): Promise<boolean> {
    if (!(await this.enrolments.findById(actor, row.enrolmentId))) return false;
    return (
      row.status !== ExitReportStatus.DRAFT ||
      actor.role === Role.ADMIN ||
      (actor.role === Role.REGULATOR && actor.authorityId === row.authorityId)
    );
  }

  /** The enrolment (NOT_FOUND when not visible) and the caller's own track on it, which must have a final exit decision. */
  private async ownFinalTrack(actor: Actor, enrolmentId: string) {
    const loaded = await this.enrolments.load(actor, enrolmentId);
    const track = loaded.tracks.find((t) => t.authorityId === actor.authorityId);
    if (!track) throw DomainError.forbidden('Your authority has no track on this enrolment');
    if (!isFinal(track))
      throw DomainError.invalidTransition(
        `The exit report is written once your track has a final exit decision (it is ${track.state})`,
        ExitDocumentRefusal.TRACK_NOT_FINAL,
      );
    return { loaded, track };
  }

  /** The draft's sections from the command, checked: incident outcomes name serious incidents of this enrolment, once each. */
  private async sectionsOf(enrolmentId: string, c: DraftExitReportCommand): Promise<ExitReportDraftSections> {
    const serious = new Set(
      (await this.incidents.ofEnrolments([enrolmentId]))
        .filter((i) => SERIOUS_SEVERITIES.includes(i.severity))
        .map((i) => i.id),
    );
    const problems: FieldProblem[] = [];
    const seen = new Set<string>();
    for (const [i, o] of (c.incidentOutcomes ?? []).entries()) {
      if (!isUuid(o.incidentId) || !serious.has(o.incidentId))
        problems.push({
          path: `input.incidentOutcomes[${i}].incidentId`,
          message: 'must name a serious (HIGH or CRITICAL) incident of this enrolment',
        });
      else if (seen.has(o.incidentId))
        problems.push({ path: `input.incidentOutcomes[${i}].incidentId`, message: 'names an incident given before' });
      seen.add(o.incidentId);
    }
    if (problems.length) throw DomainError.badInput(problems, 'The exit report draft was not saved');
    const section = (s: SectionCommand | null | undefined) =>
      s ? { text: s.text, confidentiality: s.confidentiality ?? Confidentiality.PUBLIC } : null;
    return {
      keyIssues: section(c.keyIssues),
      seriousIncidents: section(c.seriousIncidents),
      lessonsLearned: section(c.lessonsLearned),
      incidentOutcomes: (c.incidentOutcomes ?? []).map((o) => ({ incidentId: o.incidentId, outcome: o.outcome })),
    };
  }

  /** The full exit report of one authority as it stands now, with the draft's sections: what `issue` signs. */
  private async buildExitReport(
    loaded: LoadedEnrolment,
    track: EnrolmentTrackEntity,
    row: ExitReportEntity,
  ): Promise<ExitReportDocument> {
    const { enrolment, programme, participants } = loaded;
    const sections = row.sections;
    const incidents = (await this.incidents.ofEnrolments([enrolment.id])).filter((i) =>
      SERIOUS_SEVERITIES.includes(i.severity),
    );
    const outcomes = new Map(sections.incidentOutcomes.map((o) => [o.incidentId, o.outcome]));
    const problems: FieldProblem[] = [];
    if (!sections.keyIssues?.text.trim())
      problems.push({ path: 'draft.keyIssues', message: 'must be written before the report is issued' });
    if (!sections.lessonsLearned?.text.trim())
      problems.push({ path: 'draft.lessonsLearned', message: 'must be written before the report is issued' });
    if (incidents.length && !sections.seriousIncidents?.text.trim())
      problems.push({
        path: 'draft.seriousIncidents',
        message: 'must be written: the enrolment had serious incidents',
      });
    for (const i of incidents)
      if (!outcomes.get(i.id)?.trim())
        problems.push({ path: `draft.incidentOutcomes[${i.id}]`, message: 'must say how this serious incident ended' });
    if (problems.length) throw DomainError.badInput(problems, 'The exit report is not complete');

    const [evaluation] = await this.evaluations.evaluateTracks(
      [{ enrolment, authorityId: track.authorityId, stage: Stage.EXIT }],
      { programme },
    );
    const readable = (await this.reports.ofEnrolments([enrolment.id])).filter((r) =>
      authorityMaySeeReport(track.authorityId, r, participants),
    );
    const counted = readable.filter((r) => r.status !== ReportStatus.REJECTED);
    const reportById = new Map(counted.map((r) => [r.id, r]));
    const results = await this.reports.resultsOf(counted.map((r) => r.id));
    const bases = await this.basesOf(evaluation.criteria.flatMap((c) => [c.resultId, c.recognition?.result ?? null]));
    const now = this.clock.now();
    const authored: ExitReportSections = {};
    if (sections.keyIssues) authored.keyIssues = sections.keyIssues;
    if (sections.seriousIncidents || incidents.length)
      authored.seriousIncidents = {
        ...(sections.seriousIncidents ?? { confidentiality: Confidentiality.PUBLIC, text: '' }),
        incidents: incidents.map((i) => ({
          id: i.id,
          severity: i.severity,
          reportedAt: i.reportedAt.toISOString(),
          description: i.description,
          harm: i.harm,
          outcome: outcomes.get(i.id)!,
        })),
      };
    if (sections.lessonsLearned) authored.lessonsLearned = sections.lessonsLearned;
    return {
      format: EXIT_REPORT_FORMAT,
      copy: 'FULL',
      id: row.id,
      version: row.version,
      supersedes: row.supersedes,
      issuedAt: now.toISOString(),
      issuer: await this.authorityRef(track.authorityId),
      enrolmentId: enrolment.id,
      enrolmentState: enrolment.state,
      ...(await this.parties(enrolment, programme.sectors, programme.name)),
      planVersion: await this.planVersionInForce(enrolment.id),
      trackState: track.state,
      entry: {
        decision: track.entryDecision,
        reasons: track.entryReasons,
        justification: track.entryJustification,
        decidedAt: track.entryDecidedAt?.toISOString() ?? null,
      },
      exit: {
        decision: track.exitDecision,
        reasons: track.exitReasons,
        decidedAt: track.exitDecidedAt?.toISOString() ?? null,
      },
      criteria: evaluation.criteria.map((c) => {
        const recognised = c.recognition ? bases.get(c.recognition.result)! : null;
        return {
          criterionId: c.criterionId,
          key: c.criterion.key,
          version: c.criterion.version,
          title: c.criterion.title,
          mandatory: c.mandatory,
          outcome: c.outcome,
          metBy: c.metBy,
          basis: c.resultId ? bases.get(c.resultId)! : null,
          recognition:
            c.recognition && recognised
              ? {
                  outcome: c.recognition.outcome,
                  resultId: c.recognition.result,
                  reportId: recognised.reportId,
                  confidentiality: recognised.confidentiality,
                  testedIn: c.recognition.testedIn,
                  agreementId: c.recognition.agreement,
                  ruleId: c.recognition.rule,
                  divergent: c.recognition.divergent,
                }
              : null,
          evidence: results
            .filter((r) => r.criterionId === c.criterionId)
            .map((r) => ({
              reportId: r.reportId,
              resultId: r.id,
              outcome: r.outcome,
              detail: r.detail,
              confidentiality: reportById.get(r.reportId)!.confidentiality,
            })),
        };
      }),
      reports: readable.map((r) => ({
        id: r.id,
        submittedTo: r.submittedTo,
        submittedAt: r.submittedAt.toISOString(),
        status: r.status,
        confidentiality: r.confidentiality,
        periodStart: r.periodStart,
        periodEnd: r.periodEnd,
        testedIn: r.testedIn,
        lab: { name: r.labName, accredited: r.labAccredited, accreditationBody: r.labAccreditationBody },
        method: { id: r.methodId, version: r.methodVersion },
      })),
      sections: authored,
    };
  }

  /** The report and confidentiality of each result a document rests on (test results only). */
  private async basesOf(resultIds: (string | null)[]): Promise<Map<string, ResultBasis>> {
    const ids = [...new Set(resultIds.filter((id): id is string => id !== null))];
    if (!ids.length) return new Map();
    const results = await this.reports.resultsByIds(ids);
    const reports = new Map((await this.reports.findByIds(results.map((r) => r.reportId))).map((r) => [r.id, r]));
    const out = new Map<string, ResultBasis>();
    for (const r of results) {
      const report = reports.get(r.reportId);
      if (report) out.set(r.id, { resultId: r.id, reportId: report.id, confidentiality: report.confidentiality });
    }
    // Every deciding result of a TESTING or EXIT evaluation is a test result: anything else is a broken invariant.
    const missing = ids.filter((id) => !out.has(id));
    if (missing.length) throw new Error(`Results ${missing.join(', ')} decided an outcome but have no report`);
    return out;
  }

  /** Which of these reports the caller may read (a regulator by its authority; others read all they are shown). */
  private async readableReports(actor: Actor, reportIds: string[]): Promise<Set<string>> {
    const ids = [...new Set(reportIds)];
    if (actor.role !== Role.REGULATOR || !ids.length) return new Set(ids);
    const reports = await this.reports.findByIds(ids);
    const enrolments = new Map(
      (await this.enrolmentRepo.findByIds([...new Set(reports.map((r) => r.enrolmentId))])).map((e) => [e.id, e]),
    );
    const programmeIds = [...new Set([...enrolments.values()].map((e) => e.programmeId))];
    const participants = new Map(
      (await participantIdsOf(this.programmes, programmeIds)).map((p, i) => [programmeIds[i], p]),
    );
    return new Set(
      reports
        .filter((r: TestReportEntity) => {
          const enrolment = enrolments.get(r.enrolmentId);
          return enrolment && canSeeReport(actor, r, enrolment, participants.get(enrolment.programmeId) ?? []);
        })
        .map((r) => r.id),
    );
  }

  /** The version of the enrolment's sandbox plan in force (the latest AGREED), null when none is. */
  private async planVersionInForce(enrolmentId: string): Promise<number | null> {
    return (await this.plans.inForce(enrolmentId))?.version ?? null;
  }

  private async authorityRef(authorityId: string): Promise<AuthorityRef> {
    const a = (await this.authorities.findById(authorityId))!;
    return { id: a.id, name: a.name, acronym: a.acronym, jurisdiction: a.jurisdictionCode };
  }

  private async parties(enrolment: EnrolmentEntity, sectors: string[], programmeName: string) {
    const system = (await this.systems.findById(enrolment.aiSystemId))!;
    const organisation = (await this.organisations.findById(enrolment.organisationId))!;
    return {
      programme: { id: enrolment.programmeId, name: programmeName, sectors },
      aiSystem: { id: system.id, name: system.name, sector: system.sector, riskClass: system.riskClass },
      organisation: { id: organisation.id, name: organisation.name },
    };
  }
}

function parse<T>(canonical: string): T {
  return JSON.parse(canonical) as T;
}

function reportIdsOf(d: ExitReportDocument): string[] {
  return [
    ...d.reports.map((r) => r.id),
    ...d.criteria.flatMap((c) => [
      ...(c.basis ? [c.basis.reportId] : []),
      ...(c.recognition ? [c.recognition.reportId] : []),
      ...c.evidence.map((e) => e.reportId),
    ]),
  ];
}

export function isPublished(row: ExitReportEntity): boolean {
  return row.status === ExitReportStatus.ISSUED && row.consentedAt !== null && row.consentWithdrawnAt === null;
}

function shownDraft(row: ExitReportEntity): ShownExitReport {
  return { row, document: null, signed: null, publicCopy: null, withheld: 0, published: false };
}

function refuseUnlessDraft(row: ExitReportEntity): void {
  if (row.status === ExitReportStatus.ISSUED)
    throw DomainError.invalidTransition(
      `Exit report version ${row.version} is issued and never changes: start a correction (a new draft)`,
      ExitDocumentRefusal.EXIT_REPORT_ISSUED,
    );
  if (row.status === ExitReportStatus.SUPERSEDED)
    throw DomainError.invalidTransition(
      `Exit report version ${row.version} was superseded by ${row.supersededBy} and never changes`,
      ExitDocumentRefusal.EXIT_REPORT_SUPERSEDED,
    );
}

function staleDraft(row: ExitReportEntity): DomainError {
  return DomainError.conflict(
    `The draft has changed since you read it (it is at revision ${row.revision}): reload it and try again`,
  );
}
