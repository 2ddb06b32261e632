import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Signed documents never change in place: a written proof not at all, an issued exit report only in
 * its status (ISSUED → SUPERSEDED, once), the version that supersedes it, and publication consent.
 * The services refuse such changes first (with a stable reason); these triggers make the rule hold
 * for any writer of the database too.
 */
const IMMUTABLE_DOCUMENTS = [
  `CREATE FUNCTION written_proof_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'a written proof is never changed or deleted' USING ERRCODE = 'restrict_violation';
END $$`,
  `CREATE TRIGGER written_proof_immutable BEFORE UPDATE OR DELETE ON written_proof
  FOR EACH ROW EXECUTE FUNCTION written_proof_immutable()`,
  `CREATE FUNCTION exit_report_issued_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'DRAFT' THEN
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
  END IF;
  IF TG_OP = 'DELETE'
    OR (NEW.id, NEW.enrolment_id, NEW.authority_id, NEW.version, NEW.revision, NEW.sections, NEW.supersedes,
        NEW.created_by, NEW.created_at, NEW.issued_by, NEW.issued_at, NEW.document, NEW.sha256, NEW.signature,
        NEW.key_id, NEW.public_document, NEW.public_sha256, NEW.public_signature)
       IS DISTINCT FROM
       (OLD.id, OLD.enrolment_id, OLD.authority_id, OLD.version, OLD.revision, OLD.sections, OLD.supersedes,
        OLD.created_by, OLD.created_at, OLD.issued_by, OLD.issued_at, OLD.document, OLD.sha256, OLD.signature,
        OLD.key_id, OLD.public_document, OLD.public_sha256, OLD.public_signature)
    OR (NEW.status <> OLD.status AND NOT (OLD.status = 'ISSUED' AND NEW.status = 'SUPERSEDED'))
    OR (OLD.superseded_by IS NOT NULL AND (NEW.superseded_by, NEW.superseded_at) IS DISTINCT FROM (OLD.superseded_by, OLD.superseded_at))
  THEN
    RAISE EXCEPTION 'an issued exit report is never changed: issue a correction' USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN NEW;
END $$`,
  `CREATE TRIGGER exit_report_issued_immutable BEFORE UPDATE OR DELETE ON exit_report
  FOR EACH ROW EXECUTE FUNCTION exit_report_issued_immutable()`,
];

