import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One link of the tamper-evident audit trail (docs/domain.md#cooperation): appended in the same transaction as
 * the change it records; `hash` covers the canonical JSON of the content and `prevHash`.
 */
@Entity('audit_entry')
@Index('audit_entry_id_key', ['id'], { unique: true })
@Index('audit_entry_enrolment_idx', ['enrolmentId', 'seq'])
@Index('audit_entry_actor_idx', ['actorAccountId', 'seq'])
@Index('audit_entry_action_idx', ['action', 'seq'])
@Index('audit_entry_entity_idx', ['entityType', 'entityId', 'seq'])
@Index('audit_entry_occurred_idx', ['occurredAt'])
export class AuditEntryEntity {
  /** Position in the chain, 1, 2, 3… assigned under an advisory lock, so the chain never forks. */
  @PrimaryColumn({ type: 'bigint', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  seq: number;

  @Column({ type: 'uuid' })
  id: string;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  @Column({ name: 'actor_account_id', type: 'varchar', length: 64, nullable: true })
  actorAccountId: string | null;

  @Column({ type: 'varchar', length: 64 })
  action: string;

  @Column({ name: 'entity_type', type: 'varchar', length: 32 })
  entityType: string;

  @Column({ name: 'entity_id', type: 'varchar', length: 64 })
  entityId: string;

  @Column({ name: 'enrolment_id', type: 'uuid', nullable: true })
  enrolmentId: string | null;

  @Column({ name: 'programme_id', type: 'uuid', nullable: true })
  programmeId: string | null;

  @Column({ type: 'jsonb' })
  data: Record<string, unknown>;

  @Column({ name: 'prev_hash', type: 'char', length: 64 })
  prevHash: string;

  @Column({ type: 'char', length: 64 })
  hash: string;
}
