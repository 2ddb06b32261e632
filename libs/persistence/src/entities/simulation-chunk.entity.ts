import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { SimulationRunEntity } from './simulation-run.entity.js';

/**
 * The partial counts of one chunk of a run. The primary key (run, chunk) makes storing idempotent:
 * a chunk reported twice (a retry, a worker that died after finishing) is stored once.
 */
@Entity('simulation_chunk')
export class SimulationChunkEntity {
  @PrimaryColumn({ name: 'run_id', type: 'uuid' })
  runId: string;

  @PrimaryColumn({ type: 'int' })
  chunk: number;

  @ManyToOne(() => SimulationRunEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'run_id', foreignKeyConstraintName: 'simulation_chunk_run_fk' })
  run?: Relation<SimulationRunEntity>;

  /** A `SimulationPartial` (integers only, so it round-trips exactly; `json` keeps its key order). */
  @Column({ type: 'json' })
  partial: Record<string, unknown>;

  /** The attempt that produced the stored partial. */
  @Column({ type: 'int' })
  attempts: number;

  @CreateDateColumn({ name: 'stored_at', type: 'timestamptz' })
  storedAt: Date;
}
