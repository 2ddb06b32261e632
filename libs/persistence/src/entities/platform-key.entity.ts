import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * A key the platform generated for itself outside production (no key configured), kept so that
 * every restart and every instance on this database signs with the same key. Production keys come
 * from configuration and are never stored here.
 */
@Entity('platform_key')
export class PlatformKeyEntity {
  /** What the key is for: `signing`. */
  @PrimaryColumn({ type: 'varchar', length: 32 })
  purpose: string;

  /** PKCS#8 PEM. */
  @Column({ name: 'private_key', type: 'text' })
  privateKey: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
