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
import { AuthorityEntity } from './authority.entity.js';
import { EvidenceBlobEntity } from './evidence-blob.entity.js';
import { OrganisationEntity } from './organisation.entity.js';

const bigintAsNumber = { to: (v: number) => v, from: (v: string) => Number(v) };

/**
 * One evidence file as its owner knows it (docs/domain.md#evidence): the stored bytes (a blob, by
 * SHA-256) and the owner's metadata. The owner is an organisation (an innovator's files) or an
 * authority (a regulator's own documents), never both. One owner holds a given file once: uploading
 * the same bytes again answers the existing record. A revision is a new record that `supersedes` the
 * earlier one; the earlier one is never changed or deleted (results may name it).
 */
@Entity('evidence')
@Index('evidence_organisation_sha256_key', ['organisationId', 'sha256'], {
  unique: true,
  where: `"organisation_id" IS NOT NULL`,
})
@Index('evidence_authority_sha256_key', ['authorityId', 'sha256'], {
  unique: true,
  where: `"authority_id" IS NOT NULL`,
})
@Index('evidence_organisation_uploaded_idx', ['organisationId', 'uploadedAt', 'id'])
@Index('evidence_authority_uploaded_idx', ['authorityId', 'uploadedAt', 'id'])
@Index('evidence_supersedes_idx', ['supersedesId'])
@Check('evidence_owner_check', `("organisation_id" IS NULL) <> ("authority_id" IS NULL)`)
@Check('evidence_days_check', `"expiry_day" IS NULL OR "effective_day" <= "expiry_day"`)
export class EvidenceEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'blob_id', type: 'uuid' })
  blobId: string;

  @ManyToOne(() => EvidenceBlobEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'blob_id', foreignKeyConstraintName: 'evidence_blob_fk' })
  blob?: Relation<EvidenceBlobEntity>;

  /** The blob's hash and size, copied so that listing and checking a stated hash need no join. */
  @Column({ type: 'char', length: 64 })
  sha256: string;

  @Column({ type: 'bigint', transformer: bigintAsNumber })
  size: number;

  @Column({ name: 'media_type', type: 'varchar', length: 127 })
  mediaType: string;

  @Column({ name: 'organisation_id', type: 'uuid', nullable: true })
  organisationId: string | null;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'evidence_organisation_fk' })
  organisation?: Relation<OrganisationEntity>;

  @Column({ name: 'authority_id', type: 'uuid', nullable: true })
  authorityId: string | null;

  @ManyToOne(() => AuthorityEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'authority_id', foreignKeyConstraintName: 'evidence_authority_fk' })
  authority?: Relation<AuthorityEntity>;

  /** The uploader's file name, sanitised: metadata only, never a path. */
  @Column({ type: 'varchar', length: 255 })
  filename: string;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  /** The day the evidence speaks for. */
  @Column({ name: 'effective_day', type: 'date' })
  effectiveDay: string;

  /** The last day it may be relied on; null: it does not expire. */
  @Column({ name: 'expiry_day', type: 'date', nullable: true })
  expiryDay: string | null;

  @Column({ name: 'supersedes_id', type: 'uuid', nullable: true })
  supersedesId: string | null;

  @ManyToOne(() => EvidenceEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'supersedes_id', foreignKeyConstraintName: 'evidence_supersedes_fk' })
  supersedes?: Relation<EvidenceEntity>;

  @Column({ name: 'uploaded_by', type: 'uuid' })
  uploadedBy: string;

  @CreateDateColumn({ name: 'uploaded_at', type: 'timestamptz' })
  uploadedAt: Date;

  /** Bumped by every metadata change (optimistic concurrency for `updateEvidenceMetadata`). */
  @Column({ type: 'int', default: 1 })
  version: number;
}
