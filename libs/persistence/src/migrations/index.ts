import { InitialSchema1795324553868 } from './1795324553868-initial-schema.js';
import { ReferenceModel1795324953316 } from './1795324953316-reference-model.js';
import { Enrolments1795327409627 } from './1795327409627-enrolments.js';
import { Cooperation1795328268841 } from './1795328268841-cooperation.js';
import { Agreements1795331081146 } from './1795331081146-agreements.js';
import { ProgrammeAcceptsRecognisedResults1796516203113 } from './1796516203113-programme-accepts-recognised-results.js';
import { Simulations1796516528662 } from './1796516528662-simulations.js';
import { AccountSessions1796529323000 } from './1796529323000-account-sessions.js';

/** Every migration, in order. A merged migration is never edited: add a new one. */
export const MIGRATIONS: Function[] = [
  InitialSchema1795324553868,
  ReferenceModel1795324953316,
  Enrolments1795327409627,
  Cooperation1795328268841,
  Agreements1795331081146,
  ProgrammeAcceptsRecognisedResults1796516203113,
  Simulations1796516528662,
  AccountSessions1796529323000,
];
