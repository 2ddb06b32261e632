export * from './app-config.js';
export * from './config-variables.js';
export * from './environment.schema.js';
export { shownValue } from './secrets.js';
