import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Simulations1796516528662 implements MigrationInterface {
  name = 'Simulations1796516528662';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"simulation_run\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"name\" character varying(200) NOT NULL, \"status\" character varying(16) NOT NULL, \"created_by\" uuid NOT NULL, \"jurisdiction_code\" character varying(16) NOT NULL, \"scenario\" json NOT NULL, \"population_kind\" character varying(16) NOT NULL, \"population_filter\" json, \"population_size\" integer NOT NULL, \"chunk_size\" integer NOT NULL, \"chunks_total\" integer NOT NULL, \"chunks_done\" integer NOT NULL DEFAULT '0', \"error\" text, \"result\" json, \"rerun_of\" uuid, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"started_at\" TIMESTAMP WITH TIME ZONE, \"finished_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"simulation_run_chunks_check\" CHECK (\"chunk_size\" > 0 AND \"chunks_done\" >= 0 AND \"chunks_done\" <= \"chunks_total\"), CONSTRAINT \"simulation_run_population_kind_check\" CHECK (\"population_kind\" IN ('EXPLICIT','SYNTHETIC','RECORDED')), CONSTRAINT \"simulation_run_status_check\" CHECK (\"status\" IN ('QUEUED','RUNNING','COMPLETED','FAILED','CANCELLED')), CONSTRAINT \"PK_2f730461a8eb5f44364d7f7e606\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"simulation_run_created_idx\" ON \"simulation_run\"  (\"created_at\", \"id\") ");
    await queryRunner.query("CREATE INDEX \"simulation_run_jurisdiction_idx\" ON \"simulation_run\"  (\"jurisdiction_code\", \"created_at\") ");
    await queryRunner.query("CREATE TABLE \"simulation_chunk\" (\"run_id\" uuid NOT NULL, \"chunk\" integer NOT NULL, \"partial\" json NOT NULL, \"attempts\" integer NOT NULL, \"stored_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_45fcbdcbb60b9231d87e1d6b976\" PRIMARY KEY (\"run_id\", \"chunk\"))");
    await queryRunner.query("ALTER TABLE \"simulation_run\" ADD CONSTRAINT \"simulation_run_created_by_fk\" FOREIGN KEY (\"created_by\") REFERENCES \"account\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"simulation_run\" ADD CONSTRAINT \"simulation_run_jurisdiction_fk\" FOREIGN KEY (\"jurisdiction_code\") REFERENCES \"jurisdiction\"(\"code\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"simulation_run\" ADD CONSTRAINT \"simulation_run_rerun_of_fk\" FOREIGN KEY (\"rerun_of\") REFERENCES \"simulation_run\"(\"id\") ON DELETE SET NULL ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"simulation_chunk\" ADD CONSTRAINT \"simulation_chunk_run_fk\" FOREIGN KEY (\"run_id\") REFERENCES \"simulation_run\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"simulation_chunk\" DROP CONSTRAINT \"simulation_chunk_run_fk\"");
    await queryRunner.query("ALTER TABLE \"simulation_run\" DROP CONSTRAINT \"simulation_run_rerun_of_fk\"");
    await queryRunner.query("ALTER TABLE \"simulation_run\" DROP CONSTRAINT \"simulation_run_jurisdiction_fk\"");
    await queryRunner.query("ALTER TABLE \"simulation_run\" DROP CONSTRAINT \"simulation_run_created_by_fk\"");
    await queryRunner.query("DROP TABLE \"simulation_chunk\"");
    await queryRunner.query("DROP INDEX \"public\".\"simulation_run_jurisdiction_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"simulation_run_created_idx\"");
    await queryRunner.query("DROP TABLE \"simulation_run\"");
  }
}
