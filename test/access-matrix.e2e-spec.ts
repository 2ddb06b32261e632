import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CriterionService, EvidenceService } from '@sandbridge/application';
import { type Actor, Category, Comparator, CriterionKind, Role, Stage } from '@sandbridge/domain';
import { ADMIN, expectNoLeak, expectOk, type GraphQLResponse, TestApp } from '@sandbridge/testing';
import { buildSchema, getNamedType, type GraphQLField, isLeafType } from 'graphql';

// The generated access test: every query and mutation of schema.gql, called by every kind of caller,
// must answer the outcome the rules table below documents. Objects a caller may not see are answered
// as if they did not exist (NOT_FOUND, or null for a single-object query), never FORBIDDEN, which is
// kept for operations the caller's role may never perform — or for an object the caller does see but
// that belongs to another tenant (another authority's programme, another jurisdiction's agreement).
//
// One app, one world, one request per cell (operation × caller). The world, its tenants:
//   authority  FCA (GB) — "own" — leads the programmes, owns the criteria
//              MAS (SG) — "other" — takes part in nothing here
//   organisation A (GB) — "own" — its system sysA is enrolled (TESTING) in the OPEN programme
//              B (SG) — "other"
//   jurisdiction GB — "own" — party to the agreements, runs the simulation; SG — "other"
// Columns: anon (no token), admin, reg/regX (regulator of FCA/MAS), inn/innX (innovator of A/B),
// neg/negX (negotiator of GB/SG). So "own" callers are the tenant that owns what the arguments name.
//
// Outcomes: OK (data, no error) · NULL (no error, the field is null) · UNAUTH · FORBID · NOTFOUND ·
// INVALID (INVALID_TRANSITION: the caller passed every access check, the object's state refused) ·
// INPUT (BAD_USER_INPUT: the caller passed every access check, its input was refused — used where a
// successful call would end the caller's own session, e.g. changePassword with a too-short password).
//
// To add a rule for a new operation: add one line to RULES (its name, then the eight outcomes), and,
// if it takes arguments, an entry in ARGS building them from the world (`fresh` objects when a
// successful call would change what other cells see). `name:variant` lines test the same operation
// on another object (e.g. a DRAFT and an OPEN programme). The suite fails when the schema has an
// operation without a rule, or a rule names an operation the schema does not have.

const CALLERS = ['anon', 'admin', 'reg', 'regX', 'inn', 'innX', 'neg', 'negX'] as const;
type Caller = (typeof CALLERS)[number];
const OUTCOMES = ['OK', 'NULL', 'UNAUTH', 'FORBID', 'NOTFOUND', 'INVALID', 'INPUT'] as const;
type Outcome = (typeof OUTCOMES)[number];

