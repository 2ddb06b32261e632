import { randomUUID } from 'node:crypto';
import { expect } from '@jest/globals';
import { expectOk } from './assertions.js';
import { entryResultsMeeting, type Sandbox, type SandboxAuthority } from './sandbox-builder.js';
import type { TestApp } from './test-app.js';

// The GraphQL steps that recognition and simulation specs take before they test anything: the
// sandbox's system admitted to testing under an agreed sandbox plan, its test reports submitted and
// reviewed, an agreement brought into force. Each step asserts that it did what it says, so a spec
// fails where it broke.

type Vars = Record<string, unknown>;

/** An enrolment's optimistic-locking reference. */
export interface EnrolmentRef {
  id: string;
  version: number;
  state: string;
}

const REF = 'id state version';
const enrolmentStep = (name: string, type = 'EnrolmentActionInput') =>
  `mutation($input: ${type}!) { ${name}(input: $input) { ${REF} } }`;
const CREATE_ENROLMENT = `mutation($input: CreateEnrolmentInput!) { createEnrolment(input: $input) { ${REF} } }`;
const SUBMIT_REPORT =
  'mutation($input: SubmitTestReportInput!) { submitTestReport(input: $input) { id status results { id criterion { id } outcome } } }';
const REVIEW_REPORT = 'mutation($input: ReviewTestReportInput!) { reviewTestReport(input: $input) { id status } }';
const PROPOSE_PLAN = `mutation($input: ProposeSandboxPlanInput!) {
  proposeSandboxPlan(input: $input) { id version status enrolment { ${REF} } }
}`;
const APPROVE_PLAN = `mutation($input: ApproveSandboxPlanInput!) {
  approveSandboxPlan(input: $input) { id version status enrolment { ${REF} } }
}`;
const agreementStep = (name: string) => `mutation($input: AgreementIdInput!) { ${name}(input: $input) { id status } }`;

/**
 * A whole sandbox plan as proposeSandboxPlan takes it, every section PUBLIC and the requirements left
 * to their default (the admitting authorities' attached TESTING and EXIT criteria): ten days of testing
 * from 2026-01-05 unless `fields` says otherwise (every programme of the tests allows ten days).
 */
export function planInput(enrolmentId: string, expectedVersion: number, fields: Vars = {}): Vars {
  return {
    enrolmentId,
    expectedVersion,
    timeline: {
      startDay: '2026-01-05',
      endDay: '2026-01-15',
      milestones: [{ day: '2026-01-10', title: 'Mid-test review' }],
    },
    objectives: { text: 'Show that the system is accurate and fair for consumer credit decisions.' },
    scope: { text: 'Consumer loan applications up to 25,000, in the targeted jurisdictions.' },
    personalData: { processed: false },
    safeguards: { text: 'A human reviews every declined application; customers may ask for a re-assessment.' },
    seriousIncidentProcedure: {
      text: 'Stop the test, tell every admitting authority within 24 hours, then investigate.',
    },
    ...fields,
  };
}

/** The plan agreed: the enrolment's plan version and the enrolment as it stands after the last approval. */
export interface AgreedPlan {
  planId: string;
  planVersion: number;
  enrolment: EnrolmentRef;
}

/**
 * The innovator proposes a sandbox plan (planInput with `fields`) and each regulator in
 * `approverTokens` approves it, in turn: it stays PROPOSED until the last approval, which makes it
 * AGREED. Every step names the enrolment version the step before returned.
 */
export async function agreePlan(
  t: TestApp,
  ref: EnrolmentRef,
  innovatorToken: string,
  approverTokens: string[],
  fields: Vars = {},
): Promise<AgreedPlan> {
  type PlanStep = { id: string; version: number; status: string; enrolment: EnrolmentRef };
  let plan = expectOk(await t.gql(PROPOSE_PLAN, { input: planInput(ref.id, ref.version, fields) }, innovatorToken))
    .proposeSandboxPlan as PlanStep;
  expect(plan.status).toBe('PROPOSED');
  for (const [i, token] of approverTokens.entries()) {
    plan = expectOk(
      await t.gql(APPROVE_PLAN, { input: { planId: plan.id, expectedVersion: plan.enrolment.version } }, token),
    ).approveSandboxPlan as PlanStep;
    expect(plan.status).toBe(i === approverTokens.length - 1 ? 'AGREED' : 'PROPOSED');
  }
  return { planId: plan.id, planVersion: plan.version, enrolment: plan.enrolment };
}

