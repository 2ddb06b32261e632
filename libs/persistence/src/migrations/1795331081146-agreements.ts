import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Agreements1795331081146 implements MigrationInterface {
  name = 'Agreements1795331081146';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"agreement\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"name\" character varying(200) NOT NULL, \"kind\" character varying(16) NOT NULL, \"status\" character varying(16) NOT NULL, \"parties\" text array NOT NULL, \"effective_from\" date, \"effective_to\" date, \"created_by\" uuid NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"agreement_window_check\" CHECK (\"effective_from\" IS NULL OR \"effective_to\" IS NULL OR \"effective_from\" < \"effective_to\"), CONSTRAINT \"agreement_kind_check\" CHECK (\"kind\" IN ('BILATERAL','PLURILATERAL')), CONSTRAINT \"agreement_status_check\" CHECK (\"status\" IN ('DRAFT','PROPOSED','IN_FORCE','SUSPENDED','TERMINATED')), CONSTRAINT \"PK_e7537188219eeef56233a609753\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"agreement_status_idx\" ON \"agreement\"  (\"status\") ");
    await queryRunner.query("CREATE TABLE \"agreement_rule\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"agreement_id\" uuid NOT NULL, \"name\" character varying(100) NOT NULL DEFAULT '', \"origins\" text array NOT NULL, \"recognising\" text array NOT NULL, \"categories\" text array NOT NULL DEFAULT '{}', \"stages\" text array NOT NULL DEFAULT '{}', \"sectors\" text array NOT NULL DEFAULT '{}', \"risk_classes\" text array NOT NULL DEFAULT '{}', \"criteria\" uuid array NOT NULL DEFAULT '{}', \"effective_from\" date, \"effective_to\" date, \"mode\" character varying(16), \"effect\" character varying(32) NOT NULL, \"conditions\" jsonb, \"supplementary\" jsonb, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"agreement_rule_mode_check\" CHECK (\"mode\" IS NULL OR \"mode\" IN ('CONFORMITY','EQUIVALENCE')), CONSTRAINT \"agreement_rule_effect_check\" CHECK (\"effect\" IN ('RECOGNISE','RECOGNISE_WITH_CONDITIONS','EXCLUDE')), CONSTRAINT \"PK_88e5cfe33b70014ecabc998dfcf\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"agreement_rule_agreement_idx\" ON \"agreement_rule\"  (\"agreement_id\") ");
    await queryRunner.query("CREATE TABLE \"agreement_approval\" (\"agreement_id\" uuid NOT NULL, \"jurisdiction_code\" character varying(16) NOT NULL, \"approved_by\" uuid NOT NULL, \"approved_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_bd33bd39982c5b8ca4fa3bbf8ea\" PRIMARY KEY (\"agreement_id\", \"jurisdiction_code\"))");
    await queryRunner.query("ALTER TABLE \"agreement_rule\" ADD CONSTRAINT \"agreement_rule_agreement_fk\" FOREIGN KEY (\"agreement_id\") REFERENCES \"agreement\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"agreement_approval\" ADD CONSTRAINT \"agreement_approval_agreement_fk\" FOREIGN KEY (\"agreement_id\") REFERENCES \"agreement\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"agreement_approval\" DROP CONSTRAINT \"agreement_approval_agreement_fk\"");
    await queryRunner.query("ALTER TABLE \"agreement_rule\" DROP CONSTRAINT \"agreement_rule_agreement_fk\"");
    await queryRunner.query("DROP TABLE \"agreement_approval\"");
    await queryRunner.query("DROP INDEX \"public\".\"agreement_rule_agreement_idx\"");
    await queryRunner.query("DROP TABLE \"agreement_rule\"");
    await queryRunner.query("DROP INDEX \"public\".\"agreement_status_idx\"");
    await queryRunner.query("DROP TABLE \"agreement\"");
  }
}
