import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, Clock } from '@sandbridge/common';
import {
  type Actor,
  CriterionStatus,
  DomainError,
  ProgrammeAction,
  ProgrammeStatus,
  Role,
  toUtcDay,
} from '@sandbridge/domain';
import {
  AccountRepository,
  AiSystemRepository,
  AuthorityRepository,
  CriterionRepository,
  CrosswalkRepository,
  OrganisationRepository,
  ProgrammeRepository,
  StandardRepository,
  TransactionalConnection,
} from '@sandbridge/persistence';
import { CriterionService } from '../catalogue/criterion.service.js';
import { CrosswalkService } from '../catalogue/crosswalk.service.js';
import { StandardService } from '../catalogue/standard.service.js';
import { AccountService } from '../identity/account.service.js';
import { ProgrammeService } from '../programmes/programme.service.js';
import { OrganisationService } from '../reference/organisation.service.js';
import { ReferenceDataSeeder } from '../reference/reference-data.seeder.js';
import { AiSystemService } from '../systems/ai-system.service.js';
import { DemoAgreements } from './demo-agreements.js';
import { DemoEnrolments } from './demo-enrolments.js';
import {
  DEMO_ACCOUNTS,
  DEMO_AGREEMENTS,
  DEMO_CRITERIA,
  DEMO_CROSSWALKS,
  DEMO_ORGANISATIONS,
  DEMO_PASSWORD,
  DEMO_PROGRAMME,
  DEMO_PROGRAMMES,
  DEMO_STANDARDS,
} from './demo-data.js';
import type { AuthorityRef } from './demo-data.types.js';

/** The platform acting for itself when it loads demo data: every rule of the services still applies. */
const SYSTEM: Actor = {
  accountId: 'demo-seeder',
  role: Role.ADMIN,
  authorityId: null,
  organisationId: null,
  jurisdictionCode: null,
};

export interface SeedReport {
  created: number;
}

/**
 * Loads the demo data (libs/application/src/demo/demo-data.ts) through the same services the API
 * uses. Idempotent: whatever exists (by natural key) is left as it is. Refused in production: the
 * demo accounts have a published password.
 */
@Injectable()
export class DemoSeeder {
  private readonly logger = new Logger(DemoSeeder.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly connection: TransactionalConnection,
    private readonly referenceData: ReferenceDataSeeder,
    private readonly authorities: AuthorityRepository,
    private readonly standardsRepo: StandardRepository,
    private readonly criteriaRepo: CriterionRepository,
    private readonly crosswalksRepo: CrosswalkRepository,
    private readonly organisationsRepo: OrganisationRepository,
    private readonly systemsRepo: AiSystemRepository,
    private readonly programmesRepo: ProgrammeRepository,
    private readonly accountsRepo: AccountRepository,
    private readonly standards: StandardService,
    private readonly criteria: CriterionService,
    private readonly crosswalks: CrosswalkService,
    private readonly organisations: OrganisationService,
    private readonly systems: AiSystemService,
    private readonly programmes: ProgrammeService,
    private readonly accounts: AccountService,
    private readonly demoEnrolments: DemoEnrolments,
    private readonly demoAgreements: DemoAgreements,
    private readonly clock: Clock,
  ) {}

  /** Seeds only a database that has no programme yet (a fresh one). */
  async seedIfEmpty(): Promise<SeedReport | null> {
    const any = await this.programmesRepo.page({}, { first: 1 });
    if (any.totalCount > 0) return null;
    return this.seed();
  }

