import { expect } from '@jest/globals';
import { createTestDatabase } from '@sandbridge/testing';
import { crashSafetySuite } from './crash-safety-suite.js';

// kill -9 in the middle of a burst of test reports, on PostgreSQL (a fresh database copied from the
// migrated template; needs DATABASE_URL). The same experiment runs on the embedded database in
// crash-safety.e2e-spec.ts.
crashSafetySuite({
  engine: 'PostgreSQL',
  sameData: 'database',
  createDatabase: createTestDatabase,
  expectEngine: (database) => expect(database.url).toMatch(/^postgres/),
});
