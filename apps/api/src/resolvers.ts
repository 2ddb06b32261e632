import { EvidenceFieldsResolver } from './evidence/evidence-fields.resolver.js';
import { EvidenceResolver } from './evidence/evidence.resolver.js';
import {
  EntryResultEvidenceResolver,
  TestResultEvidenceResolver,
  TestResultPreviewEvidenceResolver,
  PlanTimelineEvidenceResolver,
  PlanTextSectionEvidenceResolver,
  PlanRequirementsEvidenceResolver,
  PlanPersonalDataEvidenceResolver,
  PlanRealWorldTestingEvidenceResolver,
  WorkQueueItemEvidenceResolver,
  EnrolmentExpiringEvidenceResolver,
} from './evidence/evidence-references.resolver.js';
import { AgreementFieldsResolver } from './agreements/agreement-fields.resolver.js';
import { AgreementResolver } from './agreements/agreement.resolver.js';
import { CriterionReferencesResolver } from './catalogue/catalogue-references.resolver.js';
import { CriterionFieldsResolver } from './catalogue/criterion-fields.resolver.js';
import { CriterionResolver } from './catalogue/criterion.resolver.js';
import { CrosswalkFieldsResolver } from './catalogue/crosswalk-fields.resolver.js';
import { CrosswalkResolver } from './catalogue/crosswalk.resolver.js';
import { StandardFieldsResolver } from './catalogue/standard-fields.resolver.js';
import { StandardResolver } from './catalogue/standard.resolver.js';
import { CooperationResolver } from './cooperation/cooperation.resolver.js';
import { PlatformHealthResolver } from './health/platform-health.resolver.js';
import { EnrolmentIncidentsResolver } from './cooperation/enrolment-incidents.resolver.js';
import { EnrolmentFieldsResolver } from './enrolments/enrolment-fields.resolver.js';
import {
  CriterionCountReferencesResolver,
  CriterionEvaluationPreviewReferencesResolver,
  CriterionEvaluationReferencesResolver,
  EnrolmentReferencesResolver,
  EnrolmentTrackReferencesResolver,
  EntryResultReferencesResolver,
  FunnelAuthorityReferencesResolver,
  TestReportReferencesResolver,
  TestResultPreviewReferencesResolver,
  TestResultReferencesResolver,
  TrackEvaluationPreviewReferencesResolver,
} from './enrolments/enrolment-references.resolver.js';
import { EnrolmentTrackResolver } from './enrolments/enrolment-track.resolver.js';
import { EnrolmentResolver } from './enrolments/enrolment.resolver.js';
import {
  ExitDocumentResolver,
  ExitReportAuthorityDocumentsResolver,
  ExitReportVersionReferencesResolver,
  WrittenProofReferencesResolver,
} from './enrolments/exit-document.resolver.js';
import { ExitReportResolver } from './enrolments/exit-report.resolver.js';
import { PublicRegistryResolver } from './registry/public-registry.resolver.js';
import {
  DeadlineFieldsResolver,
  EnrolmentDeadlinesResolver,
  EnrolmentTrackDeadlinesResolver,
  ExitReportAuthorityDeadlineResolver,
  ExitReportVersionDeadlineResolver,
} from './deadlines/deadline-fields.resolver.js';
import { WorkQueueItemReferencesResolver, WorkQueueResolver } from './deadlines/work-queue.resolver.js';
import {
  EnrolmentPlanResolver,
  PlanApprovalReferencesResolver,
  PlanPersonalDataResolver,
  PlanRealWorldTestingResolver,
  PlanRequirementsResolver,
  PlanTextSectionResolver,
  PlanTimelineResolver,
  SandboxPlanFieldsResolver,
  SandboxPlanReferencesResolver,
} from './plans/sandbox-plan-fields.resolver.js';
import { SandboxPlanResolver } from './plans/sandbox-plan.resolver.js';
import { TestReportFieldsResolver } from './enrolments/test-report-fields.resolver.js';
import { TestReportResolver } from './enrolments/test-report.resolver.js';
import { AccountFieldsResolver } from './identity/account-fields.resolver.js';
import { AccountResolver } from './identity/account.resolver.js';
import { ProgrammeFieldsResolver } from './programmes/programme-fields.resolver.js';
import { ProgrammeParticipantResolver } from './programmes/programme-participant.resolver.js';
import {
  ProgrammeParticipantReferencesResolver,
  ProgrammeReferencesResolver,
  StageCriterionReferencesResolver,
} from './programmes/programme-references.resolver.js';
import { ProgrammeResolver } from './programmes/programme.resolver.js';
import { PassportEntryResolver } from './recognition/passport-entry.resolver.js';
import {
  CriterionRecognitionReferencesResolver,
  PassportEntryReferencesResolver,
} from './recognition/recognition-references.resolver.js';
import { RecognitionResolver } from './recognition/recognition.resolver.js';
import { AuthorityResolver } from './reference/authority.resolver.js';
import { JurisdictionFieldsResolver } from './reference/jurisdiction-fields.resolver.js';
import {
  AuthorityReferencesResolver,
  OrganisationReferencesResolver,
} from './reference/jurisdiction-references.resolver.js';
import { JurisdictionResolver } from './reference/jurisdiction.resolver.js';
import { OrganisationResolver } from './reference/organisation.resolver.js';
import { SimulationResolver } from './simulations/simulation.resolver.js';
import { ProgrammeSimulationResolver } from './programme-simulations/programme-simulation.resolver.js';
import { AiSystemReferencesResolver } from './systems/ai-system-references.resolver.js';
import { AiSystemResolver } from './systems/ai-system.resolver.js';

