import { Injectable } from '@nestjs/common';
import {
  decodeCursor,
  DomainError,
  encodeCursor,
  isUuid,
  type Page,
  type PageRequest,
  pageSize,
} from '@sandbridge/domain';
import { rowsWhereAny } from '../database/rows-by-key.js';
import { TransactionalConnection } from '../database/transactional-connection.js';
import { EvidenceEntity } from '../entities/evidence.entity.js';
import { SandboxPlanEvidenceEntity } from '../entities/sandbox-plan-evidence.entity.js';
import { SandboxPlanEntity } from '../entities/sandbox-plan.entity.js';
import { TestReportEntity } from '../entities/test-report.entity.js';
import { likePattern } from './paginate.js';

/** Whose evidence: an organisation's (innovators) or an authority's (regulators). */
export type EvidenceOwner = { organisationId: string } | { authorityId: string };

export interface EvidenceFilter {
  /** Case-insensitive, in the title or the file name. */
  search?: string | null;
  /** Only evidence whose expiry day is on or before this day (already expired included). */
  expiringBy?: string | null;
  /** Also the evidence a later revision supersedes. */
  includeSuperseded?: boolean | null;
}

/** What names a file: a download is allowed to whoever may read one of these (docs/domain.md#evidence). */
export interface EvidenceReferences {
  /** Test reports with a result naming it. */
  reports: TestReportEntity[];
  /** Enrolments with an entry result naming it. */
  entryEnrolmentIds: string[];
  /** Plan versions and the names of their sections naming it. */
  planSections: { plan: SandboxPlanEntity; section: string }[];
}

/** Evidence records (docs/domain.md#evidence): each owner's metadata over a stored blob. */
@Injectable()
export class EvidenceRepository {
  constructor(private readonly connection: TransactionalConnection) {}

  private get repo() {
    return this.connection.getRepository(EvidenceEntity);
  }

  findById(id: string): Promise<EvidenceEntity | null> {
    return isUuid(id) ? this.repo.findOneBy({ id }) : Promise.resolve(null);
  }

  /** Locks the row for a metadata change or a revision (inside the caller's transaction). */
  findByIdForUpdate(id: string): Promise<EvidenceEntity | null> {
    return isUuid(id)
      ? this.repo.createQueryBuilder('e').setLock('pessimistic_write').where('e.id = :id', { id }).getOne()
      : Promise.resolve(null);
  }

  findByIds(ids: readonly string[]): Promise<EvidenceEntity[]> {
    return rowsWhereAny(this.connection.manager, EvidenceEntity, 'id', ids.filter(isUuid));
  }

  findByOwnerAndHash(owner: EvidenceOwner, sha256: string): Promise<EvidenceEntity | null> {
    return this.repo.findOneBy({ ...owner, sha256 });
  }

  /** The revisions that supersede each of these, oldest first. */
  supersedingOf(ids: readonly string[]): Promise<EvidenceEntity[]> {
    return rowsWhereAny(this.connection.manager, EvidenceEntity, 'supersedesId', ids.filter(isUuid), [
      ['uploadedAt', 'ASC'],
      ['id', 'ASC'],
    ]);
  }

  /**
   * Inserts the record unless the owner already holds these bytes (the owner-and-hash unique index):
   * null then — a concurrent upload of the same file won, and the caller answers its record.
   */
  async insertUnlessHeld(
    values: Omit<
      EvidenceEntity,
      'id' | 'uploadedAt' | 'version' | 'blob' | 'organisation' | 'authority' | 'supersedes'
    >,
  ): Promise<EvidenceEntity | null> {
    const result = await this.repo
      .createQueryBuilder()
      .insert()
      .into(EvidenceEntity)
      .values(values)
      .orIgnore()
      .returning(['id'])
      .execute();
    const id = (result.raw as { id: string }[])[0]?.id;
    return id ? this.findById(id) : null;
  }

  save(entity: EvidenceEntity): Promise<EvidenceEntity> {
    return this.repo.save(entity);
  }

  /** An owner's evidence, newest first (uploaded_at, then id): the cursor names the last row seen. */
  async page(owner: EvidenceOwner, filter: EvidenceFilter, request: PageRequest): Promise<Page<EvidenceEntity>> {
    const first = pageSize(request);
    const query = this.repo.createQueryBuilder('e');
    if ('organisationId' in owner) query.where('e.organisation_id = :owner', { owner: owner.organisationId });
    else query.where('e.authority_id = :owner', { owner: owner.authorityId });
    if (filter.search)
      query.andWhere('(e.title ILIKE :search OR e.filename ILIKE :search)', { search: likePattern(filter.search) });
    if (filter.expiringBy) query.andWhere('e.expiry_day <= :expiringBy', { expiringBy: filter.expiringBy });
    if (!filter.includeSuperseded) query.andWhere('NOT EXISTS (SELECT 1 FROM evidence s WHERE s.supersedes_id = e.id)');
    const totalCount = await query.clone().getCount();
    const page = query.clone();
    if (request.after) {
      const [id] = decodeCursor(request.after, 1);
      if (typeof id !== 'string' || !isUuid(id))
        throw DomainError.badInput([{ path: 'after', message: 'is not a cursor this list returned' }]);
      // The timestamp is read from the row itself: a JavaScript Date would lose its microseconds.
      page.andWhere('(e.uploaded_at, e.id) < (SELECT c.uploaded_at, c.id FROM evidence c WHERE c.id = :cursor)', {
        cursor: id,
      });
    }
    page.orderBy('e.uploaded_at', 'DESC').addOrderBy('e.id', 'DESC');
    const rows = first === 0 ? [] : await page.limit(first + 1).getMany();
    const items = rows.slice(0, first);
    return {
      items,
      cursors: items.map((item) => encodeCursor([item.id])),
      hasNextPage: rows.length > first || (first === 0 && totalCount > 0 && !request.after),
      hasPreviousPage: Boolean(request.after),
      totalCount,
    };
  }

  /** Everything that names this evidence: reports (through their results), entry results, plan sections. */
  async referencesOf(evidenceId: string): Promise<EvidenceReferences> {
    const manager = this.connection.manager;
    const reports = await manager
      .getRepository(TestReportEntity)
      .createQueryBuilder('r')
      .where('r.id IN (SELECT t.report_id FROM test_result t WHERE t.evidence_id = :id)', { id: evidenceId })
      .getMany();
    const entries = (await manager.query('SELECT DISTINCT enrolment_id FROM entry_result WHERE evidence_id = $1', [
      evidenceId,
    ])) as { enrolment_id: string }[];
    const rows = await rowsWhereAny(manager, SandboxPlanEvidenceEntity, 'evidenceId', [evidenceId]);
    const plans = new Map(
      (await rowsWhereAny(manager, SandboxPlanEntity, 'id', [...new Set(rows.map((r) => r.planId))])).map((p) => [
        p.id,
        p,
      ]),
    );
    return {
      reports,
      entryEnrolmentIds: entries.map((e) => e.enrolment_id),
      planSections: rows.flatMap((r) => {
        const plan = plans.get(r.planId);
        return plan ? [{ plan, section: r.section }] : [];
      }),
    };
  }
}
