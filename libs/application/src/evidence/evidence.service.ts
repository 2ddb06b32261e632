import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, Clock } from '@sandbridge/common';
import {
  type Actor,
  addDays,
  Confidentiality,
  decideMediaType,
  DomainError,
  ErrorCode,
  type FieldProblem,
  isUtcDay,
  notTextMessage,
  type Page,
  type PageRequest,
  type PlanReader,
  readsPlanSection,
  Role,
  sanitiseFilename,
  type SandboxPlanContent,
  toUtcDay,
} from '@sandbridge/domain';
import {
  EnrolmentRepository,
  type EvidenceEntity,
  type EvidenceOwner,
  EvidenceRepository,
  ProgrammeRepository,
  TransactionalConnection,
} from '@sandbridge/persistence';
import { AuditService } from '../cooperation/audit.service.js';
import { canSeeEnrolment, canSeeReport } from '../enrolments/enrolment-access.js';
import { participantIdsOf } from '../programmes/programme-rows.js';
import { detectMediaType, SNIFF_BYTES } from './media-type-detection.js';
import { EvidenceStore } from './evidence-store.js';

/** The extensions.reason of a refused media type (the HTTP route answers it 415). */
export const UNSUPPORTED_MEDIA_TYPE = 'UNSUPPORTED_MEDIA_TYPE';

/** The file is larger than EVIDENCE_MAX_BYTES (the HTTP route answers it 413 PAYLOAD_TOO_LARGE). */
export class EvidenceTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`The file is larger than the ${maxBytes} bytes evidence may have`);
    this.name = 'EvidenceTooLargeError';
  }
}

export interface UploadEvidenceCommand {
  /** The client's file name (sanitised here; metadata only). */
  filename: string | null | undefined;
  /** The part's Content-Type as sent. */
  declaredType: string | null | undefined;
  title?: string | null;
  effectiveDay?: string | null;
  expiryDay?: string | null;
  supersedes?: string | null;
}

export interface UploadedEvidence {
  evidence: EvidenceEntity;
  /** The owner held these bytes already: this is that record, unchanged. */
  deduplicated: boolean;
}

export interface UpdateEvidenceMetadataCommand {
  id: string;
  title?: string | null;
  effectiveDay?: string | null;
  expiryDay?: string | null;
  clearExpiry?: boolean | null;
  expectedVersion?: number | null;
}

export interface ReviseEvidenceCommand {
  /** The earlier evidence. */
  id: string;
  /** An uploaded evidence of the same owner that revises it. */
  revisionId: string;
}

export interface EvidenceListFilter {
  search?: string | null;
  expiringWithinDays?: number | null;
  includeSuperseded?: boolean | null;
}

/** A file the caller may download, and whether the download is written to the audit trail. */
export interface ReadableEvidence {
  evidence: EvidenceEntity;
  /** See `downloadAudited`. */
  audited: boolean;
}

const MAX_TITLE = 300;
/** A PENDING blob older than this at start-up was left by a stopped process (no upload takes an hour). */
const STALE_UPLOAD_MS = 60 * 60 * 1000;

/**
 * Evidence files (docs/domain.md#evidence): upload (type checked against the content, size bounded,
 * same bytes held once per owner), metadata and revisions, and who may read them.
 */
@Injectable()
export class EvidenceService implements OnApplicationBootstrap {
  private readonly logger = new Logger(EvidenceService.name);

