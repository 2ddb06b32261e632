import { Injectable } from '@nestjs/common';
import { isUuid, type Page, type PageRequest, SimulationKind, SimulationStatus } from '@sandbridge/domain';
import { In } from 'typeorm';
import { rowsWhereAny } from '../database/rows-by-key.js';
import { TransactionalConnection } from '../database/transactional-connection.js';
import { SimulationChunkEntity } from '../entities/simulation-chunk.entity.js';
import { SimulationRunEntity } from '../entities/simulation-run.entity.js';
import { paginate } from './paginate.js';

export interface SimulationRunFilter {
  /** Runs of this kind only. */
  kind: SimulationKind;
  status?: SimulationStatus | null;
  /** Runs of this jurisdiction only; null = every jurisdiction. */
  jurisdictionCode?: string | null;
  /** Runs this account started only; null = anyone's. */
  createdBy?: string | null;
}

export type NewSimulationRun = Pick<
  SimulationRunEntity,
  | 'kind'
  | 'name'
  | 'createdBy'
  | 'jurisdictionCode'
  | 'scenario'
  | 'populationKind'
  | 'populationFilter'
  | 'populationSize'
  | 'chunkSize'
  | 'chunksTotal'
  | 'rerunOf'
>;

/** What storing one chunk did: whether it was new, and the run's progress after it. */
export interface StoredChunk {
  /** False when the run is not RUNNING any more (cancelled, failed) or the chunk was already stored. */
  stored: boolean;
  /** MISSING: no such run. */
  status: SimulationStatus | 'MISSING';
  chunksDone: number;
  chunksTotal: number;
}

/** Simulation runs and their stored chunk partials: one aggregate. */
@Injectable()
export class SimulationRunRepository {
  constructor(private readonly connection: TransactionalConnection) {}

  private get repo() {
    return this.connection.getRepository(SimulationRunEntity);
  }

  private get chunks() {
    return this.connection.getRepository(SimulationChunkEntity);
  }

  findById(id: string): Promise<SimulationRunEntity | null> {
    return isUuid(id) ? this.repo.findOneBy({ id }) : Promise.resolve(null);
  }

  findByIds(ids: readonly string[]): Promise<SimulationRunEntity[]> {
    const valid = ids.filter(isUuid);
    return rowsWhereAny(this.connection.manager, SimulationRunEntity, 'id', valid);
  }

  /** Oldest first (a stable keyset order), or newest first. */
  page(
    filter: SimulationRunFilter,
    request: PageRequest,
    direction: 'ASC' | 'DESC' = 'ASC',
  ): Promise<Page<SimulationRunEntity>> {
    const query = this.repo.createQueryBuilder('r').where('r.kind = :kind', { kind: filter.kind });
    if (filter.status) query.andWhere('r.status = :status', { status: filter.status });
    if (filter.jurisdictionCode)
      query.andWhere('r.jurisdiction_code = :jurisdiction', { jurisdiction: filter.jurisdictionCode });
    if (filter.createdBy) query.andWhere('r.created_by = :createdBy', { createdBy: filter.createdBy });
    return paginate(
      query,
      [
        // Milliseconds: the cursor carries a JavaScript date, which has no microseconds.
        {
          expression: "date_trunc('milliseconds', r.created_at)",
          value: (r) => r.createdAt.toISOString(),
          accepts: (v) => typeof v === 'string' && !Number.isNaN(Date.parse(v)),
        },
        { expression: 'r.id', value: (r) => r.id, accepts: (id) => typeof id === 'string' && isUuid(id) },
      ],
      request,
      direction,
    );
  }

