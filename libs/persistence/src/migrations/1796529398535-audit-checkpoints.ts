import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditCheckpoints1796529398535 implements MigrationInterface {
  name = 'AuditCheckpoints1796529398535';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"audit_checkpoint\" (\"id\" smallint NOT NULL, \"seq\" bigint NOT NULL, \"hash\" character(64) NOT NULL, \"at\" character varying(32) NOT NULL, \"sha256\" character(64) NOT NULL, \"signature\" character varying(128) NOT NULL, \"key_id\" character varying(128) NOT NULL, CONSTRAINT \"audit_checkpoint_single_row_check\" CHECK (\"id\" = 1), CONSTRAINT \"PK_9720e45bb755b61bb1ab7d43839\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE TABLE \"platform_key\" (\"purpose\" character varying(32) NOT NULL, \"private_key\" text NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_71eebdf810de5eacd4bb5468d68\" PRIMARY KEY (\"purpose\"))");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE \"platform_key\"");
    await queryRunner.query("DROP TABLE \"audit_checkpoint\"");
  }
}