const RULES = `
# operation                    anon    admin   reg     regX     inn      innX     neg      negX
# ── queries ──
accounts                       UNAUTH  OK      FORBID  FORBID   FORBID   FORBID   FORBID   FORBID
agreement                      UNAUTH  OK      OK      OK       OK       OK       OK       OK
agreements                     UNAUTH  OK      OK      OK       OK       OK       OK       OK
aiSystem                       UNAUTH  OK      NULL    NULL     OK       NULL     NULL     NULL
aiSystems                      UNAUTH  OK      FORBID  FORBID   OK       OK       FORBID   FORBID
auditCheckpoint                UNAUTH  OK      OK      OK       FORBID   FORBID   FORBID   FORBID
auditTrail                     UNAUTH  OK      OK      NOTFOUND OK       NOTFOUND NOTFOUND NOTFOUND
authorities                    UNAUTH  OK      OK      OK       OK       OK       OK       OK
authority                      UNAUTH  OK      OK      OK       OK       OK       OK       OK
compareSimulationRuns          UNAUTH  OK      FORBID  FORBID   FORBID   FORBID   OK       NOTFOUND
compareSimulationRunsChartSvg  UNAUTH  OK      FORBID  FORBID   FORBID   FORBID   OK       NOTFOUND
criteria                       UNAUTH  OK      OK      OK       OK       OK       OK       OK
criterion                      UNAUTH  OK      OK      OK       OK       OK       OK       OK
criterion:draft                UNAUTH  OK      OK      NULL     NULL     NULL     NULL     NULL
crosswalks                     UNAUTH  OK      OK      OK       OK       OK       OK       OK
demoAccounts                   OK      OK      OK      OK       OK       OK       OK       OK
enrolment                      UNAUTH  OK      OK      NULL     OK       NULL     NULL     NULL
enrolments                     UNAUTH  OK      OK      OK       OK       OK       FORBID   FORBID
evidence                       UNAUTH  OK      OK      NOTFOUND OK       NOTFOUND NOTFOUND NOTFOUND
evidenceList                   UNAUTH  FORBID  OK      OK       OK       OK       FORBID   FORBID
exitReport                     UNAUTH  OK      OK      NOTFOUND OK       NOTFOUND NOTFOUND NOTFOUND
explainRecognitionCase         UNAUTH  OK      OK      OK       OK       OK       OK       OK
jurisdiction                   UNAUTH  OK      OK      OK       OK       OK       OK       OK
jurisdictions                  UNAUTH  OK      OK      OK       OK       OK       OK       OK
me                             UNAUTH  OK      OK      OK       OK       OK       OK       OK
organisation                   UNAUTH  OK      OK      OK       OK       NULL     OK       OK
organisations                  UNAUTH  OK      OK      OK       OK       OK       OK       OK
platformHealth                 UNAUTH  OK      FORBID  FORBID   FORBID   FORBID   FORBID   FORBID
previewTestReport              UNAUTH  FORBID  FORBID  NOTFOUND OK       NOTFOUND NOTFOUND NOTFOUND
programme:draft                UNAUTH  OK      OK      NULL     NULL     NULL     NULL     NULL
programme:open                 UNAUTH  OK      OK      OK       OK       OK       OK       OK
programmeDesignScenario:draft  UNAUTH  FORBID  OK      NOTFOUND FORBID   FORBID   NOTFOUND NOTFOUND
programmeDesignScenario:open   UNAUTH  FORBID  OK      FORBID   FORBID   FORBID   OK       OK
programmeFunnel:draft          UNAUTH  OK      OK      NOTFOUND FORBID   FORBID   NOTFOUND NOTFOUND
programmeFunnel:open           UNAUTH  OK      OK      FORBID   FORBID   FORBID   OK       OK
programmeSimulationRun         UNAUTH  FORBID  OK      NULL     FORBID   FORBID   NULL     NULL
programmeSimulationRuns        UNAUTH  FORBID  OK      OK       FORBID   FORBID   OK       OK
programmes                     UNAUTH  OK      OK      OK       OK       OK       OK       OK
publicExitReports              OK      OK      OK      OK       OK       OK       OK       OK
publicProgrammes               OK      OK      OK      OK       OK       OK       OK       OK
recognitionCase                UNAUTH  OK      OK      OK       OK       NOTFOUND FORBID   FORBID
recognitionPassport            UNAUTH  OK      OK      OK       OK       NOTFOUND FORBID   FORBID
recognitionStatus              UNAUTH  OK      OK      OK       OK       NOTFOUND FORBID   FORBID
recordedPopulation             UNAUTH  OK      FORBID  FORBID   FORBID   FORBID   OK       OK
sandboxPlan                    UNAUTH  OK      OK      NULL     OK       NULL     NULL     NULL
simulationRun                  UNAUTH  OK      FORBID  FORBID   FORBID   FORBID   OK       NULL
simulationRuns                 UNAUTH  OK      FORBID  FORBID   FORBID   FORBID   OK       OK
standard                       UNAUTH  OK      OK      OK       OK       OK       OK       OK
standards                      UNAUTH  OK      OK      OK       OK       OK       OK       OK
testReport                     UNAUTH  OK      OK      NULL     OK       NULL     NULL     NULL
verifyAuditTrail               UNAUTH  OK      OK      OK       FORBID   FORBID   FORBID   FORBID
verifyDocument                 OK      OK      OK      OK       OK       OK       OK       OK
workQueue                      UNAUTH  FORBID  OK      OK       FORBID   FORBID   FORBID   FORBID
writtenProof                   UNAUTH  OK      OK      NULL     OK       NULL     NULL     NULL
# ── mutations ──
addAgreementRule               UNAUTH  FORBID  FORBID  FORBID   FORBID   FORBID   OK       FORBID
addClause                      UNAUTH  OK      FORBID  FORBID   FORBID   FORBID   FORBID   FORBID
addProgrammeParticipant:draft  UNAUTH  OK      OK      NOTFOUND FORBID   FORBID   FORBID   FORBID
addProgrammeParticipant:open   UNAUTH  OK      OK      FORBID   FORBID   FORBID   FORBID   FORBID
approveAgreement               UNAUTH  FORBID  FORBID  FORBID   FORBID   FORBID   OK       FORBID
approveSandboxPlan             UNAUTH  FORBID  OK      NOTFOUND FORBID   NOTFOUND NOTFOUND NOTFOUND
attachCriterion:draft          UNAUTH  OK      OK      NOTFOUND FORBID   FORBID   FORBID   FORBID
attachCriterion:draftCriterion UNAUTH  INVALID INVALID NOTFOUND FORBID   FORBID   FORBID   FORBID
calibrateProgramme             UNAUTH  FORBID  OK      OK       FORBID   FORBID   OK       OK
cancelProgrammeSimulation      UNAUTH  FORBID  INVALID NOTFOUND FORBID   FORBID   NOTFOUND NOTFOUND
cancelSimulation               UNAUTH  INVALID FORBID  FORBID   FORBID   FORBID   INVALID  NOTFOUND
changePassword                 UNAUTH  INPUT   INPUT   INPUT    INPUT    INPUT    INPUT    INPUT
consentToPublication           UNAUTH  FORBID  FORBID  FORBID   OK       NOTFOUND FORBID   FORBID
createAccount                  UNAUTH  OK      FORBID  FORBID   FORBID   FORBID   FORBID   FORBID
createAgreement                UNAUTH  FORBID  FORBID  FORBID   FORBID   FORBID   OK       FORBID
createAuthority                UNAUTH  OK      FORBID  FORBID   FORBID   FORBID   FORBID   FORBID
createCriterion                UNAUTH  OK      OK      FORBID   FORBID   FORBID   FORBID   FORBID
createCrosswalk                UNAUTH  OK      OK      FORBID   FORBID   FORBID   FORBID   FORBID
createEnrolment                UNAUTH  FORBID  FORBID  FORBID   OK       NOTFOUND FORBID   FORBID
createEnrolment:draft          UNAUTH  FORBID  FORBID  FORBID   NOTFOUND NOTFOUND FORBID   FORBID
createJurisdiction             UNAUTH  OK      FORBID  FORBID   FORBID   FORBID   FORBID   FORBID
createOrganisation             UNAUTH  OK      FORBID  FORBID   FORBID   FORBID   FORBID   FORBID
createProgramme                UNAUTH  OK      OK      FORBID   FORBID   FORBID   FORBID   FORBID
createStandard                 UNAUTH  OK      FORBID  FORBID   FORBID   FORBID   FORBID   FORBID
decideEntry                    UNAUTH  FORBID  OK      NOTFOUND FORBID   NOTFOUND NOTFOUND NOTFOUND
decideExit                     UNAUTH  FORBID  OK      NOTFOUND FORBID   NOTFOUND NOTFOUND NOTFOUND
deleteCrosswalk                UNAUTH  OK      OK      FORBID   FORBID   FORBID   FORBID   FORBID
detachCriterion:draft          UNAUTH  OK      OK      NOTFOUND FORBID   FORBID   FORBID   FORBID
disableAccount                 UNAUTH  OK      FORBID  FORBID   FORBID   FORBID   FORBID   FORBID
draftExitReport                UNAUTH  FORBID  OK      NOTFOUND FORBID   FORBID   FORBID   FORBID
draftExitReport:issued         UNAUTH  FORBID  INVALID NOTFOUND FORBID   FORBID   FORBID   FORBID
enableAccount                  UNAUTH  OK      FORBID  FORBID   FORBID   FORBID   FORBID   FORBID
issueExitReport                UNAUTH  FORBID  OK      NOTFOUND FORBID   FORBID   FORBID   FORBID
login                          OK      OK      OK      OK       OK       OK       OK       OK
proposeAgreement               UNAUTH  FORBID  FORBID  FORBID   FORBID   FORBID   OK       FORBID
proposeSandboxPlan             UNAUTH  FORBID  FORBID  NOTFOUND OK       NOTFOUND NOTFOUND NOTFOUND
publishCriterion               UNAUTH  OK      OK      NOTFOUND FORBID   FORBID   FORBID   FORBID
registerAiSystem               UNAUTH  OK      FORBID  FORBID   OK       NOTFOUND FORBID   FORBID
removeAgreementRule            UNAUTH  FORBID  FORBID  FORBID   FORBID   FORBID   OK       FORBID
removeProgrammeParticipant     UNAUTH  OK      OK      NOTFOUND FORBID   FORBID   FORBID   FORBID
reportIncident                 UNAUTH  FORBID  OK      NOTFOUND OK       NOTFOUND NOTFOUND NOTFOUND
requestExit                    UNAUTH  FORBID  FORBID  NOTFOUND OK       NOTFOUND NOTFOUND NOTFOUND
requestExtension               UNAUTH  FORBID  FORBID  NOTFOUND OK       NOTFOUND NOTFOUND NOTFOUND
requestPlanChanges             UNAUTH  FORBID  OK      NOTFOUND FORBID   NOTFOUND NOTFOUND NOTFOUND
rerunProgrammeSimulation       UNAUTH  FORBID  OK      NOTFOUND FORBID   FORBID   NOTFOUND NOTFOUND
rerunSimulation                UNAUTH  FORBID  FORBID  FORBID   FORBID   FORBID   OK       NOTFOUND
resumeAgreement                UNAUTH  FORBID  FORBID  FORBID   FORBID   FORBID   OK       FORBID
resumeTrack                    UNAUTH  FORBID  OK      NOTFOUND FORBID   NOTFOUND NOTFOUND NOTFOUND
revokeSessions                 UNAUTH  OK      FORBID  FORBID   FORBID   FORBID   FORBID   FORBID
reviseEvidence                 UNAUTH  FORBID  NOTFOUND NOTFOUND OK      NOTFOUND FORBID   FORBID
retireCriterion                UNAUTH  OK      OK      FORBID   FORBID   FORBID   FORBID   FORBID
reviewTestReport               UNAUTH  FORBID  OK      NOTFOUND FORBID   NOTFOUND NOTFOUND NOTFOUND
reviseCriterion                UNAUTH  OK      OK      FORBID   FORBID   FORBID   FORBID   FORBID
startReview                    UNAUTH  FORBID  OK      NOTFOUND FORBID   NOTFOUND NOTFOUND NOTFOUND
startProgrammeSimulation       UNAUTH  FORBID  OK      OK       FORBID   FORBID   OK       OK
startSimulation                UNAUTH  FORBID  FORBID  FORBID   FORBID   FORBID   OK       OK
submitEnrolment                UNAUTH  FORBID  NOTFOUND NOTFOUND OK      NOTFOUND NOTFOUND NOTFOUND
submitTestReport               UNAUTH  FORBID  FORBID  NOTFOUND OK       NOTFOUND NOTFOUND NOTFOUND
suspendAgreement               UNAUTH  FORBID  FORBID  FORBID   FORBID   FORBID   OK       FORBID
suspendTrack                   UNAUTH  FORBID  OK      NOTFOUND FORBID   NOTFOUND NOTFOUND NOTFOUND
terminateAgreement             UNAUTH  FORBID  FORBID  FORBID   FORBID   FORBID   OK       FORBID
transitionProgramme:draft      UNAUTH  OK      OK      NOTFOUND FORBID   FORBID   FORBID   FORBID
updateAgreement                UNAUTH  FORBID  FORBID  FORBID   FORBID   FORBID   OK       FORBID
updateAgreementRule            UNAUTH  FORBID  FORBID  FORBID   FORBID   FORBID   OK       FORBID
updateAiSystem                 UNAUTH  OK      FORBID  FORBID   OK       NOTFOUND FORBID   FORBID
updateAuthority                UNAUTH  OK      OK      FORBID   FORBID   FORBID   FORBID   FORBID
updateCriterion                UNAUTH  OK      OK      NOTFOUND FORBID   FORBID   FORBID   FORBID
updateEvidenceMetadata         UNAUTH  FORBID  NOTFOUND NOTFOUND OK      NOTFOUND FORBID   FORBID
updateEnrolmentApplication     UNAUTH  FORBID  FORBID  FORBID   OK       NOTFOUND FORBID   FORBID
updateJurisdiction             UNAUTH  OK      FORBID  FORBID   FORBID   FORBID   FORBID   FORBID
updateOrganisation             UNAUTH  OK      FORBID  FORBID   OK       NOTFOUND FORBID   FORBID
updateProgramme:draft          UNAUTH  OK      OK      NOTFOUND FORBID   FORBID   FORBID   FORBID
updateProgramme:open           UNAUTH  OK      OK      FORBID   FORBID   FORBID   FORBID   FORBID
withdrawEnrolment              UNAUTH  FORBID  FORBID  NOTFOUND OK       NOTFOUND NOTFOUND NOTFOUND
withdrawPublicationConsent     UNAUTH  FORBID  FORBID  FORBID   OK       NOTFOUND FORBID   FORBID
`;

