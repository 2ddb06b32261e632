import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the administrators' audit trail filters (by action; by entity, which also serves an
 * agreement's history; by date range) and for the platform health page's count of unfinished
 * simulation runs (a partial index: finished runs, the vast majority, are not in it).
 */
export class AuditFiltersAndHealth1797000000040 implements MigrationInterface {
  name = 'AuditFiltersAndHealth1797000000040';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "audit_entry_action_idx" ON "audit_entry" ("action", "seq") `);
    await queryRunner.query(
      `CREATE INDEX "audit_entry_entity_idx" ON "audit_entry" ("entity_type", "entity_id", "seq") `,
    );
    await queryRunner.query(`CREATE INDEX "audit_entry_occurred_idx" ON "audit_entry" ("occurred_at") `);
    await queryRunner.query(
      `CREATE INDEX "simulation_run_unfinished_idx" ON "simulation_run" ("status") WHERE "status" IN ('QUEUED','RUNNING')`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."simulation_run_unfinished_idx"`);
    await queryRunner.query(`DROP INDEX "public"."audit_entry_occurred_idx"`);
    await queryRunner.query(`DROP INDEX "public"."audit_entry_entity_idx"`);
    await queryRunner.query(`DROP INDEX "public"."audit_entry_action_idx"`);
  }
}
