import { randomUUID } from 'node:crypto';
import { AiSystemService, CriterionService, ProgrammeService } from '@sandbridge/application';
import {
  type Actor,
  Category,
  Comparator,
  CriterionKind,
  JointEntryRule,
  ProgrammeAction,
  RiskClass,
  Role,
  Stage,
} from '@sandbridge/domain';
import type { TestApp } from './test-app.js';

/** A participating authority of a test sandbox, with a regulator's token and its criteria per stage. */
export interface SandboxAuthority {
  id: string;
  acronym: string;
  jurisdiction: string;
  regulator: { id: string; token: string };
  /** ENTRY: [mandatory attestation, optional evidence]; TESTING: [AUC ≥ 0.8]; EXIT: [disparate impact ≤ 0.1, mandatory attestation]. */
  criteria: Record<Stage, string[]>;
}

export interface Sandbox {
  programmeId: string;
  jointEntryRule: JointEntryRule;
  authorities: SandboxAuthority[];
  /** By acronym. */
  authority: Record<string, SandboxAuthority>;
  innovator: { id: string; token: string; organisationId: string };
  systemId: string;
}

export interface SandboxOptions {
  jointEntryRule?: JointEntryRule;
  /** [jurisdiction, acronym] of reference authorities; the first leads. */
  authorities?: [string, string][];
  cohortCapacity?: number;
}

const ADMIN: Actor = {
  accountId: 'sandbox-builder',
  role: Role.ADMIN,
  authorityId: null,
  organisationId: null,
  jurisdictionCode: null,
};
const regulatorActor = (authorityId: string): Actor => ({
  accountId: 'sandbox-builder',
  role: Role.REGULATOR,
  authorityId,
  organisationId: null,
  jurisdictionCode: null,
});

/**
 * An OPEN programme with three authorities (FCA leads, MAS, AI Office by default), each with its
 * own published criteria per stage, a regulator account per authority, and one innovator with a
 * HIGH-risk FINANCE system — built through the services, ready for enrolment tests.
 */
export async function buildSandbox(t: TestApp, options: SandboxOptions = {}): Promise<Sandbox> {
  const tag = randomUUID().slice(0, 8);
  const jointEntryRule = options.jointEntryRule ?? JointEntryRule.EACH_AUTHORITY;
  const refs = options.authorities ?? [
    ['GB', 'FCA'],
    ['SG', 'MAS'],
    ['EU', 'AI Office'],
  ];
  const criteria = t.get(CriterionService);
  const authorities: SandboxAuthority[] = [];
  for (const [jurisdiction, acronym] of refs) {
    const id = await t.authorityId(jurisdiction, acronym);
    const actor = regulatorActor(id);
    const publish = async (key: string, stage: Stage, fields: Partial<Parameters<CriterionService['create']>[1]>) => {
      const draft = await criteria.create(actor, {
        key: `${key}.${tag}`,
        title: `${key} (${acronym})`,
        stage,
        category: Category.ACCOUNTABILITY,
        kind: CriterionKind.ATTESTATION,
        ...fields,
      });
      return (await criteria.publish(actor, draft.id)).id;
    };
    const stageCriteria: Record<Stage, string[]> = {
      ENTRY: [
        await publish('entry.readiness', Stage.ENTRY, {
          statement: 'We are ready to test with real customers under safeguards.',
        }),
        await publish('entry.impact-assessment', Stage.ENTRY, {
          kind: CriterionKind.EVIDENCE,
          statement: null,
          evidenceType: 'Impact assessment',
        }),
      ],
      TESTING: [
        await publish('testing.auc', Stage.TESTING, {
          category: Category.ACCURACY,
          kind: CriterionKind.METRIC,
          metricKey: 'accuracy.auc',
          unit: 'ratio',
          comparator: Comparator.GTE,
          threshold: 0.8,
        }),
      ],
      EXIT: [
        await publish('exit.disparity', Stage.EXIT, {
          category: Category.FAIRNESS,
          kind: CriterionKind.METRIC,
          metricKey: 'fairness.disparity',
          unit: 'ratio',
          comparator: Comparator.LTE,
          threshold: 0.1,
        }),
        await publish('exit.final-report', Stage.EXIT, { statement: 'A final report has been filed.' }),
      ],
    };
    const email = `reg.${acronym.replace(/\W/g, '').toLowerCase()}.${tag}@sandbox.test`;
    const regulator = await t.accountWithToken(email, Role.REGULATOR, { authorityId: id });
    authorities.push({ id, acronym, jurisdiction, regulator, criteria: stageCriteria });
  }
  const programmes = t.get(ProgrammeService);
  const programme = await programmes.create(ADMIN, {
    name: `Sandbox ${tag}`,
    leadAuthorityId: authorities[0].id,
    participantAuthorityIds: authorities.slice(1).map((a) => a.id),
    sectors: ['FINANCE'],
    maxTestingDays: 180,
    cohortCapacity: options.cohortCapacity ?? 10,
    jointEntryRule,
  });
  for (const authority of authorities) {
    for (const stage of [Stage.ENTRY, Stage.TESTING, Stage.EXIT]) {
      for (const [i, criterionId] of authority.criteria[stage].entries()) {
        // The second entry criterion (the impact assessment) is optional.
        await programmes.attachCriterion(ADMIN, {
          programmeId: programme.id,
          criterionId,
          mandatory: !(stage === Stage.ENTRY && i === 1),
        });
      }
    }
  }
  await programmes.transition(ADMIN, programme.id, ProgrammeAction.OPEN);
  const organisationId = await t.createOrganisation(`Innovator ${tag}`, 'GB');
  const innovator = await t.accountWithToken(`innovator.${tag}@sandbox.test`, Role.INNOVATOR, { organisationId });
  const system = await t.get(AiSystemService).register(ADMIN, {
    organisationId,
    name: `Credit model ${tag}`,
    sector: 'FINANCE',
    intendedPurpose: 'Scores the creditworthiness of consumer loan applicants.',
    riskClass: RiskClass.HIGH,
  });
  return {
    programmeId: programme.id,
    jointEntryRule,
    authorities,
    authority: Object.fromEntries(authorities.map((a) => [a.acronym, a])),
    innovator: { ...innovator, organisationId },
    systemId: system.id,
  };
}

/** Entry results that meet every entry criterion of these authorities. */
export function entryResultsMeeting(authorities: SandboxAuthority[]) {
  return authorities.flatMap((a) => [
    { criterionId: a.criteria.ENTRY[0], attested: true },
    {
      criterionId: a.criteria.ENTRY[1],
      evidenceReference: `doc://impact/${a.acronym}`,
      evidenceSha256: 'a'.repeat(64),
    },
  ]);
}
