import { InitialSchema1795324553868 } from './1795324553868-initial-schema.js';

/** Every migration, in order. A merged migration is never edited: add a new one. */
export const MIGRATIONS: Function[] = [InitialSchema1795324553868];
