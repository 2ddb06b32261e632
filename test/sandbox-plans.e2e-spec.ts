import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type EnrolmentEvent, EventBus } from '@sandbridge/application';
import { Role } from '@sandbridge/domain';
import {
  buildSandbox,
  type TestClock,
  controlClock,
  entryResultsMeeting,
  type EnrolmentRef,
  expectBadInput,
  expectError,
  expectNoLeak,
  expectOk,
  planInput,
  type Sandbox,
  type SandboxAuthority,
  TestApp,
} from '@sandbridge/testing';

// Sandbox plans end to end (docs/domain.md#sandbox-plans): proposed by the innovator, approved by
// every admitting, unsuspended authority (or sent back with reasons), amended and extended while the
// agreed version stays in force; reports only under an agreed version, recording it; each section
// under its own confidentiality. The app's clock stands on TODAY (a UTC day) so that extension
// deadlines are tested at their boundary days.

type Vars = Record<string, unknown>;

const TODAY = '2027-03-01';
/** TODAY + 30 and TODAY + 29 days. */
const END_30 = '2027-03-31';
const END_29 = '2027-03-30';

const REF = 'id state version';
const step = (name: string, type = 'EnrolmentActionInput') =>
  `mutation($input: ${type}!) { ${name}(input: $input) { ${REF} } }`;
const SECTION = 'confidentiality withheld authority { acronym }';
const PLAN_FIELDS = `id version status inForce amends extension reasons proposedAt decidedAt supersededAt supersededBy withheld
  enrolment { ${REF} }
  timeline { ${SECTION} startDay endDay milestones { day title } }
  objectives { ${SECTION} text } scope { ${SECTION} text }
  requirements { ${SECTION} criteria { id key } }
  personalData { ${SECTION} processed description dataProtectionAuthority { acronym } }
  safeguards { ${SECTION} text } seriousIncidentProcedure { ${SECTION} text }
  realWorldTesting { ${SECTION} location subjects informedConsent durationDays }
  approvals { authority { acronym } decision reasons decidedAt }
  awaitingApprovalFrom { acronym }`;
const PROPOSE = `mutation($input: ProposeSandboxPlanInput!) { proposeSandboxPlan(input: $input) { ${PLAN_FIELDS} } }`;
const APPROVE = `mutation($input: ApproveSandboxPlanInput!) { approveSandboxPlan(input: $input) { ${PLAN_FIELDS} } }`;
const CHANGES = `mutation($input: RequestPlanChangesInput!) { requestPlanChanges(input: $input) { ${PLAN_FIELDS} } }`;
const EXTEND = `mutation($input: RequestExtensionInput!) { requestExtension(input: $input) { ${PLAN_FIELDS} } }`;
const NEWEST = `query($id: ID!) { sandboxPlan(enrolmentId: $id) { ${PLAN_FIELDS} } }`;
const ENROLMENT = `query($id: ID!) { enrolment(id: $id) {
  ${REF} plan { id version status inForce } planVersions { id version status inForce }
  allowedPlanActions { action allowed reason reasonCode }
  allowedTransitions { action allowed reasonCode }
} }`;
const SUBMIT = `mutation($input: SubmitTestReportInput!) { submitTestReport(input: $input) { id planVersion } }`;
const PREVIEW = `query($input: PreviewTestReportInput!) { previewTestReport(input: $input) { passed } }`;
const AUDIT = `query($id: ID!) { auditTrail(filter: { enrolmentId: $id }, first: 100) { edges { node { action entityType entityId data } } } }`;

let t: TestApp;
let clock: TestClock;
let sb: Sandbox;
let fca: SandboxAuthority;
let mas: SandboxAuthority;
/** Takes part in the programme, targeted by none of these enrolments. */
let aio: SandboxAuthority;
let otherInnovator: string;
let outsider: string;
let admin: string;
const events: EnrolmentEvent[] = [];

async function ok<T = any>(query: string, variables: Vars, token: string): Promise<T> {
  return Object.values(expectOk(await t.gql(query, variables, token)))[0] as T;
}

/** A new system of the sandbox's organisation enrolled with FCA and MAS (by default), both admitting: TESTING, no plan. */
async function admitted(authorities: SandboxAuthority[] = [fca, mas]): Promise<EnrolmentRef> {
  const system = await ok(
    'mutation($input: RegisterAiSystemInput!) { registerAiSystem(input: $input) { id } }',
    {
      input: {
        name: `Credit model ${randomUUID().slice(0, 8)}`,
        sector: 'FINANCE',
        intendedPurpose: 'Scores loans.',
        riskClass: 'HIGH',
      },
    },
    sb.innovator.token,
  );
  let ref: EnrolmentRef = await ok(
    `mutation($input: CreateEnrolmentInput!) { createEnrolment(input: $input) { ${REF} } }`,
    {
      input: {
        programmeId: sb.programmeId,
        aiSystemId: system.id,
        targetAuthorityIds: authorities.map((a) => a.id),
        entryResults: entryResultsMeeting(authorities),
      },
    },
    sb.innovator.token,
  );
  const act = async (name: string, token: string, extra: Vars = {}, type?: string) => {
    ref = await ok(step(name, type), { input: { enrolmentId: ref.id, expectedVersion: ref.version, ...extra } }, token);
  };
  await act('submitEnrolment', sb.innovator.token);
  await act('startReview', authorities[0].regulator.token);
  for (const a of authorities)
    await act('decideEntry', a.regulator.token, { decision: 'ADMIT', reasons: 'Ready' }, 'DecideEntryInput');
  expect(ref.state).toBe('TESTING');
  return ref;
}

