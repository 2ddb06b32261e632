import type { Confidentiality, ExitReportStatus } from '@sandbridge/domain';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  type Relation,
  UpdateDateColumn,
} from 'typeorm';
import { AuthorityEntity } from './authority.entity.js';
import { EnrolmentEntity } from './enrolment.entity.js';

/** What the authority writes in a draft, kept as it was written. */
export interface ExitReportDraftSections {
  keyIssues: { confidentiality: Confidentiality; text: string } | null;
  seriousIncidents: { confidentiality: Confidentiality; text: string } | null;
  lessonsLearned: { confidentiality: Confidentiality; text: string } | null;
  /** How each serious incident was resolved, by incident id. */
  incidentOutcomes: { incidentId: string; outcome: string }[];
}

/**
 * One version of an authority's exit report on an enrolment (docs/domain.md#exit-documents):
 * DRAFT while the authority writes it, then ISSUED with its signed document and signed public
 * copy (canonical JSON text, the bytes signed), then SUPERSEDED by a corrected version. Once
 * issued, only its status (to SUPERSEDED), the superseding version and publication consent change:
 * a trigger refuses anything else.
 */
@Entity('exit_report')
@Index('exit_report_version_key', ['enrolmentId', 'authorityId', 'version'], { unique: true })
@Index('exit_report_one_draft_key', ['enrolmentId', 'authorityId'], { unique: true, where: `"status" = 'DRAFT'` })
@Index('exit_report_one_issued_key', ['enrolmentId', 'authorityId'], { unique: true, where: `"status" = 'ISSUED'` })
@Index('exit_report_published_idx', ['issuedAt', 'id'], {
  where: `"status" = 'ISSUED' AND "consented_at" IS NOT NULL AND "consent_withdrawn_at" IS NULL`,
})
@Check('exit_report_status_check', `"status" IN ('DRAFT','ISSUED','SUPERSEDED')`)
@Check(
  'exit_report_signed_check',
  `("status" = 'DRAFT') = ("document" IS NULL) AND ("document" IS NULL) = ("public_document" IS NULL)`,
)
export class ExitReportEntity {
  /** Chosen by the platform when the draft is created: the issued document carries it. */
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'enrolment_id', type: 'uuid' })
  enrolmentId: string;

  @ManyToOne(() => EnrolmentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'enrolment_id', foreignKeyConstraintName: 'exit_report_enrolment_fk' })
  enrolment?: Relation<EnrolmentEntity>;

  @Column({ name: 'authority_id', type: 'uuid' })
  authorityId: string;

  @ManyToOne(() => AuthorityEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'authority_id', foreignKeyConstraintName: 'exit_report_authority_fk' })
  authority?: Relation<AuthorityEntity>;

  /** 1, 2, … per enrolment and authority: a correction is the next version. */
  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'varchar', length: 16 })
  status: ExitReportStatus;

  /** Raised by every save of the draft: `issueExitReport` names the revision it signs. */
  @Column({ type: 'int', default: 1 })
  revision: number;

  @Column({ type: 'jsonb' })
  sections: ExitReportDraftSections;

  /** The issued version this one corrects. */
  @Column({ type: 'uuid', nullable: true })
  supersedes: string | null;

  @ManyToOne(() => ExitReportEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'supersedes', foreignKeyConstraintName: 'exit_report_supersedes_fk' })
  supersedesReport?: Relation<ExitReportEntity>;

  @Column({ name: 'superseded_by', type: 'uuid', nullable: true })
  supersededBy: string | null;

  @Column({ name: 'superseded_at', type: 'timestamptz', nullable: true })
  supersededAt: Date | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ name: 'issued_by', type: 'uuid', nullable: true })
  issuedBy: string | null;

  @Column({ name: 'issued_at', type: 'timestamptz', nullable: true })
  issuedAt: Date | null;

  /** The RFC 8785 canonical JSON of the signed document (null while DRAFT). */
  @Column({ type: 'text', nullable: true })
  document: string | null;

  @Column({ type: 'char', length: 64, nullable: true })
  sha256: string | null;

  @Column({ type: 'varchar', length: 128, nullable: true })
  signature: string | null;

  /** The key that signed both the document and its public copy. */
  @Column({ name: 'key_id', type: 'varchar', length: 128, nullable: true })
  keyId: string | null;

  /** The canonical JSON of the signed public copy (null while DRAFT). */
  @Column({ name: 'public_document', type: 'text', nullable: true })
  publicDocument: string | null;

  @Column({ name: 'public_sha256', type: 'char', length: 64, nullable: true })
  publicSha256: string | null;

  @Column({ name: 'public_signature', type: 'varchar', length: 128, nullable: true })
  publicSignature: string | null;

  /** When the innovator consented to publication (null: never, or consent given again after a withdrawal resets it). */
  @Column({ name: 'consented_at', type: 'timestamptz', nullable: true })
  consentedAt: Date | null;

  @Column({ name: 'consented_by', type: 'uuid', nullable: true })
  consentedBy: string | null;

  @Column({ name: 'consent_withdrawn_at', type: 'timestamptz', nullable: true })
  consentWithdrawnAt: Date | null;
}
