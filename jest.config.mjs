import { existsSync } from 'node:fs';

// Jest in ESM mode (NestJS 12 is ESM-only): ts-jest transpiles each file alone (isolatedModules);
// type-checking is the build's and lint's job.
//
// Three tiers, each with one home (docs/architecture.md#tests):
//   small   *.spec.ts beside the code: pure domain code, services over fakes (no database, no I/O).
//   medium  *.medium.spec.ts beside the repository or service they test: the services and
//           repositories in a Nest testing module (TestModule, libs/testing) on the file's own
//           database — the embedded one, a fresh PostgreSQL database when DATABASE_URL is set. No HTTP.
//   large   test/*.e2e-spec.ts: the whole API over HTTP and GraphQL (TestApp), one database per file.
// Run one tier: `npm test -- medium.spec`, `npm test -- e2e-spec`.
//
// Tests that need a real service say so in their file name and are left out, with a note, when the
// service is not configured — never skipped inside the file. The markers combine: a file needs
// every service its name mentions, and is left out when any of them is missing.
//   *.postgres.*  need DATABASE_URL (concurrency, locking, isolation)
//   *.redis.*     need REDIS_URL (queues, pub/sub across instances)
//   e.g. cooperation-instances.redis.postgres.e2e-spec.ts needs both.
//   *.browser.*   need Chromium: CHROMIUM_PATH, or Debian's /usr/bin/chromium (`apt-get install
//                 chromium`; .ci/run installs it) — the web console in a real browser (playwright-core)
// The patterns match the file name only (no '/' after the marker), not a directory on the way.
const services = [
  ['postgres', 'DATABASE_URL', 'a real PostgreSQL'],
  ['redis', 'REDIS_URL', 'a Redis server'],
];
const leftOut = services
  .filter(([, variable]) => !process.env[variable])
  .map(([marker, variable, what]) => [
    `\\.${marker}\\.[^/]*$`,
    `*.${marker}.* files need ${variable} (${what}), which is not set`,
  ]);
// Keep in step with chromiumPath() in libs/testing/src/browser.ts.
const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (!existsSync(chromium))
  leftOut.push([
    '\\.browser\\.[^/]*$',
    `*.browser.* files need Chromium, not found at ${chromium} (apt-get install chromium, or set CHROMIUM_PATH)`,
  ]);
if (leftOut.length && !process.env.JEST_QUIET_LEFT_OUT) {
  for (const [pattern, why] of leftOut) process.stderr.write(`[jest] left out: tests matching /${pattern}/ — ${why}\n`);
}

const aliases = {
  '^@sandbridge/config$': '<rootDir>/config/index.ts',
  '^@sandbridge/(domain|application|persistence|common|testing|charts)$': '<rootDir>/libs/$1/src/index.ts',
};

export default {
  rootDir: '.',
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  testMatch: [
    // small, and medium (*.medium.spec.ts ends in .spec.ts too)
    '<rootDir>/libs/**/*.spec.ts',
    '<rootDir>/apps/**/*.spec.ts',
    '<rootDir>/config/**/*.spec.ts',
    // large
    '<rootDir>/test/**/*.e2e-spec.ts',
  ],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', ...leftOut.map(([pattern]) => pattern)],
  moduleNameMapper: { ...aliases, '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: '<rootDir>/tsconfig.json' }],
  },
  globalSetup: '<rootDir>/test/global-setup.mjs',
  globalTeardown: '<rootDir>/test/global-teardown.mjs',
  testTimeout: 60_000,
  maxWorkers: process.env.JEST_MAX_WORKERS ?? 2,
};
