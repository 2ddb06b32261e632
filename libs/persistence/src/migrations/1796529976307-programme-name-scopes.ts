import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Programme names are unique among published programmes and per lead authority, no longer across
 * every draft: a name taken by another authority's (invisible) draft must not be refused. `down`
 * restores the global constraint, which fails if two drafts now share a name.
 */
export class ProgrammeNameScopes1796529976307 implements MigrationInterface {
  name = 'ProgrammeNameScopes1796529976307';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"programme\" DROP CONSTRAINT \"programme_name_key\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"programme_lead_name_key\" ON \"programme\"  (\"lead_authority_id\", \"name\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"programme_public_name_key\" ON \"programme\"  (\"name\") WHERE \"status\" <> 'DRAFT'");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"programme_public_name_key\"");
    await queryRunner.query("DROP INDEX \"public\".\"programme_lead_name_key\"");
    await queryRunner.query("ALTER TABLE \"programme\" ADD CONSTRAINT \"programme_name_key\" UNIQUE (\"name\")");
  }
}
