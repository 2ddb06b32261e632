import { expect } from '@jest/globals';
import { createEmbeddedTestDatabase } from '@sandbridge/testing';
import { crashSafetySuite } from './crash-safety-suite.js';

// kill -9 in the middle of a burst of test reports, on the embedded database (PGlite, in the API's
// process): always embedded, also when DATABASE_URL is set. The same experiment runs on PostgreSQL
// in crash-safety.postgres.e2e-spec.ts.
crashSafetySuite({
  engine: 'the embedded database',
  sameData: 'data directory',
  createDatabase: createEmbeddedTestDatabase,
  expectEngine: (database) => expect(database.url).toBeUndefined(),
});
