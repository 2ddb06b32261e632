import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import {
  AiSystemService,
  AuthorityService,
  CriterionService,
  EnrolmentApplicationService,
  EnrolmentLifecycleService,
  OrganisationService,
  ProgrammeService,
  ReferenceDataSeeder,
  type ResultCommand,
  SandboxPlanService,
} from '@sandbridge/application';
import {
  type Actor,
  Category,
  Comparator,
  CriterionKind,
  EnrolmentState,
  EntryDecision,
  JointEntryRule,
  ProgrammeAction,
  RiskClass,
  Role,
  Stage,
} from '@sandbridge/domain';

/**
 * A programme with one enrolment in TESTING under an agreed sandbox plan, built through the services as the API would (benchmarks
 * must not depend on libs/testing). Actors carry fresh account ids: services trust the actor they
 * are given, exactly as they trust the one the API's guard builds from a token.
 */
export interface TestingEnrolment {
  innovator: Actor;
  enrolmentId: string;
  /** The admitted authority reports go to, and the jurisdiction of its tests. */
  authorityId: string;
  jurisdiction: string;
  /** Published TESTING criteria of that authority: metrics, an evidence criterion, an attestation. */
  criteria: { id: string; kind: CriterionKind }[];
}

const ADMIN: Actor = {
  accountId: randomUUID(),
  role: Role.ADMIN,
  authorityId: null,
  organisationId: null,
  jurisdictionCode: null,
};

