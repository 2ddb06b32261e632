import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sessions that can end: every token carries the account's session epoch, and raising it (password
 * change, disabling, revoking sessions) ends every token issued before. A disabled account signs in
 * no more.
 */
export class AccountSessions1796529323000 implements MigrationInterface {
  name = 'AccountSessions1796529323000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "account" ADD "session_epoch" integer NOT NULL DEFAULT 0');
    await queryRunner.query('ALTER TABLE "account" ADD "disabled_at" TIMESTAMP WITH TIME ZONE');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "account" DROP COLUMN "disabled_at"');
    await queryRunner.query('ALTER TABLE "account" DROP COLUMN "session_epoch"');
  }
}
