import type { Role } from '@sandbridge/domain';
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
import { AuthorityEntity } from './authority.entity.js';
import { JurisdictionEntity } from './jurisdiction.entity.js';
import { OrganisationEntity } from './organisation.entity.js';

@Entity('account')
@Unique('account_email_key', ['email'])
@Check('account_role_check', `"role" IN ('ADMIN','REGULATOR','INNOVATOR','NEGOTIATOR')`)
// Each role is bound to exactly its own kind of tenant (docs/domain.md#roles-and-visibility); the database keeps it so.
@Check(
  'account_tenant_check',
  `("role" = 'ADMIN' AND "authority_id" IS NULL AND "organisation_id" IS NULL AND "jurisdiction_code" IS NULL)
  OR ("role" = 'REGULATOR' AND "authority_id" IS NOT NULL AND "organisation_id" IS NULL AND "jurisdiction_code" IS NULL)
  OR ("role" = 'INNOVATOR' AND "organisation_id" IS NOT NULL AND "authority_id" IS NULL AND "jurisdiction_code" IS NULL)
  OR ("role" = 'NEGOTIATOR' AND "jurisdiction_code" IS NOT NULL AND "authority_id" IS NULL AND "organisation_id" IS NULL)`,
)
export class AccountEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored lower-case: e-mail addresses compare case-insensitively here. */
  @Column({ type: 'varchar', length: 320 })
  email: string;

  @Column({ name: 'display_name', type: 'varchar', length: 200 })
  displayName: string;

  @Column({ name: 'password_hash', type: 'varchar', length: 300 })
  passwordHash: string;

  @Column({ type: 'varchar', length: 16 })
  role: Role;

  @Column({ name: 'authority_id', type: 'uuid', nullable: true })
  authorityId: string | null;

  @ManyToOne(() => AuthorityEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'authority_id', foreignKeyConstraintName: 'account_authority_fk' })
  authority?: Relation<AuthorityEntity>;

  @Column({ name: 'organisation_id', type: 'uuid', nullable: true })
  organisationId: string | null;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'account_organisation_fk' })
  organisation?: Relation<OrganisationEntity>;

  @Column({ name: 'jurisdiction_code', type: 'varchar', length: 16, nullable: true })
  jurisdictionCode: string | null;

  @ManyToOne(() => JurisdictionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'jurisdiction_code', foreignKeyConstraintName: 'account_jurisdiction_fk' })
  jurisdiction?: Relation<JurisdictionEntity>;

  /**
   * Every token carries the epoch it was issued in; raising it (password change, disabling,
   * revoking sessions) ends every token issued before.
   */
  @Column({ name: 'session_epoch', type: 'integer', default: 0 })
  sessionEpoch: number;

  /** Set while the account is disabled: it cannot sign in and its tokens are refused. */
  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
