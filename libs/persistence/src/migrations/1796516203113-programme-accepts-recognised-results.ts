import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ProgrammeAcceptsRecognisedResults1796516203113 implements MigrationInterface {
  name = 'ProgrammeAcceptsRecognisedResults1796516203113';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"programme\" ADD \"accepts_recognised_results\" boolean NOT NULL DEFAULT false");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"programme\" DROP COLUMN \"accepts_recognised_results\"");
  }
}