async function enrolment(id: string, token = sb.innovator.token) {
  return ok(ENROLMENT, { id }, token);
}

async function propose(ref: EnrolmentRef, fields: Vars = {}, token = sb.innovator.token) {
  return t.gql(PROPOSE, { input: planInput(ref.id, ref.version, fields) }, token);
}

async function approve(plan: { id: string; enrolment: EnrolmentRef }, authority: SandboxAuthority, version?: number) {
  return t.gql(
    APPROVE,
    { input: { planId: plan.id, expectedVersion: version ?? plan.enrolment.version } },
    authority.regulator.token,
  );
}

/** Proposes (planInput with `fields`) and has FCA then MAS approve: the plan AGREED. */
async function agreed(ref: EnrolmentRef, fields: Vars = {}, approvers = [fca, mas]) {
  let plan = expectOk(await propose(ref, fields)).proposeSandboxPlan;
  for (const a of approvers) plan = expectOk(await approve(plan, a)).approveSandboxPlan;
  expect(plan.status).toBe('AGREED');
  return plan;
}

function report(enrolmentId: string, extra: Vars = {}) {
  return {
    enrolmentId,
    submittedTo: fca.id,
    testedIn: 'GB',
    periodStart: '2027-01-05',
    periodEnd: '2027-02-05',
    lab: { name: 'Lab', accredited: true, accreditationBody: 'UKAS' },
    method: { id: 'ISO/IEC 23894:2023 §6.4', version: '2023' },
    confidentiality: 'PARTICIPANTS',
    results: [{ criterionId: fca.criteria.TESTING[0], value: 0.9 }],
    idempotencyKey: randomUUID(),
    ...extra,
  };
}

beforeAll(async () => {
  // Tokens are checked against the app's clock: long-lived, so the clock may move by days.
  t = await TestApp.create({ JWT_TTL_SECONDS: String(30 * 24 * 3600) });
  clock = controlClock(t);
  clock.set(TODAY);
  sb = await buildSandbox(t, { cohortCapacity: 100 });
  [fca, mas, aio] = [sb.authority.FCA, sb.authority.MAS, sb.authority['AI Office']];
  const org = await t.createOrganisation(`Other ${randomUUID().slice(0, 8)}`, 'SG');
  otherInnovator = (
    await t.accountWithToken(`other.${randomUUID()}@plans.test`, Role.INNOVATOR, { organisationId: org })
  ).token;
  outsider = (
    await t.accountWithToken(`ico.${randomUUID()}@plans.test`, Role.REGULATOR, {
      authorityId: await t.authorityId('GB', 'ICO'),
    })
  ).token;
  admin = await t.adminToken();
  t.get(EventBus).events$.subscribe((e) => events.push(e));
}, 120_000);

afterAll(async () => {
  clock?.restore();
  await t?.close();
});

