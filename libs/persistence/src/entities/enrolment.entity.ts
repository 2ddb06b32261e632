import type { EnrolmentState } from '@sandbridge/domain';
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
import { AiSystemEntity } from './ai-system.entity.js';
import { OrganisationEntity } from './organisation.entity.js';
import { ProgrammeEntity } from './programme.entity.js';

const STATES = `'DRAFT','SUBMITTED','UNDER_REVIEW','TESTING','EXIT_REVIEW','SUSPENDED','EXITED','DECLINED','WITHDRAWN'`;

/** One AI system in one programme, with one track per targeted authority (docs/domain.md#programmes-and-the-enrolment-lifecycle). */
@Entity('enrolment')
@Index('enrolment_programme_state_idx', ['programmeId', 'state'])
@Index('enrolment_organisation_idx', ['organisationId'])
// A system applies to a programme once at a time: a new application only after withdrawal or decline.
@Index('enrolment_active_system_key', ['programmeId', 'aiSystemId'], {
  unique: true,
  where: `"state" NOT IN ('WITHDRAWN','DECLINED')`,
})
@Check('enrolment_state_check', `"state" IN (${STATES})`)
@Check('enrolment_resume_state_check', `"resume_state" IS NULL OR "resume_state" IN ('TESTING','EXIT_REVIEW')`)
export class EnrolmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'programme_id', type: 'uuid' })
  programmeId: string;

  @ManyToOne(() => ProgrammeEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'programme_id', foreignKeyConstraintName: 'enrolment_programme_fk' })
  programme?: Relation<ProgrammeEntity>;

  @Column({ name: 'ai_system_id', type: 'uuid' })
  aiSystemId: string;

  @ManyToOne(() => AiSystemEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'ai_system_id', foreignKeyConstraintName: 'enrolment_ai_system_fk' })
  aiSystem?: Relation<AiSystemEntity>;

  /** The system's organisation, kept here so tenancy checks need no join. */
  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'enrolment_organisation_fk' })
  organisation?: Relation<OrganisationEntity>;

  @Column({ type: 'varchar', length: 16 })
  state: EnrolmentState;

  /** Where a SUSPENDED enrolment returns on resume. */
  @Column({ name: 'resume_state', type: 'varchar', length: 16, nullable: true })
  resumeState: EnrolmentState | null;

  /** Optimistic lock: every decision names the version it saw (`expectedVersion`). */
  @Column({ type: 'int', default: 1 })
  version: number;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ name: 'testing_started_at', type: 'timestamptz', nullable: true })
  testingStartedAt: Date | null;

  @Column({ name: 'exited_at', type: 'timestamptz', nullable: true })
  exitedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
