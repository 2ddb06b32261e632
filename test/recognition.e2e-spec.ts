import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CrosswalkService } from '@sandbridge/application';
import { type Actor, parseRecognitionCase, Relation, resolveCase, Role } from '@sandbridge/domain';
import {
  admitToTesting,
  bringIntoForce,
  buildSandbox,
  expectError,
  expectOk,
  reviewTestReport,
  type Sandbox,
  type SandboxAuthority,
  submitTestReport,
  TestApp,
} from '@sandbridge/testing';

// Recognition status over the platform's data (docs/domain.md#recognition, §8.1; issue 6 items 3–4): an SG
// system's accepted SG result is recognised for the EU AI Office's equivalent criterion while an
// EU–SG agreement is IN_FORCE, becomes a GAP when it is suspended, and the exported case replays
// to the same answer through the pure engine.

type Vars = Record<string, unknown>;
const CREATE_AGREEMENT = `mutation($input: CreateAgreementInput!) { createAgreement(input: $input) { id status } }`;
const ADD_RULE = `mutation($input: AddAgreementRuleInput!) { addAgreementRule(input: $input) { id rules { id } } }`;
const move = (name: string) => `mutation($input: AgreementIdInput!) { ${name}(input: $input) { id status } }`;
const SUSPEND = move('suspendAgreement');
const STATUS = `query($aiSystemId: ID!, $authorityId: ID!, $asOf: Date) {
  recognitionStatus(aiSystemId: $aiSystemId, authorityId: $authorityId, asOf: $asOf) {
    aiSystemId authorityId asOf
    criteria { criterion { id key } outcome result agreement rule divergent supplementary checks { name expected actual passed } candidates { result checks { name passed } } }
  }
}`;
const CASE = `query($aiSystemId: ID!, $authorityId: ID!, $asOf: Date) { recognitionCase(aiSystemId: $aiSystemId, authorityId: $authorityId, asOf: $asOf) }`;

