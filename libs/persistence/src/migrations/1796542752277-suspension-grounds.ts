import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A suspended track records the ground of its suspension (BREACH_OF_PLAN, UNMITIGABLE_RISK or
 * PARTICIPANT_REQUEST), the reasons and when it happened. Tracks suspended before keep null: their
 * reasons are in the audit trail.
 */
export class SuspensionGrounds1796542752277 implements MigrationInterface {
  name = 'SuspensionGrounds1796542752277';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "enrolment_track" ADD "suspension_ground" character varying(24)');
    await queryRunner.query('ALTER TABLE "enrolment_track" ADD "suspension_reasons" text');
    await queryRunner.query('ALTER TABLE "enrolment_track" ADD "suspended_at" TIMESTAMP WITH TIME ZONE');
    await queryRunner.query(
      `ALTER TABLE "enrolment_track" ADD CONSTRAINT "enrolment_track_suspension_ground_check" CHECK ("suspension_ground" IS NULL OR "suspension_ground" IN ('BREACH_OF_PLAN','UNMITIGABLE_RISK','PARTICIPANT_REQUEST'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "enrolment_track" DROP CONSTRAINT "enrolment_track_suspension_ground_check"');
    await queryRunner.query('ALTER TABLE "enrolment_track" DROP COLUMN "suspended_at"');
    await queryRunner.query('ALTER TABLE "enrolment_track" DROP COLUMN "suspension_reasons"');
    await queryRunner.query('ALTER TABLE "enrolment_track" DROP COLUMN "suspension_ground"');
  }
}
