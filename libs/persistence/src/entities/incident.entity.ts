import type { IncidentSeverity } from '@sandbridge/domain';
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
import { EnrolmentEntity } from './enrolment.entity.js';

/** An incident during testing, shared with every participating authority at once (docs/domain.md#cooperation). */
@Entity('incident')
@Index('incident_enrolment_idx', ['enrolmentId', 'reportedAt'])
@Check('incident_severity_check', `"severity" IN ('LOW','MEDIUM','HIGH','CRITICAL')`)
export class IncidentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'enrolment_id', type: 'uuid' })
  enrolmentId: string;

  @ManyToOne(() => EnrolmentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'enrolment_id', foreignKeyConstraintName: 'incident_enrolment_fk' })
  enrolment?: Relation<EnrolmentEntity>;

  @Column({ name: 'programme_id', type: 'uuid' })
  programmeId: string;

  @Column({ name: 'reported_by', type: 'uuid' })
  reportedBy: string;

  /** The reporting regulator's authority; null when the innovator reported it. */
  @Column({ name: 'reporting_authority_id', type: 'uuid', nullable: true })
  reportingAuthorityId: string | null;

  @Column({ type: 'varchar', length: 16 })
  severity: IncidentSeverity;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'text', nullable: true })
  harm: string | null;

  @Column({ name: 'affected_jurisdictions', type: 'text', array: true, default: () => "'{}'" })
  affectedJurisdictions: string[];

  @CreateDateColumn({ name: 'reported_at', type: 'timestamptz' })
  reportedAt: Date;
}
