export * from './assertions.js';
export * from './sandbox-builder.js';
export * from './sandbox-flows.js';
export * from './test-app.js';
export * from './test-database.js';
export * from './wait.js';
