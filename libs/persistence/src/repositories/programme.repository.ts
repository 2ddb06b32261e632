import { Injectable } from '@nestjs/common';
import { isUuid, type Page, type PageRequest } from '@sandbridge/domain';
import { rowsWhereAny } from '../database/rows-by-key.js';
import { TransactionalConnection } from '../database/transactional-connection.js';
import { ProgrammeCriterionEntity } from '../entities/programme-criterion.entity.js';
import { ProgrammeParticipantEntity } from '../entities/programme-participant.entity.js';
import { ProgrammeEntity } from '../entities/programme.entity.js';
import { likePattern, paginate } from './paginate.js';

export interface ProgrammeFilter {
  status?: string | null;
  /** Programmes this authority takes part in. */
  participantAuthorityId?: string | null;
  sector?: string | null;
  search?: string | null;
  /** DRAFT programmes are visible only to their participants: null = all drafts visible. */
  draftsVisibleTo?: { authorityId: string | null } | null;
  /** Only OPEN, RUNNING and CLOSED programmes (the public registry). */
  publishedOnly?: boolean;
}

@Injectable()
export class ProgrammeRepository {
  constructor(private readonly connection: TransactionalConnection) {}

  private get repo() {
    return this.connection.getRepository(ProgrammeEntity);
  }

  private get participants() {
    return this.connection.getRepository(ProgrammeParticipantEntity);
  }

  private get criteria() {
    return this.connection.getRepository(ProgrammeCriterionEntity);
  }

  findById(id: string): Promise<ProgrammeEntity | null> {
    return isUuid(id) ? this.repo.findOneBy({ id }) : Promise.resolve(null);
  }

  /** Locks the programme row for the rest of the transaction (status changes, capacity checks). */
  findByIdForUpdate(id: string): Promise<ProgrammeEntity | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    return this.repo.createQueryBuilder('p').setLock('pessimistic_write').where('p.id = :id', { id }).getOne();
  }

  findByIds(ids: readonly string[]): Promise<ProgrammeEntity[]> {
    const valid = ids.filter(isUuid);
    return rowsWhereAny(this.connection.manager, ProgrammeEntity, 'id', valid);
  }

  findByName(name: string): Promise<ProgrammeEntity | null> {
    return this.repo.createQueryBuilder('p').where('lower(p.name) = lower(:name)', { name }).getOne();
  }

  /**
   * Another programme whose name (ignoring case) a programme led by `leadAuthorityId` may not take:
   * a published one (not DRAFT), or one of the same lead — the programmes whose names the lead's
   * regulators can see. With `publishedOnly`, only published ones (when a DRAFT is about to open).
   */
  findNameClash(
    name: string,
    leadAuthorityId: string,
    options: { exceptId?: string; publishedOnly?: boolean } = {},
  ): Promise<ProgrammeEntity | null> {
    const query = this.repo.createQueryBuilder('p').where('lower(p.name) = lower(:name)', { name });
    if (options.publishedOnly) query.andWhere("p.status <> 'DRAFT'");
    else query.andWhere("(p.status <> 'DRAFT' OR p.lead_authority_id = :lead)", { lead: leadAuthorityId });
    if (options.exceptId) query.andWhere('p.id <> :exceptId', { exceptId: options.exceptId });
    return query.getOne();
  }

  page(filter: ProgrammeFilter, request: PageRequest): Promise<Page<ProgrammeEntity>> {
    const query = this.repo.createQueryBuilder('p');
    if (filter.status) query.andWhere('p.status = :status', { status: filter.status });
    if (filter.publishedOnly) query.andWhere("p.status <> 'DRAFT'");
    if (filter.participantAuthorityId) {
      query.andWhere(
        'p.id IN (SELECT pp.programme_id FROM programme_participant pp WHERE pp.authority_id = :participant)',
        {
          participant: isUuid(filter.participantAuthorityId) ? filter.participantAuthorityId : null,
        },
      );
    }
    if (filter.sector) query.andWhere(':sector = ANY(p.sectors)', { sector: filter.sector });
    if (filter.search) query.andWhere('p.name ILIKE :search', { search: likePattern(filter.search) });
    if (filter.draftsVisibleTo) {
      query.andWhere(
        `(p.status <> 'DRAFT' OR p.id IN (SELECT pv.programme_id FROM programme_participant pv WHERE pv.authority_id = :viewer))`,
        {
          viewer: filter.draftsVisibleTo.authorityId,
        },
      );
    }
    return paginate(
      query,
      [
        { expression: 'p.name', value: (p) => p.name },
        { expression: 'p.id', value: (p) => p.id, accepts: (id) => typeof id === 'string' && isUuid(id) },
      ],
      request,
    );
  }

  participantsOf(programmeIds: readonly string[]): Promise<ProgrammeParticipantEntity[]> {
    return rowsWhereAny(this.connection.manager, ProgrammeParticipantEntity, 'programmeId', programmeIds, [
      ['joinedAt', 'ASC'],
      ['authorityId', 'ASC'],
    ]);
  }

  /** Attached criteria in reading order: by stage (ENTRY, TESTING, EXIT), then criterion key. */
  criteriaOf(programmeIds: readonly string[]): Promise<ProgrammeCriterionEntity[]> {
    if (!programmeIds.length) return Promise.resolve([]);
    return this.criteria
      .createQueryBuilder('pc')
      .innerJoin('criterion', 'c', 'c.id = pc.criterion_id')
      .where('pc.programme_id IN (:...ids)', { ids: [...programmeIds] })
      .orderBy(`CASE pc.stage WHEN 'ENTRY' THEN 0 WHEN 'TESTING' THEN 1 ELSE 2 END`)
      .addOrderBy('c.key')
      .addOrderBy('pc.criterion_id')
      .getMany();
  }

  findAttachment(programmeId: string, criterionId: string): Promise<ProgrammeCriterionEntity | null> {
    return isUuid(criterionId) ? this.criteria.findOneBy({ programmeId, criterionId }) : Promise.resolve(null);
  }

  insert(values: Omit<ProgrammeEntity, 'id' | 'createdAt' | 'updatedAt' | 'leadAuthority'>): Promise<ProgrammeEntity> {
    return this.repo.save(this.repo.create(values));
  }

  save(entity: ProgrammeEntity): Promise<ProgrammeEntity> {
    return this.repo.save(entity);
  }

  async addParticipant(programmeId: string, authorityId: string): Promise<void> {
    await this.participants.insert({ programmeId, authorityId });
  }

  async removeParticipant(programmeId: string, authorityId: string): Promise<void> {
    await this.criteria.delete({ programmeId, authorityId });
    await this.participants.delete({ programmeId, authorityId });
  }

  saveAttachment(
    values: Pick<ProgrammeCriterionEntity, 'programmeId' | 'criterionId' | 'authorityId' | 'stage' | 'mandatory'>,
  ): Promise<ProgrammeCriterionEntity> {
    return this.criteria.save(this.criteria.create(values));
  }

  async detach(programmeId: string, criterionId: string): Promise<void> {
    await this.criteria.delete({ programmeId, criterionId });
  }
}
