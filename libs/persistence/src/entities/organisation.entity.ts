import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation, Unique, UpdateDateColumn } from 'typeorm';
import { JurisdictionEntity } from './jurisdiction.entity.js';

@Entity('organisation')
@Unique('organisation_name_key', ['name'])
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