interface Rule {
  key: string;
  operation: string;
  expected: Record<Caller, Outcome>;
}

function parseRules(text: string): Rule[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [key, ...cells] = line.split(/\s+/);
      if (cells.length !== CALLERS.length)
        throw new Error(`Rule ${key}: ${cells.length} outcomes, expected ${CALLERS.length}`);
      for (const cell of cells)
        if (!OUTCOMES.includes(cell as Outcome)) throw new Error(`Rule ${key}: unknown outcome ${cell}`);
      return {
        key,
        operation: key.split(':')[0],
        expected: Object.fromEntries(CALLERS.map((c, i) => [c, cells[i]])) as Record<Caller, Outcome>,
      };
    });
}

const RULE_LIST = parseRules(RULES);
const schema = buildSchema(readFileSync(new URL('../apps/api/schema.gql', import.meta.url), 'utf8'));
type OperationKind = 'query' | 'mutation';
const rootFields = (
  kind: OperationKind,
): [string, { kind: OperationKind; field: GraphQLField<unknown, unknown> }][] => {
  const type = kind === 'query' ? schema.getQueryType() : schema.getMutationType();
  return Object.entries(type?.getFields() ?? {}).map(([name, field]) => [name, { kind, field }]);
};
/** Every query and mutation of the schema, by name. */
const OPERATIONS = new Map([...rootFields('query'), ...rootFields('mutation')]);

/** One operation, generated from the schema: every argument given in `vars` becomes a variable; the selection is `__typename`. */
function documentFor(operation: string, vars: Record<string, unknown>): string {
  const { kind, field } = OPERATIONS.get(operation)!;
  const args = field.args.filter((a) => a.name in vars);
  const declared = args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const passed = args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
  return `${kind}${declared ? `(${declared})` : ''} { ${operation}${passed ? `(${passed})` : ''}${selection} }`;
}

type Vars = Record<string, unknown>;

// ── the world ────────────────────────────────────────────────────────────────────────────────

let t: TestApp;
const tokens = {} as Record<Exclude<Caller, 'anon'>, string>;
let negEU: string;
const tag = randomUUID().slice(0, 8);
let seq = 0;
const unique = (prefix: string) => `${prefix} ${tag}-${++seq}`;

interface World {
  /** A finished programme design simulation of the FCA regulator's. */
  programmeRun: string;
  fca: string;
  mas: string;
  ico: string;
  orgA: string;
  sysA: string;
  /** FCA's published criteria per stage. */
  criteria: Record<Stage, string>;
  draftCriterion: string;
  masCriterion: string;
  draftProgramme: string;
  openProgramme: string;
  enrolment: string;
  /** The agreed sandbox plan of `enrolment`. */
  plan: string;
  /** An EXITED enrolment (FCA AUTHORISED) with its written proof and an issued FCA exit report. */
  exited: string;
  issuedReport: string;
  writtenProof: unknown;
  report: string;
  /** Organisation A's evidence file, named by a result of \`report\` (PARTICIPANTS, submitted to FCA). */
  evidence: string;
  agreement: string;
  run: string;
  standard: string;
}
const w = {} as World;

const call = (query: string, vars: Vars, token: string) => t.gql(query, vars, token);
async function ok<T = any>(query: string, vars: Vars, token: string): Promise<T> {
  const data = expectOk(await call(query, vars, token));
  return Object.values(data)[0] as T;
}

const regulatorActor = (authorityId: string): Actor => ({
  accountId: 'access-matrix',
  role: Role.REGULATOR,
  authorityId,
  organisationId: null,
  jurisdictionCode: null,
});

async function publishedCriterion(authorityId: string, stage: Stage, publish = true): Promise<string> {
  const criteria = t.get(CriterionService);
  const actor = regulatorActor(authorityId);
  const fields =
    stage === Stage.TESTING
      ? {
          category: Category.ACCURACY,
          kind: CriterionKind.METRIC,
          metricKey: 'accuracy.auc',
          unit: 'ratio',
          comparator: Comparator.GTE,
          threshold: 0.8,
        }
      : { category: Category.ACCOUNTABILITY, kind: CriterionKind.ATTESTATION, statement: 'We attest.' };
  const draft = await criteria.create(actor, {
    key: unique('k').replace(/\s/g, '.'),
    title: unique('Criterion'),
    stage,
    ...fields,
  });
  return publish ? (await criteria.publish(actor, draft.id)).id : draft.id;
}

const PROGRAMME_FIELDS = {
  maxTestingDays: 180,
  cohortCapacity: 1000,
  jointEntryRule: 'EACH_AUTHORITY',
  sectors: ['FINANCE'],
};

/** A DRAFT programme led by FCA (its regulators alone see it), with FCA's criteria attached. */
async function draftProgramme(participants: string[] = []): Promise<string> {
  const programme = await ok(
    'mutation($input: CreateProgrammeInput!) { createProgramme(input: $input) { id } }',
    { input: { name: unique('Programme'), participantAuthorityIds: participants, ...PROGRAMME_FIELDS } },
    tokens.reg,
  );
  for (const criterionId of Object.values(w.criteria)) {
    await ok(
      'mutation($input: AttachCriterionInput!) { attachCriterion(input: $input) { stage } }',
      { input: { programmeId: programme.id, criterionId } },
      tokens.reg,
    );
  }
  return programme.id;
}

const REF = '{ id version state }';
type EnrolmentState = 'DRAFT' | 'SUBMITTED' | 'UNDER_REVIEW' | 'TESTING' | 'EXIT_REVIEW' | 'SUSPENDED';

