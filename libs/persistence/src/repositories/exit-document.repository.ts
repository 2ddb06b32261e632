import { Injectable } from '@nestjs/common';
import { ExitReportStatus, isUuid, type Page, type PageRequest } from '@sandbridge/domain';
import { rowsWhereAny } from '../database/rows-by-key.js';
import { TransactionalConnection } from '../database/transactional-connection.js';
import { ExitReportEntity } from '../entities/exit-report.entity.js';
import { WrittenProofEntity } from '../entities/written-proof.entity.js';
import { paginate } from './paginate.js';

/** Published exit reports: issued, consented to and not withdrawn (docs/domain.md#public-registry). */
const PUBLISHED = `r.status = '${ExitReportStatus.ISSUED}' AND r.consented_at IS NOT NULL AND r.consent_withdrawn_at IS NULL`;

/** Written proofs and exit report versions (docs/domain.md#exit-documents). */
@Injectable()
export class ExitDocumentRepository {
  constructor(private readonly connection: TransactionalConnection) {}

  private get proofs() {
    return this.connection.getRepository(WrittenProofEntity);
  }

  private get reports() {
    return this.connection.getRepository(ExitReportEntity);
  }

  insertProof(row: WrittenProofEntity): Promise<WrittenProofEntity> {
    return this.proofs.save(this.proofs.create(row));
  }

  findProofById(id: string): Promise<WrittenProofEntity | null> {
    return isUuid(id) ? this.proofs.findOneBy({ id }) : Promise.resolve(null);
  }

  /** Written proofs of these enrolments, oldest first. */
  proofsOf(enrolmentIds: readonly string[]): Promise<WrittenProofEntity[]> {
    return rowsWhereAny(this.connection.manager, WrittenProofEntity, 'enrolmentId', enrolmentIds.filter(isUuid), [
      ['issuedAt', 'ASC'],
      ['id', 'ASC'],
    ]);
  }

  findReportById(id: string): Promise<ExitReportEntity | null> {
    return isUuid(id) ? this.reports.findOneBy({ id }) : Promise.resolve(null);
  }

  /** Locks the version's row until the transaction ends (issue, consent and corrections are serialised). */
  findReportByIdForUpdate(id: string): Promise<ExitReportEntity | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    return this.reports.createQueryBuilder('r').setLock('pessimistic_write').where('r.id = :id', { id }).getOne();
  }

  /** Every version of every authority's exit report on these enrolments, by authority then version. */
  reportsOf(enrolmentIds: readonly string[]): Promise<ExitReportEntity[]> {
    return rowsWhereAny(this.connection.manager, ExitReportEntity, 'enrolmentId', enrolmentIds.filter(isUuid), [
      ['authorityId', 'ASC'],
      ['version', 'ASC'],
    ]);
  }

  /** One authority's versions on one enrolment, newest first, the rows locked (a new draft or an issue is serialised). */
  versionsForUpdate(enrolmentId: string, authorityId: string): Promise<ExitReportEntity[]> {
    return this.reports
      .createQueryBuilder('r')
      .setLock('pessimistic_write')
      .where('r.enrolment_id = :enrolmentId AND r.authority_id = :authorityId', { enrolmentId, authorityId })
      .orderBy('r.version', 'DESC')
      .getMany();
  }

  insertReport(row: Omit<ExitReportEntity, 'createdAt' | 'updatedAt'>): Promise<ExitReportEntity> {
    return this.reports.save(this.reports.create(row));
  }

  /** Changes only these columns (an issued row accepts only its status, supersession and consent: a trigger checks). */
  async updateReport(id: string, changes: Partial<Omit<ExitReportEntity, 'id'>>): Promise<void> {
    await this.reports.update({ id }, changes);
  }

  /** Published exit reports, oldest issue first; of one programme when `programmeId` is given. */
  published(filter: { programmeId?: string | null }, request: PageRequest): Promise<Page<ExitReportEntity>> {
    const query = this.reports.createQueryBuilder('r').where(PUBLISHED);
    if (filter.programmeId)
      query.andWhere('r.enrolment_id IN (SELECT e.id FROM enrolment e WHERE e.programme_id = :programmeId)', {
        programmeId: isUuid(filter.programmeId) ? filter.programmeId : null,
      });
    return paginate(
      query,
      [
        { expression: 'r.issued_at', value: (r) => r.issuedAt!.toISOString(), accepts: (v) => isInstant(v) },
        { expression: 'r.id', value: (r) => r.id, accepts: (id) => typeof id === 'string' && isUuid(id) },
      ],
      request,
    );
  }

  /** How many exit reports each programme has published, by programme id. */
  async publishedCounts(programmeIds: readonly string[]): Promise<Map<string, number>> {
    const ids = programmeIds.filter(isUuid);
    if (!ids.length) return new Map();
    const rows: { programme_id: string; n: string }[] = await this.connection.manager.query(
      `SELECT e.programme_id, count(*) AS n FROM exit_report r JOIN enrolment e ON e.id = r.enrolment_id
       WHERE ${PUBLISHED} AND e.programme_id = ANY($1::uuid[]) GROUP BY e.programme_id`,
      [ids],
    );
    return new Map(rows.map((r) => [r.programme_id, Number(r.n)]));
  }
}

const isInstant = (value: string | number) =>
  typeof value === 'string' &&
  /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(value) &&
  !Number.isNaN(Date.parse(value));