  async seed(): Promise<SeedReport> {
    if (this.config.env === 'production')
      throw DomainError.forbidden('Demo data and demo accounts are refused when NODE_ENV=production');
    await this.referenceData.ensure();
    let created = 0;
    // Evidence bytes are stored outside transactions; the records naming them are written in it.
    await this.demoEnrolments.storeFiles();
    // One transaction: a half-loaded demo never stays behind.
    await this.connection.withTransaction(async () => {
      const authorityIds = await this.authorityIndex();
      const authorityId = (ref: AuthorityRef) => {
        const id = authorityIds.get(`${ref.jurisdiction}/${ref.acronym}`);
        if (!id) throw new Error(`Demo data names an unknown authority ${ref.jurisdiction}/${ref.acronym}`);
        return id;
      };

      for (const standard of DEMO_STANDARDS) {
        const existing = await this.standardsRepo.findByCode(standard.code);
        if (!existing) {
          await this.standards.create(SYSTEM, standard);
          created++;
          continue;
        }
        const known = new Set(
          (await this.standardsRepo.findClausesByIds(standard.clauses.map((c) => c.id))).map((c) => c.id),
        );
        for (const clause of standard.clauses.filter((c) => !known.has(c.id))) {
          await this.standards.addClause(SYSTEM, { ...clause, standardCode: standard.code });
          created++;
        }
      }

      const criterionIds = new Map<string, string>();
      for (const c of DEMO_CRITERIA) {
        const owner = authorityId(c.authority);
        const versions = await this.criteriaRepo.versions(owner, c.key);
        let id = versions.find((v) => v.status === CriterionStatus.ACTIVE)?.id ?? versions[versions.length - 1]?.id;
        if (!id) {
          const draft = await this.criteria.create(SYSTEM, {
            authorityId: owner,
            key: c.key,
            title: c.title,
            description: c.description,
            stage: c.stage,
            category: c.category,
            kind: c.kind,
            metricKey: c.metric?.key,
            unit: c.metric?.unit,
            comparator: c.metric?.comparator,
            threshold: c.metric?.threshold,
            thresholdHigh: c.metric?.thresholdHigh,
            evidenceType: c.evidenceType,
            statement: c.statement,
            sectors: c.sectors,
            riskClasses: c.riskClasses,
            clauseIds: c.clauses,
          });
          id = (await this.criteria.publish(SYSTEM, draft.id)).id;
          created++;
        }
        criterionIds.set(`${c.authority.jurisdiction}/${c.authority.acronym}/${c.key}`, id);
      }
      const criterionId = (ref: AuthorityRef & { key: string }) => {
        const id = criterionIds.get(`${ref.jurisdiction}/${ref.acronym}/${ref.key}`);
        if (!id) throw new Error(`Demo data names an unknown criterion ${ref.jurisdiction}/${ref.acronym}/${ref.key}`);
        return id;
      };

      for (const x of DEMO_CROSSWALKS) {
        const from = criterionId(x.from);
        const to = criterionId(x.to);
        if (await this.crosswalksRepo.findPair(from, to)) continue;
        await this.crosswalks.create(SYSTEM, {
          fromCriterionId: from,
          toCriterionId: to,
          relation: x.relation,
          note: x.note,
        });
        created++;
      }

      const organisationIds = new Map<string, string>();
      for (const o of DEMO_ORGANISATIONS) {
        let organisation = await this.organisationsRepo.findByName(o.name);
        if (!organisation) {
          organisation = await this.organisations.create(SYSTEM, {
            name: o.name,
            homeJurisdictionCode: o.homeJurisdiction,
          });
          created++;
        }
        organisationIds.set(o.name, organisation.id);
        for (const s of o.systems) {
          if (await this.systemsRepo.findByName(organisation.id, s.name)) continue;
          await this.systems.register(SYSTEM, { organisationId: organisation.id, ...s });
          created++;
        }
      }

      const programmeIds: string[] = [];
      for (const p of DEMO_PROGRAMMES) {
        let programme = await this.programmesRepo.findByName(p.name);
        if (!programme) {
          programme = await this.programmes.create(SYSTEM, {
            name: p.name,
            description: p.description,
            leadAuthorityId: authorityId(p.lead),
            participantAuthorityIds: p.participants.map(authorityId),
            sectors: p.sectors,
            // The window moves with the clock, so the demo is open for applications whenever it is loaded.
            applicationOpens: this.day(-60),
            applicationCloses: this.day(120),
            maxTestingDays: p.maxTestingDays,
            cohortCapacity: p.cohortCapacity,
            jointEntryRule: p.jointEntryRule,
            acceptsRecognisedResults: p.acceptsRecognisedResults ?? false,
          });
          for (const attached of p.criteria) {
            await this.programmes.attachCriterion(SYSTEM, {
              programmeId: programme.id,
              criterionId: criterionId({ ...attached.authority, key: attached.key }),
              mandatory: attached.mandatory ?? true,
            });
          }
          // Open for applications, as a pilot in its application window would be.
          if (programme.status === ProgrammeStatus.DRAFT)
            await this.programmes.transition(SYSTEM, programme.id, ProgrammeAction.OPEN);
          created++;
        }
        programmeIds.push(programme.id);
      }

      for (const a of DEMO_ACCOUNTS) {
        if (await this.accountsRepo.findByEmail(a.email)) continue;
        await this.accounts.create(SYSTEM, {
          email: a.email,
          displayName: a.displayName,
          password: DEMO_PASSWORD,
          role: a.role as Role, // the demo data spells roles as text
          authorityId: a.authority ? authorityId(a.authority) : null,
          organisationId: a.organisation ? (organisationIds.get(a.organisation) ?? null) : null,
          jurisdictionCode: a.jurisdiction ?? null,
        });
        created++;
      }

      const accountId = async (email: string) => (await this.accountsRepo.findByEmail(email))!.id;
      const regulators: Record<string, string> = {};
      const innovators: Record<string, string> = {};
      const negotiators: Record<string, string> = {};
      for (const a of DEMO_ACCOUNTS) {
        if (a.authority) regulators[authorityId(a.authority)] = await accountId(a.email);
        if (a.organisation) innovators[organisationIds.get(a.organisation)!] = await accountId(a.email);
        if (a.jurisdiction) negotiators[a.jurisdiction] = await accountId(a.email);
      }

      // Agreements before enrolments: the programme that accepts recognised results evaluates with them.
      created += await this.demoAgreements.load(DEMO_AGREEMENTS, {
        negotiators,
        criterionId,
        day: (offset) => this.day(offset),
      });

      const participants = DEMO_PROGRAMME.participants;
      created += await this.demoEnrolments.load({
        programmeId: programmeIds[0],
        fastTrackProgrammeId: programmeIds[1],
        authorities: Object.fromEntries(participants.map((ref) => [ref.acronym, authorityId(ref)])),
        jurisdictionOf: Object.fromEntries(participants.map((ref) => [authorityId(ref), ref.jurisdiction])),
        // The data protection authorities the sandbox plans name, by jurisdiction.
        dataProtectionAuthorities: {
          GB: authorityId({ jurisdiction: 'GB', acronym: 'ICO' }),
          SG: authorityId({ jurisdiction: 'SG', acronym: 'PDPC' }),
          EU: authorityId({ jurisdiction: 'EU', acronym: 'EDPS' }),
        },
        regulators,
        innovators,
        day: (offset) => this.day(offset),
      });
    });
    this.logger.log(
      created
        ? `Loaded the demo data (${created} records); demo accounts use the password "${DEMO_PASSWORD}"`
        : 'The demo data is already loaded',
    );
    return { created };
  }

  private day(offset: number): string {
    return toUtcDay(new Date(this.clock.now().getTime() + offset * 86_400_000));
  }

  private async authorityIndex(): Promise<Map<string, string>> {
    const all = await this.authorities.page({}, { first: 100 });
    return new Map(all.items.map((a) => [`${a.jurisdictionCode}/${a.acronym}`, a.id]));
  }
}
