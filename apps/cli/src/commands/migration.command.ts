import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';

/** SQL that would bring the database in line with the entities; empty when they match. */
export async function pendingSchemaChanges(dataSource: DataSource): Promise<{ up: string[]; down: string[] }> {
  const sql = await dataSource.driver.createSchemaBuilder().log();
  return { up: sql.upQueries.map((q) => q.query), down: sql.downQueries.map((q) => q.query).reverse() };
}

/** Writes a migration class for the drift between the entities and the (migrated) database. */
export async function generateMigration(
  dataSource: DataSource,
  name: string,
  directory: string,
): Promise<string | null> {
  const { up, down } = await pendingSchemaChanges(dataSource);
  if (!up.length) return null;
  const timestamp = Date.now();
  const className = `${name.replace(/(^|[-_\s])(\w)/g, (_, __, c: string) => c.toUpperCase())}${timestamp}`;
  const file = join(directory, `${timestamp}-${name}.ts`);
  const lines = (queries: string[]) =>
    queries.map((q) => `    await queryRunner.query(${JSON.stringify(q)});`).join('\n');
  writeFileSync(
    file,
    `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(queryRunner: QueryRunner): Promise<void> {
${lines(up)}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${lines(down)}
  }
}
`,
  );
  return file;
}
