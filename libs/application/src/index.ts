export * from './application.module.js';
export * from './identity/access.js';
export * from './identity/account.service.js';
export * from './identity/auth.service.js';
export * from './identity/password-hasher.js';
export * from './reference/authority.service.js';
export * from './reference/jurisdiction.service.js';
export * from './reference/organisation.service.js';
