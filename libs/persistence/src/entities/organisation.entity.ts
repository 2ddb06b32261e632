import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
  UpdateDateColumn,
} from 'typeorm';
import { JurisdictionEntity } from './jurisdiction.entity.js';

@Entity('organisation')
// Names are not unique in the database: administrators are refused a clash (they see every
// organisation), an innovator's rename is not (it may not learn that another organisation exists).
export class OrganisationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ name: 'home_jurisdiction_code', type: 'varchar', length: 16 })
  homeJurisdictionCode: string;

  @ManyToOne(() => JurisdictionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'home_jurisdiction_code', foreignKeyConstraintName: 'organisation_home_jurisdiction_fk' })
  homeJurisdiction?: Relation<JurisdictionEntity>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
