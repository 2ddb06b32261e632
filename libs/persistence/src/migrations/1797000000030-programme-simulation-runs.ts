import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Programme design simulations run as jobs on the recognition simulations' machinery: one table of
 * runs and one of chunk partials for both, told apart by `kind`. A separate pair of tables would have
 * duplicated every column, the idempotent chunk store, the resume at start-up and the cancel path;
 * the index serves a caller's own runs of one kind, newest first.
 */
export class ProgrammeSimulationRuns1797000000030 implements MigrationInterface {
  name = 'ProgrammeSimulationRuns1797000000030';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "simulation_run" ADD "kind" character varying(16) NOT NULL DEFAULT 'RECOGNITION'`);
    await queryRunner.query(
      `ALTER TABLE "simulation_run" ADD CONSTRAINT "simulation_run_kind_check" CHECK ("kind" IN ('RECOGNITION','PROGRAMME'))`,
    );
    await queryRunner.query(
      `CREATE INDEX "simulation_run_creator_idx" ON "simulation_run" ("created_by", "kind", "created_at") `,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."simulation_run_creator_idx"`);
    await queryRunner.query(`ALTER TABLE "simulation_run" DROP CONSTRAINT "simulation_run_kind_check"`);
    await queryRunner.query(`ALTER TABLE "simulation_run" DROP COLUMN "kind"`);
  }
}
