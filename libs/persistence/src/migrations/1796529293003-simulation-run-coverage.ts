import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The distinct-system counts behind a recorded run's figures, which disclosure control reads. */
export class SimulationRunCoverage1796529293003 implements MigrationInterface {
  name = 'SimulationRunCoverage1796529293003';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "simulation_run" ADD "coverage" json');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "simulation_run" DROP COLUMN "coverage"');
  }
}