/** A new system of organisation A enrolled in the OPEN programme (targeting FCA), brought to `state`. */
async function enrolmentIn(state: EnrolmentState): Promise<{ id: string; version: number }> {
  const system = await ok(
    'mutation($input: RegisterAiSystemInput!) { registerAiSystem(input: $input) { id } }',
    { input: { name: unique('System'), sector: 'FINANCE', intendedPurpose: 'Scores loans.', riskClass: 'HIGH' } },
    tokens.inn,
  );
  let ref = await ok(
    `mutation($input: CreateEnrolmentInput!) { createEnrolment(input: $input) ${REF} }`,
    {
      input: {
        programmeId: w.openProgramme,
        aiSystemId: system.id,
        targetAuthorityIds: [w.fca],
        entryResults: [{ criterionId: w.criteria.ENTRY, attested: true }],
      },
    },
    tokens.inn,
  );
  const step = async (name: string, token: string, extra: Vars = {}, type = 'EnrolmentActionInput') => {
    ref = await ok(
      `mutation($input: ${type}!) { ${name}(input: $input) ${REF} }`,
      { input: { enrolmentId: ref.id, expectedVersion: ref.version, ...extra } },
      token,
    );
  };
  const path: [EnrolmentState, () => Promise<void>][] = [
    ['SUBMITTED', () => step('submitEnrolment', tokens.inn)],
    ['UNDER_REVIEW', () => step('startReview', tokens.reg)],
    ['TESTING', () => step('decideEntry', tokens.reg, { decision: 'ADMIT', reasons: 'Ready' }, 'DecideEntryInput')],
    [
      state === 'SUSPENDED' ? 'SUSPENDED' : 'EXIT_REVIEW',
      () =>
        state === 'SUSPENDED'
          ? step('suspendTrack', tokens.reg, { ground: 'UNMITIGABLE_RISK', reasons: 'Paused' }, 'SuspendTrackInput')
          : step('requestExit', tokens.inn),
    ],
  ];
  for (const [reached, go] of path) {
    if (ref.state === state) break;
    await go();
    expect(ref.state).toBe(reached);
  }
  expect(ref.state).toBe(state);
  return ref;
}

/** A whole sandbox plan for proposeSandboxPlan: a hundred days from ten days ago (an extension is still in time). */
function planFields(enrolmentId: string, expectedVersion: number): Vars {
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  return {
    enrolmentId,
    expectedVersion,
    timeline: { startDay: day(-10), endDay: day(90) },
    objectives: { text: 'Show it works.' },
    scope: { text: 'Loans.' },
    personalData: { processed: false },
    safeguards: { text: 'Human review.' },
    seriousIncidentProcedure: { text: 'Stop and tell FCA.' },
  };
}

/** A new TESTING enrolment (targeting FCA) with its sandbox plan PROPOSED, or AGREED by FCA. */
async function enrolmentWithPlan(
  status: 'PROPOSED' | 'AGREED',
): Promise<{ id: string; version: number; planId: string }> {
  const e = await enrolmentIn('TESTING');
  let plan = await ok(
    'mutation($input: ProposeSandboxPlanInput!) { proposeSandboxPlan(input: $input) { id enrolment { version } } }',
    { input: planFields(e.id, e.version) },
    tokens.inn,
  );
  if (status === 'AGREED')
    plan = await ok(
      'mutation($input: ApproveSandboxPlanInput!) { approveSandboxPlan(input: $input) { id enrolment { version } } }',
      { input: { planId: plan.id, expectedVersion: plan.enrolment.version } },
      tokens.reg,
    );
  return { id: e.id, version: plan.enrolment.version, planId: plan.id };
}

async function submitReport(): Promise<string> {
  const report = await ok(
    'mutation($input: SubmitTestReportInput!) { submitTestReport(input: $input) { id } }',
    {
      input: {
        enrolmentId: w.enrolment,
        submittedTo: w.fca,
        testedIn: 'GB',
        periodStart: '2026-01-05',
        periodEnd: '2026-02-05',
        lab: { name: 'Lab', accredited: true, accreditationBody: 'UKAS' },
        method: { id: 'ISO/IEC 23894:2023 §6.4', version: '2023' },
        confidentiality: 'PARTICIPANTS',
        results: [{ criterionId: w.criteria.TESTING, value: 0.9 }],
        idempotencyKey: randomUUID(),
      },
    },
    tokens.inn,
  );
  return report.id;
}

/** A new evidence file of organisation A (random bytes: never a duplicate). */
async function evidenceOfA(): Promise<string> {
  const actor: Actor = {
    accountId: randomUUID(),
    role: Role.INNOVATOR,
    authorityId: null,
    organisationId: w.orgA,
    jurisdictionCode: null,
  };
  const bytes = Buffer.from(`Model card ${randomUUID()}\n`, 'utf8');
  const uploaded = await t
    .get(EvidenceService)
    .upload(actor, [bytes], { filename: 'model-card.txt', declaredType: 'text/plain' });
  return uploaded.evidence.id;
}

const SECTIONS = { keyIssues: { text: 'None worth noting.' }, lessonsLearned: { text: 'Test earlier.' } };

/** A new enrolment brought to EXITED by FCA's AUTHORISED exit decision (which issues FCA's written proof). */
async function exitedEnrolment(): Promise<string> {
  const e = await enrolmentIn('EXIT_REVIEW');
  const exited = await ok(
    `mutation($input: DecideExitInput!) { decideExit(input: $input) ${REF} }`,
    { input: { enrolmentId: e.id, expectedVersion: e.version, decision: 'AUTHORISED', reasons: 'Done' } },
    tokens.reg,
  );
  expect(exited.state).toBe('EXITED');
  return exited.id;
}

/** FCA's exit report draft (revision 1) on a new exited enrolment; issued when `issue`. */
async function exitReportOn(issue: boolean): Promise<{ id: string; revision: number; enrolmentId: string }> {
  const draft = await ok(
    'mutation($input: DraftExitReportInput!) { draftExitReport(input: $input) { id revision enrolmentId } }',
    { input: { enrolmentId: await exitedEnrolment(), ...SECTIONS } },
    tokens.reg,
  );
  if (issue)
    await ok(
      'mutation($input: IssueExitReportInput!) { issueExitReport(input: $input) { id } }',
      { input: { exitReportId: draft.id, expectedRevision: draft.revision } },
      tokens.reg,
    );
  return draft;
}

const RULE_INPUT = { origins: ['EU'], recognising: ['GB'], mode: 'EQUIVALENCE', effect: 'RECOGNISE' };
type AgreementStatus = 'DRAFT' | 'PROPOSED' | 'IN_FORCE' | 'SUSPENDED';

/** A GB–EU agreement (SG takes no part) with one rule, brought to `status`. */
async function agreementIn(status: AgreementStatus): Promise<{ id: string; ruleId: string }> {
  const created = await ok(
    'mutation($input: CreateAgreementInput!) { createAgreement(input: $input) { id } }',
    { input: { name: unique('Agreement'), kind: 'BILATERAL', parties: ['GB', 'EU'], effectiveFrom: '2026-01-01' } },
    tokens.neg,
  );
  const withRule = await ok(
    'mutation($input: AddAgreementRuleInput!) { addAgreementRule(input: $input) { rules { id } } }',
    { input: { agreementId: created.id, ...RULE_INPUT } },
    tokens.neg,
  );
  const move = (name: string, token: string) =>
    ok(
      `mutation($input: AgreementIdInput!) { ${name}(input: $input) { status } }`,
      { input: { id: created.id } },
      token,
    );
  if (status !== 'DRAFT') await move('proposeAgreement', tokens.neg);
  if (status === 'IN_FORCE' || status === 'SUSPENDED') {
    await move('approveAgreement', tokens.neg);
    await move('approveAgreement', negEU);
  }
  if (status === 'SUSPENDED') await move('suspendAgreement', tokens.neg);
  return { id: created.id, ruleId: withRule.rules[0].id };
}

async function crosswalk(): Promise<string> {
  const to = await publishedCriterion(await t.authorityId('EU', 'AI Office'), Stage.TESTING);
  const from = await publishedCriterion(w.fca, Stage.TESTING);
  return (
    await ok(
      'mutation($input: CreateCrosswalkInput!) { createCrosswalk(input: $input) { id } }',
      { input: { fromCriterionId: from, toCriterionId: to, relation: 'EQUIVALENT' } },
      tokens.reg,
    )
  ).id;
}

