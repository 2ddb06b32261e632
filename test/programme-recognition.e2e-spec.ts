import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CriterionService, CrosswalkService } from '@sandbridge/application';
import { type Actor, Category, Comparator, CriterionKind, Relation, Role, Stage, toUtcDay } from '@sandbridge/domain';
import {
  admitToTesting,
  bringIntoForce,
  buildSandbox,
  expectBadInput,
  expectError,
  expectForbidden,
  expectOk,
  reviewTestReport,
  type Sandbox,
  type SandboxAuthority,
  submitTestReport,
  TestApp,
} from '@sandbridge/testing';

// Programmes that accept recognised results (issue 6, deliverable 3): with the option on, the AI
// Office's entry and exit evaluation count a criterion as met when the system's SG-tested, accepted
// result is RECOGNISED for it through an EU–SG agreement in force today — shown with the result,
// agreement and rule — and admission needs no justification for it. RECOGNISED_WITH_CONDITIONS is
// shown (with its supplementary requirements) but not counted; the option off, or the agreement
// suspended, and the criterion is unmet again. Only reports the AI Office may read count.

type Vars = Record<string, unknown>;
const REF = 'id state version';
const step = (name: string, type = 'EnrolmentActionInput') =>
  `mutation($input: ${type}!) { ${name}(input: $input) { ${REF} } }`;
const CREATE_ENROLMENT = `mutation($input: CreateEnrolmentInput!) { createEnrolment(input: $input) { ${REF} } }`;
const [SUBMIT, START_REVIEW, REQUEST_EXIT] = ['submitEnrolment', 'startReview', 'requestExit'].map((name) =>
  step(name),
);
const DECIDE_ENTRY = step('decideEntry', 'DecideEntryInput');
const CREATE_AGREEMENT = `mutation($input: CreateAgreementInput!) { createAgreement(input: $input) { id } }`;
const ADD_RULE = `mutation($input: AddAgreementRuleInput!) { addAgreementRule(input: $input) { rules { id name } } }`;
const moveAgreement = (name: string) => `mutation($input: AgreementIdInput!) { ${name}(input: $input) { id status } }`;
const SUSPEND = moveAgreement('suspendAgreement');
const PROGRAMME_FIELDS = 'id status acceptsRecognisedResults';
const CREATE_PROGRAMME = `mutation($input: CreateProgrammeInput!) { createProgramme(input: $input) { ${PROGRAMME_FIELDS} } }`;
const UPDATE_PROGRAMME = `mutation($input: UpdateProgrammeInput!) { updateProgramme(input: $input) { ${PROGRAMME_FIELDS} } }`;
const ATTACH = `mutation($input: AttachCriterionInput!) { attachCriterion(input: $input) { stage mandatory } }`;
const TRANSITION = `mutation($input: TransitionProgrammeInput!) { transitionProgramme(input: $input) { ${PROGRAMME_FIELDS} } }`;
const PROGRAMME = `query($id: ID!) { programme(id: $id) { ${PROGRAMME_FIELDS} } }`;
const EVALUATION_FIELDS = `criterion { id key } mandatory outcome resultId metBy
  recognition { outcome result testedIn agreement rule divergent supplementary checks { name passed } }`;
const EVALUATIONS = `query($id: ID!) { enrolment(id: $id) { id tracks { authority { id }
  entryEvaluation { ${EVALUATION_FIELDS} }
  exit: evaluation(stage: EXIT) { ${EVALUATION_FIELDS} } } } }`;
const STATUS = `query($s: ID!, $a: ID!) { recognitionStatus(aiSystemId: $s, authorityId: $a) { criteria { criterion { id } outcome result } } }`;
const EXIT_REPORT = `query($id: ID!) { exitReport(enrolmentId: $id) { markdown authorities { authorityId criteria { criterionId outcome metBy recognition { outcome result rule } } } } }`;

const DAY = 86_400_000;
const daysAgo = (n: number) => toUtcDay(new Date(Date.now() - n * DAY));

