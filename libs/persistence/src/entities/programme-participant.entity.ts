import { CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { AuthorityEntity } from './authority.entity.js';
import { ProgrammeEntity } from './programme.entity.js';

/** An authority taking part in a programme (the lead is one too). */
@Entity('programme_participant')
@Index('programme_participant_authority_idx', ['authorityId'])
export class ProgrammeParticipantEntity {
  @PrimaryColumn({ name: 'programme_id', type: 'uuid' })
  programmeId: string;

  @PrimaryColumn({ name: 'authority_id', type: 'uuid' })
  authorityId: string;

  @ManyToOne(() => ProgrammeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'programme_id', foreignKeyConstraintName: 'programme_participant_programme_fk' })
  programme?: Relation<ProgrammeEntity>;

  @ManyToOne(() => AuthorityEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'authority_id', foreignKeyConstraintName: 'programme_participant_authority_fk' })
  authority?: Relation<AuthorityEntity>;

  @CreateDateColumn({ name: 'joined_at', type: 'timestamptz' })
  joinedAt: Date;
}
