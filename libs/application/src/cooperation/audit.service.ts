import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Clock } from '@sandbridge/common';
import { type Actor, type ChainBreak, chainHash, DomainError, findBreak, GENESIS_HASH, type Page, type PageRequest, Role } from '@sandbridge/domain';
import { type AuditEntryEntity, type AuditFilter, AuditRepository, TransactionalConnection } from '@sandbridge/persistence';

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

const VERIFY_BATCH = 1000;

/**
 * The hash-chained audit trail (DESIGN.md §6). `append` must run inside the transaction of the
 * change it records — it joins it, so a rollback takes the entry with it.
 */
@Injectable()
export class AuditService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly audit: AuditRepository,
    private readonly clock: Clock,
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
      return this.audit.insert({ ...content, occurredAt: new Date(content.occurredAt), prevHash, hash: chainHash(prevHash, content) });
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
      if (actor.role === Role.ADMIN) return this.audit.page(filter, page);
      if (!filter.enrolmentId) throw DomainError.forbidden('Only administrators read the whole trail: filter by an enrolment you can see');
      if (!(await canSeeEnrolment(filter.enrolmentId))) throw DomainError.notFound('Enrolment', filter.enrolmentId);
      return this.audit.page(filter, page, await hiddenEntities(filter.enrolmentId));
    })();
  }

  /** Walks the chain from the start and reports the first broken link. */
  async verify(actor: Actor): Promise<AuditVerification> {
    if (actor.role !== Role.ADMIN) throw DomainError.forbidden('Only administrators verify the audit trail');
    let prev = GENESIS_HASH;
    let seq = 1;
    let count = 0;
    for (;;) {
      const batch = await this.audit.batch(seq - 1, VERIFY_BATCH);
      if (!batch.length) return { ok: true, entries: count, firstBroken: null };
      const broken = findBreak(
        batch.map((e) => ({ ...e, occurredAt: e.occurredAt.toISOString() })),
        prev,
        seq,
      );
      if (broken) return { ok: false, entries: count + batch.findIndex((e) => e.seq === broken.seq), firstBroken: broken };
      count += batch.length;
      prev = batch[batch.length - 1].hash;
      seq = batch[batch.length - 1].seq + 1;
    }
  }
}