describe('agreeing a plan', () => {
  it('propose → FCA approves (still PROPOSED, awaiting MAS) → MAS approves → AGREED, in force; audited and published', async () => {
    const ref = await admitted();
    events.length = 0;
    const proposed = expectOk(
      await propose(ref, {
        reasons: 'Our first plan',
        personalData: {
          processed: true,
          dataProtectionAuthorityId: await t.authorityId('GB', 'ICO'),
          description: 'Applicants’ credit files',
        },
        realWorldTesting: {
          location: 'London',
          subjects: 500,
          informedConsent: 'Written, before any decision',
          durationDays: 10,
        },
      }),
    ).proposeSandboxPlan;
    expect(proposed).toMatchObject({
      version: 1,
      status: 'PROPOSED',
      inForce: false,
      amends: null,
      extension: false,
      reasons: 'Our first plan',
      withheld: 0,
      enrolment: { id: ref.id, version: ref.version + 1 },
      timeline: {
        startDay: '2026-01-05',
        endDay: '2026-01-15',
        milestones: [{ day: '2026-01-10', title: 'Mid-test review' }],
      },
      personalData: {
        processed: true,
        dataProtectionAuthority: { acronym: 'ICO' },
        confidentiality: 'PUBLIC',
        withheld: false,
      },
      realWorldTesting: { location: 'London', subjects: 500, durationDays: 10 },
      approvals: [],
    });
    expect(proposed.awaitingApprovalFrom.map((a: any) => a.acronym).sort()).toEqual(['FCA', 'MAS']);
    // The requirements default to the admitting authorities' attached TESTING and EXIT criteria.
    expect(proposed.requirements.criteria.map((c: any) => c.id).sort()).toEqual(
      [...fca.criteria.TESTING, ...fca.criteria.EXIT, ...mas.criteria.TESTING, ...mas.criteria.EXIT].sort(),
    );

    const first = expectOk(await approve(proposed, fca)).approveSandboxPlan;
    expect(first).toMatchObject({ status: 'PROPOSED', awaitingApprovalFrom: [{ acronym: 'MAS' }] });
    expect(first.approvals).toEqual([
      { authority: { acronym: 'FCA' }, decision: 'APPROVED', reasons: null, decidedAt: expect.any(String) },
    ]);
    // Not in force yet: reports still wait.
    expect((await enrolment(ref.id)).plan).toMatchObject({ version: 1, status: 'PROPOSED', inForce: false });

    const last = expectOk(await approve(first, mas)).approveSandboxPlan;
    expect(last).toMatchObject({
      status: 'AGREED',
      inForce: true,
      awaitingApprovalFrom: [],
      decidedAt: expect.any(String),
    });
    // Both decided at the same instant of the test's clock: compared in acronym order.
    expect(last.approvals.map((a: any) => [a.authority.acronym, a.decision]).sort()).toEqual([
      ['FCA', 'APPROVED'],
      ['MAS', 'APPROVED'],
    ]);
    const seen = await enrolment(ref.id);
    expect(seen.version).toBe(ref.version + 3);
    expect(seen.plan).toEqual({ id: proposed.id, version: 1, status: 'AGREED', inForce: true });
    expect(seen.planVersions).toEqual([seen.plan]);
    expect(seen.allowedTransitions.find((a: any) => a.action === 'SUBMIT_TEST_REPORT')).toMatchObject({
      allowed: true,
    });

    const trail = (await ok(AUDIT, { id: ref.id }, admin)).edges.map((e: any) => e.node);
    const planEntries = trail.filter((e: any) => e.entityType === 'SANDBOX_PLAN');
    expect(planEntries.map((e: any) => [e.action, e.data.status, e.data.authorityId])).toEqual([
      ['PROPOSE_SANDBOX_PLAN', 'PROPOSED', null],
      ['APPROVE_SANDBOX_PLAN', 'PROPOSED', fca.id],
      ['APPROVE_SANDBOX_PLAN', 'AGREED', mas.id],
    ]);
    // The trail records the sections' markings, never what they say.
    expect(JSON.stringify(planEntries)).not.toContain('Applicants’ credit files');
    expect(events.filter((e) => e.enrolmentId === ref.id).map((e) => [e.type, e.toState])).toEqual([
      ['PLAN_CHANGED', 'PROPOSED'],
      ['PLAN_CHANGED', 'PROPOSED'],
      ['PLAN_CHANGED', 'AGREED'],
    ]);
  });

  it('cannot be proposed before a track is admitted (INVALID_TRANSITION), nor by a regulator (FORBIDDEN)', async () => {
    const created = await ok(
      `mutation($input: CreateEnrolmentInput!) { createEnrolment(input: $input) { ${REF} } }`,
      {
        input: {
          programmeId: sb.programmeId,
          aiSystemId: (
            await ok(
              'mutation($input: RegisterAiSystemInput!) { registerAiSystem(input: $input) { id } }',
              {
                input: {
                  name: `Draft ${randomUUID()}`,
                  sector: 'FINANCE',
                  intendedPurpose: 'Scores loans.',
                  riskClass: 'HIGH',
                },
              },
              sb.innovator.token,
            )
          ).id,
          targetAuthorityIds: [fca.id],
          entryResults: entryResultsMeeting([fca]),
        },
      },
      sb.innovator.token,
    );
    const submitted = await ok(
      step('submitEnrolment'),
      { input: { enrolmentId: created.id, expectedVersion: created.version } },
      sb.innovator.token,
    );
    const refused = expectError(await propose(submitted), 'INVALID_TRANSITION');
    expect(refused.extensions?.reason).toBe('NO_ADMITTED_TRACK');
    expect((await enrolment(created.id)).planVersions).toEqual([]);

    const ref = await admitted([fca]);
    expectError(await propose(ref, {}, fca.regulator.token), 'FORBIDDEN');
  });

  it('refuses content the programme does not allow, at the field', async () => {
    const ref = await admitted([fca]);
    // The programme allows 180 days of testing: 2027-01-01 + 180 days = 2027-06-30.
    expectBadInput(
      await propose(ref, { timeline: { startDay: '2027-01-01', endDay: '2027-07-01' } }),
      'input.timeline.endDay',
    );
    expectBadInput(
      await propose(ref, { requirements: { criterionIds: [fca.criteria.TESTING[0]] } }),
      'input.requirements.criterionIds',
    );
    expectBadInput(
      await propose(ref, {
        requirements: { criterionIds: [...fca.criteria.TESTING, ...fca.criteria.EXIT, mas.criteria.TESTING[0]] },
      }),
      'input.requirements.criterionIds.3',
    );
    expectBadInput(
      await propose(ref, { safeguards: { text: 'x', confidentiality: 'HOME_AUTHORITY' } }),
      'input.safeguards.authorityId',
    );
    expectBadInput(
      await propose(ref, { safeguards: { text: 'x', confidentiality: 'HOME_AUTHORITY', authorityId: mas.id } }),
      'input.safeguards.authorityId',
    );
    expectBadInput(
      await propose(ref, { personalData: { processed: true } }),
      'input.personalData.dataProtectionAuthorityId',
    );
    // Nothing was written, the enrolment's version did not move.
    expect(await enrolment(ref.id)).toMatchObject({ version: ref.version, planVersions: [] });
    // The 180th day after the start is the last allowed.
    expect(
      expectOk(await propose(ref, { timeline: { startDay: '2027-01-01', endDay: '2027-06-30' } })).proposeSandboxPlan,
    ).toMatchObject({ status: 'PROPOSED', timeline: { endDay: '2027-06-30' } });
  });

  it('changes requested, with reasons, then re-proposed as a new version and agreed', async () => {
    const ref = await admitted();
    const v1 = expectOk(await propose(ref)).proposeSandboxPlan;
    const afterFca = expectOk(await approve(v1, fca)).approveSandboxPlan;
    expectBadInput(
      await t.gql(CHANGES, { input: { planId: v1.id, reasons: '   ' } }, mas.regulator.token),
      'input.reasons',
    );
    const asked = expectOk(
      await t.gql(
        CHANGES,
        {
          input: {
            planId: v1.id,
            reasons: 'Add a human review of every decline',
            expectedVersion: afterFca.enrolment.version,
          },
        },
        mas.regulator.token,
      ),
    ).requestPlanChanges;
    expect(asked).toMatchObject({
      version: 1,
      status: 'CHANGES_REQUESTED',
      decidedAt: expect.any(String),
      awaitingApprovalFrom: [],
    });
    expect(asked.approvals.map((a: any) => [a.authority.acronym, a.decision, a.reasons]).sort()).toEqual([
      ['FCA', 'APPROVED', null],
      ['MAS', 'CHANGES_REQUESTED', 'Add a human review of every decline'],
    ]);
    // A closed version takes no more decisions.
    expect(expectError(await approve(asked, mas), 'INVALID_TRANSITION').extensions?.reason).toBe('PLAN_NOT_PROPOSED');
    // Still no agreed plan: reports wait.
    expect(
      expectError(await t.gql(SUBMIT, { input: report(ref.id) }, sb.innovator.token), 'INVALID_TRANSITION').extensions
        ?.reason,
    ).toBe('PLAN_NOT_AGREED');

    const v2 = expectOk(
      await propose(asked.enrolment, {
        reasons: 'Human review added',
        safeguards: { text: 'A human reviews every decline.' },
      }),
    ).proposeSandboxPlan;
    expect(v2).toMatchObject({ version: 2, status: 'PROPOSED', amends: null, approvals: [] });
    expect(v2.awaitingApprovalFrom.map((a: any) => a.acronym).sort()).toEqual(['FCA', 'MAS']);
    const agreedV2 = expectOk(
      await approve(expectOk(await approve(v2, fca)).approveSandboxPlan, mas),
    ).approveSandboxPlan;
    expect(agreedV2).toMatchObject({ status: 'AGREED', safeguards: { text: 'A human reviews every decline.' } });
    expect((await enrolment(ref.id)).planVersions.map((p: any) => [p.version, p.status, p.inForce])).toEqual([
      [2, 'AGREED', true],
      [1, 'CHANGES_REQUESTED', false],
    ]);
  });
});

