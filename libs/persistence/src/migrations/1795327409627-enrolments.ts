import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Enrolments1795327409627 implements MigrationInterface {
  name = 'Enrolments1795327409627';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"enrolment\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"programme_id\" uuid NOT NULL, \"ai_system_id\" uuid NOT NULL, \"organisation_id\" uuid NOT NULL, \"state\" character varying(16) NOT NULL, \"resume_state\" character varying(16), \"version\" integer NOT NULL DEFAULT '1', \"submitted_at\" TIMESTAMP WITH TIME ZONE, \"testing_started_at\" TIMESTAMP WITH TIME ZONE, \"exited_at\" TIMESTAMP WITH TIME ZONE, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"enrolment_resume_state_check\" CHECK (\"resume_state\" IS NULL OR \"resume_state\" IN ('TESTING','EXIT_REVIEW')), CONSTRAINT \"enrolment_state_check\" CHECK (\"state\" IN ('DRAFT','SUBMITTED','UNDER_REVIEW','TESTING','EXIT_REVIEW','SUSPENDED','EXITED','DECLINED','WITHDRAWN')), CONSTRAINT \"PK_5d2679f6c891d77c58aa0e05f2b\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"enrolment_active_system_key\" ON \"enrolment\"  (\"programme_id\", \"ai_system_id\") WHERE \"state\" NOT IN ('WITHDRAWN','DECLINED')");
    await queryRunner.query("CREATE INDEX \"enrolment_organisation_idx\" ON \"enrolment\"  (\"organisation_id\") ");
    await queryRunner.query("CREATE INDEX \"enrolment_programme_state_idx\" ON \"enrolment\"  (\"programme_id\", \"state\") ");
    await queryRunner.query("CREATE TABLE \"enrolment_track\" (\"enrolment_id\" uuid NOT NULL, \"authority_id\" uuid NOT NULL, \"state\" character varying(16) NOT NULL, \"suspended_by\" uuid, \"entry_decision\" character varying(8), \"entry_reasons\" text, \"entry_justification\" text, \"entry_unmet_criteria\" uuid array NOT NULL DEFAULT '{}', \"entry_decided_by\" uuid, \"entry_decided_at\" TIMESTAMP WITH TIME ZONE, \"exit_decision\" character varying(24), \"exit_reasons\" text, \"exit_decided_by\" uuid, \"exit_decided_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"enrolment_track_exit_decision_check\" CHECK (\"exit_decision\" IS NULL OR \"exit_decision\" IN ('AUTHORISED','REJECTED','EXTENDED','REFINEMENT_REQUIRED')), CONSTRAINT \"enrolment_track_entry_decision_check\" CHECK (\"entry_decision\" IS NULL OR \"entry_decision\" IN ('ADMIT','DECLINE')), CONSTRAINT \"enrolment_track_state_check\" CHECK (\"state\" IN ('PENDING','ADMITTED','DECLINED','SUSPENDED','AUTHORISED','REJECTED')), CONSTRAINT \"PK_43e514acd6381222ba23ec75e40\" PRIMARY KEY (\"enrolment_id\", \"authority_id\"))");
    await queryRunner.query("CREATE INDEX \"enrolment_track_authority_idx\" ON \"enrolment_track\"  (\"authority_id\", \"state\") ");
    await queryRunner.query("CREATE TABLE \"entry_result\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"enrolment_id\" uuid NOT NULL, \"criterion_id\" uuid NOT NULL, \"value\" double precision, \"evidence_reference\" character varying(500), \"evidence_sha256\" character(64), \"attested\" boolean, \"outcome\" character varying(24) NOT NULL, \"detail\" character varying(300) NOT NULL, \"recorded_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"entry_result_enrolment_criterion_key\" UNIQUE (\"enrolment_id\", \"criterion_id\"), CONSTRAINT \"entry_result_outcome_check\" CHECK (\"outcome\" IN ('PASS','FAIL','INSUFFICIENT_EVIDENCE')), CONSTRAINT \"PK_5577f51f806035552b4359b75be\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE TABLE \"test_report\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"enrolment_id\" uuid NOT NULL, \"submitted_to\" uuid NOT NULL, \"submitted_by\" uuid NOT NULL, \"period_start\" date NOT NULL, \"period_end\" date NOT NULL, \"lab_name\" character varying(200) NOT NULL, \"lab_accredited\" boolean NOT NULL, \"lab_accreditation_body\" character varying(200), \"method_id\" character varying(100) NOT NULL, \"method_version\" character varying(50), \"tested_in\" character varying(16) NOT NULL, \"confidentiality\" character varying(16) NOT NULL, \"idempotency_key\" character varying(200) NOT NULL, \"payload_hash\" character(64) NOT NULL, \"status\" character varying(16) NOT NULL, \"review_reasons\" text, \"reviewed_by\" uuid, \"reviewed_at\" TIMESTAMP WITH TIME ZONE, \"result_count\" integer NOT NULL, \"submitted_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"test_report_idempotency_key\" UNIQUE (\"enrolment_id\", \"idempotency_key\"), CONSTRAINT \"test_report_period_check\" CHECK (\"period_start\" <= \"period_end\"), CONSTRAINT \"test_report_confidentiality_check\" CHECK (\"confidentiality\" IN ('PUBLIC','PARTICIPANTS','HOME_AUTHORITY')), CONSTRAINT \"test_report_status_check\" CHECK (\"status\" IN ('SUBMITTED','ACCEPTED','REJECTED')), CONSTRAINT \"PK_05c8066af2aef829033004dd7e9\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"test_report_enrolment_idx\" ON \"test_report\"  (\"enrolment_id\", \"submitted_at\") ");
    await queryRunner.query("CREATE TABLE \"test_result\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"report_id\" uuid NOT NULL, \"position\" integer NOT NULL, \"criterion_id\" uuid NOT NULL, \"value\" double precision, \"evidence_reference\" character varying(500), \"evidence_sha256\" character(64), \"attested\" boolean, \"outcome\" character varying(24) NOT NULL, \"detail\" character varying(300) NOT NULL, CONSTRAINT \"test_result_outcome_check\" CHECK (\"outcome\" IN ('PASS','FAIL','INSUFFICIENT_EVIDENCE')), CONSTRAINT \"PK_95770fb76248f4c3def5de11a72\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"test_result_criterion_idx\" ON \"test_result\"  (\"criterion_id\") ");
    await queryRunner.query("CREATE INDEX \"test_result_report_idx\" ON \"test_result\"  (\"report_id\", \"position\") ");
    await queryRunner.query("ALTER TABLE \"enrolment\" ADD CONSTRAINT \"enrolment_programme_fk\" FOREIGN KEY (\"programme_id\") REFERENCES \"programme\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"enrolment\" ADD CONSTRAINT \"enrolment_ai_system_fk\" FOREIGN KEY (\"ai_system_id\") REFERENCES \"ai_system\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"enrolment\" ADD CONSTRAINT \"enrolment_organisation_fk\" FOREIGN KEY (\"organisation_id\") REFERENCES \"organisation\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"enrolment_track\" ADD CONSTRAINT \"enrolment_track_enrolment_fk\" FOREIGN KEY (\"enrolment_id\") REFERENCES \"enrolment\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"enrolment_track\" ADD CONSTRAINT \"enrolment_track_authority_fk\" FOREIGN KEY (\"authority_id\") REFERENCES \"authority\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"entry_result\" ADD CONSTRAINT \"entry_result_enrolment_fk\" FOREIGN KEY (\"enrolment_id\") REFERENCES \"enrolment\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"entry_result\" ADD CONSTRAINT \"entry_result_criterion_fk\" FOREIGN KEY (\"criterion_id\") REFERENCES \"criterion\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"test_report\" ADD CONSTRAINT \"test_report_enrolment_fk\" FOREIGN KEY (\"enrolment_id\") REFERENCES \"enrolment\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"test_report\" ADD CONSTRAINT \"test_report_submitted_to_fk\" FOREIGN KEY (\"submitted_to\") REFERENCES \"authority\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"test_report\" ADD CONSTRAINT \"test_report_tested_in_fk\" FOREIGN KEY (\"tested_in\") REFERENCES \"jurisdiction\"(\"code\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"test_result\" ADD CONSTRAINT \"test_result_report_fk\" FOREIGN KEY (\"report_id\") REFERENCES \"test_report\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"test_result\" ADD CONSTRAINT \"test_result_criterion_fk\" FOREIGN KEY (\"criterion_id\") REFERENCES \"criterion\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"test_result\" DROP CONSTRAINT \"test_result_criterion_fk\"");
    await queryRunner.query("ALTER TABLE \"test_result\" DROP CONSTRAINT \"test_result_report_fk\"");
    await queryRunner.query("ALTER TABLE \"test_report\" DROP CONSTRAINT \"test_report_tested_in_fk\"");
    await queryRunner.query("ALTER TABLE \"test_report\" DROP CONSTRAINT \"test_report_submitted_to_fk\"");
    await queryRunner.query("ALTER TABLE \"test_report\" DROP CONSTRAINT \"test_report_enrolment_fk\"");
    await queryRunner.query("ALTER TABLE \"entry_result\" DROP CONSTRAINT \"entry_result_criterion_fk\"");
    await queryRunner.query("ALTER TABLE \"entry_result\" DROP CONSTRAINT \"entry_result_enrolment_fk\"");
    await queryRunner.query("ALTER TABLE \"enrolment_track\" DROP CONSTRAINT \"enrolment_track_authority_fk\"");
    await queryRunner.query("ALTER TABLE \"enrolment_track\" DROP CONSTRAINT \"enrolment_track_enrolment_fk\"");
    await queryRunner.query("ALTER TABLE \"enrolment\" DROP CONSTRAINT \"enrolment_organisation_fk\"");
    await queryRunner.query("ALTER TABLE \"enrolment\" DROP CONSTRAINT \"enrolment_ai_system_fk\"");
    await queryRunner.query("ALTER TABLE \"enrolment\" DROP CONSTRAINT \"enrolment_programme_fk\"");
    await queryRunner.query("DROP INDEX \"public\".\"test_result_report_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"test_result_criterion_idx\"");
    await queryRunner.query("DROP TABLE \"test_result\"");
    await queryRunner.query("DROP INDEX \"public\".\"test_report_enrolment_idx\"");
    await queryRunner.query("DROP TABLE \"test_report\"");
    await queryRunner.query("DROP TABLE \"entry_result\"");
    await queryRunner.query("DROP INDEX \"public\".\"enrolment_track_authority_idx\"");
    await queryRunner.query("DROP TABLE \"enrolment_track\"");
    await queryRunner.query("DROP INDEX \"public\".\"enrolment_programme_state_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"enrolment_organisation_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"enrolment_active_system_key\"");
    await queryRunner.query("DROP TABLE \"enrolment\"");
  }
}