/** A fresh account no caller of the matrix uses, for the operations that act on accounts. */
async function bystander(): Promise<string> {
  return (
    await t.accountWithToken(`bystander.${++seq}.${tag}@matrix.test`, Role.NEGOTIATOR, { jurisdictionCode: 'SG' })
  ).id;
}

const scenario = JSON.parse(
  readFileSync(new URL('../examples/simulation/small.scenario.json', import.meta.url), 'utf8'),
);
const recognitionExample = JSON.parse(
  readFileSync(new URL('../examples/recognition/p1-conformity.case.json', import.meta.url), 'utf8'),
);
/** A programme design both regulators' authorities (gb-fca, sg-mas) take part in: any of them may run it. */
const programmeScenario = {
  format: 'sandbridge/programme-scenario@1',
  seed: 7,
  replications: 20,
  startDay: '2027-01-04',
  authorities: ['gb-fca', 'sg-mas'].map((id) => ({
    id,
    jurisdiction: id.slice(0, 2).toUpperCase(),
    screeningPassRate: 0.5,
    reviewDays: { min: 10, max: 20 },
    reviewsPerMonth: 5,
    exitAuthoriseRate: 0.8,
  })),
  applicants: { count: 6, targets: { min: 1, max: 2 } },
  designs: [
    {
      name: 'Each decides',
      participants: ['gb-fca', 'sg-mas'],
      jointEntryRule: 'EACH_AUTHORITY',
      capacity: 3,
      testingDays: 90,
      acceptsRecognisedResults: false,
    },
  ],
};
const action = async (state: EnrolmentState) => {
  const e = await enrolmentIn(state);
  return { input: { enrolmentId: e.id, expectedVersion: e.version, reasons: 'Because' } };
};

