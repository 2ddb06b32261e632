import {
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
import { JurisdictionEntity } from './jurisdiction.entity.js';

@Entity('authority')
@Index('authority_jurisdiction_name_key', ['jurisdictionCode', 'name'], { unique: true })
export class AuthorityEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'jurisdiction_code', type: 'varchar', length: 16 })
  jurisdictionCode: string;

  @ManyToOne(() => JurisdictionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'jurisdiction_code', foreignKeyConstraintName: 'authority_jurisdiction_fk' })
  jurisdiction?: Relation<JurisdictionEntity>;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 32 })
  acronym: string;

  /** Sector remit, e.g. FINANCE, HEALTH; empty = cross-sector. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  sectors: string[];

  @Column({ type: 'varchar', length: 500, nullable: true })
  website: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
