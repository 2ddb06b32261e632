export * from './config.module.js';
