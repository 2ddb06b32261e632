import type { RiskClass } from '@sandbridge/domain';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { OrganisationEntity } from './organisation.entity.js';

@Entity('ai_system')
@Unique('ai_system_organisation_name_key', ['organisationId', 'name'])
@Check('ai_system_risk_class_check', `"risk_class" IN ('UNACCEPTABLE','HIGH','LIMITED','MINIMAL')`)
export class AiSystemEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'ai_system_organisation_fk' })
  organisation?: Relation<OrganisationEntity>;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 40 })
  sector: string;

  @Column({ name: 'intended_purpose', type: 'text' })
  intendedPurpose: string;

  @Column({ name: 'risk_class', type: 'varchar', length: 16 })
  riskClass: RiskClass;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
