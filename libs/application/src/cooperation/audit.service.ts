import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Clock } from '@sandbridge/common';
import {
  type Actor,
  type AuditCheckpointDocument,
  type ChainAnchor,
  type ChainBreak,
  chainHash,
  checkpointDocument,
  checkpointDocumentProblems,
  DomainError,
  findBreak,
  GENESIS_HASH,
  missingEnd,
  type Page,
  type PageRequest,
  Role,
} from '@sandbridge/domain';
import {
  type AuditCheckpointEntity,
  type AuditEntryEntity,
  type AuditFilter,
  AuditRepository,
  TransactionalConnection,
} from '@sandbridge/persistence';
import { type SignedDocument, signedDocumentProblems } from '../signing/signed-document.js';
import { SigningKeyService } from '../signing/signing-key.service.js';

export interface AuditRecord {
  action: string;
  entityType: string;
  entityId: string;
  enrolmentId?: string | null;
  programmeId?: string | null;
  data?: Record<string, unknown>;
}

export interface AuditVerification {
  ok: boolean;
  entries: number;
  firstBroken: ChainBreak | null;
}

/** The signed head of the chain, as `auditCheckpoint` returns it and `verify` takes it back. */
export type AuditCheckpoint = SignedDocument<AuditCheckpointDocument>;

const VERIFY_BATCH = 1000;

/**
 * Who may read the signed head to keep it outside the platform, and verify the chain against it:
 * administrators and the supervising regulators. Verifying tells a regulator no more than the
 * checkpoint does (how many entries there are) and whether, and where, the chain is broken.
 */
const CHECKPOINT_READERS: readonly Role[] = [Role.ADMIN, Role.REGULATOR];

/**
 * The hash-chained audit trail, its end anchored by a signed checkpoint after every append. `append` must run inside the transaction of the
 * change it records — it joins it, so a rollback takes the entry with it.
 */
