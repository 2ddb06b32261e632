import { AccountEntity } from './account.entity.js';
import { AiSystemEntity } from './ai-system.entity.js';
import { AuthorityEntity } from './authority.entity.js';
import { ClauseEntity } from './clause.entity.js';
import { CriterionClauseEntity } from './criterion-clause.entity.js';
import { CriterionEntity } from './criterion.entity.js';
import { CrosswalkEntity } from './crosswalk.entity.js';
import { JurisdictionEntity } from './jurisdiction.entity.js';
import { OrganisationEntity } from './organisation.entity.js';
import { ProgrammeCriterionEntity } from './programme-criterion.entity.js';
import { ProgrammeParticipantEntity } from './programme-participant.entity.js';
import { ProgrammeEntity } from './programme.entity.js';
import { StandardEntity } from './standard.entity.js';
import { EnrolmentTrackEntity } from './enrolment-track.entity.js';
import { EnrolmentEntity } from './enrolment.entity.js';
import { EntryResultEntity } from './entry-result.entity.js';
import { TestReportEntity } from './test-report.entity.js';
import { TestResultEntity } from './test-result.entity.js';
import { AuditEntryEntity } from './audit-entry.entity.js';
import { AuditCheckpointEntity } from './audit-checkpoint.entity.js';
import { PlatformKeyEntity } from './platform-key.entity.js';
import { IncidentEntity } from './incident.entity.js';
import { AgreementEntity } from './agreement.entity.js';
import { AgreementRuleEntity } from './agreement-rule.entity.js';
import { AgreementApprovalEntity } from './agreement-approval.entity.js';
import { SimulationRunEntity } from './simulation-run.entity.js';
import { SimulationChunkEntity } from './simulation-chunk.entity.js';
import { WrittenProofEntity } from './written-proof.entity.js';
import { ExitReportEntity } from './exit-report.entity.js';
import { SandboxPlanEntity } from './sandbox-plan.entity.js';
import { SandboxPlanApprovalEntity } from './sandbox-plan-approval.entity.js';
import { EvidenceBlobEntity } from './evidence-blob.entity.js';
import { EvidenceChunkEntity } from './evidence-chunk.entity.js';
import { EvidenceEntity } from './evidence.entity.js';
import { SandboxPlanEvidenceEntity } from './sandbox-plan-evidence.entity.js';

export {
  AccountEntity,
  AiSystemEntity,
  AuthorityEntity,
  ClauseEntity,
  CriterionClauseEntity,
  CriterionEntity,
  CrosswalkEntity,
  JurisdictionEntity,
  OrganisationEntity,
  ProgrammeCriterionEntity,
  ProgrammeEntity,
  ProgrammeParticipantEntity,
  StandardEntity,
  EnrolmentEntity,
  EnrolmentTrackEntity,
  EntryResultEntity,
  TestReportEntity,
  TestResultEntity,
  AuditEntryEntity,
  AuditCheckpointEntity,
  PlatformKeyEntity,
  IncidentEntity,
  AgreementEntity,
  AgreementRuleEntity,
  AgreementApprovalEntity,
  SimulationRunEntity,
  SimulationChunkEntity,
  WrittenProofEntity,
  ExitReportEntity,
  SandboxPlanEntity,
  SandboxPlanApprovalEntity,
  EvidenceBlobEntity,
  EvidenceChunkEntity,
  EvidenceEntity,
  SandboxPlanEvidenceEntity,
};

/** Every entity, listed explicitly (no globs: they break under ESM and bundling). */
export const ENTITIES = [
  JurisdictionEntity,
  AuthorityEntity,
  OrganisationEntity,
  AccountEntity,
  StandardEntity,
  ClauseEntity,
  CriterionEntity,
  CriterionClauseEntity,
  CrosswalkEntity,
  AiSystemEntity,
  ProgrammeEntity,
  ProgrammeParticipantEntity,
  ProgrammeCriterionEntity,
  EnrolmentEntity,
  EnrolmentTrackEntity,
  EntryResultEntity,
  TestReportEntity,
  TestResultEntity,
  AuditEntryEntity,
  IncidentEntity,
  AgreementEntity,
  AgreementRuleEntity,
  AgreementApprovalEntity,
  SimulationRunEntity,
  SimulationChunkEntity,
  AuditCheckpointEntity,
  PlatformKeyEntity,
  WrittenProofEntity,
  ExitReportEntity,
  SandboxPlanEntity,
  SandboxPlanApprovalEntity,
  EvidenceBlobEntity,
  EvidenceChunkEntity,
  EvidenceEntity,
  SandboxPlanEvidenceEntity,
];
