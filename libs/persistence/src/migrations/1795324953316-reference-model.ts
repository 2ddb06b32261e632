import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ReferenceModel1795324953316 implements MigrationInterface {
  name = 'ReferenceModel1795324953316';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"ai_system\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"organisation_id\" uuid NOT NULL, \"name\" character varying(200) NOT NULL, \"sector\" character varying(40) NOT NULL, \"intended_purpose\" text NOT NULL, \"risk_class\" character varying(16) NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"ai_system_organisation_name_key\" UNIQUE (\"organisation_id\", \"name\"), CONSTRAINT \"ai_system_risk_class_check\" CHECK (\"risk_class\" IN ('UNACCEPTABLE','HIGH','LIMITED','MINIMAL')), CONSTRAINT \"PK_bc3f92b26cfb682d0a31b1fc5c2\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE TABLE \"standard\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"code\" character varying(100) NOT NULL, \"title\" character varying(300) NOT NULL, \"publisher\" character varying(200) NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"standard_code_key\" UNIQUE (\"code\"), CONSTRAINT \"PK_8f4373544a44fe1dc4da3c1f4fe\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE TABLE \"clause\" (\"id\" character varying(100) NOT NULL, \"standard_id\" uuid NOT NULL, \"ref\" character varying(100) NOT NULL, \"title\" character varying(300) NOT NULL, CONSTRAINT \"PK_f7be76ec8bb5379f6c9ea05bac7\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"clause_standard_idx\" ON \"clause\"  (\"standard_id\") ");
    await queryRunner.query("CREATE TABLE \"criterion\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"authority_id\" uuid NOT NULL, \"key\" character varying(100) NOT NULL, \"version\" integer NOT NULL, \"title\" character varying(300) NOT NULL, \"description\" text NOT NULL DEFAULT '', \"stage\" character varying(16) NOT NULL, \"category\" character varying(32) NOT NULL, \"kind\" character varying(16) NOT NULL, \"metric_key\" character varying(100), \"unit\" character varying(50), \"comparator\" character varying(8), \"threshold\" double precision, \"threshold_high\" double precision, \"evidence_type\" character varying(200), \"statement\" text, \"sectors\" text array NOT NULL DEFAULT '{}', \"risk_classes\" text array NOT NULL DEFAULT '{}', \"status\" character varying(16) NOT NULL, \"published_at\" TIMESTAMP WITH TIME ZONE, \"retired_at\" TIMESTAMP WITH TIME ZONE, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"criterion_authority_key_version_key\" UNIQUE (\"authority_id\", \"key\", \"version\"), CONSTRAINT \"criterion_version_check\" CHECK (\"version\" >= 1), CONSTRAINT \"criterion_comparator_check\" CHECK (\"comparator\" IS NULL OR \"comparator\" IN ('GTE','LTE','EQ','BETWEEN')), CONSTRAINT \"criterion_status_check\" CHECK (\"status\" IN ('DRAFT','ACTIVE','RETIRED')), CONSTRAINT \"criterion_kind_check\" CHECK (\"kind\" IN ('METRIC','EVIDENCE','ATTESTATION')), CONSTRAINT \"criterion_stage_check\" CHECK (\"stage\" IN ('ENTRY','TESTING','EXIT')), CONSTRAINT \"PK_a69d2ffbb1ef3ebea02d895e92f\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"criterion_authority_status_idx\" ON \"criterion\"  (\"authority_id\", \"status\") ");
    await queryRunner.query("CREATE TABLE \"criterion_clause\" (\"criterion_id\" uuid NOT NULL, \"clause_id\" character varying(100) NOT NULL, CONSTRAINT \"PK_a028672a909ad7a80fbb7051323\" PRIMARY KEY (\"criterion_id\", \"clause_id\"))");
    await queryRunner.query("CREATE INDEX \"criterion_clause_clause_idx\" ON \"criterion_clause\"  (\"clause_id\") ");
    await queryRunner.query("CREATE TABLE \"crosswalk\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"from_criterion_id\" uuid NOT NULL, \"to_criterion_id\" uuid NOT NULL, \"relation\" character varying(16) NOT NULL, \"note\" text NOT NULL DEFAULT '', \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"crosswalk_from_to_key\" UNIQUE (\"from_criterion_id\", \"to_criterion_id\"), CONSTRAINT \"crosswalk_distinct_check\" CHECK (\"from_criterion_id\" <> \"to_criterion_id\"), CONSTRAINT \"crosswalk_relation_check\" CHECK (\"relation\" IN ('EQUIVALENT','SUBSET','SUPERSET','INTERSECTS')), CONSTRAINT \"PK_15fda3e3a68a2a8423173bfbb1f\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"crosswalk_to_idx\" ON \"crosswalk\"  (\"to_criterion_id\") ");
    await queryRunner.query("CREATE TABLE \"programme\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"name\" character varying(200) NOT NULL, \"description\" text NOT NULL DEFAULT '', \"lead_authority_id\" uuid NOT NULL, \"sectors\" text array NOT NULL DEFAULT '{}', \"application_opens\" date, \"application_closes\" date, \"max_testing_days\" integer NOT NULL, \"cohort_capacity\" integer NOT NULL, \"joint_entry_rule\" character varying(16) NOT NULL, \"status\" character varying(16) NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"programme_name_key\" UNIQUE (\"name\"), CONSTRAINT \"programme_capacity_check\" CHECK (\"cohort_capacity\" >= 1 AND \"max_testing_days\" >= 1), CONSTRAINT \"programme_window_check\" CHECK (\"application_closes\" IS NULL OR \"application_opens\" IS NULL OR \"application_opens\" <= \"application_closes\"), CONSTRAINT \"programme_joint_entry_rule_check\" CHECK (\"joint_entry_rule\" IN ('EACH_AUTHORITY','UNANIMOUS','LEAD_DECIDES')), CONSTRAINT \"programme_status_check\" CHECK (\"status\" IN ('DRAFT','OPEN','RUNNING','CLOSED')), CONSTRAINT \"PK_76ff6b30b74f213944d1ac0a660\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"programme_status_idx\" ON \"programme\"  (\"status\") ");
    await queryRunner.query("CREATE TABLE \"programme_criterion\" (\"programme_id\" uuid NOT NULL, \"criterion_id\" uuid NOT NULL, \"authority_id\" uuid NOT NULL, \"stage\" character varying(16) NOT NULL, \"mandatory\" boolean NOT NULL DEFAULT true, \"attached_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_356c82c061c09ff44a55cdbc7bc\" PRIMARY KEY (\"programme_id\", \"criterion_id\"))");
    await queryRunner.query("CREATE INDEX \"programme_criterion_criterion_idx\" ON \"programme_criterion\"  (\"criterion_id\") ");
    await queryRunner.query("CREATE TABLE \"programme_participant\" (\"programme_id\" uuid NOT NULL, \"authority_id\" uuid NOT NULL, \"joined_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_960dd95066980322ba70025636f\" PRIMARY KEY (\"programme_id\", \"authority_id\"))");
    await queryRunner.query("CREATE INDEX \"programme_participant_authority_idx\" ON \"programme_participant\"  (\"authority_id\") ");
    await queryRunner.query("ALTER TABLE \"ai_system\" ADD CONSTRAINT \"ai_system_organisation_fk\" FOREIGN KEY (\"organisation_id\") REFERENCES \"organisation\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"clause\" ADD CONSTRAINT \"clause_standard_fk\" FOREIGN KEY (\"standard_id\") REFERENCES \"standard\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"criterion\" ADD CONSTRAINT \"criterion_authority_fk\" FOREIGN KEY (\"authority_id\") REFERENCES \"authority\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"criterion_clause\" ADD CONSTRAINT \"criterion_clause_criterion_fk\" FOREIGN KEY (\"criterion_id\") REFERENCES \"criterion\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"criterion_clause\" ADD CONSTRAINT \"criterion_clause_clause_fk\" FOREIGN KEY (\"clause_id\") REFERENCES \"clause\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"crosswalk\" ADD CONSTRAINT \"crosswalk_from_fk\" FOREIGN KEY (\"from_criterion_id\") REFERENCES \"criterion\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"crosswalk\" ADD CONSTRAINT \"crosswalk_to_fk\" FOREIGN KEY (\"to_criterion_id\") REFERENCES \"criterion\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"programme\" ADD CONSTRAINT \"programme_lead_authority_fk\" FOREIGN KEY (\"lead_authority_id\") REFERENCES \"authority\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"programme_criterion\" ADD CONSTRAINT \"programme_criterion_programme_fk\" FOREIGN KEY (\"programme_id\") REFERENCES \"programme\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"programme_criterion\" ADD CONSTRAINT \"programme_criterion_criterion_fk\" FOREIGN KEY (\"criterion_id\") REFERENCES \"criterion\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"programme_participant\" ADD CONSTRAINT \"programme_participant_programme_fk\" FOREIGN KEY (\"programme_id\") REFERENCES \"programme\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"programme_participant\" ADD CONSTRAINT \"programme_participant_authority_fk\" FOREIGN KEY (\"authority_id\") REFERENCES \"authority\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"programme_participant\" DROP CONSTRAINT \"programme_participant_authority_fk\"");
    await queryRunner.query("ALTER TABLE \"programme_participant\" DROP CONSTRAINT \"programme_participant_programme_fk\"");
    await queryRunner.query("ALTER TABLE \"programme_criterion\" DROP CONSTRAINT \"programme_criterion_criterion_fk\"");
    await queryRunner.query("ALTER TABLE \"programme_criterion\" DROP CONSTRAINT \"programme_criterion_programme_fk\"");
    await queryRunner.query("ALTER TABLE \"programme\" DROP CONSTRAINT \"programme_lead_authority_fk\"");
    await queryRunner.query("ALTER TABLE \"crosswalk\" DROP CONSTRAINT \"crosswalk_to_fk\"");
    await queryRunner.query("ALTER TABLE \"crosswalk\" DROP CONSTRAINT \"crosswalk_from_fk\"");
    await queryRunner.query("ALTER TABLE \"criterion_clause\" DROP CONSTRAINT \"criterion_clause_clause_fk\"");
    await queryRunner.query("ALTER TABLE \"criterion_clause\" DROP CONSTRAINT \"criterion_clause_criterion_fk\"");
    await queryRunner.query("ALTER TABLE \"criterion\" DROP CONSTRAINT \"criterion_authority_fk\"");
    await queryRunner.query("ALTER TABLE \"clause\" DROP CONSTRAINT \"clause_standard_fk\"");
    await queryRunner.query("ALTER TABLE \"ai_system\" DROP CONSTRAINT \"ai_system_organisation_fk\"");
    await queryRunner.query("DROP INDEX \"public\".\"programme_participant_authority_idx\"");
    await queryRunner.query("DROP TABLE \"programme_participant\"");
    await queryRunner.query("DROP INDEX \"public\".\"programme_criterion_criterion_idx\"");
    await queryRunner.query("DROP TABLE \"programme_criterion\"");
    await queryRunner.query("DROP INDEX \"public\".\"programme_status_idx\"");
    await queryRunner.query("DROP TABLE \"programme\"");
    await queryRunner.query("DROP INDEX \"public\".\"crosswalk_to_idx\"");
    await queryRunner.query("DROP TABLE \"crosswalk\"");
    await queryRunner.query("DROP INDEX \"public\".\"criterion_clause_clause_idx\"");
    await queryRunner.query("DROP TABLE \"criterion_clause\"");
    await queryRunner.query("DROP INDEX \"public\".\"criterion_authority_status_idx\"");
    await queryRunner.query("DROP TABLE \"criterion\"");
    await queryRunner.query("DROP INDEX \"public\".\"clause_standard_idx\"");
    await queryRunner.query("DROP TABLE \"clause\"");
    await queryRunner.query("DROP TABLE \"standard\"");
    await queryRunner.query("DROP TABLE \"ai_system\"");
  }
}