/** Arguments per rule key, built for each cell (so a successful call never changes another cell's object). */
const ARGS: Record<string, () => Vars | Promise<Vars>> = {
  agreement: () => ({ id: w.agreement }),
  aiSystem: () => ({ id: w.sysA }),
  auditTrail: () => ({ filter: { enrolmentId: w.enrolment } }),
  // A too-short new password: every signed-in caller reaches validation, none ends its own session.
  changePassword: () => ({ input: { currentPassword: 'whatever-it-was', newPassword: 'short' } }),
  disableAccount: async () => ({ input: { id: await bystander() } }),
  // Consent and its withdrawal change nothing when repeated: every cell uses the same issued report.
  consentToPublication: () => ({ input: { exitReportId: w.issuedReport } }),
  withdrawPublicationConsent: () => ({ input: { exitReportId: w.issuedReport } }),
  draftExitReport: async () => ({ input: { enrolmentId: await exitedEnrolment(), ...SECTIONS } }),
  // An issued report never changes: FCA is refused for the state, MAS may not see the enrolment.
  'draftExitReport:issued': () => ({ input: { enrolmentId: w.exited, exitReportId: w.issuedReport, ...SECTIONS } }),
  issueExitReport: async () => {
    const draft = await exitReportOn(false);
    return { input: { exitReportId: draft.id, expectedRevision: draft.revision } };
  },
  enableAccount: async () => ({ input: { id: await bystander() } }),
  // Another account's sessions: only administrators may end them (one's own: any caller, not tested here).
  revokeSessions: async () => ({ input: { accountId: await bystander() } }),
  authority: () => ({ id: w.fca }),
  compareSimulationRuns: () => ({ ids: [w.run] }),
  compareSimulationRunsChartSvg: () => ({ ids: [w.run] }),
  'programmeDesignScenario:draft': () => ({ programmeId: w.draftProgramme, replications: 10 }),
  'programmeDesignScenario:open': () => ({ programmeId: w.openProgramme, replications: 10 }),
  programmeSimulationRun: () => ({ id: w.programmeRun }),
  criterion: () => ({ id: w.criteria.TESTING }),
  'criterion:draft': () => ({ id: w.draftCriterion }),
  enrolment: () => ({ id: w.enrolment }),
  evidence: () => ({ id: w.evidence }),
  evidenceList: () => ({ first: 5 }),
  updateEvidenceMetadata: () => ({ input: { id: w.evidence, title: 'Model card' } }),
  // A fresh pair each cell: a file is revised once.
  reviseEvidence: async () => ({ input: { id: await evidenceOfA(), revisionId: await evidenceOfA() } }),
  exitReport: () => ({ enrolmentId: w.enrolment }),
  explainRecognitionCase: () => ({ case: recognitionExample, asOf: '2026-06-01' }),
  verifyDocument: () => ({ document: w.writtenProof }),
  writtenProof: () => ({ enrolmentId: w.exited, authorityId: w.fca }),
  jurisdiction: () => ({ code: 'GB' }),
  organisation: () => ({ id: w.orgA }),
  // What submitTestReport takes, without the key: refused and answered exactly as that mutation is.
  previewTestReport: async () => {
    const { idempotencyKey: _key, ...input } = ((await ARGS.submitTestReport()) as { input: Vars }).input;
    return { input };
  },
  'programme:draft': () => ({ id: w.draftProgramme }),
  'programme:open': () => ({ id: w.openProgramme }),
  'programmeFunnel:draft': () => ({ programmeId: w.draftProgramme }),
  'programmeFunnel:open': () => ({ programmeId: w.openProgramme }),
  recognitionCase: () => ({ aiSystemId: w.sysA, authorityId: w.fca, asOf: '2026-06-01' }),
  sandboxPlan: () => ({ enrolmentId: w.enrolment }),
  recognitionPassport: () => ({ aiSystemId: w.sysA, asOf: '2026-06-01' }),
  recognitionStatus: () => ({ aiSystemId: w.sysA, authorityId: w.fca, asOf: '2026-06-01' }),
  simulationRun: () => ({ id: w.run }),
  standard: () => ({ code: w.standard }),
  testReport: () => ({ id: w.report }),

  addAgreementRule: async () => ({ input: { agreementId: (await agreementIn('DRAFT')).id, ...RULE_INPUT } }),
  addClause: () => ({ input: { standardCode: w.standard, id: `MTX${tag}:A.${++seq}`, ref: 'A.1', title: 'A clause' } }),
  'addProgrammeParticipant:draft': async () => ({ input: { programmeId: await draftProgramme(), authorityId: w.ico } }),
  'addProgrammeParticipant:open': async () => {
    const id = await draftProgramme();
    await ok(
      'mutation($input: TransitionProgrammeInput!) { transitionProgramme(input: $input) { status } }',
      { input: { id, action: 'OPEN' } },
      tokens.reg,
    );
    return { input: { programmeId: id, authorityId: w.ico } };
  },
  approveAgreement: async () => ({ input: { id: (await agreementIn('PROPOSED')).id } }),
  'attachCriterion:draft': async () => ({
    input: { programmeId: await draftProgramme(), criterionId: await publishedCriterion(w.fca, Stage.EXIT) },
  }),
  // FCA's DRAFT criterion to the OPEN programme: refused for its state to FCA, invisible to MAS.
  'attachCriterion:draftCriterion': () => ({ input: { programmeId: w.openProgramme, criterionId: w.draftCriterion } }),
  cancelSimulation: () => ({ input: { id: w.run } }),
  calibrateProgramme: () => ({ input: { observations: [{ authority: 'gb-fca', applications: 10, admitted: 4 }] } }),
  cancelProgrammeSimulation: () => ({ input: { id: w.programmeRun } }),
  createAccount: () => ({
    input: {
      email: `${unique('acc').replace(/\W/g, '')}@matrix.test`,
      displayName: 'New',
      password: 'a-long-test-password',
      role: 'NEGOTIATOR',
      jurisdictionCode: 'GB',
    },
  }),
  createAgreement: () => ({ input: { name: unique('Agreement'), kind: 'BILATERAL', parties: ['GB', 'EU'] } }),
  createAuthority: () => ({
    input: { name: unique('Authority'), acronym: unique('AU').replace(/\W/g, ''), jurisdictionCode: 'GB' },
  }),
  createCriterion: () => ({
    input: {
      authorityId: w.fca,
      key: unique('key').replace(/\s/g, '.'),
      title: 'New',
      stage: 'ENTRY',
      category: 'SAFETY',
      kind: 'ATTESTATION',
      statement: 'Yes.',
    },
  }),
  createCrosswalk: async () => ({
    input: {
      fromCriterionId: await publishedCriterion(w.fca, Stage.TESTING),
      toCriterionId: await publishedCriterion(await t.authorityId('EU', 'AI Office'), Stage.TESTING),
      relation: 'EQUIVALENT',
    },
  }),
  createEnrolment: async () => {
    const system = await ok(
      'mutation($input: RegisterAiSystemInput!) { registerAiSystem(input: $input) { id } }',
      { input: { name: unique('System'), sector: 'FINANCE', intendedPurpose: 'Scores loans.', riskClass: 'HIGH' } },
      tokens.inn,
    );
    return { input: { programmeId: w.openProgramme, aiSystemId: system.id, targetAuthorityIds: [w.fca] } };
  },
  'createEnrolment:draft': () => ({
    input: { programmeId: w.draftProgramme, aiSystemId: w.sysA, targetAuthorityIds: [w.fca] },
  }),
  createJurisdiction: () => ({
    input: { code: `XQ-${(++seq).toString(36).toUpperCase().slice(-3)}`, name: unique('Land'), approach: 'SOFT_LAW' },
  }),
  createOrganisation: () => ({ input: { name: unique('Organisation'), homeJurisdictionCode: 'GB' } }),
  createProgramme: () => ({ input: { name: unique('Programme'), leadAuthorityId: w.fca, ...PROGRAMME_FIELDS } }),
  createStandard: () => ({ input: { code: unique('STD'), title: 'A standard', publisher: 'Matrix' } }),
  decideEntry: async () => {
    const e = await enrolmentIn('UNDER_REVIEW');
    return { input: { enrolmentId: e.id, expectedVersion: e.version, decision: 'ADMIT', reasons: 'Ready' } };
  },
  decideExit: async () => {
    const e = await enrolmentIn('EXIT_REVIEW');
    return { input: { enrolmentId: e.id, expectedVersion: e.version, decision: 'REJECTED', reasons: 'Not yet' } };
  },
  deleteCrosswalk: async () => ({ input: { id: await crosswalk() } }),
  'detachCriterion:draft': async () => ({
    input: { programmeId: await draftProgramme(), criterionId: w.criteria.EXIT },
  }),
  login: () => ({ email: ADMIN.email, password: ADMIN.password }),
  proposeAgreement: async () => ({ input: { id: (await agreementIn('DRAFT')).id } }),
  publishCriterion: async () => ({ input: { id: await publishedCriterion(w.fca, Stage.ENTRY, false) } }),
  registerAiSystem: () => ({
    input: {
      organisationId: w.orgA,
      name: unique('System'),
      sector: 'FINANCE',
      intendedPurpose: 'Scores loans.',
      riskClass: 'HIGH',
    },
  }),
  removeAgreementRule: async () => ({ input: { id: (await agreementIn('DRAFT')).ruleId } }),
  removeProgrammeParticipant: async () => ({
    input: { programmeId: await draftProgramme([w.ico]), authorityId: w.ico },
  }),
  reportIncident: () => ({
    input: { enrolmentId: w.enrolment, severity: 'LOW', description: 'A glitch', affectedJurisdictions: ['GB'] },
  }),
  requestExit: () => action('TESTING'),
  requestExtension: async () => {
    const e = await enrolmentWithPlan('AGREED');
    const endDay = new Date(Date.now() + 120 * 86_400_000).toISOString().slice(0, 10);
    return { input: { enrolmentId: e.id, endDay, reasons: 'More applicants', expectedVersion: e.version } };
  },
  requestPlanChanges: async () => {
    const e = await enrolmentWithPlan('PROPOSED');
    return { input: { planId: e.planId, reasons: 'Add safeguards', expectedVersion: e.version } };
  },
  approveSandboxPlan: async () => {
    const e = await enrolmentWithPlan('PROPOSED');
    return { input: { planId: e.planId, expectedVersion: e.version } };
  },
  proposeSandboxPlan: async () => {
    const e = await enrolmentIn('TESTING');
    return { input: planFields(e.id, e.version) };
  },
  rerunSimulation: () => ({ input: { id: w.run } }),
  rerunProgrammeSimulation: () => ({ input: { id: w.programmeRun } }),
  resumeAgreement: async () => ({ input: { id: (await agreementIn('SUSPENDED')).id } }),
  resumeTrack: () => action('SUSPENDED'),
  retireCriterion: async () => ({ input: { id: await publishedCriterion(w.fca, Stage.ENTRY) } }),
  reviewTestReport: async () => ({ input: { reportId: await submitReport(), decision: 'ACCEPT', reasons: 'Fine' } }),
  reviseCriterion: async () => ({ input: { id: await publishedCriterion(w.fca, Stage.ENTRY) } }),
  startReview: () => action('SUBMITTED'),
  startSimulation: () => ({ input: { name: unique('Run'), scenario } }),
  startProgrammeSimulation: () => ({ input: { name: unique('Design'), scenario: programmeScenario } }),
  submitEnrolment: () => action('DRAFT'),
  submitTestReport: () => ({
    input: {
      enrolmentId: w.enrolment,
      submittedTo: w.fca,
      testedIn: 'GB',
      periodStart: '2026-01-05',
      periodEnd: '2026-02-05',
      lab: { name: 'Lab', accredited: true, accreditationBody: 'UKAS' },
      method: { id: 'ISO/IEC 23894:2023 §6.4', version: '2023' },
      confidentiality: 'PARTICIPANTS',
      results: [{ criterionId: w.criteria.TESTING, value: 0.9 }],
      idempotencyKey: randomUUID(),
    },
  }),
  suspendAgreement: async () => ({ input: { id: (await agreementIn('IN_FORCE')).id } }),
  suspendTrack: async () => {
    const { input } = await action('TESTING');
    return { input: { ...input, ground: 'BREACH_OF_PLAN' } };
  },
  terminateAgreement: async () => ({ input: { id: (await agreementIn('IN_FORCE')).id } }),
  'transitionProgramme:draft': async () => ({ input: { id: await draftProgramme(), action: 'OPEN' } }),
  updateAgreement: async () => ({ input: { id: (await agreementIn('DRAFT')).id, name: unique('Renamed') } }),
  updateAgreementRule: async () => ({
    input: { id: (await agreementIn('DRAFT')).ruleId, ...RULE_INPUT, name: 'Renamed' },
  }),
  updateAiSystem: () => ({ input: { id: w.sysA, intendedPurpose: 'Scores loans, carefully.' } }),
  updateAuthority: () => ({ input: { id: w.fca, website: 'https://www.fca.org.uk' } }),
  updateCriterion: async () => ({
    input: { id: await publishedCriterion(w.fca, Stage.ENTRY, false), title: 'Renamed' },
  }),
  updateEnrolmentApplication: async () => {
    const e = await enrolmentIn('DRAFT');
    return { input: { enrolmentId: e.id, expectedVersion: e.version, targetAuthorityIds: [w.fca] } };
  },
  updateJurisdiction: () => ({ input: { code: 'GB', name: 'United Kingdom' } }),
  updateOrganisation: () => ({ input: { id: w.orgA, homeJurisdictionCode: 'GB' } }),
  'updateProgramme:draft': async () => ({ input: { id: await draftProgramme(), description: 'Edited' } }),
  'updateProgramme:open': () => ({ input: { id: w.openProgramme, description: 'Edited' } }),
  withdrawEnrolment: () => action('TESTING'),
};