@Injectable()
export class AuditService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly audit: AuditRepository,
    private readonly clock: Clock,
    private readonly signing: SigningKeyService,
  ) {}

  append(actor: Actor | null, record: AuditRecord): Promise<AuditEntryEntity> {
    return this.connection.withTransaction(async () => {
      await this.audit.lockChain();
      const last = await this.audit.last();
      const content = {
        seq: (last?.seq ?? 0) + 1,
        id: randomUUID(),
        occurredAt: this.clock.now().toISOString(),
        actorAccountId: actor?.accountId ?? null,
        action: record.action,
        entityType: record.entityType,
        entityId: record.entityId,
        enrolmentId: record.enrolmentId ?? null,
        programmeId: record.programmeId ?? null,
        data: record.data ?? {},
      };
      const prevHash = last?.hash ?? GENESIS_HASH;
      const hash = chainHash(prevHash, content);
      const entry = await this.audit.insert({ ...content, occurredAt: new Date(content.occurredAt), prevHash, hash });
      // The new head, signed in the same transaction: the checkpoint never runs ahead of or behind the chain.
      await this.audit.saveCheckpoint(
        toRow(this.signing.sign(checkpointDocument({ seq: content.seq, hash, occurredAt: content.occurredAt }))),
      );
      return entry;
    });
  }

  /**
   * The latest signed head `{document: {type, seq, hash, at}, sha256, signature, keyId}`, for
   * administrators and regulators to keep outside the platform; null before the first entry. When
   * the stored one is missing or does not verify with the current key (a trail written before
   * checkpoints existed, SIGNING_KEY changed since), the chain's head is signed and stored now —
   * never the stored row's own figures, which nothing vouches for then.
   */
  async checkpoint(actor: Actor): Promise<AuditCheckpoint | null> {
    if (!CHECKPOINT_READERS.includes(actor.role))
      throw DomainError.forbidden('Only administrators and regulators read the audit checkpoint');
    const stored = await this.audit.checkpoint();
    if (stored && this.signing.verify(fromRow(stored)).valid) return fromRow(stored);
    return this.connection.withTransaction(async () => {
      await this.audit.lockChain();
      const head = await this.audit.last();
      if (!head) return null;
      const signed = this.signing.sign(
        checkpointDocument({ seq: head.seq, hash: head.hash, occurredAt: head.occurredAt.toISOString() }),
      );
      await this.audit.saveCheckpoint(toRow(signed));
      return signed;
    });
  }

  /**
   * ADMIN: everything; others: the trail of one enrolment they may see (checked by the caller),
   * without the entries about what they may not see there (`hiddenEntities`: e.g. a HOME_AUTHORITY
   * report of another authority — its entries name its outcomes and review reasons).
   */
  list(
    actor: Actor,
    filter: AuditFilter,
    page: PageRequest,
    canSeeEnrolment: (id: string) => Promise<boolean>,
    hiddenEntities: (enrolmentId: string) => Promise<string[]> = async () => [],
  ): Promise<Page<AuditEntryEntity>> {
    return (async () => {
      if (filter.from && filter.to && filter.from.getTime() > filter.to.getTime())
        throw DomainError.badInput(
          [{ path: 'filter.to', message: 'must not be before filter.from' }],
          'Bad date range',
        );
      if (filter.entityId && !filter.entityType)
        throw DomainError.badInput([{ path: 'filter.entityType', message: 'is needed with filter.entityId' }]);
      if (actor.role === Role.ADMIN) return this.audit.page(filter, page);
      if (!filter.enrolmentId)
        throw DomainError.forbidden('Only administrators read the whole trail: filter by an enrolment you can see');
      if (!(await canSeeEnrolment(filter.enrolmentId))) throw DomainError.notFound('Enrolment', filter.enrolmentId);
      return this.audit.page(filter, page, await hiddenEntities(filter.enrolmentId));
    })();
  }

  /**
   * Walks the chain from the start and reports the first broken link. With `checkpoint` (one
   * `checkpoint()` returned earlier, kept outside the platform) it also detects entries deleted from
   * the end or rewritten up to it; a checkpoint whose signature does not verify is refused. Without
   * one, the checkpoint the platform stored at the last append is used when its signature verifies
   * — a trail cut short by someone who left that row alone is caught that way too.
   */
  async verify(actor: Actor, checkpoint?: unknown): Promise<AuditVerification> {
    if (!CHECKPOINT_READERS.includes(actor.role))
      throw DomainError.forbidden('Only administrators and regulators verify the audit trail');
    const anchor =
      checkpoint === undefined || checkpoint === null ? await this.storedAnchor() : this.anchorOf(checkpoint);
    let prev = GENESIS_HASH;
    let seq = 1;
    let count = 0;
    for (;;) {
      const batch = await this.audit.batch(seq - 1, VERIFY_BATCH);
      if (!batch.length) {
        const cut = anchor ? missingEnd(seq - 1, anchor) : null;
        return cut ? { ok: false, entries: count, firstBroken: cut } : { ok: true, entries: count, firstBroken: null };
      }
      const broken = findBreak(
        batch.map((e) => ({ ...e, occurredAt: e.occurredAt.toISOString() })),
        prev,
        seq,
        anchor ?? undefined,
      );
      if (broken)
        return { ok: false, entries: count + batch.findIndex((e) => e.seq === broken.seq), firstBroken: broken };
      count += batch.length;
      prev = batch[batch.length - 1].hash;
      seq = batch[batch.length - 1].seq + 1;
    }
  }

  /** A checkpoint given by the caller: well-formed and signed by this platform, or BAD_USER_INPUT naming the field. */
  private anchorOf(checkpoint: unknown): ChainAnchor {
    const prefix = (path: string) => (path ? `checkpoint.${path}` : 'checkpoint');
    const envelope = signedDocumentProblems(checkpoint);
    if (envelope.length)
      throw DomainError.badInput(
        envelope.map((p) => ({ ...p, path: prefix(p.path) })),
        'Not a signed audit checkpoint',
      );
    const signed = checkpoint as AuditCheckpoint;
    const document = checkpointDocumentProblems(signed.document);
    if (document.length)
      throw DomainError.badInput(
        document.map((p) => ({ ...p, path: prefix(p.path ? `document.${p.path}` : 'document') })),
        'Not a signed audit checkpoint',
      );
    const check = this.signing.verify(signed);
    if (!check.valid)
      throw DomainError.badInput(
        [{ path: prefix(check.path), message: check.reason }],
        'The checkpoint’s signature does not verify',
      );
    return { seq: signed.document.seq, hash: signed.document.hash };
  }

  /** The platform's own latest checkpoint, when it is there and its signature holds. */
  private async storedAnchor(): Promise<ChainAnchor | null> {
    const stored = await this.audit.checkpoint();
    if (!stored) return null;
    return this.signing.verify(fromRow(stored)).valid ? { seq: stored.seq, hash: stored.hash } : null;
  }
}

function toRow(signed: AuditCheckpoint): Omit<AuditCheckpointEntity, 'id'> {
  const { seq, hash, at } = signed.document;
  return { seq, hash, at, sha256: signed.sha256, signature: signed.signature, keyId: signed.keyId };
}

function fromRow(row: AuditCheckpointEntity): AuditCheckpoint {
  return {
    document: checkpointDocument({ seq: row.seq, hash: row.hash, occurredAt: row.at }),
    sha256: row.sha256,
    signature: row.signature,
    keyId: row.keyId,
  };
}
