import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { EvidenceBlobEntity } from './evidence-blob.entity.js';

/** One chunk of a blob's bytes, in order (`seq` from 0). */
@Entity('evidence_chunk')
export class EvidenceChunkEntity {
  @PrimaryColumn({ name: 'blob_id', type: 'uuid' })
  blobId: string;

  @PrimaryColumn({ type: 'int' })
  seq: number;

  @ManyToOne(() => EvidenceBlobEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'blob_id', foreignKeyConstraintName: 'evidence_chunk_blob_fk' })
  blob?: Relation<EvidenceBlobEntity>;

  @Column({ type: 'bytea' })
  data: Buffer;
}
