// Plain JS: Jest loads globalSetup outside its TypeScript transform. It only names the template;
// the first test file to need it migrates it (libs/testing/src/test-database.ts).
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function globalSetup() {
  const workDir = mkdtempSync(join(tmpdir(), 'sandbridge-tests-'));
  process.env.SANDBRIDGE_TEST_WORKDIR = workDir;
  process.env.SANDBRIDGE_TEST_TEMPLATE = process.env.DATABASE_URL
    ? `sb_template_${randomBytes(4).toString('hex')}`
    : join(workDir, 'template');
}
