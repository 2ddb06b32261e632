export * from './errors/domain-error.js';
export * from './identity/roles.js';
export * from './pagination/cursor.js';
export * from './identity/ids.js';
export * from './identity/password-policy.js';
export * from './criteria/criteria.js';
export * from './programmes/programmes.js';
export * from './criteria/criterion-definition.js';
export * from './programmes/programme-lifecycle.js';
export * from './time/utc-day.js';
export * from './time/day-arithmetic.js';
export * from './enrolments/enrolment-states.js';
export * from './enrolments/enrolment-lifecycle.js';
export * from './evaluation/evaluation.js';
export * from './evaluation/recognised-results.js';
export * from './enrolments/exit-report.js';
export * from './plans/sandbox-plans.js';
export * from './evidence/evidence-files.js';
export * from './reports/test-reports.js';
export * from './cooperation/incidents.js';
export * from './audit/audit-chain.js';
export * from './signing/signed-document.js';
export * from './exit-documents/exit-documents.js';
export * from './deadlines/deadlines.js';
export * from './deadlines/work-queue.js';
export * from './recognition/recognition.js';
export * from './recognition/recognition-engine.js';
export * from './recognition/withheld-resolution.js';
// Only the public names: case-format.ts also exports its JSON readers for the scenario format.
export {
  CaseFormatError,
  parseUtcDay,
  parseRecognitionCase,
  parseRecognitionCaseJson,
} from './recognition/case-format.js';
export {
  type AgreementDocument,
  type CriterionDocument,
  type RecognitionCaseDocument,
  type RuleDocument,
  serialiseRecognitionCase,
} from './recognition/case-serialise.js';
export * from './agreements/agreements.js';
export * from './agreements/agreement-lifecycle.js';
export * from './recognition/recognition-bulk.js';
export * from './recognition/synthetic-case.js';
export * from './simulation/scenario.js';
export * from './simulation/simulation-run.js';
export {
  agreementSets,
  MAX_SYNTHETIC_INNOVATORS,
  parseScenario,
  parseScenarioJson,
} from './simulation/scenario-format.js';
export {
  type ScenarioDocument,
  type ScenarioPopulationDocument,
  type ScenarioVariantDocument,
  serialiseScenario,
} from './simulation/scenario-serialise.js';
export { SyntheticGenerator, type SyntheticUnit } from './simulation/synthetic.js';
export * from './simulation/simulation.js';
export * from './simulation/disclosure.js';