/**
 * Every resolver class of the API, by area: queries and mutations (`x.resolver.ts`), the fields of a
 * type (`x-fields.resolver.ts`) and the fields that resolve a stored id (`area-references.resolver.ts`).
 * AppModule registers them all; a new resolver is added here.
 */
export const RESOLVERS = [
  // identity
  AccountResolver,
  AccountFieldsResolver,
  // reference data
  JurisdictionResolver,
  JurisdictionFieldsResolver,
  AuthorityResolver,
  AuthorityReferencesResolver,
  OrganisationResolver,
  OrganisationReferencesResolver,
  // catalogue
  StandardResolver,
  StandardFieldsResolver,
  CriterionResolver,
  CriterionFieldsResolver,
  CriterionReferencesResolver,
  CrosswalkResolver,
  CrosswalkFieldsResolver,
  // systems and programmes
  AiSystemResolver,
  AiSystemReferencesResolver,
  ProgrammeResolver,
  ProgrammeFieldsResolver,
  ProgrammeReferencesResolver,
  ProgrammeParticipantResolver,
  ProgrammeParticipantReferencesResolver,
  StageCriterionReferencesResolver,
  // enrolments, test reports, exit reports
  EnrolmentResolver,
  EnrolmentFieldsResolver,
  EnrolmentReferencesResolver,
  EnrolmentTrackResolver,
  EnrolmentTrackReferencesResolver,
  CriterionEvaluationReferencesResolver,
  EntryResultReferencesResolver,
  TestReportResolver,
  TestReportFieldsResolver,
  TestReportReferencesResolver,
  TestResultReferencesResolver,
  TestResultPreviewReferencesResolver,
  TrackEvaluationPreviewReferencesResolver,
  CriterionEvaluationPreviewReferencesResolver,
  ExitReportResolver,
  ExitDocumentResolver,
  ExitReportAuthorityDocumentsResolver,
  WrittenProofReferencesResolver,
  ExitReportVersionReferencesResolver,
  FunnelAuthorityReferencesResolver,
  CriterionCountReferencesResolver,
  // deadlines and the work queue
  EnrolmentDeadlinesResolver,
  EnrolmentTrackDeadlinesResolver,
  ExitReportAuthorityDeadlineResolver,
  ExitReportVersionDeadlineResolver,
  DeadlineFieldsResolver,
  WorkQueueResolver,
  WorkQueueItemReferencesResolver,
  // sandbox plans
  SandboxPlanResolver,
  EnrolmentPlanResolver,
  SandboxPlanFieldsResolver,
  SandboxPlanReferencesResolver,
  PlanApprovalReferencesResolver,
  PlanTimelineResolver,
  PlanTextSectionResolver,
  PlanRequirementsResolver,
  PlanPersonalDataResolver,
  PlanRealWorldTestingResolver,
  // recognition and agreements
  RecognitionResolver,
  PassportEntryResolver,
  PassportEntryReferencesResolver,
  CriterionRecognitionReferencesResolver,
  AgreementResolver,
  AgreementFieldsResolver,
  // simulations and cooperation
  SimulationResolver,
  ProgrammeSimulationResolver,
  CooperationResolver,
  PlatformHealthResolver,
  EnrolmentIncidentsResolver,
  // the public registry (no sign-in)
  PublicRegistryResolver,
  EvidenceResolver,
  EvidenceFieldsResolver,
  // what results, plan sections and the work queue name of the evidence
  EntryResultEvidenceResolver,
  TestResultEvidenceResolver,
  TestResultPreviewEvidenceResolver,
  PlanTimelineEvidenceResolver,
  PlanTextSectionEvidenceResolver,
  PlanRequirementsEvidenceResolver,
  PlanPersonalDataEvidenceResolver,
  PlanRealWorldTestingEvidenceResolver,
  WorkQueueItemEvidenceResolver,
  EnrolmentExpiringEvidenceResolver,
];
