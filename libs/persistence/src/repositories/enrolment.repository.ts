import { Injectable } from '@nestjs/common';
import {
  ADMITTED_TRACK_STATES,
  EnrolmentState,
  EntryDecision,
  isUuid,
  type Page,
  type PageRequest,
  PLACE_FREEING_STATES,
  TrackState,
} from '@sandbridge/domain';
import { rowsWhereAny } from '../database/rows-by-key.js';
import { TransactionalConnection } from '../database/transactional-connection.js';
import { EnrolmentTrackEntity } from '../entities/enrolment-track.entity.js';
import { EnrolmentEntity } from '../entities/enrolment.entity.js';
import { EntryResultEntity } from '../entities/entry-result.entity.js';
import { paginate } from './paginate.js';

export interface EnrolmentFilter {
  programmeId?: string | null;
  aiSystemId?: string | null;
  state?: string | null;
  /** Visibility (docs/domain.md#roles-and-visibility), applied by the service: one organisation's enrolments… */
  organisationId?: string | null;
  /** …or the submitted enrolments of the programmes this authority takes part in. */
  participantAuthorityId?: string | null;
}

/**
 * The enrolments that hold a cohort place (the domain's `holdsPlace`): an accepted ADMIT on one of
 * its tracks, and neither DECLINED, WITHDRAWN nor EXITED.
 */
const HOLDS_PLACE =
  'e.state NOT IN (:...freeing) AND EXISTS (SELECT 1 FROM enrolment_track t WHERE t.enrolment_id = e.id AND t.state IN (:...admitted))';
const HOLDS_PLACE_PARAMS = { freeing: [...PLACE_FREEING_STATES], admitted: [...ADMITTED_TRACK_STATES] };

@Injectable()
export class EnrolmentRepository {
  constructor(private readonly connection: TransactionalConnection) {}

  private get repo() {
    return this.connection.getRepository(EnrolmentEntity);
  }

  private get tracks() {
    return this.connection.getRepository(EnrolmentTrackEntity);
  }

  private get entryResults() {
    return this.connection.getRepository(EntryResultEntity);
  }

  findById(id: string): Promise<EnrolmentEntity | null> {
    return isUuid(id) ? this.repo.findOneBy({ id }) : Promise.resolve(null);
  }

