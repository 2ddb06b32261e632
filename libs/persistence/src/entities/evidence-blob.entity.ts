import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

const bigintAsNumber = { to: (v: number) => v, from: (v: string) => Number(v) };

/**
 * The bytes of one evidence file, content-addressed: a file is stored once however many evidence
 * records (organisations, revisions) name it. Its bytes live in `evidence_chunk` rows; a blob is
 * COMPLETE only once every chunk is written and its SHA-256 is known — a blob still PENDING is an
 * upload in progress (or one interrupted, which nothing references and which is swept away).
 */
@Entity('evidence_blob')
@Index('evidence_blob_sha256_key', ['sha256'], { unique: true, where: `"status" = 'COMPLETE'` })
@Check('evidence_blob_status_check', `"status" IN ('PENDING','COMPLETE')`)
@Check('evidence_blob_complete_check', `"status" = 'PENDING' OR ("sha256" IS NOT NULL AND "size" > 0)`)
export class EvidenceBlobEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Hex SHA-256 of the bytes; null while the upload is in progress. */
  @Column({ type: 'char', length: 64, nullable: true })
  sha256: string | null;

  @Column({ type: 'bigint', transformer: bigintAsNumber, default: 0 })
  size: number;

  /** The media type detected from the content (never the client's claim). */
  @Column({ name: 'media_type', type: 'varchar', length: 127, nullable: true })
  mediaType: string | null;

  @Column({ name: 'chunk_count', type: 'int', default: 0 })
  chunkCount: number;

  @Column({ type: 'varchar', length: 10 })
  status: 'PENDING' | 'COMPLETE';

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
