import type { JointEntryRule, ProgrammeStatus } from '@sandbridge/domain';
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
  UpdateDateColumn,
} from 'typeorm';
import { AuthorityEntity } from './authority.entity.js';

/** A sandbox programme run jointly by several authorities (docs/domain.md#programmes-and-the-enrolment-lifecycle). */
@Entity('programme')
// Names are unique where they are seen: among published (non-DRAFT) programmes, which everyone
// sees, and among one lead authority's programmes. Two authorities' drafts may share a name, so
// creating one never reveals a draft its creator may not see.
@Index('programme_public_name_key', ['name'], { unique: true, where: `"status" <> 'DRAFT'` })
@Index('programme_lead_name_key', ['leadAuthorityId', 'name'], { unique: true })
@Index('programme_status_idx', ['status'])
@Check('programme_status_check', `"status" IN ('DRAFT','OPEN','RUNNING','CLOSED')`)
@Check('programme_joint_entry_rule_check', `"joint_entry_rule" IN ('EACH_AUTHORITY','UNANIMOUS','LEAD_DECIDES')`)
@Check(
  'programme_window_check',
  `"application_closes" IS NULL OR "application_opens" IS NULL OR "application_opens" <= "application_closes"`,
)
@Check('programme_capacity_check', `"cohort_capacity" >= 1 AND "max_testing_days" >= 1`)
export class ProgrammeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ name: 'lead_authority_id', type: 'uuid' })
  leadAuthorityId: string;

  @ManyToOne(() => AuthorityEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'lead_authority_id', foreignKeyConstraintName: 'programme_lead_authority_fk' })
  leadAuthority?: Relation<AuthorityEntity>;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  sectors: string[];

  /** UTC days, `YYYY-MM-DD`; null = open-ended. */
  @Column({ name: 'application_opens', type: 'date', nullable: true })
  applicationOpens: string | null;

  @Column({ name: 'application_closes', type: 'date', nullable: true })
  applicationCloses: string | null;

  @Column({ name: 'max_testing_days', type: 'int' })
  maxTestingDays: number;

  @Column({ name: 'cohort_capacity', type: 'int' })
  cohortCapacity: number;

  @Column({ name: 'joint_entry_rule', type: 'varchar', length: 16 })
  jointEntryRule: JointEntryRule;

  @Column({ type: 'varchar', length: 16 })
  status: ProgrammeStatus;

  /** Entry and exit evaluation also count results recognised through agreements in force (docs/domain.md#recognition). */
  @Column({ name: 'accepts_recognised_results', type: 'boolean', default: false })
  acceptsRecognisedResults: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