describe('programmes that accept recognised results (e2e)', () => {
  let t: TestApp;
  let sb: Sandbox;
  let MAS: SandboxAuthority;
  let AIO: SandboxAuthority;
  let sg: { token: string };
  let eu: { token: string };
  /** The AI Office's criteria the tests attach: ENTRY auc/fair/robustness, EXIT auc. */
  const aio = { entryAuc: '', entryFair: '', entryRobustness: '', exitAuc: '' };
  const keys: Record<string, string> = {};
  /** SG-tested accepted results: AUC and disparity (PARTICIPANTS), robustness (HOME_AUTHORITY: MAS only). */
  const results = { auc: '', fairness: '', robustness: '' };
  let agreementId: string;
  let fullRule: string;
  let conditionalRule: string;
  /** P1: AI Office entry auc + fair (both mandatory) + robustness (optional); P2: entry auc, exit auc. */
  let p1: string;
  let p2: string;
  let e1: { id: string; version: number; state: string };
  let e2: { id: string; version: number; state: string };

  const gql = (query: string, variables: Vars, token: string) => t.gql<Record<string, any>>(query, variables, token);
  const act = async (mutation: string, token: string, ref: { id: string; version: number }, extra: Vars = {}) =>
    Object.values(
      expectOk(await gql(mutation, { input: { enrolmentId: ref.id, expectedVersion: ref.version, ...extra } }, token)),
    )[0] as { id: string; version: number; state: string };
  const aioTrack = async (enrolmentId: string, token = AIO.regulator.token) =>
    expectOk(await gql(EVALUATIONS, { id: enrolmentId }, token)).enrolment.tracks.find(
      (track: any) => track.authority.id === AIO.id,
    );
  const byCriterion = (rows: any[]) => Object.fromEntries(rows.map((row) => [row.criterion.id, row]));
  const setOption = async (programmeId: string, on: boolean) =>
    expect(
      expectOk(
        await gql(UPDATE_PROGRAMME, { input: { id: programmeId, acceptsRecognisedResults: on } }, MAS.regulator.token),
      ).updateProgramme.acceptsRecognisedResults,
    ).toBe(on);

  /** A DRAFT → OPEN programme led by MAS with the AI Office, MAS's first entry criterion and these AI Office criteria. */
  const programme = async (name: string, attach: [string, boolean][], acceptsRecognisedResults?: boolean) => {
    const input = {
      name,
      participantAuthorityIds: [AIO.id],
      sectors: ['FINANCE'],
      maxTestingDays: 90,
      cohortCapacity: 5,
      jointEntryRule: 'EACH_AUTHORITY',
      acceptsRecognisedResults,
    };
    const created = expectOk(await gql(CREATE_PROGRAMME, { input }, MAS.regulator.token)).createProgramme;
    expectOk(
      await gql(
        ATTACH,
        { input: { programmeId: created.id, criterionId: MAS.criteria.ENTRY[0] } },
        MAS.regulator.token,
      ),
    );
    for (const [criterionId, mandatory] of attach)
      expectOk(await gql(ATTACH, { input: { programmeId: created.id, criterionId, mandatory } }, AIO.regulator.token));
    expectOk(await gql(TRANSITION, { input: { id: created.id, action: 'OPEN' } }, MAS.regulator.token));
    return created as { id: string; acceptsRecognisedResults: boolean };
  };

  /** The sandbox's system applies to the AI Office only, with no entry results of its own. */
  const applyToAiOffice = async (programmeId: string) => {
    let ref = expectOk(
      await gql(
        CREATE_ENROLMENT,
        { input: { programmeId, aiSystemId: sb.systemId, targetAuthorityIds: [AIO.id] } },
        sb.innovator.token,
      ),
    ).createEnrolment;
    ref = await act(SUBMIT, sb.innovator.token, ref);
    return act(START_REVIEW, AIO.regulator.token, ref);
  };

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
    sg = await t.accountWithToken(`neg.sg.${tag}@programme-recognition.test`, Role.NEGOTIATOR, {
      jurisdictionCode: 'SG',
    });
    eu = await t.accountWithToken(`neg.eu.${tag}@programme-recognition.test`, Role.NEGOTIATOR, {
      jurisdictionCode: 'EU',
    });

    // Published criteria: MAS tests robustness; the AI Office asks for AUC, disparity and robustness at entry, AUC at exit.
    const regulator = (authorityId: string): Actor => ({
      accountId: 'programme-recognition-spec',
      role: Role.REGULATOR,
      authorityId,
      organisationId: null,
      jurisdictionCode: null,
    });
    const criteria = t.get(CriterionService);
    const publish = async (
      authority: SandboxAuthority,
      key: string,
      stage: Stage,
      category: Category,
      metricKey: string,
      comparator: Comparator,
      threshold: number,
    ) => {
      const draft = await criteria.create(regulator(authority.id), {
        key: `${key}.${tag}`,
        title: `${key} (${authority.acronym})`,
        stage,
        category,
        kind: CriterionKind.METRIC,
        metricKey,
        unit: 'ratio',
        comparator,
        threshold,
      });
      keys[draft.id] = draft.key;
      return (await criteria.publish(regulator(authority.id), draft.id)).id;
    };
    const masRobustness = await publish(
      MAS,
      'testing.robustness',
      Stage.TESTING,
      Category.ROBUSTNESS,
      'robustness.noise',
      Comparator.GTE,
      0.8,
    );
    aio.entryAuc = await publish(
      AIO,
      'entry.auc',
      Stage.ENTRY,
      Category.ACCURACY,
      'accuracy.auc',
      Comparator.GTE,
      0.85,
    );
    aio.entryFair = await publish(
      AIO,
      'entry.disparity',
      Stage.ENTRY,
      Category.FAIRNESS,
      'fairness.disparity',
      Comparator.LTE,
      0.1,
    );
    aio.entryRobustness = await publish(
      AIO,
      'entry.robustness',
      Stage.ENTRY,
      Category.ROBUSTNESS,
      'robustness.noise',
      Comparator.GTE,
      0.8,
    );
    aio.exitAuc = await publish(AIO, 'exit.auc', Stage.EXIT, Category.ACCURACY, 'accuracy.auc', Comparator.GTE, 0.85);
    const crosswalks = t.get(CrosswalkService);
    for (const [from, to] of [
      [MAS.criteria.TESTING[0], aio.entryAuc],
      [MAS.criteria.TESTING[0], aio.exitAuc],
      [MAS.criteria.EXIT[0], aio.entryFair],
      [masRobustness, aio.entryRobustness],
    ]) {
      await crosswalks.create(regulator(MAS.id), {
        fromCriterionId: from!,
        toCriterionId: to!,
        relation: Relation.EQUIVALENT,
      });
    }

    // In the sandbox's own programme the system tests with MAS, in Singapore; MAS accepts both reports.
    const ref = await admitToTesting(t, sb, MAS, [{ criterionId: MAS.criteria.ENTRY[0], attested: true }]);
    const report = async (confidentiality: string, values: [string, number][]) => {
      const submitted = await submitTestReport(t, sb, {
        enrolmentId: ref.id,
        submittedTo: MAS.id,
        testedIn: 'SG',
        periodStart: daysAgo(60),
        periodEnd: daysAgo(30),
        confidentiality,
        results: values.map(([criterionId, value]) => ({ criterionId, value })),
      });
      expect(submitted.results.map((r) => r.outcome)).toEqual(values.map(() => 'PASS'));
      await reviewTestReport(t, submitted.id, MAS.regulator.token);
      return submitted.results.map((r) => r.id);
    };
    [results.auc, results.fairness] = await report('PARTICIPANTS', [
      [MAS.criteria.TESTING[0], 0.91],
      [MAS.criteria.EXIT[0], 0.05],
    ]);
    [results.robustness] = await report('HOME_AUTHORITY', [[masRobustness, 0.9]]);

    // The EU recognises SG results: fully for AUC and robustness, with conditions for disparity.
    agreementId = expectOk(
      await gql(
        CREATE_AGREEMENT,
        { input: { name: `EU–SG MRA ${tag}`, kind: 'BILATERAL', parties: ['EU', 'SG'], effectiveFrom: daysAgo(90) } },
        eu.token,
      ),
    ).createAgreement.id;
    const rule = (input: Vars) =>
      gql(
        ADD_RULE,
        {
          input: {
            agreementId,
            origins: ['SG'],
            recognising: ['EU'],
            mode: 'CONFORMITY',
            conditions: { requireAccreditedLab: true },
            ...input,
          },
        },
        eu.token,
      );
    expectOk(
      await rule({ name: 'full', criteria: [aio.entryAuc, aio.exitAuc, aio.entryRobustness], effect: 'RECOGNISE' }),
    );
    const rules = expectOk(
      await rule({
        name: 'conditional',
        criteria: [aio.entryFair],
        effect: 'RECOGNISE_WITH_CONDITIONS',
        supplementary: { text: 'Disparity re-measured on EU applicants', criteria: [aio.entryFair] },
      }),
    ).addAgreementRule.rules;
    fullRule = rules.find((r: any) => r.name === 'full').id;
    conditionalRule = rules.find((r: any) => r.name === 'conditional').id;
    await bringIntoForce(t, agreementId, eu.token, [eu.token, sg.token]);

    const first = await programme(
      `Accepts recognised results ${tag}`,
      [
        [aio.entryAuc, true],
        [aio.entryFair, true],
        [aio.entryRobustness, false],
      ],
      true,
    );
    expect(first.acceptsRecognisedResults).toBe(true);
    p1 = first.id;
    const second = await programme(`Recognised exit ${tag}`, [
      [aio.entryAuc, true],
      [aio.exitAuc, true],
    ]);
    expect(second.acceptsRecognisedResults).toBe(false);
    p2 = second.id;
    e1 = await applyToAiOffice(p1);
    e2 = await applyToAiOffice(p2);
  }, 240_000);

  afterAll(async () => {
    await t?.close();
  });

  it('is off by default, set at creation, and read by everyone who sees the programme', async () => {
    expect(
      expectOk(await gql(PROGRAMME, { id: sb.programmeId }, sb.innovator.token)).programme.acceptsRecognisedResults,
    ).toBe(false);
    expect(expectOk(await gql(PROGRAMME, { id: p1 }, sb.innovator.token)).programme).toMatchObject({
      status: 'OPEN',
      acceptsRecognisedResults: true,
    });
    expect(expectOk(await gql(PROGRAMME, { id: p2 }, AIO.regulator.token)).programme.acceptsRecognisedResults).toBe(
      false,
    );
  });

  it('counts the recognised SG result as met at entry, shows which (result, agreement, rule), and shows a conditional recognition without counting it', async () => {
    for (const token of [AIO.regulator.token, sb.innovator.token]) {
      const entry = byCriterion((await aioTrack(e1.id, token)).entryEvaluation);
      expect(entry[aio.entryAuc]).toEqual({
        criterion: { id: aio.entryAuc, key: keys[aio.entryAuc] },
        mandatory: true,
        outcome: 'MET',
        resultId: results.auc,
        metBy: 'RECOGNISED_RESULT',
        recognition: {
          outcome: 'RECOGNISED',
          result: results.auc,
          testedIn: 'SG',
          agreement: agreementId,
          rule: fullRule,
          divergent: false,
          supplementary: null,
          checks: expect.arrayContaining([
            { name: 'accreditedLab', passed: true },
            { name: 'threshold', passed: true },
          ]),
        },
      });
      // With conditions: shown, with what is still required, but not met — the supplementary test is still needed.
      expect(entry[aio.entryFair]).toMatchObject({
        outcome: 'NOT_SUBMITTED',
        resultId: null,
        metBy: null,
        recognition: {
          outcome: 'RECOGNISED_WITH_CONDITIONS',
          result: results.fairness,
          testedIn: 'SG',
          agreement: agreementId,
          rule: conditionalRule,
          supplementary: { text: 'Disparity re-measured on EU applicants', criteria: [aio.entryFair] },
        },
      });
    }
  });

  it('counts only reports the evaluating authority may read: a HOME_AUTHORITY report to MAS is not the AI Office’s to rely on', async () => {
    // The AI Office may not read it, so it counts for the AI Office nowhere: not in the recognition
    // status of the innovator (which reads all its reports) nor of MAS (it was submitted to MAS)…
    for (const token of [sb.innovator.token, MAS.regulator.token]) {
      const status = expectOk(await gql(STATUS, { s: sb.systemId, a: AIO.id }, token)).recognitionStatus;
      expect(status.criteria.find((c: any) => c.criterion.id === aio.entryRobustness)).toMatchObject({
        outcome: 'GAP',
        result: null,
      });
    }
    // …nor in its track's evaluation — for every reader.
    for (const token of [AIO.regulator.token, sb.innovator.token]) {
      expect(byCriterion((await aioTrack(e1.id, token)).entryEvaluation)[aio.entryRobustness]).toMatchObject({
        outcome: 'NOT_SUBMITTED',
        metBy: null,
        recognition: null,
      });
    }
  });

  it('with the option off, evaluation is as before: the recognised criterion is unmet and nothing is shown', async () => {
    await setOption(p1, false);
    try {
      const entry = byCriterion((await aioTrack(e1.id)).entryEvaluation);
      for (const id of [aio.entryAuc, aio.entryFair])
        expect(entry[id]).toMatchObject({ outcome: 'NOT_SUBMITTED', resultId: null, metBy: null, recognition: null });
      // Admission now needs a justification for both mandatory criteria.
      const refused = expectBadInput(
        await gql(
          DECIDE_ENTRY,
          { input: { enrolmentId: e1.id, expectedVersion: e1.version, decision: 'ADMIT', reasons: 'Ready' } },
          AIO.regulator.token,
        ),
        'input.justification',
      );
      expect(refused.extensions?.errors?.[0]?.message).toContain(keys[aio.entryAuc]);
      expect(refused.extensions?.errors?.[0]?.message).toContain(keys[aio.entryFair]);
    } finally {
      await setOption(p1, true);
    }
  });

  it('admission needs no justification for a recognised criterion, but still does for one recognised only with conditions', async () => {
    const refused = expectBadInput(
      await gql(
        DECIDE_ENTRY,
        { input: { enrolmentId: e1.id, expectedVersion: e1.version, decision: 'ADMIT', reasons: 'Ready' } },
        AIO.regulator.token,
      ),
      'input.justification',
    );
    const message = refused.extensions!.errors![0]!.message;
    expect(message).toContain(keys[aio.entryFair]);
    expect(message).not.toContain(keys[aio.entryAuc]);

    // P2's only AI Office entry criterion is recognised: once P2 accepts recognised results, admission needs no justification.
    await setOption(p2, true);
    e2 = await act(DECIDE_ENTRY, AIO.regulator.token, e2, {
      decision: 'ADMIT',
      reasons: 'Accuracy already recognised under the EU–SG MRA',
    });
    expect(e2.state).toBe('TESTING');
    const track = expectOk(
      await gql(
        `query($id: ID!) { enrolment(id: $id) { tracks { state entryJustification } } }`,
        { id: e2.id },
        AIO.regulator.token,
      ),
    ).enrolment.tracks[0];
    expect(track).toEqual({ state: 'ADMITTED', entryJustification: null });
    // The funnel records no unmet entry criterion for that admission.
    const funnel = expectOk(
      await gql(
        `query($id: ID!) { programmeFunnel(programmeId: $id) { authorities { authority { id } topUnmetCriteria { criterion { id } } } } }`,
        { id: p2 },
        AIO.regulator.token,
      ),
    ).programmeFunnel;
    expect(funnel.authorities.find((a: any) => a.authority.id === AIO.id).topUnmetCriteria).toEqual([]);
  });

  it('counts the recognised result at exit too: the track’s exit evaluation and the exit report', async () => {
    const exit = byCriterion((await aioTrack(e2.id)).exit);
    expect(exit[aio.exitAuc]).toMatchObject({
      mandatory: true,
      outcome: 'MET',
      resultId: results.auc,
      metBy: 'RECOGNISED_RESULT',
      recognition: {
        outcome: 'RECOGNISED',
        result: results.auc,
        testedIn: 'SG',
        agreement: agreementId,
        rule: fullRule,
      },
    });
    e2 = await act(REQUEST_EXIT, sb.innovator.token, e2);
    expect(e2.state).toBe('EXIT_REVIEW');
    const report = expectOk(await gql(EXIT_REPORT, { id: e2.id }, AIO.regulator.token)).exitReport;
    expect(report.authorities[0].criteria).toEqual([
      {
        criterionId: aio.exitAuc,
        outcome: 'MET',
        metBy: 'RECOGNISED_RESULT',
        recognition: { outcome: 'RECOGNISED', result: results.auc, rule: fullRule },
      },
    ]);
    expect(report.markdown).toContain(
      `met by recognised: result ${results.auc} tested in SG, agreement ${agreementId} rule ${fullRule}`,
    );

    await setOption(p2, false);
    try {
      expect(byCriterion((await aioTrack(e2.id)).exit)[aio.exitAuc]).toMatchObject({
        outcome: 'NOT_SUBMITTED',
        metBy: null,
        recognition: null,
      });
    } finally {
      await setOption(p2, true);
    }
  });

  it('builds one recognition case per system and authority per request, however many evaluations ask', async () => {
    const counter = t.countQueries();
    const agreementReads = () => counter.queries.filter((q) => /FROM "agreement" "/.test(q)).length;
    counter.reset();
    const doubled = `query($id: ID!) { a: enrolment(id: $id) { tracks { entryEvaluation { outcome } exit: evaluation(stage: EXIT) { outcome } testing: evaluation(stage: TESTING) { outcome } } }
      b: enrolment(id: $id) { tracks { entryEvaluation { outcome metBy } } } }`;
    expectOk(await gql(doubled, { id: e2.id }, AIO.regulator.token));
    expect(agreementReads()).toBe(1);
    counter.reset();
    expectOk(
      await gql(
        `query($id: ID!) { enrolment(id: $id) { tracks { entryEvaluation { outcome } } } }`,
        { id: e2.id },
        AIO.regulator.token,
      ),
    );
    expect(agreementReads()).toBe(1);
  });

  it('is edited by the lead only, while DRAFT or OPEN', async () => {
    const update = (token: string, input: Vars) => gql(UPDATE_PROGRAMME, { input: { id: p1, ...input } }, token);
    expectForbidden(
      await update(AIO.regulator.token, { acceptsRecognisedResults: false }),
      'a participating, non-lead regulator',
    );
    expectForbidden(await update(sb.innovator.token, { acceptsRecognisedResults: false }), 'an innovator');
    expectError(await update(MAS.regulator.token, { acceptsRecognisedResults: 'yes' }), 'BAD_USER_INPUT');
    // null leaves it unchanged, like the other required fields.
    expect(
      expectOk(
        await update(MAS.regulator.token, { acceptsRecognisedResults: null, description: 'Recognised results count' }),
      ).updateProgramme.acceptsRecognisedResults,
    ).toBe(true);

    const tag = randomUUID().slice(0, 8);
    const running = expectOk(
      await gql(
        CREATE_PROGRAMME,
        { input: { name: `Running ${tag}`, maxTestingDays: 30, cohortCapacity: 1, jointEntryRule: 'LEAD_DECIDES' } },
        MAS.regulator.token,
      ),
    ).createProgramme;
    expect(running.acceptsRecognisedResults).toBe(false);
    expectOk(
      await gql(
        ATTACH,
        { input: { programmeId: running.id, criterionId: MAS.criteria.ENTRY[0] } },
        MAS.regulator.token,
      ),
    );
    // A DRAFT programme may change it…
    expect(
      expectOk(
        await gql(UPDATE_PROGRAMME, { input: { id: running.id, acceptsRecognisedResults: true } }, MAS.regulator.token),
      ).updateProgramme.acceptsRecognisedResults,
    ).toBe(true);
    for (const action of ['OPEN', 'START'])
      expectOk(await gql(TRANSITION, { input: { id: running.id, action } }, MAS.regulator.token));
    // …a RUNNING one may not: enrolments are being evaluated under it.
    expectError(
      await gql(UPDATE_PROGRAMME, { input: { id: running.id, acceptsRecognisedResults: false } }, MAS.regulator.token),
      'INVALID_TRANSITION',
    );
    expect(expectOk(await gql(PROGRAMME, { id: running.id }, MAS.regulator.token)).programme).toMatchObject({
      status: 'RUNNING',
      acceptsRecognisedResults: true,
    });
  });

  it('stops counting once the agreement is suspended: unmet again, and admission needs a justification again', async () => {
    expect(expectOk(await gql(SUSPEND, { input: { id: agreementId } }, sg.token)).suspendAgreement.status).toBe(
      'SUSPENDED',
    );
    const entry = byCriterion((await aioTrack(e1.id)).entryEvaluation);
    expect(entry[aio.entryAuc]).toMatchObject({
      outcome: 'NOT_SUBMITTED',
      resultId: null,
      metBy: null,
      recognition: null,
    });
    expect(entry[aio.entryFair]).toMatchObject({ outcome: 'NOT_SUBMITTED', recognition: null });
    expect(byCriterion((await aioTrack(e2.id)).exit)[aio.exitAuc]).toMatchObject({
      outcome: 'NOT_SUBMITTED',
      metBy: null,
      recognition: null,
    });
    const refused = expectBadInput(
      await gql(
        DECIDE_ENTRY,
        { input: { enrolmentId: e1.id, expectedVersion: e1.version, decision: 'ADMIT', reasons: 'Ready' } },
        AIO.regulator.token,
      ),
      'input.justification',
    );
    expect(refused.extensions!.errors![0]!.message).toContain(keys[aio.entryAuc]);
  });
});