  /** Locks the enrolment row until the transaction ends (serialises report submissions). */
  findByIdForUpdate(id: string): Promise<EnrolmentEntity | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    return this.repo.createQueryBuilder('e').setLock('pessimistic_write').where('e.id = :id', { id }).getOne();
  }

  /** Every enrolment of one AI system, whatever its state. */
  ofSystem(aiSystemId: string): Promise<EnrolmentEntity[]> {
    return isUuid(aiSystemId) ? this.repo.find({ where: { aiSystemId }, order: { id: 'ASC' } }) : Promise.resolve([]);
  }

  findByIds(ids: readonly string[]): Promise<EnrolmentEntity[]> {
    const valid = ids.filter(isUuid);
    return rowsWhereAny(this.connection.manager, EnrolmentEntity, 'id', valid);
  }

  findActive(programmeId: string, aiSystemId: string): Promise<EnrolmentEntity | null> {
    return this.repo
      .createQueryBuilder('e')
      .where('e.programme_id = :programmeId AND e.ai_system_id = :aiSystemId', { programmeId, aiSystemId })
      .andWhere(`e.state NOT IN ('WITHDRAWN','DECLINED')`)
      .getOne();
  }

  page(filter: EnrolmentFilter, request: PageRequest): Promise<Page<EnrolmentEntity>> {
    const query = this.repo.createQueryBuilder('e');
    if (filter.programmeId)
      query.andWhere('e.programme_id = :programmeId', {
        programmeId: isUuid(filter.programmeId) ? filter.programmeId : null,
      });
    if (filter.aiSystemId)
      query.andWhere('e.ai_system_id = :aiSystemId', {
        aiSystemId: isUuid(filter.aiSystemId) ? filter.aiSystemId : null,
      });
    if (filter.state) query.andWhere('e.state = :state', { state: filter.state });
    if (filter.organisationId) query.andWhere('e.organisation_id = :org', { org: filter.organisationId });
    if (filter.participantAuthorityId) {
      query
        .andWhere(`e.state <> '${EnrolmentState.DRAFT}'`)
        .andWhere(
          'e.programme_id IN (SELECT pp.programme_id FROM programme_participant pp WHERE pp.authority_id = :viewer)',
          { viewer: filter.participantAuthorityId },
        );
    }
    return paginate(
      query,
      [
        // Milliseconds, as JavaScript dates carry them: the cursor then names the row exactly.
        {
          expression: `date_trunc('milliseconds', e.created_at)`,
          value: (e) => e.createdAt.toISOString(),
          accepts: (v) => typeof v === 'string' && !Number.isNaN(Date.parse(v)),
        },
        { expression: 'e.id', value: (e) => e.id, accepts: (v) => typeof v === 'string' && isUuid(v) },
      ],
      request,
    );
  }

  insert(
    values: Pick<EnrolmentEntity, 'programmeId' | 'aiSystemId' | 'organisationId' | 'state'>,
  ): Promise<EnrolmentEntity> {
    return this.repo.save(
      this.repo.create({
        ...values,
        version: 1,
        resumeState: null,
        submittedAt: null,
        testingStartedAt: null,
        exitedAt: null,
      }),
    );
  }

  /**
   * Writes the new state if, and only if, the row still has `expectedVersion` (optimistic lock).
   * Returns false when another decision got there first.
   */
  async updateIfVersion(
    id: string,
    expectedVersion: number,
    changes: Partial<Pick<EnrolmentEntity, 'state' | 'resumeState' | 'submittedAt' | 'testingStartedAt' | 'exitedAt'>>,
  ): Promise<boolean> {
    const result = await this.repo
      .createQueryBuilder()
      .update(EnrolmentEntity)
      .set({ ...changes, version: () => 'version + 1' })
      .where('id = :id AND version = :expectedVersion', { id, expectedVersion })
      .execute();
    return result.affected === 1;
  }

  tracksOf(enrolmentIds: readonly string[]): Promise<EnrolmentTrackEntity[]> {
    return rowsWhereAny(this.connection.manager, EnrolmentTrackEntity, 'enrolmentId', enrolmentIds, [
      ['authorityId', 'ASC'],
    ]);
  }

  /**
   * Per authority, its entry tracks decided ADMIT and DECLINE in every programme (what a programme
   * design scenario calibrates screening rates from). Authorities without a decision are left out.
   */
  async entryDecisionsByAuthority(
    authorityIds: readonly string[],
  ): Promise<{ authorityId: string; admitted: number; declined: number }[]> {
    if (!authorityIds.length) return [];
    const rows: { authority_id: string; admitted: string; declined: string }[] = await this.connection.manager.query(
      `SELECT "authority_id",
              count(*) FILTER (WHERE "entry_decision" = $2) AS "admitted",
              count(*) FILTER (WHERE "entry_decision" = $3) AS "declined"
         FROM "enrolment_track"
        WHERE "authority_id" = ANY($1::uuid[]) AND "entry_decision" IS NOT NULL
        GROUP BY "authority_id"`,
      [authorityIds, EntryDecision.ADMIT, EntryDecision.DECLINE],
    );
    return rows.map((r) => ({
      authorityId: r.authority_id,
      admitted: Number(r.admitted),
      declined: Number(r.declined),
    }));
  }

  async insertTracks(enrolmentId: string, authorityIds: string[]): Promise<void> {
    await this.tracks.insert(
      authorityIds.map((authorityId) => ({
        enrolmentId,
        authorityId,
        state: TrackState.PENDING,
        entryUnmetCriteria: [],
      })),
    );
  }

  async replaceTracks(enrolmentId: string, authorityIds: string[]): Promise<void> {
    await this.tracks.delete({ enrolmentId });
    await this.insertTracks(enrolmentId, authorityIds);
  }

  saveTrack(track: EnrolmentTrackEntity): Promise<EnrolmentTrackEntity> {
    return this.tracks.save(track);
  }

  entryResultsOf(enrolmentIds: readonly string[]): Promise<EntryResultEntity[]> {
    return rowsWhereAny(this.connection.manager, EntryResultEntity, 'enrolmentId', enrolmentIds, [
      ['recordedAt', 'ASC'],
      ['id', 'ASC'],
    ]);
  }

  /** Replaces the application's result for each named criterion (one per criterion). */
  async upsertEntryResults(
    rows: Omit<EntryResultEntity, 'id' | 'recordedAt' | 'enrolment' | 'criterion' | 'evidence'>[],
  ): Promise<void> {
    for (const row of rows) {
      await this.entryResults.delete({ enrolmentId: row.enrolmentId, criterionId: row.criterionId });
    }
    if (rows.length) await this.entryResults.insert(rows);
  }

  /** Enrolments of a programme holding a cohort place, other than `exceptId`. */
  countInCohort(programmeId: string, exceptId: string): Promise<number> {
    return this.repo
      .createQueryBuilder('e')
      .where('e.programme_id = :programmeId AND e.id <> :exceptId', { programmeId, exceptId })
      .andWhere(HOLDS_PLACE, HOLDS_PLACE_PARAMS)
      .getCount();
  }

  /** Places held in each programme (0 for one without any), in the order asked. */
  async placesHeld(programmeIds: readonly string[]): Promise<number[]> {
    if (!programmeIds.length) return [];
    const rows: { programmeId: string; n: string | number }[] = await this.repo
      .createQueryBuilder('e')
      .select('e.programme_id', 'programmeId')
      .addSelect('count(*)', 'n')
      .where('e.programme_id IN (:...programmeIds)', { programmeIds: [...programmeIds] })
      .andWhere(HOLDS_PLACE, HOLDS_PLACE_PARAMS)
      .groupBy('e.programme_id')
      .getRawMany();
    const held = new Map(rows.map((r) => [r.programmeId, Number(r.n)]));
    return programmeIds.map((id) => held.get(id) ?? 0);
  }

  /** Every enrolment of a programme with its tracks, for the funnel. */
  async ofProgramme(programmeId: string): Promise<{ enrolments: EnrolmentEntity[]; tracks: EnrolmentTrackEntity[] }> {
    const enrolments = await this.repo.find({ where: { programmeId } });
    return { enrolments, tracks: await this.tracksOf(enrolments.map((e) => e.id)) };
  }

  /** Every enrolment of these programmes with its tracks (two statements, whatever the number of programmes). */
  async ofProgrammes(
    programmeIds: readonly string[],
  ): Promise<{ enrolments: EnrolmentEntity[]; tracks: EnrolmentTrackEntity[] }> {
    const enrolments = await rowsWhereAny(this.connection.manager, EnrolmentEntity, 'programmeId', programmeIds, [
      ['id', 'ASC'],
    ]);
    return { enrolments, tracks: enrolments.length ? await this.tracksOf(enrolments.map((e) => e.id)) : [] };
  }
}
