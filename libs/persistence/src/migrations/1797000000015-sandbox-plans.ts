import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sandbox plans: the versions of each enrolment's plan (content as proposed, status) and each
 * admitting authority's decision on a proposed version; a test report records the plan version in
 * force when it was submitted (null for reports made before plans were recorded). Enrolments already
 * testing have no plan: their innovators propose one, and reports wait until it is agreed.
 */
export class SandboxPlans1797000000015 implements MigrationInterface {
  name = 'SandboxPlans1797000000015';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"sandbox_plan\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"enrolment_id\" uuid NOT NULL, \"version\" integer NOT NULL, \"status\" character varying(20) NOT NULL, \"amends\" integer, \"extension\" boolean NOT NULL DEFAULT false, \"reasons\" text, \"start_day\" date NOT NULL, \"end_day\" date NOT NULL, \"content\" jsonb NOT NULL, \"proposed_by\" uuid NOT NULL, \"proposed_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"decided_at\" TIMESTAMP WITH TIME ZONE, \"superseded_at\" TIMESTAMP WITH TIME ZONE, \"superseded_by\" integer, CONSTRAINT \"sandbox_plan_timeline_check\" CHECK (\"start_day\" <= \"end_day\"), CONSTRAINT \"sandbox_plan_version_check\" CHECK (\"version\" >= 1 AND (\"amends\" IS NULL OR \"amends\" < \"version\")), CONSTRAINT \"sandbox_plan_status_check\" CHECK (\"status\" IN ('DRAFT','PROPOSED','CHANGES_REQUESTED','AGREED','SUPERSEDED')), CONSTRAINT \"PK_147fde1e6e45c7f08a7c6023aaa\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"sandbox_plan_one_agreed_key\" ON \"sandbox_plan\"  (\"enrolment_id\") WHERE \"status\" = 'AGREED'");
    await queryRunner.query("CREATE UNIQUE INDEX \"sandbox_plan_one_proposed_key\" ON \"sandbox_plan\"  (\"enrolment_id\") WHERE \"status\" = 'PROPOSED'");
    await queryRunner.query("CREATE UNIQUE INDEX \"sandbox_plan_version_key\" ON \"sandbox_plan\"  (\"enrolment_id\", \"version\") ");
    await queryRunner.query("CREATE TABLE \"sandbox_plan_approval\" (\"plan_id\" uuid NOT NULL, \"authority_id\" uuid NOT NULL, \"decision\" character varying(20) NOT NULL, \"reasons\" text, \"decided_by\" uuid NOT NULL, \"decided_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"sandbox_plan_approval_reasons_check\" CHECK (\"decision\" <> 'CHANGES_REQUESTED' OR (\"reasons\" IS NOT NULL AND length(trim(\"reasons\")) > 0)), CONSTRAINT \"sandbox_plan_approval_decision_check\" CHECK (\"decision\" IN ('APPROVED','CHANGES_REQUESTED')), CONSTRAINT \"PK_bb2d6f631a7ae227873916c4a90\" PRIMARY KEY (\"plan_id\", \"authority_id\"))");
    await queryRunner.query("ALTER TABLE \"test_report\" ADD \"plan_version\" integer");
    await queryRunner.query("ALTER TABLE \"sandbox_plan\" ADD CONSTRAINT \"sandbox_plan_enrolment_fk\" FOREIGN KEY (\"enrolment_id\") REFERENCES \"enrolment\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"sandbox_plan_approval\" ADD CONSTRAINT \"sandbox_plan_approval_plan_fk\" FOREIGN KEY (\"plan_id\") REFERENCES \"sandbox_plan\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"sandbox_plan_approval\" ADD CONSTRAINT \"sandbox_plan_approval_authority_fk\" FOREIGN KEY (\"authority_id\") REFERENCES \"authority\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"sandbox_plan_approval\" DROP CONSTRAINT \"sandbox_plan_approval_authority_fk\"");
    await queryRunner.query("ALTER TABLE \"sandbox_plan_approval\" DROP CONSTRAINT \"sandbox_plan_approval_plan_fk\"");
    await queryRunner.query("ALTER TABLE \"sandbox_plan\" DROP CONSTRAINT \"sandbox_plan_enrolment_fk\"");
    await queryRunner.query("ALTER TABLE \"test_report\" DROP COLUMN \"plan_version\"");
    await queryRunner.query("DROP TABLE \"sandbox_plan_approval\"");
    await queryRunner.query("DROP INDEX \"public\".\"sandbox_plan_version_key\"");
    await queryRunner.query("DROP INDEX \"public\".\"sandbox_plan_one_proposed_key\"");
    await queryRunner.query("DROP INDEX \"public\".\"sandbox_plan_one_agreed_key\"");
    await queryRunner.query("DROP TABLE \"sandbox_plan\"");
  }
}