describe('recognition status (e2e)', () => {
  let t: TestApp;
  let sb: Sandbox;
  let MAS: SandboxAuthority;
  let AIO: SandboxAuthority;
  let eu: { token: string };
  let sg: { token: string };
  let resultId: string;
  let agreementId: string;
  let ruleId: string;
  const asOf = '2026-06-01';

  const gql = (query: string, variables: Vars, token: string) => t.gql<Record<string, any>>(query, variables, token);
  const statusFor = async (token: string) =>
    expectOk(await gql(STATUS, { aiSystemId: sb.systemId, authorityId: AIO.id, asOf }, token)).recognitionStatus;
  const target = (status: { criteria: any[] }) =>
    status.criteria.find((c) => c.criterion.id === AIO.criteria.TESTING[0]);

  beforeAll(async () => {
    t = await TestApp.create();
    sb = await buildSandbox(t, {
      authorities: [
        ['SG', 'MAS'],
        ['EU', 'AI Office'],
      ],
    });
    [MAS, AIO] = sb.authorities;
    const tag = randomUUID().slice(0, 8);
    eu = await t.accountWithToken(`neg.eu.${tag}@recognition.test`, Role.NEGOTIATOR, { jurisdictionCode: 'EU' });
    sg = await t.accountWithToken(`neg.sg.${tag}@recognition.test`, Role.NEGOTIATOR, { jurisdictionCode: 'SG' });

    // The sandbox's system enters testing with MAS and submits an SG-tested AUC result to it, which MAS accepts.
    const enrolment = await admitToTesting(t, sb, MAS);
    const report = await submitTestReport(t, sb, {
      enrolmentId: enrolment.id,
      submittedTo: MAS.id,
      testedIn: 'SG',
      periodEnd: '2026-03-27',
      results: [{ criterionId: MAS.criteria.TESTING[0], value: 0.91 }],
    });
    expect(report.results[0].outcome).toBe('PASS');
    resultId = report.results[0].id;
    await reviewTestReport(t, report.id, MAS.regulator.token);

    // MAS's AUC criterion is equivalent to the AI Office's.
    const masActor: Actor = {
      accountId: 'recognition-spec',
      role: Role.REGULATOR,
      authorityId: MAS.id,
      organisationId: null,
      jurisdictionCode: null,
    };
    await t.get(CrosswalkService).create(masActor, {
      fromCriterionId: MAS.criteria.TESTING[0],
      toCriterionId: AIO.criteria.TESTING[0],
      relation: Relation.EQUIVALENT,
    });

    // An EU–SG agreement: SG results recognised by the EU for that criterion, approved by both.
    const agreement = expectOk(
      await gql(
        CREATE_AGREEMENT,
        {
          input: {
            name: `EU–SG AUC MRA ${tag}`,
            kind: 'BILATERAL',
            parties: ['EU', 'SG'],
            effectiveFrom: '2026-01-01',
          },
        },
        eu.token,
      ),
    ).createAgreement;
    agreementId = agreement.id;
    const withRule = expectOk(
      await gql(
        ADD_RULE,
        {
          input: {
            agreementId,
            name: 'sg-to-eu-auc',
            origins: ['SG'],
            recognising: ['EU'],
            criteria: [AIO.criteria.TESTING[0]],
            mode: 'CONFORMITY',
            effect: 'RECOGNISE',
            conditions: { requireAccreditedLab: true },
          },
        },
        eu.token,
      ),
    ).addAgreementRule;
    ruleId = withRule.rules[0].id;
    await bringIntoForce(t, agreementId, eu.token, [eu.token, sg.token]);
  }, 180_000);

  afterAll(async () => {
    await t?.close();
  });

  it('recognises the SG result for the AI Office while the agreement is in force; a GAP once it is suspended; the exported case replays the same', async () => {
    const inForce = await statusFor(AIO.regulator.token);
    expect(inForce).toMatchObject({ aiSystemId: sb.systemId, authorityId: AIO.id, asOf });
    expect(target(inForce)).toMatchObject({
      outcome: 'RECOGNISED',
      result: resultId,
      agreement: agreementId,
      rule: ruleId,
      divergent: false,
      supplementary: null,
    });
    // The innovator sees the same.
    expect(target(await statusFor(sb.innovator.token))).toMatchObject({ outcome: 'RECOGNISED', result: resultId });
    // A regulator outside the programme may not read the PARTICIPANTS report: the AI Office (which
    // may) still counts it, and ICO is shown the outcome it decides as WITHHELD; its exported case
    // leaves the result out.
    const ico = await t.accountWithToken(`reg.ico.${randomUUID().slice(0, 8)}@recognition.test`, Role.REGULATOR, {
      authorityId: await t.authorityId('GB', 'ICO'),
    });
    expect(
      expectOk(await gql(CASE, { aiSystemId: sb.systemId, authorityId: AIO.id, asOf }, ico.token)).recognitionCase
        .results,
    ).toEqual([]);
    expect(target(await statusFor(ico.token))).toMatchObject({
      outcome: 'WITHHELD',
      result: null,
      agreement: null,
      rule: null,
      candidates: [],
    });

    const exported = expectOk(
      await gql(CASE, { aiSystemId: sb.systemId, authorityId: AIO.id, asOf }, sb.innovator.token),
    ).recognitionCase;
    expect(exported).toMatchObject({
      format: 'sandbridge/recognition-case@1',
      asOf,
      queries: [{ system: sb.systemId, authority: AIO.id }],
    });
    const replayed = resolveCase(parseRecognitionCase(JSON.parse(JSON.stringify(exported)))).resolutions[0];
    expect(replayed.criteria.find((c) => c.criterion === AIO.criteria.TESTING[0])).toMatchObject({
      outcome: 'RECOGNISED',
      result: resultId,
      agreement: agreementId,
      rule: ruleId,
    });
    expect(replayed.criteria.map((c) => [c.criterion, c.outcome])).toEqual(
      inForce.criteria.map((c: any) => [c.criterion.id, c.outcome]),
    );

    // The passport: every authority, with MAS's own criterion met locally and the AI Office's recognised.
    const passport = expectOk(
      await gql(
        `query($s: ID!, $d: Date) { recognitionPassport(aiSystemId: $s, asOf: $d) { asOf authorities {
           authority { id } satisfiedLocally recognised recognisedWithConditions gaps notApplicable testsNeeded { id } } } }`,
        { s: sb.systemId, d: asOf },
        sb.innovator.token,
      ),
    ).recognitionPassport;
    expect(passport.asOf).toBe(asOf);
    const [{ n: authorityCount }] = await t.dataSource.query('SELECT count(*)::int AS n FROM authority');
    expect(passport.authorities).toHaveLength(authorityCount);
    const page = (id: string) => passport.authorities.find((a: any) => a.authority.id === id);
    expect(page(MAS.id).satisfiedLocally).toBeGreaterThanOrEqual(1);
    expect(page(AIO.id).recognised).toBe(1);
    expect(page(AIO.id).testsNeeded.map((c: any) => c.id)).not.toContain(AIO.criteria.TESTING[0]);
    expect(page(AIO.id).gaps).toBe(page(AIO.id).testsNeeded.length);

    expect(expectOk(await gql(SUSPEND, { input: { id: agreementId } }, sg.token)).suspendAgreement.status).toBe(
      'SUSPENDED',
    );
    const suspended = target(await statusFor(AIO.regulator.token));
    expect(suspended).toMatchObject({ outcome: 'GAP', result: null, agreement: null, rule: null });
    const candidate = suspended.candidates.find((c: any) => c.result === resultId);
    expect(candidate.checks).toContainEqual({ name: 'agreementInForce', passed: false });

    const replayedGap = resolveCase(
      parseRecognitionCase(
        expectOk(await gql(CASE, { aiSystemId: sb.systemId, authorityId: AIO.id, asOf }, AIO.regulator.token))
          .recognitionCase,
      ),
    );
    expect(replayedGap.resolutions[0].criteria.find((c) => c.criterion === AIO.criteria.TESTING[0])?.outcome).toBe(
      'GAP',
    );
  });

  it('refuses negotiators and unknown ids', async () => {
    expectError(await gql(STATUS, { aiSystemId: sb.systemId, authorityId: AIO.id }, eu.token), 'FORBIDDEN');
    expectError(await gql(CASE, { aiSystemId: sb.systemId, authorityId: AIO.id }, eu.token), 'FORBIDDEN');
    expectError(await gql(STATUS, { aiSystemId: randomUUID(), authorityId: AIO.id }, AIO.regulator.token), 'NOT_FOUND');
    expectError(
      await gql(STATUS, { aiSystemId: sb.systemId, authorityId: randomUUID() }, AIO.regulator.token),
      'NOT_FOUND',
    );
    expectError(await gql(CASE, { aiSystemId: 'not-an-id', authorityId: AIO.id }, sb.innovator.token), 'NOT_FOUND');
  });
});