describe('amendments', () => {
  it('the agreed version stays in force until the amendment is agreed; reports record the version they were made under', async () => {
    const ref = await admitted();
    const v1 = await agreed(ref);
    const under1 = await ok(SUBMIT, { input: report(ref.id) }, sb.innovator.token);
    expect(under1.planVersion).toBe(1);

    const v2 = expectOk(
      await propose(v1.enrolment, {
        reasons: 'A shorter test',
        timeline: { startDay: '2026-01-05', endDay: '2026-01-12' },
      }),
    ).proposeSandboxPlan;
    expect(v2).toMatchObject({ version: 2, status: 'PROPOSED', amends: 1, extension: false, inForce: false });
    // sandboxPlan is the newest version; Enrolment.plan the one in force.
    expect(await ok(NEWEST, { id: ref.id }, sb.innovator.token)).toMatchObject({ version: 2, status: 'PROPOSED' });
    expect((await enrolment(ref.id)).plan).toMatchObject({ version: 1, status: 'AGREED', inForce: true });
    // Reports go on under version 1 meanwhile.
    expect((await ok(SUBMIT, { input: report(ref.id) }, sb.innovator.token)).planVersion).toBe(1);

    const half = expectOk(await approve(v2, fca)).approveSandboxPlan;
    expect((await enrolment(ref.id)).plan.version).toBe(1);
    const done = expectOk(await approve(half, mas)).approveSandboxPlan;
    expect(done).toMatchObject({ version: 2, status: 'AGREED', inForce: true, timeline: { endDay: '2026-01-12' } });
    const versions = (
      await ok(
        `query($id: ID!) { enrolment(id: $id) { planVersions { version status inForce supersededBy supersededAt } } }`,
        { id: ref.id },
        sb.innovator.token,
      )
    ).planVersions;
    expect(versions).toEqual([
      { version: 2, status: 'AGREED', inForce: true, supersededBy: null, supersededAt: null },
      { version: 1, status: 'SUPERSEDED', inForce: false, supersededBy: 2, supersededAt: expect.any(String) },
    ]);
    expect((await ok(SUBMIT, { input: report(ref.id) }, sb.innovator.token)).planVersion).toBe(2);
    // Each report keeps the version it was made under.
    const reports = (
      await ok(
        `query($id: ID!) { enrolment(id: $id) { testReports { id planVersion } } }`,
        { id: ref.id },
        sb.innovator.token,
      )
    ).testReports;
    expect(reports.map((r: any) => r.planVersion)).toEqual([1, 1, 2]);
  });

  it('a report under a superseded version is refused; under the version in force it goes in', async () => {
    const ref = await admitted();
    const v1 = await agreed(ref);
    await agreed(v1.enrolment, { reasons: 'Amended' });
    const stale = expectError(
      await t.gql(SUBMIT, { input: report(ref.id, { planVersion: 1 }) }, sb.innovator.token),
      'INVALID_TRANSITION',
    );
    expect(stale.extensions?.reason).toBe('PLAN_SUPERSEDED');
    // The preview answers exactly as the submission would.
    const { idempotencyKey: _key, ...preview } = report(ref.id, { planVersion: 1 });
    expect(
      expectError(await t.gql(PREVIEW, { input: preview }, sb.innovator.token), 'INVALID_TRANSITION').extensions
        ?.reason,
    ).toBe('PLAN_SUPERSEDED');
    expectBadInput(
      await t.gql(SUBMIT, { input: report(ref.id, { planVersion: 9 }) }, sb.innovator.token),
      'input.planVersion',
    );
    expect((await ok(SUBMIT, { input: report(ref.id, { planVersion: 2 }) }, sb.innovator.token)).planVersion).toBe(2);
    // A proposal newer than the one in force is not agreed.
    const v3 = expectOk(await propose((await enrolment(ref.id)) as EnrolmentRef)).proposeSandboxPlan;
    expect(
      expectError(
        await t.gql(SUBMIT, { input: report(ref.id, { planVersion: v3.version }) }, sb.innovator.token),
        'INVALID_TRANSITION',
      ).extensions?.reason,
    ).toBe('PLAN_NOT_AGREED');
  });

  it('an approval racing an amendment: one wins, the other is a CONFLICT (in either order)', async () => {
    // The amendment first: FCA's approval of the replaced version, at the version it read, is refused.
    const ref = await admitted();
    const v1 = await agreed(ref);
    const v2 = expectOk(await propose(v1.enrolment, { reasons: 'Amendment A' })).proposeSandboxPlan;
    const read = v2.enrolment.version;
    const v3 = expectOk(await propose(v2.enrolment, { reasons: 'Amendment B' })).proposeSandboxPlan;
    expectError(await approve(v2, fca, read), 'CONFLICT');
    const versions = (await enrolment(ref.id)).planVersions;
    expect(versions.map((p: any) => [p.version, p.status])).toEqual([
      [3, 'PROPOSED'],
      [2, 'SUPERSEDED'],
      [1, 'AGREED'],
    ]);
    expect((await ok(NEWEST, { id: ref.id }, fca.regulator.token)).approvals).toEqual([]);
    expect(v3.awaitingApprovalFrom.map((a: any) => a.acronym).sort()).toEqual(['FCA', 'MAS']);

    // The approval first: the amendment proposed at the version read before it is refused.
    const other = await admitted();
    const w1 = await agreed(other);
    const w2 = expectOk(await propose(w1.enrolment)).proposeSandboxPlan;
    expectOk(await approve(w2, fca));
    expectError(await propose(w2.enrolment, { reasons: 'Too late' }), 'CONFLICT');
    const after = await ok(NEWEST, { id: other.id }, sb.innovator.token);
    expect(after).toMatchObject({ version: 2, status: 'PROPOSED', approvals: [{ authority: { acronym: 'FCA' } }] });
  });

  it('a suspended authority’s approval is not needed, and refused', async () => {
    const ref = await admitted();
    const suspended = await ok(
      step('suspendTrack', 'SuspendTrackInput'),
      { input: { enrolmentId: ref.id, expectedVersion: ref.version, ground: 'UNMITIGABLE_RISK', reasons: 'Paused' } },
      mas.regulator.token,
    );
    const v1 = expectOk(await propose(suspended)).proposeSandboxPlan;
    expect(v1.awaitingApprovalFrom.map((a: any) => a.acronym)).toEqual(['FCA']);
    const refused = expectError(await approve(v1, mas), 'INVALID_TRANSITION');
    expect(refused.extensions?.reason).toBe('TRACK_NOT_ADMITTED');
    expect(
      expectError(
        await t.gql(CHANGES, { input: { planId: v1.id, reasons: 'No' } }, mas.regulator.token),
        'INVALID_TRANSITION',
      ).extensions?.reason,
    ).toBe('TRACK_NOT_ADMITTED');
    const masActions = (await enrolment(ref.id, mas.regulator.token)).allowedPlanActions;
    expect(masActions.find((a: any) => a.action === 'APPROVE')).toMatchObject({
      allowed: false,
      reasonCode: 'TRACK_NOT_ADMITTED',
    });
    const done = expectOk(await approve(v1, fca)).approveSandboxPlan;
    expect(done).toMatchObject({
      status: 'AGREED',
      approvals: [{ authority: { acronym: 'FCA' }, decision: 'APPROVED' }],
    });
    // A participating authority not targeted by the enrolment has no say at all.
    const v2 = expectOk(await propose(done.enrolment)).proposeSandboxPlan;
    expectError(await approve(v2, aio), 'FORBIDDEN');
  });
});

