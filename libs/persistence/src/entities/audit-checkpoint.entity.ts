import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

const bigintAsNumber = { to: (v: number) => v, from: (v: string) => Number(v) };

/**
 * The latest signed head of the audit trail: one row, replaced in the transaction of every append.
 * The copy that counts is the one someone stored outside the platform; this row lets verification
 * notice a chain cut short even without one.
 */
@Entity('audit_checkpoint')
@Check('audit_checkpoint_single_row_check', '"id" = 1')
export class AuditCheckpointEntity {
  @PrimaryColumn({ type: 'smallint' })
  id: number;

  /** The head's position in the chain. */
  @Column({ type: 'bigint', transformer: bigintAsNumber })
  seq: number;

  /** The head entry's hash. */
  @Column({ type: 'char', length: 64 })
  hash: string;

  /** The head entry's `occurredAt`, as the signed ISO text (milliseconds, UTC). */
  @Column({ type: 'varchar', length: 32 })
  at: string;

  /** SHA-256 (hex) of the canonical JSON of the signed document. */
  @Column({ type: 'char', length: 64 })
  sha256: string;

  /** Ed25519 signature, base64url. */
  @Column({ type: 'varchar', length: 128 })
  signature: string;

  @Column({ name: 'key_id', type: 'varchar', length: 128 })
  keyId: string;
}
