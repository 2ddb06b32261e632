export * from './assertions.js';
export * from './child-server.js';
export * from './crash-safety.js';
export * from './sandbox-builder.js';
export * from './sandbox-flows.js';
export * from './test-app.js';
export * from './test-database.js';
export * from './wait.js';
