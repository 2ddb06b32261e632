import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1795324553868 implements MigrationInterface {
  name = 'InitialSchema1795324553868';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"jurisdiction\" (\"code\" character varying(16) NOT NULL, \"name\" character varying(200) NOT NULL, \"approach\" character varying(32) NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"jurisdiction_approach_check\" CHECK (\"approach\" IN ('RISK_BASED','PRINCIPLES_BASED','SECTORAL','SOFT_LAW','STATE_LED')), CONSTRAINT \"PK_c1d6ad3bf29ee463d99f0d08a0b\" PRIMARY KEY (\"code\"))");
    await queryRunner.query("CREATE TABLE \"authority\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"jurisdiction_code\" character varying(16) NOT NULL, \"name\" character varying(200) NOT NULL, \"acronym\" character varying(32) NOT NULL, \"sectors\" text array NOT NULL DEFAULT '{}', \"website\" character varying(500), \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_b0f9bb35ff132fc6bd92d0582ce\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"authority_jurisdiction_name_key\" ON \"authority\"  (\"jurisdiction_code\", \"name\") ");
    await queryRunner.query("CREATE TABLE \"organisation\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"name\" character varying(200) NOT NULL, \"home_jurisdiction_code\" character varying(16) NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"organisation_name_key\" UNIQUE (\"name\"), CONSTRAINT \"PK_c725ae234ef1b74cce43d2d00c1\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE TABLE \"account\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"email\" character varying(320) NOT NULL, \"display_name\" character varying(200) NOT NULL, \"password_hash\" character varying(300) NOT NULL, \"role\" character varying(16) NOT NULL, \"authority_id\" uuid, \"organisation_id\" uuid, \"jurisdiction_code\" character varying(16), \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"account_email_key\" UNIQUE (\"email\"), CONSTRAINT \"account_tenant_check\" CHECK ((\"role\" = 'ADMIN' AND \"authority_id\" IS NULL AND \"organisation_id\" IS NULL AND \"jurisdiction_code\" IS NULL)\n  OR (\"role\" = 'REGULATOR' AND \"authority_id\" IS NOT NULL AND \"organisation_id\" IS NULL AND \"jurisdiction_code\" IS NULL)\n  OR (\"role\" = 'INNOVATOR' AND \"organisation_id\" IS NOT NULL AND \"authority_id\" IS NULL AND \"jurisdiction_code\" IS NULL)\n  OR (\"role\" = 'NEGOTIATOR' AND \"jurisdiction_code\" IS NOT NULL AND \"authority_id\" IS NULL AND \"organisation_id\" IS NULL)), CONSTRAINT \"account_role_check\" CHECK (\"role\" IN ('ADMIN','REGULATOR','INNOVATOR','NEGOTIATOR')), CONSTRAINT \"PK_54115ee388cdb6d86bb4bf5b2ea\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("ALTER TABLE \"authority\" ADD CONSTRAINT \"authority_jurisdiction_fk\" FOREIGN KEY (\"jurisdiction_code\") REFERENCES \"jurisdiction\"(\"code\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"organisation\" ADD CONSTRAINT \"organisation_home_jurisdiction_fk\" FOREIGN KEY (\"home_jurisdiction_code\") REFERENCES \"jurisdiction\"(\"code\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"account\" ADD CONSTRAINT \"account_authority_fk\" FOREIGN KEY (\"authority_id\") REFERENCES \"authority\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"account\" ADD CONSTRAINT \"account_organisation_fk\" FOREIGN KEY (\"organisation_id\") REFERENCES \"organisation\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"account\" ADD CONSTRAINT \"account_jurisdiction_fk\" FOREIGN KEY (\"jurisdiction_code\") REFERENCES \"jurisdiction\"(\"code\") ON DELETE RESTRICT ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"account\" DROP CONSTRAINT \"account_jurisdiction_fk\"");
    await queryRunner.query("ALTER TABLE \"account\" DROP CONSTRAINT \"account_organisation_fk\"");
    await queryRunner.query("ALTER TABLE \"account\" DROP CONSTRAINT \"account_authority_fk\"");
    await queryRunner.query("ALTER TABLE \"organisation\" DROP CONSTRAINT \"organisation_home_jurisdiction_fk\"");
    await queryRunner.query("ALTER TABLE \"authority\" DROP CONSTRAINT \"authority_jurisdiction_fk\"");
    await queryRunner.query("DROP TABLE \"account\"");
    await queryRunner.query("DROP TABLE \"organisation\"");
    await queryRunner.query("DROP INDEX \"public\".\"authority_jurisdiction_name_key\"");
    await queryRunner.query("DROP TABLE \"authority\"");
    await queryRunner.query("DROP TABLE \"jurisdiction\"");
  }
}