function outcomeOf(operation: string, res: GraphQLResponse): string {
  expectNoLeak(res);
  if (res.errors?.length) {
    const code = res.errors[0].extensions?.code;
    const short: Record<string, Outcome> = {
      UNAUTHENTICATED: 'UNAUTH',
      FORBIDDEN: 'FORBID',
      NOT_FOUND: 'NOTFOUND',
      INVALID_TRANSITION: 'INVALID',
      BAD_USER_INPUT: 'INPUT',
    };
    return short[code ?? ''] ?? `${code}: ${res.errors[0].message}`;
  }
  return res.data?.[operation] === null ? 'NULL' : 'OK';
}

beforeAll(async () => {
  t = await TestApp.create();
  tokens.admin = await t.adminToken();
  w.fca = await t.authorityId('GB', 'FCA');
  w.mas = await t.authorityId('SG', 'MAS');
  w.ico = await t.authorityId('GB', 'ICO');
  w.orgA = await t.createOrganisation(unique('Organisation A'), 'GB');
  const orgB = await t.createOrganisation(unique('Organisation B'), 'SG');
  const account = async (role: Role, tenant: Parameters<TestApp['accountWithToken']>[2]) =>
    (await t.accountWithToken(`${role.toLowerCase()}.${++seq}.${tag}@matrix.test`, role, tenant)).token;
  tokens.reg = await account(Role.REGULATOR, { authorityId: w.fca });
  tokens.regX = await account(Role.REGULATOR, { authorityId: w.mas });
  tokens.inn = await account(Role.INNOVATOR, { organisationId: w.orgA });
  tokens.innX = await account(Role.INNOVATOR, { organisationId: orgB });
  tokens.neg = await account(Role.NEGOTIATOR, { jurisdictionCode: 'GB' });
  tokens.negX = await account(Role.NEGOTIATOR, { jurisdictionCode: 'SG' });
  negEU = await account(Role.NEGOTIATOR, { jurisdictionCode: 'EU' });

  w.standard = `STD-${tag}`;
  await ok(
    'mutation($input: CreateStandardInput!) { createStandard(input: $input) { id } }',
    { input: { code: w.standard, title: 'A standard', publisher: 'Matrix' } },
    tokens.admin,
  );
  w.criteria = {
    ENTRY: await publishedCriterion(w.fca, Stage.ENTRY),
    TESTING: await publishedCriterion(w.fca, Stage.TESTING),
    EXIT: await publishedCriterion(w.fca, Stage.EXIT),
  };
  w.draftCriterion = await publishedCriterion(w.fca, Stage.ENTRY, false);
  w.masCriterion = await publishedCriterion(w.mas, Stage.TESTING);
  w.draftProgramme = await draftProgramme();
  w.openProgramme = await draftProgramme();
  await ok(
    'mutation($input: TransitionProgrammeInput!) { transitionProgramme(input: $input) { status } }',
    { input: { id: w.openProgramme, action: 'OPEN' } },
    tokens.reg,
  );
  // Its sandbox plan agreed, so that reports may be submitted to it.
  const testing = await enrolmentWithPlan('AGREED');
  w.enrolment = testing.id;
  w.plan = testing.planId;
  w.sysA = (
    await ok('query($id: ID!) { enrolment(id: $id) { aiSystem { id } } }', { id: w.enrolment }, tokens.inn)
  ).aiSystem.id;
  w.report = await submitReport();
  w.evidence = await evidenceOfA();
  await t.dataSource.query('UPDATE test_result SET evidence_id = $1 WHERE report_id = $2', [w.evidence, w.report]);
  const issued = await exitReportOn(true);
  w.issuedReport = issued.id;
  w.exited = issued.enrolmentId;
  w.writtenProof = (
    await ok(
      'query($e: ID!, $a: ID!) { writtenProof(enrolmentId: $e, authorityId: $a) { signed } }',
      { e: w.exited, a: w.fca },
      tokens.admin,
    )
  ).signed;
  w.agreement = (await agreementIn('DRAFT')).id;
  w.run = (
    await ok(
      'mutation($input: StartSimulationInput!) { startSimulation(input: $input) { id } }',
      { input: { name: 'Matrix run', scenario } },
      tokens.neg,
    )
  ).id;
  w.programmeRun = (
    await ok(
      'mutation($input: StartProgrammeSimulationInput!) { startProgrammeSimulation(input: $input) { id } }',
      { input: { name: 'Matrix design', scenario: programmeScenario } },
      tokens.reg,
    )
  ).id;
  // Wait for the runs to finish, so that cancelling one is refused for its state, the same for every caller who may.
  for (let i = 0; i < 200; i++) {
    const run = await ok('query($id: ID!) { simulationRun(id: $id) { status } }', { id: w.run }, tokens.neg);
    const design = await ok(
      'query($id: ID!) { programmeSimulationRun(id: $id) { status } }',
      { id: w.programmeRun },
      tokens.reg,
    );
    if (['COMPLETED', 'FAILED'].includes(run.status) && ['COMPLETED', 'FAILED'].includes(design.status)) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}, 180_000);

afterAll(async () => {
  await t?.close();
});

describe('the rules table', () => {
  it('has a rule for every query and mutation of the schema, and none for an operation it does not have', () => {
    const ruled = new Set(RULE_LIST.map((r) => r.operation));
    expect([...OPERATIONS.keys()].filter((op) => !ruled.has(op)).sort()).toEqual([]);
    expect([...ruled].filter((op) => !OPERATIONS.has(op)).sort()).toEqual([]);
  });

  it('has one line per case, and arguments for every operation that needs them', () => {
    const keys = RULE_LIST.map((r) => r.key);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
    expect(Object.keys(ARGS).filter((k) => !keys.includes(k))).toEqual([]);
    const needsArgs = RULE_LIST.filter((r) =>
      OPERATIONS.get(r.operation)?.field.args.some((a) => String(a.type).endsWith('!')),
    );
    expect(needsArgs.filter((r) => !ARGS[r.key]).map((r) => r.key)).toEqual([]);
  });
});

describe('every operation × every caller answers its documented outcome', () => {
  it.each(RULE_LIST.map((r) => [r.key, r] as const))(
    '%s',
    async (_key, rule) => {
      const actual = {} as Record<Caller, string>;
      for (const caller of CALLERS) {
        const vars = await (ARGS[rule.key]?.() ?? {});
        const res = await call(documentFor(rule.operation, vars), vars, caller === 'anon' ? '' : tokens[caller]);
        actual[caller] = outcomeOf(rule.operation, res);
      }
      expect(actual).toEqual(rule.expected);
    },
    60_000,
  );
});

describe('an invisible object answers exactly as a missing one', () => {
  /** The error a caller gets for `id`, with the id itself masked (messages name it). */
  const answer = async (query: string, vars: (id: string) => Vars, id: string, token: string) => {
    const res = await call(query, vars(id), token);
    expectNoLeak(res);
    return {
      data: res.data ?? null,
      errors: res.errors?.map((e) => ({ code: e.extensions?.code, message: e.message.replaceAll(id, '<id>') })),
    };
  };
  const sameAsMissing = async (
    label: string,
    query: string,
    vars: (id: string) => Vars,
    id: string,
    token: string,
    code: string,
  ) => {
    const hidden = await answer(query, vars, id, token);
    expect([label, hidden.errors?.[0]?.code]).toEqual([label, code]);
    expect([label, hidden]).toEqual([label, await answer(query, vars, randomUUID(), token)]);
  };

  it('a sandbox plan of an enrolment the caller may not see: NOT_FOUND to act on, as if it did not exist', async () => {
    const vars = (id: string) => ({ id });
    for (const [label, token] of [
      ['regulator of another authority', tokens.regX],
      ['another organisation’s innovator', tokens.innX],
      ['negotiator', tokens.neg],
    ] as const) {
      await sameAsMissing(
        `${label} approves`,
        'mutation($id: ID!) { approveSandboxPlan(input: { planId: $id, expectedVersion: 1 }) { id } }',
        vars,
        w.plan,
        token,
        'NOT_FOUND',
      );
      await sameAsMissing(
        `${label} asks for changes`,
        'mutation($id: ID!) { requestPlanChanges(input: { planId: $id, reasons: "No" }) { id } }',
        vars,
        w.plan,
        token,
        'NOT_FOUND',
      );
    }
  });

  it('programmeFunnel of a DRAFT: NOT_FOUND to negotiators and non-participating regulators; FORBIDDEN to innovators whatever the id', async () => {
    const FUNNEL = 'query($id: ID!) { programmeFunnel(programmeId: $id) { applications } }';
    const vars = (id: string) => ({ id });
    await sameAsMissing('negotiator', FUNNEL, vars, w.draftProgramme, tokens.neg, 'NOT_FOUND');
    await sameAsMissing('regulator of another authority', FUNNEL, vars, w.draftProgramme, tokens.regX, 'NOT_FOUND');
    await sameAsMissing('innovator', FUNNEL, vars, w.draftProgramme, tokens.inn, 'FORBIDDEN');
    expect(expectOk(await call(FUNNEL, vars(w.draftProgramme), tokens.reg)).programmeFunnel.applications).toBe(0);
  });

  it('recognition of another organisation’s system, and updating another organisation: NOT_FOUND to its innovators', async () => {
    const asOf = '2026-06-01';
    await sameAsMissing(
      'status',
      'query($id: ID!, $a: ID!) { recognitionStatus(aiSystemId: $id, authorityId: $a, asOf: "2026-06-01") { asOf } }',
      (id) => ({ id, a: w.fca }),
      w.sysA,
      tokens.innX,
      'NOT_FOUND',
    );
    await sameAsMissing(
      'passport',
      `query($id: ID!) { recognitionPassport(aiSystemId: $id, asOf: "${asOf}") { asOf } }`,
      (id) => ({ id }),
      w.sysA,
      tokens.innX,
      'NOT_FOUND',
    );
    await sameAsMissing(
      'case',
      `query($id: ID!, $a: ID!) { recognitionCase(aiSystemId: $id, authorityId: $a, asOf: "${asOf}") }`,
      (id) => ({ id, a: w.fca }),
      w.sysA,
      tokens.innX,
      'NOT_FOUND',
    );
    await sameAsMissing(
      'negotiator',
      `query($id: ID!) { recognitionPassport(aiSystemId: $id, asOf: "${asOf}") { asOf } }`,
      (id) => ({ id }),
      w.sysA,
      tokens.neg,
      'FORBIDDEN',
    );
    const UPDATE = 'mutation($id: ID!) { updateOrganisation(input: { id: $id, name: "Taken over" }) { id } }';
    await sameAsMissing('updateOrganisation', UPDATE, (id) => ({ id }), w.orgA, tokens.innX, 'NOT_FOUND');
    await sameAsMissing('updateOrganisation by a regulator', UPDATE, (id) => ({ id }), w.orgA, tokens.reg, 'FORBIDDEN');
    const REGISTER =
      'mutation($id: ID!) { registerAiSystem(input: { organisationId: $id, name: "Planted", sector: "FINANCE", intendedPurpose: "Scores loans.", riskClass: MINIMAL }) { id } }';
    await sameAsMissing('registerAiSystem', REGISTER, (id) => ({ id }), w.orgA, tokens.innX, 'NOT_FOUND');
  });

  it('attaching another authority’s DRAFT criterion: NOT_FOUND, as for an unknown criterion', async () => {
    const ATTACH =
      'mutation($p: ID!, $id: ID!) { attachCriterion(input: { programmeId: $p, criterionId: $id }) { stage } }';
    // MAS leads a draft of its own; FCA's draft criterion is invisible to MAS.
    const own = await ok(
      'mutation($input: CreateProgrammeInput!) { createProgramme(input: $input) { id } }',
      { input: { name: unique('MAS programme'), ...PROGRAMME_FIELDS } },
      tokens.regX,
    );
    await sameAsMissing(
      'draft criterion',
      ATTACH,
      (id) => ({ p: own.id, id }),
      w.draftCriterion,
      tokens.regX,
      'NOT_FOUND',
    );
  });
});

describe('programme names: unique where they are seen', () => {
  const CREATE = 'mutation($input: CreateProgrammeInput!) { createProgramme(input: $input) { id name } }';
  const UPDATE = 'mutation($input: UpdateProgrammeInput!) { updateProgramme(input: $input) { id name } }';
  const TRANSITION = 'mutation($input: TransitionProgrammeInput!) { transitionProgramme(input: $input) { status } }';
  const create = (name: string, token: string) => call(CREATE, { input: { name, ...PROGRAMME_FIELDS } }, token);
  const codeOf = (res: GraphQLResponse) => res.errors?.map((e) => e.extensions?.code) ?? 'OK';

  it('another authority’s DRAFT does not block a name — a CONFLICT would reveal it — and the name is taken when one opens', async () => {
    const name = unique('Shared name');
    const fcaDraft = expectOk(await create(name, tokens.reg)).createProgramme;
    // MAS may not see FCA's draft: the same name is accepted, nothing revealed.
    const masDraft = expectOk(await create(name.toUpperCase(), tokens.regX)).createProgramme;
    expect(masDraft.id).not.toBe(fcaDraft.id);
    // Within one lead the name stays unique (its regulators see their drafts), ignoring case.
    expect(codeOf(await create(name.toLowerCase(), tokens.reg))).toEqual(['CONFLICT']);
    // FCA opens first: the name is now public, so MAS's draft may not open under it, nor a new one take it.
    const ATTACH = 'mutation($input: AttachCriterionInput!) { attachCriterion(input: $input) { stage } }';
    expectOk(await call(ATTACH, { input: { programmeId: fcaDraft.id, criterionId: w.criteria.ENTRY } }, tokens.reg));
    expectOk(await call(TRANSITION, { input: { id: fcaDraft.id, action: 'OPEN' } }, tokens.reg));
    const masEntry = await publishedCriterion(w.mas, Stage.ENTRY);
    expectOk(await call(ATTACH, { input: { programmeId: masDraft.id, criterionId: masEntry } }, tokens.regX));
    expect(codeOf(await call(TRANSITION, { input: { id: masDraft.id, action: 'OPEN' } }, tokens.regX))).toEqual([
      'CONFLICT',
    ]);
    expect(codeOf(await create(name, tokens.regX))).toEqual(['CONFLICT']);
    // Renamed, MAS's draft opens.
    expectOk(await call(UPDATE, { input: { id: masDraft.id, name: unique('MAS own name') } }, tokens.regX));
    expect(
      expectOk(await call(TRANSITION, { input: { id: masDraft.id, action: 'OPEN' } }, tokens.regX)).transitionProgramme
        .status,
    ).toBe('OPEN');
  });

  it('renaming a draft to the name of another authority’s draft is accepted; to a published programme’s name, a CONFLICT', async () => {
    const hidden = unique('Hidden draft');
    expectOk(await create(hidden, tokens.reg));
    const mine = expectOk(await create(unique('Mine'), tokens.regX)).createProgramme;
    expect(
      expectOk(await call(UPDATE, { input: { id: mine.id, name: hidden } }, tokens.regX)).updateProgramme.name,
    ).toBe(hidden);
    const published = (
      await ok('query($id: ID!) { programme(id: $id) { name } }', { id: w.openProgramme }, tokens.regX)
    ).name;
    expect(codeOf(await call(UPDATE, { input: { id: mine.id, name: published } }, tokens.regX))).toEqual(['CONFLICT']);
  });
});
