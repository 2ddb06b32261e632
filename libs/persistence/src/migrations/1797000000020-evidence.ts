import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Evidence files (docs/domain.md#evidence): content-addressed blobs stored in chunks, each owner's
 * evidence records over them (metadata, revisions), and the references from entry and test results
 * and from sandbox-plan sections.
 */
export class Evidence1797000000020 implements MigrationInterface {
  name = 'Evidence1797000000020';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"evidence_blob\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"sha256\" character(64), \"size\" bigint NOT NULL DEFAULT '0', \"media_type\" character varying(127), \"chunk_count\" integer NOT NULL DEFAULT '0', \"status\" character varying(10) NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"evidence_blob_complete_check\" CHECK (\"status\" = 'PENDING' OR (\"sha256\" IS NOT NULL AND \"size\" > 0)), CONSTRAINT \"evidence_blob_status_check\" CHECK (\"status\" IN ('PENDING','COMPLETE')), CONSTRAINT \"PK_54b655fc38c48f0d07006dc9de5\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"evidence_blob_sha256_key\" ON \"evidence_blob\"  (\"sha256\") WHERE \"status\" = 'COMPLETE'");
    await queryRunner.query("CREATE TABLE \"evidence\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"blob_id\" uuid NOT NULL, \"sha256\" character(64) NOT NULL, \"size\" bigint NOT NULL, \"media_type\" character varying(127) NOT NULL, \"organisation_id\" uuid, \"authority_id\" uuid, \"filename\" character varying(255) NOT NULL, \"title\" character varying(300) NOT NULL, \"effective_day\" date NOT NULL, \"expiry_day\" date, \"supersedes_id\" uuid, \"uploaded_by\" uuid NOT NULL, \"uploaded_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"version\" integer NOT NULL DEFAULT '1', CONSTRAINT \"evidence_days_check\" CHECK (\"expiry_day\" IS NULL OR \"effective_day\" <= \"expiry_day\"), CONSTRAINT \"evidence_owner_check\" CHECK ((\"organisation_id\" IS NULL) <> (\"authority_id\" IS NULL)), CONSTRAINT \"PK_b864cb5d49854f89917fc0b44b9\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"evidence_supersedes_idx\" ON \"evidence\"  (\"supersedes_id\") ");
    await queryRunner.query("CREATE INDEX \"evidence_authority_uploaded_idx\" ON \"evidence\"  (\"authority_id\", \"uploaded_at\", \"id\") ");
    await queryRunner.query("CREATE INDEX \"evidence_organisation_uploaded_idx\" ON \"evidence\"  (\"organisation_id\", \"uploaded_at\", \"id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"evidence_authority_sha256_key\" ON \"evidence\"  (\"authority_id\", \"sha256\") WHERE \"authority_id\" IS NOT NULL");
    await queryRunner.query("CREATE UNIQUE INDEX \"evidence_organisation_sha256_key\" ON \"evidence\"  (\"organisation_id\", \"sha256\") WHERE \"organisation_id\" IS NOT NULL");
    await queryRunner.query("CREATE TABLE \"evidence_chunk\" (\"blob_id\" uuid NOT NULL, \"seq\" integer NOT NULL, \"data\" bytea NOT NULL, CONSTRAINT \"PK_3e7f70da3e1a103dfc3f8e52e9f\" PRIMARY KEY (\"blob_id\", \"seq\"))");
    await queryRunner.query("CREATE TABLE \"sandbox_plan_evidence\" (\"plan_id\" uuid NOT NULL, \"section\" character varying(40) NOT NULL, \"evidence_id\" uuid NOT NULL, CONSTRAINT \"PK_f0f7781d02d0caa5c77523f444f\" PRIMARY KEY (\"plan_id\", \"section\", \"evidence_id\"))");
    await queryRunner.query("CREATE INDEX \"sandbox_plan_evidence_evidence_idx\" ON \"sandbox_plan_evidence\"  (\"evidence_id\") ");
    await queryRunner.query("ALTER TABLE \"entry_result\" ADD \"evidence_id\" uuid");
    await queryRunner.query("ALTER TABLE \"test_result\" ADD \"evidence_id\" uuid");
    await queryRunner.query("CREATE INDEX \"entry_result_evidence_idx\" ON \"entry_result\"  (\"evidence_id\") ");
    await queryRunner.query("CREATE INDEX \"test_result_evidence_idx\" ON \"test_result\"  (\"evidence_id\") ");
    await queryRunner.query("ALTER TABLE \"evidence\" ADD CONSTRAINT \"evidence_blob_fk\" FOREIGN KEY (\"blob_id\") REFERENCES \"evidence_blob\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"evidence\" ADD CONSTRAINT \"evidence_organisation_fk\" FOREIGN KEY (\"organisation_id\") REFERENCES \"organisation\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"evidence\" ADD CONSTRAINT \"evidence_authority_fk\" FOREIGN KEY (\"authority_id\") REFERENCES \"authority\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"evidence\" ADD CONSTRAINT \"evidence_supersedes_fk\" FOREIGN KEY (\"supersedes_id\") REFERENCES \"evidence\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"entry_result\" ADD CONSTRAINT \"entry_result_evidence_fk\" FOREIGN KEY (\"evidence_id\") REFERENCES \"evidence\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"test_result\" ADD CONSTRAINT \"test_result_evidence_fk\" FOREIGN KEY (\"evidence_id\") REFERENCES \"evidence\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"evidence_chunk\" ADD CONSTRAINT \"evidence_chunk_blob_fk\" FOREIGN KEY (\"blob_id\") REFERENCES \"evidence_blob\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"sandbox_plan_evidence\" ADD CONSTRAINT \"sandbox_plan_evidence_plan_fk\" FOREIGN KEY (\"plan_id\") REFERENCES \"sandbox_plan\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"sandbox_plan_evidence\" ADD CONSTRAINT \"sandbox_plan_evidence_evidence_fk\" FOREIGN KEY (\"evidence_id\") REFERENCES \"evidence\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"sandbox_plan_evidence\" DROP CONSTRAINT \"sandbox_plan_evidence_evidence_fk\"");
    await queryRunner.query("ALTER TABLE \"sandbox_plan_evidence\" DROP CONSTRAINT \"sandbox_plan_evidence_plan_fk\"");
    await queryRunner.query("ALTER TABLE \"evidence_chunk\" DROP CONSTRAINT \"evidence_chunk_blob_fk\"");
    await queryRunner.query("ALTER TABLE \"test_result\" DROP CONSTRAINT \"test_result_evidence_fk\"");
    await queryRunner.query("ALTER TABLE \"entry_result\" DROP CONSTRAINT \"entry_result_evidence_fk\"");
    await queryRunner.query("ALTER TABLE \"evidence\" DROP CONSTRAINT \"evidence_supersedes_fk\"");
    await queryRunner.query("ALTER TABLE \"evidence\" DROP CONSTRAINT \"evidence_authority_fk\"");
    await queryRunner.query("ALTER TABLE \"evidence\" DROP CONSTRAINT \"evidence_organisation_fk\"");
    await queryRunner.query("ALTER TABLE \"evidence\" DROP CONSTRAINT \"evidence_blob_fk\"");
    await queryRunner.query("DROP INDEX \"public\".\"test_result_evidence_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"entry_result_evidence_idx\"");
    await queryRunner.query("ALTER TABLE \"test_result\" DROP COLUMN \"evidence_id\"");
    await queryRunner.query("ALTER TABLE \"entry_result\" DROP COLUMN \"evidence_id\"");
    await queryRunner.query("DROP INDEX \"public\".\"sandbox_plan_evidence_evidence_idx\"");
    await queryRunner.query("DROP TABLE \"sandbox_plan_evidence\"");
    await queryRunner.query("DROP TABLE \"evidence_chunk\"");
    await queryRunner.query("DROP INDEX \"public\".\"evidence_organisation_sha256_key\"");
    await queryRunner.query("DROP INDEX \"public\".\"evidence_authority_sha256_key\"");
    await queryRunner.query("DROP INDEX \"public\".\"evidence_organisation_uploaded_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"evidence_authority_uploaded_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"evidence_supersedes_idx\"");
    await queryRunner.query("DROP TABLE \"evidence\"");
    await queryRunner.query("DROP INDEX \"public\".\"evidence_blob_sha256_key\"");
    await queryRunner.query("DROP TABLE \"evidence_blob\"");
  }
}
