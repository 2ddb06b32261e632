import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A criterion version counts the edits of its draft (`revision`, from 1): an edit that names the
 * revision it read is refused with CONFLICT when a colleague's edit landed first. Existing rows
 * start at 1.
 */
export class CriterionRevision1796600000000 implements MigrationInterface {
  name = 'CriterionRevision1796600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "criterion" ADD "revision" integer NOT NULL DEFAULT '1'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "criterion" DROP COLUMN "revision"');
  }
}
