import { InitialSchema1795324553868 } from './1795324553868-initial-schema.js';
import { ReferenceModel1795324953316 } from './1795324953316-reference-model.js';
import { Enrolments1795327409627 } from './1795327409627-enrolments.js';
import { Cooperation1795328268841 } from './1795328268841-cooperation.js';
import { Agreements1795331081146 } from './1795331081146-agreements.js';
import { ProgrammeAcceptsRecognisedResults1796516203113 } from './1796516203113-programme-accepts-recognised-results.js';
import { Simulations1796516528662 } from './1796516528662-simulations.js';
import { SimulationRunCoverage1796529293003 } from './1796529293003-simulation-run-coverage.js';
import { AccountSessions1796529323000 } from './1796529323000-account-sessions.js';
import { AuditCheckpoints1796529398535 } from './1796529398535-audit-checkpoints.js';
import { ProgrammeNameScopes1796529976307 } from './1796529976307-programme-name-scopes.js';
import { OrganisationNamesNotUnique1796531200000 } from './1796531200000-organisation-names-not-unique.js';
import { SuspensionGrounds1796542752277 } from './1796542752277-suspension-grounds.js';
import { ExitDocuments1796543003244 } from './1796543003244-exit-documents.js';
import { CriterionRevision1796600000000 } from './1796600000000-criterion-revision.js';
import { ReportsAwaitingReview1797000000010 } from './1797000000010-reports-awaiting-review.js';
import { SandboxPlans1797000000015 } from './1797000000015-sandbox-plans.js';
import { Evidence1797000000020 } from './1797000000020-evidence.js';
import { AuditFiltersAndHealth1797000000040 } from './1797000000040-audit-filters-and-health.js';
import { ProgrammeSimulationRuns1797000000030 } from './1797000000030-programme-simulation-runs.js';

/** Every migration, in order. A merged migration is never edited: add a new one. */
export const MIGRATIONS: Function[] = [
  InitialSchema1795324553868,
  ReferenceModel1795324953316,
  Enrolments1795327409627,
  Cooperation1795328268841,
  Agreements1795331081146,
  ProgrammeAcceptsRecognisedResults1796516203113,
  Simulations1796516528662,
  SimulationRunCoverage1796529293003,
  AccountSessions1796529323000,
  AuditCheckpoints1796529398535,
  ProgrammeNameScopes1796529976307,
  OrganisationNamesNotUnique1796531200000,
  SuspensionGrounds1796542752277,
  ExitDocuments1796543003244,
  CriterionRevision1796600000000,
  ReportsAwaitingReview1797000000010,
  SandboxPlans1797000000015,
  Evidence1797000000020,
  ProgrammeSimulationRuns1797000000030,
  AuditFiltersAndHealth1797000000040,
];
