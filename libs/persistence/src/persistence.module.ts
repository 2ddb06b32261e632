import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@sandbridge/common';
import { DataSource } from 'typeorm';
import { openDatabase } from './database/open-database.js';
import { TransactionalConnection } from './database/transactional-connection.js';
import { AccountRepository } from './repositories/account.repository.js';
import { AuthorityRepository } from './repositories/authority.repository.js';
import { JurisdictionRepository } from './repositories/jurisdiction.repository.js';
import { OrganisationRepository } from './repositories/organisation.repository.js';
import { AiSystemRepository } from './repositories/ai-system.repository.js';
import { CriterionRepository } from './repositories/criterion.repository.js';
import { CrosswalkRepository } from './repositories/crosswalk.repository.js';
import { ProgrammeRepository } from './repositories/programme.repository.js';
import { StandardRepository } from './repositories/standard.repository.js';
import { EnrolmentRepository } from './repositories/enrolment.repository.js';
import { ExitDocumentRepository } from './repositories/exit-document.repository.js';
import { DeadlineRepository } from './repositories/deadline.repository.js';
import { SandboxPlanRepository } from './repositories/sandbox-plan.repository.js';
import { TestReportRepository } from './repositories/test-report.repository.js';
import { AuditRepository } from './repositories/audit.repository.js';
import { IncidentRepository } from './repositories/incident.repository.js';
import { AgreementRepository } from './repositories/agreement.repository.js';
import { SimulationDataRepository } from './repositories/simulation-data.repository.js';
import { SimulationRunRepository } from './repositories/simulation-run.repository.js';
import { PlatformKeyRepository } from './repositories/platform-key.repository.js';
import { EvidenceReferenceRepository } from './repositories/evidence-reference.repository.js';
import { EvidenceRepository } from './repositories/evidence.repository.js';
import { EvidenceBlobRepository } from './repositories/evidence-blob.repository.js';

const REPOSITORIES = [
  JurisdictionRepository,
  AuthorityRepository,
  OrganisationRepository,
  AccountRepository,
  StandardRepository,
  CriterionRepository,
  CrosswalkRepository,
  AiSystemRepository,
  ProgrammeRepository,
  EnrolmentRepository,
  ExitDocumentRepository,
  DeadlineRepository,
  SandboxPlanRepository,
  TestReportRepository,
  AuditRepository,
  IncidentRepository,
  AgreementRepository,
  SimulationRunRepository,
  SimulationDataRepository,
  PlatformKeyRepository,
  EvidenceReferenceRepository,
  EvidenceRepository,
  EvidenceBlobRepository,
];

/**
 * The database and its repositories. The DataSource is opened (embedded or real, migrated when
 * configured) before anything that needs it, and closed last.
 */
@Global()
@Module({
  providers: [
    {
      provide: DataSource,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => openDatabase(config.database),
    },
    TransactionalConnection,
    ...REPOSITORIES,
  ],
  exports: [DataSource, TransactionalConnection, ...REPOSITORIES],
})
export class PersistenceModule implements OnApplicationShutdown {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    await this.dataSource.destroy();
  }
}