  constructor(
    private readonly connection: TransactionalConnection,
    private readonly evidence: EvidenceRepository,
    private readonly enrolments: EnrolmentRepository,
    private readonly programmes: ProgrammeRepository,
    private readonly store: EvidenceStore,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Uploads a stopped process left unfinished are deleted at start. */
  async onApplicationBootstrap(): Promise<void> {
    const swept = await this.store.sweepUnfinished(new Date(this.clock.now().getTime() - STALE_UPLOAD_MS));
    if (swept) this.logger.log(`Deleted ${swept} unfinished evidence upload(s)`);
  }

  get maxBytes(): number {
    return this.config.evidence.maxBytes;
  }

  /** Who owns what this caller uploads: its organisation (innovators) or its authority (regulators). */
  ownerOf(actor: Actor): EvidenceOwner {
    if (actor.role === Role.INNOVATOR && actor.organisationId) return { organisationId: actor.organisationId };
    if (actor.role === Role.REGULATOR && actor.authorityId) return { authorityId: actor.authorityId };
    throw DomainError.forbidden(`Evidence is uploaded by innovators and regulators; you are ${actor.role}`);
  }

  /**
   * Checks what can be checked before the bytes are read (role, days, title, `supersedes`), so a bad
   * request is refused before the file is sent. `upload` checks it all again.
   */
  async checkUpload(actor: Actor, command: UploadEvidenceCommand): Promise<void> {
    const owner = this.ownerOf(actor);
    this.metadataOf(command);
    if (command.supersedes) await this.supersedable(owner, command.supersedes);
  }

  /**
   * Stores the stream as the caller's evidence. The first bytes decide the type (magic numbers; text
   * formats are confirmed by the whole content being UTF-8 without NULs); more than EVIDENCE_MAX_BYTES
   * stops the upload with EvidenceTooLargeError. Whatever fails, nothing of the file is kept.
   */
  async upload(
    actor: Actor,
    source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
    command: UploadEvidenceCommand,
  ): Promise<UploadedEvidence> {
    const owner = this.ownerOf(actor);
    const filename = sanitiseFilename(command.filename);
    const metadata = this.metadataOf(command, filename);
    if (command.supersedes) await this.supersedable(owner, command.supersedes);
    const checked = { mediaType: '', textOnly: false, text: true };
    const stored = await this.store.write(this.checkedBytes(source, filename, command.declaredType, checked), () => {
      if (checked.textOnly && !checked.text) throw unsupported(notTextMessage(checked.mediaType));
      return checked.mediaType;
    });
    return this.connection.withTransaction(async () => {
      const held = await this.evidence.findByOwnerAndHash(owner, stored.sha256);
      if (held) return { evidence: held, deduplicated: true };
      if (metadata.supersedes) await this.supersedable(owner, metadata.supersedes, true);
      const inserted = await this.evidence.insertUnlessHeld({
        blobId: stored.blobId,
        sha256: stored.sha256,
        size: stored.size,
        mediaType: checked.mediaType,
        organisationId: 'organisationId' in owner ? owner.organisationId : null,
        authorityId: 'authorityId' in owner ? owner.authorityId : null,
        filename,
        title: metadata.title,
        effectiveDay: metadata.effectiveDay,
        expiryDay: metadata.expiryDay,
        supersedesId: metadata.supersedes,
        uploadedBy: actor.accountId,
      });
      // Another upload of the same bytes by the same owner committed first: answer its record.
      if (!inserted)
        return { evidence: (await this.evidence.findByOwnerAndHash(owner, stored.sha256))!, deduplicated: true };
      await this.audit.append(actor, {
        action: 'UPLOAD_EVIDENCE',
        entityType: 'EVIDENCE',
        entityId: inserted.id,
        data: {
          sha256: inserted.sha256,
          size: inserted.size,
          mediaType: inserted.mediaType,
          filename: inserted.filename,
          supersedes: inserted.supersedesId,
        },
      });
      return { evidence: inserted, deduplicated: false };
    });
  }

  /** The bytes, as the store reads them (the caller has checked access with `readable`). */
  bytesOf(evidence: EvidenceEntity, range?: { start: number; end: number }): AsyncIterable<Buffer> {
    return this.store.read(evidence.blobId, range);
  }

  /** The evidence, or NOT_FOUND when the caller may not read it (as if it did not exist). */
  async findReadable(actor: Actor, id: string): Promise<EvidenceEntity> {
    const readable = await this.readable(actor, id);
    if (!readable) throw DomainError.notFound('Evidence', id);
    return readable.evidence;
  }

  /**
   * Whether the caller may read this evidence (docs/domain.md#evidence): its owner (the organisation's
   * innovators, the authority's regulators), or a reader of something that names it — a test report
   * with a result naming it (the report's confidentiality), an enrolment's entry result naming it
   * (whoever sees the enrolment), a plan section naming it (the section's confidentiality). Null
   * otherwise, unknown and malformed ids alike.
   *
   * `audited`: every download by someone other than the owner is audited, and so is every download of
   * a file that no PUBLIC report or PUBLIC plan section names — only the owner reading a file it has
   * published goes unrecorded.
   */
  async readable(actor: Actor, id: string): Promise<ReadableEvidence | null> {
    const evidence = await this.evidence.findById(id);
    if (!evidence) return null;
    const owner = owns(actor, evidence);
    const references = await this.evidence.referencesOf(evidence.id);
    const isPublic =
      references.reports.some((r) => r.confidentiality === Confidentiality.PUBLIC) ||
      references.planSections.some(
        (s) => sectionOf(s.plan.content, s.section)?.confidentiality === Confidentiality.PUBLIC,
      );
    if (owner) return { evidence, audited: !isPublic };
    const enrolmentIds = [
      ...new Set([
        ...references.reports.map((r) => r.enrolmentId),
        ...references.entryEnrolmentIds,
        ...references.planSections.map((s) => s.plan.enrolmentId),
      ]),
    ];
    if (!enrolmentIds.length) return null;
    const enrolments = await this.enrolments.findByIds(enrolmentIds);
    const programmeIds = [...new Set(enrolments.map((e) => e.programmeId))];
    const participants = new Map(
      (await participantIdsOf(this.programmes, programmeIds)).map((p, i) => [programmeIds[i], p]),
    );
    const visible = new Map(
      enrolments
        .map((e) => ({ enrolment: e, participants: participants.get(e.programmeId) ?? [] }))
        .filter(({ enrolment, participants }) => canSeeEnrolment(actor, enrolment, participants))
        .map((v) => [v.enrolment.id, v]),
    );
    const reads =
      references.entryEnrolmentIds.some((id) => visible.has(id)) ||
      references.reports.some((report) => {
        const v = visible.get(report.enrolmentId);
        return v !== undefined && canSeeReport(actor, report, v.enrolment, v.participants);
      }) ||
      references.planSections.some(({ plan, section }) => {
        const v = visible.get(plan.enrolmentId);
        const meta = sectionOf(plan.content, section);
        return v !== undefined && meta !== null && readsPlanSection(planReaderOf(actor, v.participants), meta);
      });
    return reads ? { evidence, audited: true } : null;
  }

  /** Writes a download to the audit trail (a GET that sends the bytes; not HEAD, not a 304). */
  async recordDownload(
    actor: Actor,
    evidence: EvidenceEntity,
    range: { start: number; end: number } | null,
  ): Promise<void> {
    await this.audit.append(actor, {
      action: 'DOWNLOAD_EVIDENCE',
      entityType: 'EVIDENCE',
      entityId: evidence.id,
      data: { sha256: evidence.sha256, ...(range ? { range: `${range.start}-${range.end}` } : {}) },
    });
  }

  /** The caller's own evidence: its organisation's (innovators) or its authority's (regulators), newest first. */
  list(actor: Actor, filter: EvidenceListFilter, page: PageRequest): Promise<Page<EvidenceEntity>> {
    const owner = this.ownerOf(actor);
    const days = filter.expiringWithinDays;
    if (days != null && (!Number.isInteger(days) || days < 0 || days > 36_500))
      throw DomainError.badInput([
        { path: 'filter.expiringWithinDays', message: 'must be a whole number of days from 0 to 36500' },
      ]);
    return this.evidence.page(
      owner,
      {
        search: filter.search?.trim() || null,
        expiringBy: days == null ? null : addDays(this.today(), days),
        includeSuperseded: filter.includeSuperseded ?? false,
      },
      page,
    );
  }

  /** For DataLoader under a record the caller may already see (a result naming it): no access check. */
  async findByIdsUnchecked(ids: readonly string[]): Promise<(EvidenceEntity | null)[]> {
    const found = new Map((await this.evidence.findByIds(ids)).map((e) => [e.id, e]));
    return ids.map((id) => found.get(id) ?? null);
  }

  /** The revisions superseding each evidence, oldest first. */
  async supersedingOf(ids: readonly string[]): Promise<EvidenceEntity[][]> {
    const rows = await this.evidence.supersedingOf(ids);
    return ids.map((id) => rows.filter((r) => r.supersedesId === id));
  }

  /** Whether the caller owns this evidence (its revisions and the one it supersedes are shown to owners only). */
  owns(actor: Actor, evidence: EvidenceEntity): boolean {
    return owns(actor, evidence);
  }

  /** Expired: its expiry day is before today (UTC). */
  isExpired(evidence: EvidenceEntity): boolean {
    return evidence.expiryDay !== null && evidence.expiryDay < this.today();
  }

  updateMetadata(actor: Actor, command: UpdateEvidenceMetadataCommand): Promise<EvidenceEntity> {
    return this.connection.withTransaction(async () => {
      const evidence = await this.evidence.findByIdForUpdate(command.id);
      if (!evidence || !owns(actor, evidence)) throw DomainError.notFound('Evidence', command.id);
      if (command.expectedVersion != null && command.expectedVersion !== evidence.version)
        throw new DomainError(
          ErrorCode.CONFLICT,
          `The evidence has changed since you read it (it is at version ${evidence.version}): reload and edit again`,
          [],
          { reason: 'STALE_VERSION' },
        );
      const problems: FieldProblem[] = [];
      if (command.clearExpiry && command.expiryDay)
        problems.push({ path: 'input.clearExpiry', message: 'cannot be set together with expiryDay' });
      const title = command.title?.trim();
      if (command.title != null && (!title || title.length > MAX_TITLE))
        problems.push({ path: 'input.title', message: `must be 1 to ${MAX_TITLE} characters` });
      const effectiveDay = command.effectiveDay ?? evidence.effectiveDay;
      const expiryDay = command.clearExpiry ? null : (command.expiryDay ?? evidence.expiryDay);
      if (expiryDay !== null && expiryDay < effectiveDay)
        problems.push({
          path: command.expiryDay ? 'input.expiryDay' : 'input.effectiveDay',
          message: command.expiryDay ? 'must not be before effectiveDay' : 'must not be after the expiry day',
        });
      if (problems.length) throw DomainError.badInput(problems);
      const before = { title: evidence.title, effectiveDay: evidence.effectiveDay, expiryDay: evidence.expiryDay };
      if (title) evidence.title = title;
      evidence.effectiveDay = effectiveDay;
      evidence.expiryDay = expiryDay;
      evidence.version += 1;
      const saved = await this.evidence.save(evidence);
      await this.audit.append(actor, {
        action: 'UPDATE_EVIDENCE',
        entityType: 'EVIDENCE',
        entityId: saved.id,
        data: { before, after: { title: saved.title, effectiveDay: saved.effectiveDay, expiryDay: saved.expiryDay } },
      });
      return saved;
    });
  }

  /**
   * Makes `revisionId` (an upload of the same owner) the revision of `id`: it then `supersedes` it.
   * A file is revised once (a later one revises the revision); cycles and self-revision are refused.
   */
  revise(actor: Actor, command: ReviseEvidenceCommand): Promise<EvidenceEntity> {
    return this.connection.withTransaction(async () => {
      const earlier = await this.evidence.findByIdForUpdate(command.id);
      if (!earlier || !owns(actor, earlier)) throw DomainError.notFound('Evidence', command.id);
      const revision = await this.evidence.findByIdForUpdate(command.revisionId);
      if (!revision || !owns(actor, revision)) throw DomainError.notFound('Evidence', command.revisionId);
      if (revision.id === earlier.id)
        throw DomainError.badInput([{ path: 'input.revisionId', message: 'must be another evidence than id' }]);
      if (revision.supersedesId !== null)
        throw DomainError.badInput([
          { path: 'input.revisionId', message: 'already supersedes another evidence: a file revises one earlier file' },
        ]);
      // A cycle: the earlier one descends from the revision (the revision is among its predecessors).
      for (let at: EvidenceEntity | null = earlier, hops = 0; at?.supersedesId && hops < 10_000; hops++) {
        if (at.supersedesId === revision.id)
          throw DomainError.badInput([
            { path: 'input.revisionId', message: 'is an earlier version of id: revisions cannot go in a circle' },
          ]);
        at = await this.evidence.findById(at.supersedesId);
      }
      const [taken] = await this.supersedingOf([earlier.id]);
      if (taken.length)
        throw DomainError.conflict(
          `Evidence ${JSON.stringify(earlier.id)} is already superseded by ${JSON.stringify(taken[0].id)}`,
        );
      revision.supersedesId = earlier.id;
      revision.version += 1;
      const saved = await this.evidence.save(revision);
      await this.audit.append(actor, {
        action: 'REVISE_EVIDENCE',
        entityType: 'EVIDENCE',
        entityId: saved.id,
        data: { supersedes: earlier.id },
      });
      return saved;
    });
  }

  today(): string {
    return toUtcDay(this.clock.now());
  }

  // ── helpers ──

  /** The upload's metadata, checked (BAD_USER_INPUT with the field names of the upload form). */
  private metadataOf(command: UploadEvidenceCommand, filename = sanitiseFilename(command.filename)) {
    const problems: FieldProblem[] = [];
    const title = (command.title ?? '').trim() || filename;
    if (title.length > MAX_TITLE) problems.push({ path: 'title', message: `must be at most ${MAX_TITLE} characters` });
    const effectiveDay = command.effectiveDay || this.today();
    if (!isUtcDay(effectiveDay)) problems.push({ path: 'effectiveDay', message: 'must be a day, YYYY-MM-DD' });
    const expiryDay = command.expiryDay || null;
    if (expiryDay !== null && !isUtcDay(expiryDay))
      problems.push({ path: 'expiryDay', message: 'must be a day, YYYY-MM-DD' });
    else if (expiryDay !== null && isUtcDay(effectiveDay) && expiryDay < effectiveDay)
      problems.push({ path: 'expiryDay', message: 'must not be before effectiveDay' });
    const supersedes = command.supersedes || null;
    if (problems.length) throw DomainError.badInput(problems);
    return { title, effectiveDay, expiryDay, supersedes };
  }

  /** `supersedes` names an evidence of the same owner that no other revision supersedes yet. */
  private async supersedable(owner: EvidenceOwner, id: string, lock = false): Promise<void> {
    const earlier = lock ? await this.evidence.findByIdForUpdate(id) : await this.evidence.findById(id);
    const same =
      earlier &&
      ('organisationId' in owner
        ? earlier.organisationId === owner.organisationId
        : earlier.authorityId === owner.authorityId);
    if (!same)
      throw DomainError.badInput([{ path: 'supersedes', message: 'must be the id of an evidence file of your own' }]);
    const [taken] = await this.supersedingOf([id]);
    if (taken.length)
      throw DomainError.conflict(
        `Evidence ${JSON.stringify(id)} is already superseded by ${JSON.stringify(taken[0].id)}`,
      );
  }

  /**
   * The upload's bytes as they pass to the store, checked on the way: the first SNIFF_BYTES decide the
   * type (before anything is stored), the total is bounded by EVIDENCE_MAX_BYTES, and text is checked
   * to be UTF-8 without NULs piece by piece. Throws as soon as a check fails.
   */
  private async *checkedBytes(
    source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
    filename: string,
    declaredType: string | null | undefined,
    checked: { mediaType: string; textOnly: boolean; text: boolean },
  ): AsyncIterable<Uint8Array> {
    const max = this.maxBytes;
    const decoder = new TextDecoder('utf-8', { fatal: true });
    let size = 0;
    let head: Uint8Array[] = [];
    let headBytes = 0;
    let decided = false;
    const decide = async () => {
      const first = Buffer.concat(head, headBytes);
      if (first.length === 0) throw DomainError.badInput([{ path: 'file', message: 'is empty' }]);
      const decision = decideMediaType({ detected: await detectMediaType(first), filename, contentType: declaredType });
      if (!decision.ok) throw unsupported(decision.message);
      checked.mediaType = decision.mediaType;
      checked.textOnly = decision.textOnly;
      decided = true;
    };
    const text = (bytes: Uint8Array, last: boolean) => {
      if (!checked.textOnly || !checked.text) return;
      try {
        if (bytes.includes(0)) checked.text = false;
        else decoder.decode(bytes, { stream: !last });
      } catch {
        checked.text = false;
      }
      if (!checked.text) throw unsupported(notTextMessage(checked.mediaType));
    };
    for await (const piece of source) {
      size += piece.length;
      if (size > max) throw new EvidenceTooLargeError(max);
      if (!decided) {
        head.push(piece);
        headBytes += piece.length;
        if (headBytes < SNIFF_BYTES) continue;
        await decide();
        for (const bytes of head) {
          text(bytes, false);
          yield bytes;
        }
        head = [];
        continue;
      }
      text(piece, false);
      yield piece;
    }
    if (!decided) {
      await decide();
      for (const bytes of head) {
        text(bytes, false);
        yield bytes;
      }
    }
    text(new Uint8Array(0), true);
  }
}

function owns(actor: Actor, evidence: EvidenceEntity): boolean {
  return (
    (actor.role === Role.INNOVATOR &&
      actor.organisationId !== null &&
      actor.organisationId === evidence.organisationId) ||
    (actor.role === Role.REGULATOR && actor.authorityId !== null && actor.authorityId === evidence.authorityId)
  );
}

function unsupported(message: string): DomainError {
  return new DomainError(ErrorCode.BAD_USER_INPUT, message, [{ path: 'file', message }], {
    reason: UNSUPPORTED_MEDIA_TYPE,
  });
}

function sectionOf(content: SandboxPlanContent, section: string) {
  const meta = (
    content as unknown as Record<string, { confidentiality: Confidentiality; authorityId: string | null } | null>
  )[section];
  return meta ?? null;
}

/** As the plan service reads plans: innovators and administrators everything, a regulator as its authority. */
function planReaderOf(actor: Actor, participants: string[]): PlanReader {
  return actor.role === Role.REGULATOR && actor.authorityId
    ? { kind: 'AUTHORITY', authorityId: actor.authorityId, participant: participants.includes(actor.authorityId) }
    : { kind: 'ALL' };
}
