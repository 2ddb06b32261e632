import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Organisation names are no longer unique in the database: an innovator renaming its organisation to
 * a name another (invisible) organisation has must not be refused, since the refusal would reveal it.
 * Administrators still get CONFLICT from the service. `down` fails if two names now clash.
 */
export class OrganisationNamesNotUnique1796531200000 implements MigrationInterface {
  name = 'OrganisationNamesNotUnique1796531200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "organisation" DROP CONSTRAINT "organisation_name_key"');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "organisation" ADD CONSTRAINT "organisation_name_key" UNIQUE ("name")');
  }
}
