import { type PopulationKind, SimulationKind, type SimulationStatus } from '@sandbridge/domain';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { AccountEntity } from './account.entity.js';
import { JurisdictionEntity } from './jurisdiction.entity.js';

/**
 * One simulation run (docs/domain.md#simulation): a job over a stored scenario, persisted with its exact input
 * so that any run can be reproduced. Progress is `chunks_done / chunks_total`.
 */
@Entity('simulation_run')
@Index('simulation_run_jurisdiction_idx', ['jurisdictionCode', 'createdAt'])
@Index('simulation_run_created_idx', ['createdAt', 'id'])
@Index('simulation_run_creator_idx', ['createdBy', 'kind', 'createdAt'])
@Index('simulation_run_unfinished_idx', ['status'], { where: `"status" IN ('QUEUED','RUNNING')` })
@Check('simulation_run_kind_check', `"kind" IN ('RECOGNITION','PROGRAMME')`)
@Check('simulation_run_status_check', `"status" IN ('QUEUED','RUNNING','COMPLETED','FAILED','CANCELLED')`)
@Check('simulation_run_population_kind_check', `"population_kind" IN ('EXPLICIT','SYNTHETIC','RECORDED')`)
@Check('simulation_run_chunks_check', `"chunk_size" > 0 AND "chunks_done" >= 0 AND "chunks_done" <= "chunks_total"`)
export class SimulationRunEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 16 })
  status: SimulationStatus;

  /**
   * What the run computes: a recognition scenario over its population, or a programme design
   * scenario over its replications (docs/programme-simulation.md#runs-as-jobs). Both share the job
   * machinery: chunks, partials stored per chunk, progress, cancel, rerun, resume.
   */
  @Column({ type: 'varchar', length: 16, default: SimulationKind.RECOGNITION })
  kind: SimulationKind;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'simulation_run_created_by_fk' })
  creator?: Relation<AccountEntity>;

  /** The jurisdiction the starting negotiator acts for: its negotiators share the run. */
  @Column({ name: 'jurisdiction_code', type: 'varchar', length: 16 })
  jurisdictionCode: string;

  @ManyToOne(() => JurisdictionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'jurisdiction_code', foreignKeyConstraintName: 'simulation_run_jurisdiction_fk' })
  jurisdiction?: Relation<JurisdictionEntity>;

  /**
   * The complete `sandbridge/scenario@1` (or, for a PROGRAMME run, `sandbridge/programme-scenario@1`)
   * document the run computes (keys sorted: canonical JSON).
   * `json`, not `jsonb`, here and for the result and partials: `json` keeps the document as written
   * (key order included), which the byte-for-byte reproducibility of results relies on.
   */
  @Column({ type: 'json' })
  scenario: Record<string, unknown>;

  /**
   * Where the population came from: RECORDED snapshots hold other tenants' (anonymised) data. A
   * PROGRAMME run's applicants are drawn by its seeded generator: SYNTHETIC.
   */
  @Column({ name: 'population_kind', type: 'varchar', length: 16 })
  populationKind: PopulationKind;

  /** The filter a RECORDED population was taken with; null otherwise. */
  @Column({ name: 'population_filter', type: 'json', nullable: true })
  populationFilter: Record<string, unknown> | null;

  /** The units the run is chunked over: population units, or a PROGRAMME run's replications. */
  @Column({ name: 'population_size', type: 'int' })
  populationSize: number;

  @Column({ name: 'chunk_size', type: 'int' })
  chunkSize: number;

  @Column({ name: 'chunks_total', type: 'int' })
  chunksTotal: number;

  @Column({ name: 'chunks_done', type: 'int', default: 0 })
  chunksDone: number;

  /** Why a FAILED run failed, in words (never a stack). */
  @Column({ type: 'text', nullable: true })
  error: string | null;

  /** The `sandbridge/simulation-result@1` (PROGRAMME: `sandbridge/programme-result@1`) document of a COMPLETED run. */
  @Column({ type: 'json', nullable: true })
  result: Record<string, unknown> | null;

  /**
   * Per agreement set, the distinct systems behind the result's figures (RECORDED runs only):
   * disclosure control suppresses what a negotiator reads from them. Null for other runs, and for
   * recorded runs completed before the counts existed (a negotiator then sees no figure).
   */
  @Column({ type: 'json', nullable: true })
  coverage: Record<string, unknown>[] | null;

  /** The run this one reproduces (rerunSimulation). */
  @Column({ name: 'rerun_of', type: 'uuid', nullable: true })
  rerunOf: string | null;

  @ManyToOne(() => SimulationRunEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'rerun_of', foreignKeyConstraintName: 'simulation_run_rerun_of_fk' })
  original?: Relation<SimulationRunEntity>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}