export class ExitDocuments1796543003244 implements MigrationInterface {
  name = 'ExitDocuments1796543003244';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"written_proof\" (\"id\" uuid NOT NULL, \"enrolment_id\" uuid NOT NULL, \"authority_id\" uuid NOT NULL, \"issued_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"document\" text NOT NULL, \"sha256\" character(64) NOT NULL, \"signature\" character varying(128) NOT NULL, \"key_id\" character varying(128) NOT NULL, CONSTRAINT \"PK_a42380f648d047d3cd5c1f5ae21\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"written_proof_track_key\" ON \"written_proof\"  (\"enrolment_id\", \"authority_id\") ");
    await queryRunner.query("CREATE TABLE \"exit_report\" (\"id\" uuid NOT NULL, \"enrolment_id\" uuid NOT NULL, \"authority_id\" uuid NOT NULL, \"version\" integer NOT NULL, \"status\" character varying(16) NOT NULL, \"revision\" integer NOT NULL DEFAULT '1', \"sections\" jsonb NOT NULL, \"supersedes\" uuid, \"superseded_by\" uuid, \"superseded_at\" TIMESTAMP WITH TIME ZONE, \"created_by\" uuid NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"issued_by\" uuid, \"issued_at\" TIMESTAMP WITH TIME ZONE, \"document\" text, \"sha256\" character(64), \"signature\" character varying(128), \"key_id\" character varying(128), \"public_document\" text, \"public_sha256\" character(64), \"public_signature\" character varying(128), \"consented_at\" TIMESTAMP WITH TIME ZONE, \"consented_by\" uuid, \"consent_withdrawn_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"exit_report_signed_check\" CHECK ((\"status\" = 'DRAFT') = (\"document\" IS NULL) AND (\"document\" IS NULL) = (\"public_document\" IS NULL)), CONSTRAINT \"exit_report_status_check\" CHECK (\"status\" IN ('DRAFT','ISSUED','SUPERSEDED')), CONSTRAINT \"PK_85b3d809bbaea149fcc42fb8b88\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"exit_report_published_idx\" ON \"exit_report\"  (\"issued_at\", \"id\") WHERE \"status\" = 'ISSUED' AND \"consented_at\" IS NOT NULL AND \"consent_withdrawn_at\" IS NULL");
    await queryRunner.query("CREATE UNIQUE INDEX \"exit_report_one_issued_key\" ON \"exit_report\"  (\"enrolment_id\", \"authority_id\") WHERE \"status\" = 'ISSUED'");
    await queryRunner.query("CREATE UNIQUE INDEX \"exit_report_one_draft_key\" ON \"exit_report\"  (\"enrolment_id\", \"authority_id\") WHERE \"status\" = 'DRAFT'");
    await queryRunner.query("CREATE UNIQUE INDEX \"exit_report_version_key\" ON \"exit_report\"  (\"enrolment_id\", \"authority_id\", \"version\") ");
    await queryRunner.query("ALTER TABLE \"written_proof\" ADD CONSTRAINT \"written_proof_enrolment_fk\" FOREIGN KEY (\"enrolment_id\") REFERENCES \"enrolment\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"written_proof\" ADD CONSTRAINT \"written_proof_authority_fk\" FOREIGN KEY (\"authority_id\") REFERENCES \"authority\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"exit_report\" ADD CONSTRAINT \"exit_report_enrolment_fk\" FOREIGN KEY (\"enrolment_id\") REFERENCES \"enrolment\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"exit_report\" ADD CONSTRAINT \"exit_report_authority_fk\" FOREIGN KEY (\"authority_id\") REFERENCES \"authority\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"exit_report\" ADD CONSTRAINT \"exit_report_supersedes_fk\" FOREIGN KEY (\"supersedes\") REFERENCES \"exit_report\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    for (const statement of IMMUTABLE_DOCUMENTS) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER exit_report_issued_immutable ON exit_report');
    await queryRunner.query('DROP FUNCTION exit_report_issued_immutable()');
    await queryRunner.query('DROP TRIGGER written_proof_immutable ON written_proof');
    await queryRunner.query('DROP FUNCTION written_proof_immutable()');
    await queryRunner.query("ALTER TABLE \"exit_report\" DROP CONSTRAINT \"exit_report_supersedes_fk\"");
    await queryRunner.query("ALTER TABLE \"exit_report\" DROP CONSTRAINT \"exit_report_authority_fk\"");
    await queryRunner.query("ALTER TABLE \"exit_report\" DROP CONSTRAINT \"exit_report_enrolment_fk\"");
    await queryRunner.query("ALTER TABLE \"written_proof\" DROP CONSTRAINT \"written_proof_authority_fk\"");
    await queryRunner.query("ALTER TABLE \"written_proof\" DROP CONSTRAINT \"written_proof_enrolment_fk\"");
    await queryRunner.query("DROP INDEX \"public\".\"exit_report_version_key\"");
    await queryRunner.query("DROP INDEX \"public\".\"exit_report_one_draft_key\"");
    await queryRunner.query("DROP INDEX \"public\".\"exit_report_one_issued_key\"");
    await queryRunner.query("DROP INDEX \"public\".\"exit_report_published_idx\"");
    await queryRunner.query("DROP TABLE \"exit_report\"");
    await queryRunner.query("DROP INDEX \"public\".\"written_proof_track_key\"");
    await queryRunner.query("DROP TABLE \"written_proof\"");
  }
}