describe('test reports need an agreed plan', () => {
  it('no plan, or only a proposal: PLAN_NOT_AGREED (submission, preview and allowedTransitions agree)', async () => {
    const ref = await admitted([fca]);
    const check = async () => {
      const refused = expectError(
        await t.gql(SUBMIT, { input: report(ref.id) }, sb.innovator.token),
        'INVALID_TRANSITION',
      );
      expect(refused.extensions?.reason).toBe('PLAN_NOT_AGREED');
      const { idempotencyKey: _key, ...preview } = report(ref.id);
      expect(
        expectError(await t.gql(PREVIEW, { input: preview }, sb.innovator.token), 'INVALID_TRANSITION').extensions
          ?.reason,
      ).toBe('PLAN_NOT_AGREED');
      const allowed = (await enrolment(ref.id)).allowedTransitions.find((a: any) => a.action === 'SUBMIT_TEST_REPORT');
      expect(allowed).toEqual({ action: 'SUBMIT_TEST_REPORT', allowed: false, reasonCode: 'PLAN_NOT_AGREED' });
    };
    await check();
    const proposed = expectOk(await propose(ref)).proposeSandboxPlan;
    await check();
    const before = (
      await ok(`query($id: ID!) { enrolment(id: $id) { testReports { id } } }`, { id: ref.id }, sb.innovator.token)
    ).testReports;
    expect(before).toEqual([]);
    expectOk(await approve(proposed, fca));
    expect((await ok(SUBMIT, { input: report(ref.id) }, sb.innovator.token)).planVersion).toBe(1);
  });
});

