import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The work queue reads the reports submitted to one authority and not reviewed yet, on every call:
 * a partial index keeps that read to the reports still waiting, however many were reviewed.
 */
export class ReportsAwaitingReview1797000000010 implements MigrationInterface {
  name = 'ReportsAwaitingReview1797000000010';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "test_report_awaiting_review_idx" ON "test_report" ("submitted_to") WHERE "status" = 'SUBMITTED'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."test_report_awaiting_review_idx"');
  }
}
