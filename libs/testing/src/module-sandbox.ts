import { randomUUID } from 'node:crypto';
import {
  AccountService,
  AiSystemService,
  CriterionService,
  EnrolmentApplicationService,
  EnrolmentLifecycleService,
  OrganisationService,
  ProgrammeService,
  SandboxPlanService,
} from '@sandbridge/application';
import {
  type Actor,
  Category,
  Comparator,
  CriterionKind,
  EntryDecision,
  JointEntryRule,
  ProgrammeAction,
  RiskClass,
  Role,
  Stage,
} from '@sandbridge/domain';
import { type EnrolmentEntity, EnrolmentRepository } from '@sandbridge/persistence';
import { TEST_PASSWORD } from './test-config.js';
import { BUILDER, type TestModule } from './test-module.js';

// Data for the medium tier, built through the services as the API would build it, with actors
// instead of tokens (no HTTP in this tier). The e2e tier's counterpart is sandbox-builder.ts.

/** A participating authority: its regulator and one published criterion per stage it uses. */
export interface ModuleAuthority {
  id: string;
  acronym: string;
  regulator: Actor;
  /** ENTRY: a mandatory attestation; TESTING: AUC ≥ 0.8 (`accuracy.auc`). */
  criteria: { ENTRY: string; TESTING: string };
}

export interface ModuleSandbox {
  programmeId: string;
  /** The lead first. */
  authorities: ModuleAuthority[];
  organisationId: string;
  innovator: Actor;
  systemId: string;
  /** Registers another system of the same organisation (a system enrols in a programme once at a time). */
  registerSystem(): Promise<string>;
}

/**
 * An OPEN programme led by the FCA with MAS taking part, each with its criteria attached, and an
 * innovator's organisation with one HIGH-risk system — the same shape as `buildSandbox`, smaller.
 */
export async function buildModuleSandbox(m: TestModule): Promise<ModuleSandbox> {
  const tag = randomUUID().slice(0, 8);
  const accounts = m.get(AccountService);
  const criteria = m.get(CriterionService);
  const authorities: ModuleAuthority[] = [];
  for (const [jurisdiction, acronym] of [
    ['GB', 'FCA'],
    ['SG', 'MAS'],
  ]) {
    const id = await m.authorityId(jurisdiction, acronym);
    const account = await accounts.create(BUILDER, {
      email: `reg.${acronym.toLowerCase()}.${tag}@medium.test`,
      displayName: `${acronym} regulator`,
      password: TEST_PASSWORD,
      role: Role.REGULATOR,
      authorityId: id,
    });
    const regulator: Actor = { ...BUILDER, accountId: account.id, role: Role.REGULATOR, authorityId: id };
    const publish = async (fields: Parameters<CriterionService['create']>[1]) =>
      (await criteria.publish(regulator, (await criteria.create(regulator, fields)).id)).id;
    authorities.push({
      id,
      acronym,
      regulator,
      criteria: {
        ENTRY: await publish({
          key: `entry.readiness.${acronym}.${tag}`,
          title: `Readiness (${acronym})`,
          stage: Stage.ENTRY,
          category: Category.ACCOUNTABILITY,
          kind: CriterionKind.ATTESTATION,
          statement: 'We are ready to test with real customers under safeguards.',
        }),
        TESTING: await publish({
          key: `testing.auc.${acronym}.${tag}`,
          title: `AUC (${acronym})`,
          stage: Stage.TESTING,
          category: Category.ACCURACY,
          kind: CriterionKind.METRIC,
          metricKey: 'accuracy.auc',
          unit: 'ratio',
          comparator: Comparator.GTE,
          threshold: 0.8,
        }),
      },
    });
  }
  const programmes = m.get(ProgrammeService);
  const programme = await programmes.create(BUILDER, {
    name: `Medium sandbox ${tag}`,
    leadAuthorityId: authorities[0].id,
    participantAuthorityIds: authorities.slice(1).map((a) => a.id),
    sectors: ['FINANCE'],
    maxTestingDays: 180,
    cohortCapacity: 10,
    jointEntryRule: JointEntryRule.EACH_AUTHORITY,
  });
  for (const authority of authorities) {
    for (const criterionId of Object.values(authority.criteria)) {
      await programmes.attachCriterion(BUILDER, { programmeId: programme.id, criterionId, mandatory: true });
    }
  }
  await programmes.transition(BUILDER, programme.id, ProgrammeAction.OPEN);
  const organisationId = (
    await m.get(OrganisationService).create(BUILDER, { name: `Innovator ${tag}`, homeJurisdictionCode: 'GB' })
  ).id;
  const innovatorAccount = await accounts.create(BUILDER, {
    email: `innovator.${tag}@medium.test`,
    displayName: 'Innovator',
    password: TEST_PASSWORD,
    role: Role.INNOVATOR,
    organisationId,
  });
  const innovator: Actor = { ...BUILDER, accountId: innovatorAccount.id, role: Role.INNOVATOR, organisationId };
  let systems = 0;
  const registerSystem = async () =>
    (
      await m.get(AiSystemService).register(BUILDER, {
        organisationId,
        name: `Credit model ${tag} ${++systems}`,
        sector: 'FINANCE',
        intendedPurpose: 'Scores the creditworthiness of consumer loan applicants.',
        riskClass: RiskClass.HIGH,
      })
    ).id;
  return {
    programmeId: programme.id,
    authorities,
    organisationId,
    innovator,
    systemId: await registerSystem(),
    registerSystem,
  };
}

/**
 * The system (the sandbox's own unless given) enrolled with `authority` alone, its entry criterion
 * attested, submitted, reviewed and admitted by that authority's regulator, and its sandbox plan
 * proposed and agreed by that authority: an enrolment in TESTING, ready for reports.
 */
export async function admitThroughServices(
  m: TestModule,
  sb: ModuleSandbox,
  authority: ModuleAuthority,
  systemId = sb.systemId,
): Promise<EnrolmentEntity> {
  const enrolments = m.get(EnrolmentLifecycleService);
  let enrolment = await m.get(EnrolmentApplicationService).create(sb.innovator, {
    programmeId: sb.programmeId,
    aiSystemId: systemId,
    targetAuthorityIds: [authority.id],
    entryResults: [{ criterionId: authority.criteria.ENTRY, attested: true }],
  });
  const step = { enrolmentId: enrolment.id };
  enrolment = await enrolments.submit(sb.innovator, { ...step, expectedVersion: enrolment.version });
  enrolment = await enrolments.startReview(authority.regulator, { ...step, expectedVersion: enrolment.version });
  enrolment = await enrolments.decideEntry(authority.regulator, {
    ...step,
    expectedVersion: enrolment.version,
    decision: EntryDecision.ADMIT,
    reasons: `${authority.acronym}: ready to test`,
  });
  const plans = m.get(SandboxPlanService);
  const text = (t: string) => ({ text: t });
  const proposed = await plans.propose(sb.innovator, {
    ...step,
    expectedVersion: enrolment.version,
    timeline: { startDay: '2026-01-05', endDay: '2026-01-15' },
    objectives: text('Show the system is accurate.'),
    scope: text('Consumer loans.'),
    personalData: { processed: false },
    safeguards: text('A human reviews every decline.'),
    seriousIncidentProcedure: text('Stop and tell the authority.'),
  });
  await plans.approve(authority.regulator, { planId: proposed.row.id, expectedVersion: enrolment.version + 1 });
  return (await m.get(EnrolmentRepository).findById(enrolment.id))!;
}