export async function testingEnrolment(app: INestApplicationContext): Promise<TestingEnrolment> {
  await app.get(ReferenceDataSeeder).ensure();
  const tag = randomUUID().slice(0, 8);
  const jurisdiction = 'GB';
  const authority = (
    await app.get(AuthorityService).list({ jurisdictionCode: jurisdiction }, { first: 100 })
  ).items.find((a) => a.acronym === 'FCA');
  if (!authority) throw new Error('The reference data has no FCA in GB');
  const regulator: Actor = {
    accountId: randomUUID(),
    role: Role.REGULATOR,
    authorityId: authority.id,
    organisationId: null,
    jurisdictionCode: null,
  };

  // Ten metric criteria with every comparator, one evidence criterion, one attestation.
  const catalogue = app.get(CriterionService);
  const criteria: TestingEnrolment['criteria'] = [];
  const publish = async (fields: Omit<Parameters<CriterionService['create']>[1], 'key' | 'title'>, name: string) => {
    const draft = await catalogue.create(regulator, { key: `bench.${name}.${tag}`, title: `Bench ${name}`, ...fields });
    return (await catalogue.publish(regulator, draft.id)).id;
  };
  // A programme opens only once each authority has an entry criterion: the application attests it.
  const readiness = await publish(
    {
      stage: Stage.ENTRY,
      category: Category.ACCOUNTABILITY,
      kind: CriterionKind.ATTESTATION,
      statement: 'We are ready to test.',
    },
    'readiness',
  );
  const testing = async (fields: Omit<Parameters<typeof publish>[0], 'stage'>, name: string) => {
    criteria.push({ id: await publish({ stage: Stage.TESTING, ...fields }, name), kind: fields.kind });
  };
  const comparators = [Comparator.GTE, Comparator.LTE, Comparator.EQ, Comparator.BETWEEN];
  for (let i = 0; i < 10; i++) {
    const comparator = comparators[i % comparators.length];
    const bounds = comparator === Comparator.BETWEEN ? { threshold: 0.3, thresholdHigh: 0.7 } : { threshold: 0.5 };
    await testing(
      {
        category: Category.ACCURACY,
        kind: CriterionKind.METRIC,
        metricKey: `bench.metric.${i}`,
        unit: 'ratio',
        comparator,
        ...bounds,
      },
      `metric-${i}`,
    );
  }
  await testing(
    { category: Category.ROBUSTNESS, kind: CriterionKind.EVIDENCE, evidenceType: 'Red-team report' },
    'evidence',
  );
  await testing(
    {
      category: Category.ACCOUNTABILITY,
      kind: CriterionKind.ATTESTATION,
      statement: 'Human oversight stayed in place during testing.',
    },
    'attestation',
  );

  const programmes = app.get(ProgrammeService);
  const programme = await programmes.create(ADMIN, {
    name: `Benchmark ${tag}`,
    leadAuthorityId: authority.id,
    participantAuthorityIds: [],
    sectors: ['FINANCE'],
    maxTestingDays: 180,
    cohortCapacity: 10,
    jointEntryRule: JointEntryRule.EACH_AUTHORITY,
  });
  for (const criterionId of [readiness, ...criteria.map((c) => c.id)])
    await programmes.attachCriterion(ADMIN, { programmeId: programme.id, criterionId, mandatory: true });
  await programmes.transition(ADMIN, programme.id, ProgrammeAction.OPEN);

  const organisation = await app
    .get(OrganisationService)
    .create(ADMIN, { name: `Benchmark innovator ${tag}`, homeJurisdictionCode: jurisdiction });
  const system = await app.get(AiSystemService).register(ADMIN, {
    organisationId: organisation.id,
    name: `Benchmark model ${tag}`,
    sector: 'FINANCE',
    intendedPurpose: 'Scores consumer loan applications (benchmark).',
    riskClass: RiskClass.HIGH,
  });
  const innovator: Actor = {
    accountId: randomUUID(),
    role: Role.INNOVATOR,
    authorityId: null,
    organisationId: organisation.id,
    jurisdictionCode: null,
  };

  const enrolments = app.get(EnrolmentLifecycleService);
  let e = await app.get(EnrolmentApplicationService).create(innovator, {
    programmeId: programme.id,
    aiSystemId: system.id,
    targetAuthorityIds: [authority.id],
    entryResults: [{ criterionId: readiness, attested: true }],
  });
  e = await enrolments.submit(innovator, { enrolmentId: e.id, expectedVersion: e.version });
  e = await enrolments.startReview(regulator, { enrolmentId: e.id, expectedVersion: e.version });
  e = await enrolments.decideEntry(regulator, {
    enrolmentId: e.id,
    expectedVersion: e.version,
    decision: EntryDecision.ADMIT,
    reasons: 'Benchmark',
  });
  if (e.state !== EnrolmentState.TESTING) throw new Error(`The benchmark enrolment is ${e.state}, not TESTING`);
  // Reports go in under an agreed sandbox plan: proposed by the innovator, approved by the authority.
  const plans = app.get(SandboxPlanService);
  const text = (t: string) => ({ text: t });
  const plan = await plans.propose(innovator, {
    enrolmentId: e.id,
    expectedVersion: e.version,
    timeline: { startDay: '2026-01-05', endDay: '2026-06-30' },
    objectives: text('Measure report submission.'),
    scope: text('Benchmark reports only.'),
    personalData: { processed: false },
    safeguards: text('No real applicants.'),
    seriousIncidentProcedure: text('Stop the benchmark.'),
  });
  await plans.approve(regulator, { planId: plan.row.id, expectedVersion: e.version + 1 });
  return { innovator, enrolmentId: e.id, authorityId: authority.id, jurisdiction, criteria };
}

/** `count` results cycling over the criteria: values on both sides of the thresholds, evidence with a SHA-256, attestations. */
export function results(criteria: TestingEnrolment['criteria'], count: number): ResultCommand[] {
  return Array.from({ length: count }, (_, i) => {
    const criterion = criteria[i % criteria.length];
    switch (criterion.kind) {
      case CriterionKind.EVIDENCE:
        return {
          criterionId: criterion.id,
          evidenceReference: `s3://bench/evidence/${i}.pdf`,
          evidenceSha256: (i.toString(16).padStart(8, '0') + 'ab').repeat(7).slice(0, 64),
        };
      case CriterionKind.ATTESTATION:
        return { criterionId: criterion.id, attested: i % 7 !== 0 };
      case CriterionKind.METRIC:
        return { criterionId: criterion.id, value: ((i * 37) % 100) / 100 };
    }
  });
}
