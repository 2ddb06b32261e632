import { PlatformHealthService } from './health/platform-health.service.js';
import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { APP_CONFIG, type AppConfig } from '@sandbridge/common';
import { AccountService } from './identity/account.service.js';
import { AccountSessions } from './identity/account-sessions.js';
import { AuthService } from './identity/auth.service.js';
import { LoginThrottle } from './identity/login-throttle.js';
import { PasswordHasher } from './identity/password-hasher.js';
import { AuthorityService } from './reference/authority.service.js';
import { JurisdictionService } from './reference/jurisdiction.service.js';
import { OrganisationService } from './reference/organisation.service.js';
import { ReferenceDataSeeder } from './reference/reference-data.seeder.js';
import { CriterionService } from './catalogue/criterion.service.js';
import { CrosswalkService } from './catalogue/crosswalk.service.js';
import { StandardService } from './catalogue/standard.service.js';
import { ProgrammeService } from './programmes/programme.service.js';
import { AiSystemService } from './systems/ai-system.service.js';
import { AuditService } from './cooperation/audit.service.js';
import { EventAccess } from './cooperation/event-access.js';
import { EventBus } from './cooperation/event-bus.js';
import { IncidentService } from './cooperation/incident.service.js';
import { DemoAccountDirectory } from './demo/demo-account-directory.js';
import { DemoAgreements } from './demo/demo-agreements.js';
import { DemoEnrolments } from './demo/demo-enrolments.js';
import { DemoSeeder } from './demo/demo-seeder.js';
import { EnrolmentApplicationService } from './enrolments/enrolment-application.service.js';
import { EnrolmentLifecycleService } from './enrolments/enrolment-lifecycle.service.js';
import { EnrolmentService } from './enrolments/enrolment.service.js';
import { ExitDocumentService } from './enrolments/exit-document.service.js';
import { ExitReportService } from './enrolments/exit-report.service.js';
import { PublicRegistryService } from './registry/public-registry.service.js';
import { SandboxPlanService } from './plans/sandbox-plan.service.js';
import { TestReportSubmissionService } from './enrolments/test-report-submission.service.js';
import { EvidenceReferences } from './evidence/evidence-references.js';
import { TestReportService } from './enrolments/test-report.service.js';
import { TrackEvaluationService } from './enrolments/track-evaluation.service.js';
import { AgreementService } from './agreements/agreement.service.js';
import { RecognitionCaseBuilder } from './recognition/recognition-case.builder.js';
import { RecognitionService } from './recognition/recognition.service.js';
import { CHUNK_EXECUTOR_PROVIDER } from './simulation/chunk-executor.provider.js';
import { ChunkExecutor } from './simulation/chunk-executor.js';
import { ScenarioAssembler } from './simulation/scenario-assembler.js';
import { ProgrammeDesignScenarioService } from './programme-simulation/programme-design-scenario.service.js';
import { ProgrammeSimulationCommandService } from './programme-simulation/programme-simulation-commands.service.js';
import { ProgrammeSimulationQueryService } from './programme-simulation/programme-simulation-queries.service.js';
import { SimulationCommandService } from './simulation/simulation-commands.service.js';
import { SimulationQueryService } from './simulation/simulation-queries.service.js';
import { SimulationRunner } from './simulation/simulation-runner.js';
import { SigningKeyService } from './signing/signing-key.service.js';
import { DeadlineService } from './deadlines/deadline.service.js';
import { PLAN_FACTS_PROVIDER, PlanFacts } from './deadlines/plan-facts.js';
import { EvidenceService } from './evidence/evidence.service.js';
import { EvidenceStore } from './evidence/evidence-store.js';
import { PostgresEvidenceStore } from './evidence/postgres-evidence-store.js';

const SERVICES = [
  PasswordHasher,
  AccountSessions,
  LoginThrottle,
  AuthService,
  AccountService,
  JurisdictionService,
  AuthorityService,
  OrganisationService,
  ReferenceDataSeeder,
  StandardService,
  CriterionService,
  CrosswalkService,
  AiSystemService,
  ProgrammeService,
  DemoSeeder,
  DemoEnrolments,
  DemoAccountDirectory,
  DemoAgreements,
  EnrolmentService,
  TrackEvaluationService,
  EnrolmentApplicationService,
  EnrolmentLifecycleService,
  TestReportService,
  TestReportSubmissionService,
  EvidenceReferences,
  ExitReportService,
  ExitDocumentService,
  SandboxPlanService,
  PublicRegistryService,
  AuditService,
  EventBus,
  EventAccess,
  IncidentService,
  AgreementService,
  RecognitionCaseBuilder,
  RecognitionService,
  ScenarioAssembler,
  SimulationRunner,
  SimulationCommandService,
  SimulationQueryService,
  ProgrammeSimulationCommandService,
  ProgrammeSimulationQueryService,
  ProgrammeDesignScenarioService,
  SigningKeyService,
  DeadlineService,
  EvidenceService,
  PlatformHealthService,
];

/** The use cases. Needs CommonModule and PersistenceModule (both global) in the importing app. */
@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      // A KeyObject made once: handed the secret as a string, jsonwebtoken first tries to parse it as
      // a public key on every verification (createPublicKey was 17% of a signed-in request's CPU).
      useFactory: (config: AppConfig) => ({
        secret: createSecretKey(Buffer.from(config.auth.jwtSecret, 'utf8')),
        signOptions: { algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  // PlanFacts: what deadlines read of the stored sandbox plans (deadlines/plan-facts.ts).
  // EvidenceStore: where evidence bytes live (PostgreSQL chunks; another store replaces it here alone).
  providers: [
    ...SERVICES,
    CHUNK_EXECUTOR_PROVIDER,
    PLAN_FACTS_PROVIDER,
    { provide: EvidenceStore, useClass: PostgresEvidenceStore },
  ],
  exports: [...SERVICES, ChunkExecutor, PlanFacts, EvidenceStore],
})
export class ApplicationModule {}