  /** Runs left QUEUED or RUNNING (e.g. by a process that died), oldest first. */
  unfinished(): Promise<SimulationRunEntity[]> {
    return this.repo.find({
      where: { status: In([SimulationStatus.QUEUED, SimulationStatus.RUNNING]) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  /**
   * Runs waiting or executing, and their chunks not yet stored (the platform health page). Reads
   * only the unfinished runs, through the partial index simulation_run_unfinished_idx.
   */
  async unfinishedCounts(): Promise<{ queued: number; running: number; chunksRemaining: number }> {
    const rows: { status: string; runs: string; remaining: string | null }[] = await this.repo
      .createQueryBuilder('r')
      .select('r.status', 'status')
      .addSelect('count(*)', 'runs')
      .addSelect('sum(r.chunks_total - r.chunks_done)', 'remaining')
      .where('r.status IN (:...unfinished)', { unfinished: [SimulationStatus.QUEUED, SimulationStatus.RUNNING] })
      .groupBy('r.status')
      .getRawMany();
    const of = (status: SimulationStatus) => rows.find((r) => r.status === status);
    return {
      queued: Number(of(SimulationStatus.QUEUED)?.runs ?? 0),
      running: Number(of(SimulationStatus.RUNNING)?.runs ?? 0),
      chunksRemaining: rows.reduce((sum, r) => sum + Number(r.remaining ?? 0), 0),
    };
  }

  /** The numbers of the chunks of a run whose partial is stored. */
  async storedChunks(runId: string): Promise<number[]> {
    const rows = await this.chunks.find({ where: { runId }, order: { chunk: 'ASC' }, select: { chunk: true } });
    return rows.map((r) => r.chunk);
  }

  insert(values: NewSimulationRun): Promise<SimulationRunEntity> {
    return this.repo.save(
      this.repo.create({
        ...values,
        status: SimulationStatus.QUEUED,
        chunksDone: 0,
        error: null,
        result: null,
        coverage: null,
        startedAt: null,
        finishedAt: null,
      }),
    );
  }

  /** QUEUED → RUNNING; false when the run left QUEUED meanwhile (cancelled before it started). */
  async markRunning(id: string, at: Date): Promise<boolean> {
    const update = await this.repo
      .createQueryBuilder()
      .update()
      .set({ status: SimulationStatus.RUNNING, startedAt: at })
      .where('id = :id AND status = :from', { id, from: SimulationStatus.QUEUED })
      .execute();
    return (update.affected ?? 0) > 0;
  }

  /**
   * Stores one chunk's partial at most once. Locks the run row first, so stores of one run
   * serialise: the count each sees includes every earlier store, and exactly one store sees the
   * last chunk arrive (the one that then completes the run). Must run inside a transaction.
   */
  async storeChunk(
    runId: string,
    chunk: number,
    partial: Record<string, unknown>,
    attempt: number,
  ): Promise<StoredChunk> {
    const run = await this.repo
      .createQueryBuilder('r')
      .setLock('pessimistic_write')
      .where('r.id = :runId', { runId })
      .getOne();
    if (!run) return { stored: false, status: 'MISSING', chunksDone: 0, chunksTotal: 0 };
    const progress = { status: run.status, chunksDone: run.chunksDone, chunksTotal: run.chunksTotal };
    if (run.status !== SimulationStatus.RUNNING) return { stored: false, ...progress };
    const inserted: unknown[] = await this.connection.manager.query(
      'INSERT INTO "simulation_chunk" ("run_id", "chunk", "partial", "attempts") VALUES ($1, $2, $3, $4) ON CONFLICT ("run_id", "chunk") DO NOTHING RETURNING "chunk"',
      [runId, chunk, JSON.stringify(partial), attempt],
    );
    if (inserted.length === 0) return { stored: false, ...progress };
    await this.repo.update({ id: runId }, { chunksDone: run.chunksDone + 1 });
    return { stored: true, ...progress, chunksDone: run.chunksDone + 1 };
  }

  /** The stored partials of a run, in chunk order. */
  async partialsOf(runId: string): Promise<Record<string, unknown>[]> {
    const rows = await this.chunks.find({
      where: { runId },
      order: { chunk: 'ASC' },
      select: { chunk: true, partial: true },
    });
    return rows.map((r) => r.partial);
  }

  /** RUNNING → COMPLETED with the result (and its coverage counts); false when the run is not RUNNING (guards a double completion). */
  complete(
    id: string,
    result: Record<string, unknown>,
    at: Date,
    coverage: Record<string, unknown>[] | null = null,
  ): Promise<boolean> {
    return this.finish(id, { status: SimulationStatus.COMPLETED, result, coverage, finishedAt: at }, [
      SimulationStatus.RUNNING,
    ]);
  }

  /** QUEUED/RUNNING → FAILED with a reason; false when it had already finished. */
  fail(id: string, error: string, at: Date): Promise<boolean> {
    return this.finish(id, { status: SimulationStatus.FAILED, error, finishedAt: at }, [
      SimulationStatus.QUEUED,
      SimulationStatus.RUNNING,
    ]);
  }

  /** QUEUED/RUNNING → CANCELLED; false when it had already finished. */
  cancel(id: string, at: Date): Promise<boolean> {
    return this.finish(id, { status: SimulationStatus.CANCELLED, finishedAt: at }, [
      SimulationStatus.QUEUED,
      SimulationStatus.RUNNING,
    ]);
  }

  private async finish(id: string, values: Partial<SimulationRunEntity>, from: SimulationStatus[]): Promise<boolean> {
    const update = await this.repo
      .createQueryBuilder()
      .update()
      .set(values as never)
      .where('id = :id AND status IN (:...from)', { id, from })
      .execute();
    return (update.affected ?? 0) > 0;
  }
}
