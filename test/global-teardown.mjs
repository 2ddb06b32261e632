import { rmSync } from 'node:fs';
import pg from 'pg';

export default async function globalTeardown() {
  const workDir = process.env.SANDBRIDGE_TEST_WORKDIR;
  if (process.env.DATABASE_URL && process.env.SANDBRIDGE_TEST_TEMPLATE) {
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = '/postgres';
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    try {
      await client.query(`DROP DATABASE IF EXISTS "${process.env.SANDBRIDGE_TEST_TEMPLATE}" WITH (FORCE)`);
    } finally {
      await client.end();
    }
  }
  if (workDir) rmSync(workDir, { recursive: true, force: true });
}
