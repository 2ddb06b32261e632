export * from './errors/domain-error.js';
export * from './identity/roles.js';
export * from './pagination/cursor.js';
export * from './identity/ids.js';
export * from './criteria/criteria.js';
export * from './programmes/programmes.js';
