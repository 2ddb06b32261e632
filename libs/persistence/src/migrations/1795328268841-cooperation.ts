import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Cooperation1795328268841 implements MigrationInterface {
  name = 'Cooperation1795328268841';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"audit_entry\" (\"seq\" bigint NOT NULL, \"id\" uuid NOT NULL, \"occurred_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"actor_account_id\" character varying(64), \"action\" character varying(64) NOT NULL, \"entity_type\" character varying(32) NOT NULL, \"entity_id\" character varying(64) NOT NULL, \"enrolment_id\" uuid, \"programme_id\" uuid, \"data\" jsonb NOT NULL, \"prev_hash\" character(64) NOT NULL, \"hash\" character(64) NOT NULL, CONSTRAINT \"PK_bb4ea39cbd1686232d5fdda3a01\" PRIMARY KEY (\"seq\"))");
    await queryRunner.query("CREATE INDEX \"audit_entry_actor_idx\" ON \"audit_entry\"  (\"actor_account_id\", \"seq\") ");
    await queryRunner.query("CREATE INDEX \"audit_entry_enrolment_idx\" ON \"audit_entry\"  (\"enrolment_id\", \"seq\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"audit_entry_id_key\" ON \"audit_entry\"  (\"id\") ");
    await queryRunner.query("CREATE TABLE \"incident\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"enrolment_id\" uuid NOT NULL, \"programme_id\" uuid NOT NULL, \"reported_by\" uuid NOT NULL, \"reporting_authority_id\" uuid, \"severity\" character varying(16) NOT NULL, \"description\" text NOT NULL, \"harm\" text, \"affected_jurisdictions\" text array NOT NULL DEFAULT '{}', \"reported_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"incident_severity_check\" CHECK (\"severity\" IN ('LOW','MEDIUM','HIGH','CRITICAL')), CONSTRAINT \"PK_5f90b28b0b8238d89ee8edcf96e\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"incident_enrolment_idx\" ON \"incident\"  (\"enrolment_id\", \"reported_at\") ");
    await queryRunner.query("ALTER TABLE \"incident\" ADD CONSTRAINT \"incident_enrolment_fk\" FOREIGN KEY (\"enrolment_id\") REFERENCES \"enrolment\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"incident\" DROP CONSTRAINT \"incident_enrolment_fk\"");
    await queryRunner.query("DROP INDEX \"public\".\"incident_enrolment_idx\"");
    await queryRunner.query("DROP TABLE \"incident\"");
    await queryRunner.query("DROP INDEX \"public\".\"audit_entry_id_key\"");
    await queryRunner.query("DROP INDEX \"public\".\"audit_entry_enrolment_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"audit_entry_actor_idx\"");
    await queryRunner.query("DROP TABLE \"audit_entry\"");
  }
}