describe('extensions (no later than the agreed end day − 30 days, UTC)', () => {
  const plan = (endDay: string) => ({ timeline: { startDay: '2027-01-01', endDay } });

  it(`on the day end − 30 (${TODAY} for an end on ${END_30}) an extension is accepted; on end − 29 refused`, async () => {
    const onTime = await admitted();
    const agreedPlan = await agreed(onTime, plan(END_30));
    const extension = expectOk(
      await t.gql(
        EXTEND,
        { input: { enrolmentId: onTime.id, endDay: '2027-04-30', reasons: 'More applicants than planned' } },
        sb.innovator.token,
      ),
    ).requestExtension;
    expect(extension).toMatchObject({
      version: 2,
      status: 'PROPOSED',
      amends: 1,
      extension: true,
      reasons: 'More applicants than planned',
      timeline: { startDay: '2027-01-01', endDay: '2027-04-30' },
      // Everything else copied from the agreed version.
      objectives: { text: agreedPlan.objectives.text },
    });
    // Approved like any amendment; until then the agreed end day stands.
    expect((await enrolment(onTime.id)).plan).toMatchObject({ version: 1, inForce: true });
    const done = expectOk(
      await approve(expectOk(await approve(extension, fca)).approveSandboxPlan, mas),
    ).approveSandboxPlan;
    expect(done).toMatchObject({ status: 'AGREED', timeline: { endDay: '2027-04-30' } });

    const late = await admitted();
    await agreed(late, plan(END_29));
    const refused = expectError(
      await t.gql(
        EXTEND,
        { input: { enrolmentId: late.id, endDay: '2027-04-30', reasons: 'Too late' } },
        sb.innovator.token,
      ),
      'INVALID_TRANSITION',
    );
    expect(refused.extensions?.reason).toBe('EXTENSION_TOO_LATE');
    expect(
      (await enrolment(late.id)).allowedPlanActions.find((a: any) => a.action === 'REQUEST_EXTENSION'),
    ).toMatchObject({
      allowed: false,
      reasonCode: 'EXTENSION_TOO_LATE',
    });
    // The same through an amendment that moves the end day later.
    const stale = await enrolment(late.id);
    expect(expectError(await propose(stale, plan('2027-04-30')), 'INVALID_TRANSITION').extensions?.reason).toBe(
      'EXTENSION_TOO_LATE',
    );
    expect((await enrolment(late.id)).planVersions).toHaveLength(1);
  });

  it('the same plan: accepted on its day end − 30, refused the next day (the clock moves)', async () => {
    const ref = await admitted([fca]);
    await agreed(ref, plan(END_30), [fca]);
    try {
      clock.set('2027-03-02');
      expect(
        expectError(
          await t.gql(
            EXTEND,
            { input: { enrolmentId: ref.id, endDay: '2027-04-30', reasons: 'Late' } },
            sb.innovator.token,
          ),
          'INVALID_TRANSITION',
        ).extensions?.reason,
      ).toBe('EXTENSION_TOO_LATE');
    } finally {
      clock.set(TODAY);
    }
    expect(
      expectOk(
        await t.gql(
          EXTEND,
          { input: { enrolmentId: ref.id, endDay: '2027-04-30', reasons: 'In time' } },
          sb.innovator.token,
        ),
      ).requestExtension,
    ).toMatchObject({ version: 2, extension: true });
  });

  it('needs an agreed plan, reasons, and a later end day within the maximum testing period', async () => {
    const ref = await admitted([fca]);
    const extend = (endDay: string, reasons = 'Why') =>
      t.gql(EXTEND, { input: { enrolmentId: ref.id, endDay, reasons } }, sb.innovator.token);
    expect(expectError(await extend('2027-04-30'), 'INVALID_TRANSITION').extensions?.reason).toBe('PLAN_NOT_AGREED');
    await agreed(ref, plan('2027-04-30'), [fca]);
    expectBadInput(await extend('2027-05-30', ' '), 'input.reasons');
    expectBadInput(await extend('2027-04-30'), 'input.endDay');
    // 2027-01-01 + 180 days = 2027-06-30.
    expectBadInput(await extend('2027-07-01'), 'input.timeline.endDay');
    expectError(
      await t.gql(
        EXTEND,
        { input: { enrolmentId: ref.id, endDay: '2027-05-30', reasons: 'Why' } },
        fca.regulator.token,
      ),
      'FORBIDDEN',
    );
  });
});