/**
 * The sandbox's system enrolled in its programme with `authority` alone, submitted, reviewed and
 * admitted by that authority's regulator, its sandbox plan proposed and agreed: an enrolment in
 * TESTING, ready for reports. `entryResults` default to ones meeting every entry criterion of the
 * authority.
 */
export async function admitToTesting(
  t: TestApp,
  sb: Sandbox,
  authority: SandboxAuthority,
  entryResults: Vars[] = entryResultsMeeting([authority]),
): Promise<EnrolmentRef> {
  const act = async (mutation: string, token: string, ref: EnrolmentRef, extra: Vars = {}) =>
    Object.values(
      expectOk(
        await t.gql(mutation, { input: { enrolmentId: ref.id, expectedVersion: ref.version, ...extra } }, token),
      ),
    )[0] as EnrolmentRef;
  let ref = expectOk(
    await t.gql(
      CREATE_ENROLMENT,
      {
        input: {
          programmeId: sb.programmeId,
          aiSystemId: sb.systemId,
          targetAuthorityIds: [authority.id],
          entryResults,
        },
      },
      sb.innovator.token,
    ),
  ).createEnrolment as EnrolmentRef;
  ref = await act(enrolmentStep('submitEnrolment'), sb.innovator.token, ref);
  ref = await act(enrolmentStep('startReview'), authority.regulator.token, ref);
  ref = await act(enrolmentStep('decideEntry', 'DecideEntryInput'), authority.regulator.token, ref, {
    decision: 'ADMIT',
    reasons: `${authority.acronym}: ready to test`,
  });
  expect(ref.state).toBe('TESTING');
  return (await agreePlan(t, ref, sb.innovator.token, [authority.regulator.token])).enrolment;
}

/** A test report: what a spec says about it; the rest has defaults (an accredited lab, one method, PARTICIPANTS). */
export interface TestReportFields {
  enrolmentId: string;
  /** The authority the report is submitted to. */
  submittedTo: string;
  testedIn: string;
  /** The results' testedAt (docs/formats.md#recognition-case). */
  periodEnd: string;
  results: Vars[];
  periodStart?: string;
  confidentiality?: string;
  lab?: Vars;
  method?: Vars;
}

export interface SubmittedReport {
  id: string;
  status: string;
  results: { id: string; criterion: { id: string }; outcome: string }[];
}

/** The sandbox's innovator submits a test report (a fresh idempotency key each time). */
export async function submitTestReport(t: TestApp, sb: Sandbox, fields: TestReportFields): Promise<SubmittedReport> {
  const input = {
    ...fields,
    // An optional field given as undefined takes its default too.
    periodStart: fields.periodStart ?? '2026-01-05',
    lab: fields.lab ?? { name: 'Merlion Assurance Lab', accredited: true, accreditationBody: 'SAC' },
    method: fields.method ?? { id: 'ISO/IEC 23894:2023 §6.4', version: '2023' },
    confidentiality: fields.confidentiality ?? 'PARTICIPANTS',
    idempotencyKey: randomUUID(),
  };
  return expectOk(await t.gql(SUBMIT_REPORT, { input }, sb.innovator.token)).submitTestReport as SubmittedReport;
}

/** A regulator's review of a report; checks the report ends ACCEPTED or REJECTED accordingly. */
export async function reviewTestReport(
  t: TestApp,
  reportId: string,
  token: string,
  decision: 'ACCEPT' | 'REJECT' = 'ACCEPT',
  reasons = 'Method followed',
): Promise<void> {
  const reviewed = expectOk(
    await t.gql(REVIEW_REPORT, { input: { reportId, decision, reasons } }, token),
  ).reviewTestReport;
  expect(reviewed.status).toBe(decision === 'ACCEPT' ? 'ACCEPTED' : 'REJECTED');
}

/**
 * Proposes the agreement (with `proposer`'s token) and has the parties approve it in turn (their
 * tokens, in order): it stays PROPOSED until the last approval, which puts it IN_FORCE.
 */
export async function bringIntoForce(
  t: TestApp,
  agreementId: string,
  proposer: string,
  approvers: string[],
): Promise<void> {
  const move = async (name: string, token: string) =>
    expectOk(await t.gql(agreementStep(name), { input: { id: agreementId } }, token))[name].status as string;
  expect(await move('proposeAgreement', proposer)).toBe('PROPOSED');
  for (const [i, token] of approvers.entries()) {
    expect(await move('approveAgreement', token)).toBe(i === approvers.length - 1 ? 'IN_FORCE' : 'PROPOSED');
  }
}
