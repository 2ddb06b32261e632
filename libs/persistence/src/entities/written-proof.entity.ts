import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { AuthorityEntity } from './authority.entity.js';
import { EnrolmentEntity } from './enrolment.entity.js';

/**
 * The written proof an authority's track received at its final exit decision
 * (docs/domain.md#exit-documents): the signed document as its canonical JSON text, exactly the
 * bytes signed. Never changed (a trigger refuses updates).
 */
@Entity('written_proof')
@Index('written_proof_track_key', ['enrolmentId', 'authorityId'], { unique: true })
export class WrittenProofEntity {
  /** Chosen by the platform before signing: the document carries it. */
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'enrolment_id', type: 'uuid' })
  enrolmentId: string;

  @ManyToOne(() => EnrolmentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'enrolment_id', foreignKeyConstraintName: 'written_proof_enrolment_fk' })
  enrolment?: Relation<EnrolmentEntity>;

  @Column({ name: 'authority_id', type: 'uuid' })
  authorityId: string;

  @ManyToOne(() => AuthorityEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'authority_id', foreignKeyConstraintName: 'written_proof_authority_fk' })
  authority?: Relation<AuthorityEntity>;

  @Column({ name: 'issued_at', type: 'timestamptz' })
  issuedAt: Date;

  /** The RFC 8785 canonical JSON of the signed document. */
  @Column({ type: 'text' })
  document: string;

  @Column({ type: 'char', length: 64 })
  sha256: string;

  @Column({ type: 'varchar', length: 128 })
  signature: string;

  @Column({ name: 'key_id', type: 'varchar', length: 128 })
  keyId: string;
}