describe('who sees what', () => {
  let enrolmentId: string;
  let planId: string;
  const marked = () => ({
    objectives: { text: 'For the programme’s authorities', confidentiality: 'PARTICIPANTS' },
    safeguards: { text: 'For FCA alone', confidentiality: 'HOME_AUTHORITY', authorityId: fca.id },
    realWorldTesting: {
      location: 'Singapore',
      subjects: 200,
      informedConsent: 'Written',
      durationDays: 10,
      confidentiality: 'HOME_AUTHORITY',
      authorityId: mas.id,
    },
  });

  beforeAll(async () => {
    const ref = await admitted();
    const plan = await agreed(ref, marked());
    enrolmentId = ref.id;
    planId = plan.id;
  });

  it('the innovator and administrators read every section', async () => {
    for (const token of [sb.innovator.token, admin]) {
      const plan = await ok(NEWEST, { id: enrolmentId }, token);
      expect(plan).toMatchObject({
        withheld: 0,
        objectives: { text: 'For the programme’s authorities', withheld: false },
        safeguards: { text: 'For FCA alone', confidentiality: 'HOME_AUTHORITY', authority: { acronym: 'FCA' } },
        realWorldTesting: { location: 'Singapore', authority: { acronym: 'MAS' } },
      });
    }
  });

  it('an admitting authority reads PUBLIC, PARTICIPANTS and its own HOME_AUTHORITY sections; another’s are withheld', async () => {
    const seenByFca = await ok(NEWEST, { id: enrolmentId }, fca.regulator.token);
    expect(seenByFca).toMatchObject({ withheld: 1, safeguards: { text: 'For FCA alone', withheld: false } });
    expect(seenByFca.realWorldTesting).toEqual({
      confidentiality: 'HOME_AUTHORITY',
      withheld: true,
      authority: { acronym: 'MAS' },
      location: null,
      subjects: null,
      informedConsent: null,
      durationDays: null,
    });
    const seenByMas = await ok(NEWEST, { id: enrolmentId }, mas.regulator.token);
    expect(seenByMas).toMatchObject({
      withheld: 1,
      safeguards: { text: null, withheld: true },
      realWorldTesting: { location: 'Singapore' },
    });
    expect(JSON.stringify(seenByMas)).not.toContain('For FCA alone');
    // A participating authority that admitted nothing: PUBLIC and PARTICIPANTS only.
    const seenByAio = await ok(NEWEST, { id: enrolmentId }, aio.regulator.token);
    expect(seenByAio).toMatchObject({
      withheld: 2,
      objectives: { text: 'For the programme’s authorities' },
      scope: { withheld: false },
      safeguards: { withheld: true, text: null },
      realWorldTesting: { withheld: true, location: null },
    });
    // Enrolment.plan and planVersions withhold the same.
    const listed = await ok(
      `query($id: ID!) { enrolment(id: $id) { plan { safeguards { text withheld } } planVersions { safeguards { text withheld } } } }`,
      { id: enrolmentId },
      mas.regulator.token,
    );
    expect(listed).toEqual({
      plan: { safeguards: { text: null, withheld: true } },
      planVersions: [{ safeguards: { text: null, withheld: true } }],
    });
  });

  it('another organisation’s innovator and a non-participating authority see no plan: null, and NOT_FOUND to act', async () => {
    for (const token of [otherInnovator, outsider]) {
      const res = await t.gql(NEWEST, { id: enrolmentId }, token);
      expectNoLeak(res);
      expect(expectOk(res).sandboxPlan).toBeNull();
      expect(await ok(`query($id: ID!) { enrolment(id: $id) { id } }`, { id: enrolmentId }, token)).toBeNull();
    }
    // Acting on an invisible plan answers exactly as on one that does not exist.
    const answer = async (id: string, token: string, query: string, input: Vars) => {
      const res = await t.gql(query, { input }, token);
      expectNoLeak(res);
      return res.errors?.map((e) => ({ code: e.extensions?.code, message: e.message.replaceAll(id, '<id>') }));
    };
    const missing = randomUUID();
    for (const token of [otherInnovator, outsider]) {
      expect(await answer(planId, token, APPROVE, { planId, expectedVersion: 1 })).toEqual(
        await answer(missing, token, APPROVE, { planId: missing, expectedVersion: 1 }),
      );
      expect((await answer(planId, token, APPROVE, { planId, expectedVersion: 1 }))?.[0].code).toBe('NOT_FOUND');
      expect((await answer(planId, token, CHANGES, { planId, reasons: 'x' }))?.[0].code).toBe('NOT_FOUND');
    }
    const enrolmentVersion = (await enrolment(enrolmentId)).version;
    const unknown = randomUUID();
    for (const [query, input] of [
      [PROPOSE, (id: string) => planInput(id, enrolmentVersion)],
      [EXTEND, (id: string) => ({ enrolmentId: id, endDay: '2026-01-20', reasons: 'x' })],
    ] as [string, (id: string) => Vars][]) {
      const hidden = await answer(enrolmentId, otherInnovator, query, input(enrolmentId));
      expect(hidden?.[0].code).toBe('NOT_FOUND');
      expect(hidden).toEqual(await answer(unknown, otherInnovator, query, input(unknown)));
    }
  });

  it('Enrolment.plan and planVersions on a page cost the same statements for 2 or 6 enrolments', async () => {
    // Six more enrolments with plans in several states, on one programme of their own.
    const own = await buildSandbox(t, { authorities: [['GB', 'FCA']] });
    const auth = own.authorities[0];
    for (let i = 0; i < 6; i++) {
      const systemId = (
        await ok(
          'mutation($input: RegisterAiSystemInput!) { registerAiSystem(input: $input) { id } }',
          {
            input: {
              name: `System ${i} ${randomUUID()}`,
              sector: 'FINANCE',
              intendedPurpose: 'Scores loans.',
              riskClass: 'HIGH',
            },
          },
          own.innovator.token,
        )
      ).id;
      let ref: EnrolmentRef = await ok(
        `mutation($input: CreateEnrolmentInput!) { createEnrolment(input: $input) { ${REF} } }`,
        {
          input: {
            programmeId: own.programmeId,
            aiSystemId: systemId,
            targetAuthorityIds: [auth.id],
            entryResults: entryResultsMeeting([auth]),
          },
        },
        own.innovator.token,
      );
      for (const [name, token, extra, type] of [
        ['submitEnrolment', own.innovator.token, {}, undefined],
        ['startReview', auth.regulator.token, {}, undefined],
        ['decideEntry', auth.regulator.token, { decision: 'ADMIT' }, 'DecideEntryInput'],
      ] as [string, string, Vars, string | undefined][])
        ref = await ok(
          step(name, type),
          { input: { enrolmentId: ref.id, expectedVersion: ref.version, ...extra } },
          token,
        );
      let plan = expectOk(
        await t.gql(PROPOSE, { input: planInput(ref.id, ref.version) }, own.innovator.token),
      ).proposeSandboxPlan;
      if (i % 2 === 0) plan = expectOk(await approve(plan, auth)).approveSandboxPlan;
      if (i % 3 === 0)
        expectOk(
          await t.gql(
            PROPOSE,
            { input: planInput(ref.id, plan.enrolment.version, { reasons: 'Amended' }) },
            own.innovator.token,
          ),
        );
    }
    const LIST = `query($first: Int, $filter: EnrolmentFilterInput) { enrolments(first: $first, filter: $filter) { edges { node {
      id plan { ${PLAN_FIELDS} } planVersions { ${PLAN_FIELDS} } allowedPlanActions { action allowed } allowedTransitions { action allowed }
    } } } }`;
    const counter = t.countQueries();
    const cost = async (token: string, first: number) => {
      counter.reset();
      const res = await t.gql(LIST, { first, filter: { programmeId: own.programmeId } }, token);
      return { statements: counter.queries.length, nodes: expectOk(res).enrolments.edges.map((e: any) => e.node) };
    };
    for (const token of [own.innovator.token, auth.regulator.token, admin]) {
      const few = await cost(token, 2);
      const many = await cost(token, 6);
      expect(many.nodes).toHaveLength(6);
      expect(many.nodes.flatMap((n: any) => n.planVersions).length).toBeGreaterThan(
        few.nodes.flatMap((n: any) => n.planVersions).length,
      );
      expect(many.statements).toBe(few.statements);
    }
  });
});
