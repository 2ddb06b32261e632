import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AiSystemService, EvidenceService } from '@sandbridge/application';
import { type Actor, RiskClass, Role } from '@sandbridge/domain';
import { AccountRepository, type EvidenceEntity } from '@sandbridge/persistence';
import {
  admitToTesting,
  BUILDER,
  buildSandbox,
  controlClock,
  expectBadInput,
  expectOk,
  planInput,
  type Sandbox,
  submitTestReport,
  TestApp,
  type TestClock,
} from '@sandbridge/testing';

// Results and plan sections that name stored evidence (docs/domain.md#evidence), end to end: a report
// naming a file by id gets its hash and title filled in; a stated hash that is not the file's, or a
// file of another organisation, is refused at its path with nothing written (and the other file is
// not revealed); evidence that expired before the report's period ended does not satisfy an EVIDENCE
// criterion, saying why; plan sections show their evidence as the section is shown; the regulator's
// work queue and the innovator's enrolment show evidence expiring, with the clock set by the test.

type Vars = Record<string, unknown>;

const SUBMIT = `mutation($input: SubmitTestReportInput!) { submitTestReport(input: $input) {
  id results { position outcome detail evidenceId evidenceReference evidenceSha256 evidence { id title expiryDay } } } }`;
const PREVIEW = `query($input: PreviewTestReportInput!) { previewTestReport(input: $input) {
  results { position outcome detail evidenceId evidenceReference evidenceSha256 evidence { id title } } } }`;
const REPORT = `query($id: ID!) { testReport(id: $id) { results { position evidenceId evidence { id title sha256 } } } }`;
const PROPOSE = `mutation($input: ProposeSandboxPlanInput!) { proposeSandboxPlan(input: $input) { id version status } }`;
const PLANS = `query($id: ID!) { enrolment(id: $id) { version planVersions { version
  scope { withheld evidence { id title } } safeguards { withheld evidence { id title } } } } }`;
const QUEUE = `query { workQueue(first: 100) { edges { node { kind due overdue daysOverdue enrolment { id }
  evidence { id title expiryDay } } } } }`;
const EXPIRING = 'query($id: ID!) { enrolment(id: $id) { expiringEvidence { id title expiryDay } } }';

let t: TestApp;
let clock: TestClock;
let sb: Sandbox;
let fca: Sandbox['authorities'][number];
let mas: Sandbox['authorities'][number];
let enrolment: { id: string; version: number };
let other: { id: string; token: string; organisationId: string };
/** The FCA's optional EVIDENCE criterion (an entry criterion, named by reports too). */
let evidenceCriterion: string;
let aucCriterion: string;

const files: Record<'card' | 'expired' | 'soon' | 'later' | 'theirs', EvidenceEntity> = {} as never;

const innovatorActor = (accountId: string, organisationId: string): Actor => ({
  accountId,
  role: Role.INNOVATOR,
  authorityId: null,
  organisationId,
  jurisdictionCode: null,
});

/** Stores a small text file as the organisation's evidence, through the platform's own upload path. */
async function upload(
  actor: Actor,
  text: string,
  title: string,
  expiryDay: string | null = null,
): Promise<EvidenceEntity> {
  const { evidence } = await t.get(EvidenceService).upload(actor, toStream(text), {
    filename: `${title.toLowerCase().replace(/\W+/g, '-')}.txt`,
    declaredType: 'text/plain',
    title,
    effectiveDay: '2025-12-01',
    expiryDay,
  });
  return evidence;
}

async function* toStream(text: string): AsyncIterable<Uint8Array> {
  yield Buffer.from(text, 'utf8');
}

async function ok<T = any>(query: string, variables: Vars, token: string): Promise<T> {
  return expectOk(await t.gql(query, variables, token)) as T;
}

function reportInput(results: Vars[], fields: Vars = {}): Vars {
  return {
    enrolmentId: enrolment.id,
    submittedTo: fca.id,
    periodStart: '2026-01-05',
    periodEnd: '2026-01-10',
    lab: { name: 'Merlion Assurance Lab', accredited: true, accreditationBody: 'SAC' },
    method: { id: 'ISO/IEC 23894:2023 §6.4', version: '2023' },
    testedIn: 'GB',
    confidentiality: 'PARTICIPANTS',
    results,
    ...fields,
  };
}

/** Sets the day and renews the tokens this file uses (they expire with the clock). */
async function moveTo(day: string): Promise<void> {
  clock.set(day);
  const repo = t.get(AccountRepository);
  for (const account of [sb.innovator, fca.regulator, mas.regulator, other])
    account.token = await t.login((await repo.findById(account.id))!.email);
}

beforeAll(async () => {
  t = await TestApp.create();
  clock = controlClock(t);
  clock.set('2026-01-06');
  sb = await buildSandbox(t);
  fca = sb.authority.FCA;
  mas = sb.authority.MAS;
  evidenceCriterion = fca.criteria.ENTRY[1];
  aucCriterion = fca.criteria.TESTING[0];
  enrolment = await admitToTesting(t, sb, fca);
  const own = innovatorActor(sb.innovator.id, sb.innovator.organisationId);
  files.card = await upload(own, 'Model card of the credit model, version 3.', 'Model card');
  files.expired = await upload(own, 'Bias audit, 2025 edition.', 'Bias audit 2025', '2026-01-09');
  files.soon = await upload(own, 'Penetration test certificate.', 'Pen-test certificate', '2026-01-12');
  files.later = await upload(own, 'ISO/IEC 42001 certificate.', 'ISO 42001 certificate', '2026-03-01');
  const organisationId = await t.createOrganisation(`Rival ${randomUUID().slice(0, 8)}`, 'SG');
  other = {
    ...(await t.accountWithToken(`rival.${randomUUID().slice(0, 8)}@evidence.test`, Role.INNOVATOR, {
      organisationId,
    })),
    organisationId,
  };
  files.theirs = await upload(
    innovatorActor(other.id, organisationId),
    'The rival’s secret datasheet.',
    'Rival datasheet',
  );
}, 120_000);

afterAll(async () => {
  clock.restore();
  await t.close();
});

describe('a result naming stored evidence', () => {
  it('fills in the stored hash and the title, writes evidence_id, and reads the file back through the result', async () => {
    const { submitTestReport } = await ok(
      SUBMIT,
      {
        input: {
          ...reportInput([
            { criterionId: aucCriterion, value: 0.91 },
            { criterionId: evidenceCriterion, evidenceId: files.card.id },
            {
              criterionId: evidenceCriterion,
              evidenceId: files.card.id,
              evidenceSha256: files.card.sha256,
              evidenceReference: 'doc://model-card/v3',
            },
          ]),
          idempotencyKey: randomUUID(),
        },
      },
      sb.innovator.token,
    );
    expect(submitTestReport.results[1]).toEqual({
      position: 1,
      outcome: 'PASS',
      detail: `evidence Model card (sha256 ${files.card.sha256.slice(0, 12)}…)`,
      evidenceId: files.card.id,
      evidenceReference: 'Model card',
      evidenceSha256: files.card.sha256,
      evidence: { id: files.card.id, title: 'Model card', expiryDay: null },
    });
    expect(submitTestReport.results[2]).toMatchObject({
      outcome: 'PASS',
      evidenceReference: 'doc://model-card/v3',
      evidenceSha256: files.card.sha256,
    });
    expect(submitTestReport.results[0]).toMatchObject({ evidenceId: null, evidence: null });
    const stored = await t.dataSource.query(
      'SELECT evidence_id FROM test_result WHERE report_id = $1 ORDER BY position',
      [submitTestReport.id],
    );
    expect(stored.map((r: { evidence_id: string | null }) => r.evidence_id)).toEqual([
      null,
      files.card.id,
      files.card.id,
    ]);
    // A regulator who may read the report reads the file it names (PARTICIPANTS: the FCA, and MAS).
    for (const token of [fca.regulator.token, mas.regulator.token]) {
      const { testReport } = await ok(REPORT, { id: submitTestReport.id }, token);
      expect(testReport.results[1].evidence).toEqual({
        id: files.card.id,
        title: 'Model card',
        sha256: files.card.sha256,
      });
    }
  });

  it('previews as it submits: the same hash filled in and the same outcome', async () => {
    const { previewTestReport } = await ok(
      PREVIEW,
      { input: reportInput([{ criterionId: evidenceCriterion, evidenceId: files.card.id }]) },
      sb.innovator.token,
    );
    expect(previewTestReport.results[0]).toEqual({
      position: 0,
      outcome: 'PASS',
      detail: `evidence Model card (sha256 ${files.card.sha256.slice(0, 12)}…)`,
      evidenceId: files.card.id,
      evidenceReference: 'Model card',
      evidenceSha256: files.card.sha256,
      evidence: { id: files.card.id, title: 'Model card' },
    });
  });

  it('refuses a stated hash that is not the stored file’s, at its path, and writes nothing', async () => {
    const [reports, results] = [await t.count('test_report'), await t.count('test_result')];
    const results3 = [
      { criterionId: aucCriterion, value: 0.9 },
      { criterionId: evidenceCriterion, evidenceId: files.card.id },
      { criterionId: evidenceCriterion, evidenceId: files.card.id, evidenceSha256: 'f'.repeat(64) },
    ];
    const submitted = await t.gql(
      SUBMIT,
      { input: { ...reportInput(results3), idempotencyKey: randomUUID() } },
      sb.innovator.token,
    );
    const error = expectBadInput(submitted, 'input.results.2.evidenceSha256');
    expect(error.extensions?.errors?.[0].message).toContain(files.card.sha256);
    expect([await t.count('test_report'), await t.count('test_result')]).toEqual([reports, results]);
    // The preview refuses it the same way.
    expectBadInput(
      await t.gql(PREVIEW, { input: reportInput(results3) }, sb.innovator.token),
      'input.results.2.evidenceSha256',
    );
  });

  it('answers another organisation’s evidence as if it did not exist, revealing nothing of it', async () => {
    const [reports, results] = [await t.count('test_report'), await t.count('test_result')];
    const theirs = await t.gql(
      SUBMIT,
      {
        input: {
          ...reportInput([{ criterionId: evidenceCriterion, evidenceId: files.theirs.id }]),
          idempotencyKey: randomUUID(),
        },
      },
      sb.innovator.token,
    );
    const unknown = await t.gql(
      SUBMIT,
      {
        input: {
          ...reportInput([{ criterionId: evidenceCriterion, evidenceId: randomUUID() }]),
          idempotencyKey: randomUUID(),
        },
      },
      sb.innovator.token,
    );
    const a = expectBadInput(theirs, 'input.results.0.evidenceId');
    const b = expectBadInput(unknown, 'input.results.0.evidenceId');
    expect(a.extensions?.errors).toEqual([{ path: 'input.results.0.evidenceId', message: 'no such evidence' }]);
    expect(b.extensions?.errors).toEqual(a.extensions?.errors);
    const text = JSON.stringify(theirs);
    for (const secret of [files.theirs.sha256, 'Rival datasheet', files.theirs.filename])
      expect(text).not.toContain(secret);
    // Even with its true hash stated, it is not found.
    const withHash = await t.gql(
      PREVIEW,
      {
        input: reportInput([
          { criterionId: evidenceCriterion, evidenceId: files.theirs.id, evidenceSha256: files.theirs.sha256 },
        ]),
      },
      sb.innovator.token,
    );
    expect(expectBadInput(withHash, 'input.results.0.evidenceId').extensions?.errors?.[0].message).toBe(
      'no such evidence',
    );
    expect([await t.count('test_report'), await t.count('test_result')]).toEqual([reports, results]);
  });

  it('does not count evidence that expired before the report’s period ended: INSUFFICIENT_EVIDENCE, saying why', async () => {
    const results = [
      { criterionId: evidenceCriterion, evidenceId: files.expired.id },
      { criterionId: evidenceCriterion, evidenceId: files.soon.id },
    ];
    const { submitTestReport } = await ok(
      SUBMIT,
      { input: { ...reportInput(results), idempotencyKey: randomUUID() } },
      sb.innovator.token,
    );
    expect(submitTestReport.results.map((r: any) => [r.outcome, r.detail])).toEqual([
      [
        'INSUFFICIENT_EVIDENCE',
        "evidence Bias audit 2025 expired on 2026-01-09, before the report's period ended on 2026-01-10",
      ],
      ['PASS', `evidence Pen-test certificate (sha256 ${files.soon.sha256.slice(0, 12)}…)`],
    ]);
    // Its last day of validity is the period's last day: it still counts; a day earlier, it does not.
    const { previewTestReport } = await ok(
      PREVIEW,
      { input: reportInput(results, { periodEnd: '2026-01-09' }) },
      sb.innovator.token,
    );
    expect(previewTestReport.results.map((r: any) => r.outcome)).toEqual(['PASS', 'PASS']);
    const { previewTestReport: later } = await ok(
      PREVIEW,
      { input: reportInput(results, { periodEnd: '2026-01-13' }) },
      sb.innovator.token,
    );
    expect(later.results.map((r: any) => r.outcome)).toEqual(['INSUFFICIENT_EVIDENCE', 'INSUFFICIENT_EVIDENCE']);
    expect(later.results[1].detail).toBe(
      "evidence Pen-test certificate expired on 2026-01-12, before the report's period ended on 2026-01-13",
    );
  });

  it('an entry result names evidence too: checked on the day it is saved', async () => {
    const systemId = (
      await t.get(AiSystemService).register(BUILDER, {
        organisationId: sb.innovator.organisationId,
        name: `Second model ${randomUUID().slice(0, 6)}`,
        sector: 'FINANCE',
        intendedPurpose: 'Scores the creditworthiness of small-business loan applicants.',
        riskClass: RiskClass.HIGH,
      })
    ).id;
    await moveTo('2026-01-10');
    const create = (entryResults: Vars[]) =>
      t.gql(
        `mutation($input: CreateEnrolmentInput!) { createEnrolment(input: $input) {
          entryResults { outcome detail evidenceId evidenceSha256 evidence { id } } } }`,
        { input: { programmeId: sb.programmeId, aiSystemId: systemId, targetAuthorityIds: [fca.id], entryResults } },
        sb.innovator.token,
      );
    expectBadInput(
      await create([{ criterionId: evidenceCriterion, evidenceId: files.theirs.id }]),
      'input.entryResults.0.evidenceId',
    );
    const { createEnrolment } = expectOk(
      await create([{ criterionId: evidenceCriterion, evidenceId: files.expired.id }]),
    );
    expect(createEnrolment.entryResults).toEqual([
      {
        outcome: 'INSUFFICIENT_EVIDENCE',
        detail: 'evidence Bias audit 2025 expired on 2026-01-09, before the day of evaluation, 2026-01-10',
        evidenceId: files.expired.id,
        evidenceSha256: files.expired.sha256,
        evidence: { id: files.expired.id },
      },
    ]);
    await moveTo('2026-01-06');
  });
});

describe('plan sections naming evidence', () => {
  it('are checked like results, mirrored in sandbox_plan_evidence, and read as the section is read', async () => {
    const { enrolment: current } = await ok(PLANS, { id: enrolment.id }, sb.innovator.token);
    const refused = await t.gql(
      PROPOSE,
      {
        input: planInput(enrolment.id, current.version, {
          scope: { text: 'Consumer loans.', evidenceIds: [files.card.id, files.theirs.id] },
        }),
      },
      sb.innovator.token,
    );
    expect(expectBadInput(refused, 'input.scope.evidenceIds.1').extensions?.errors?.[0].message).toBe(
      'no such evidence',
    );
    const tooMany = await t.gql(
      PROPOSE,
      {
        input: planInput(enrolment.id, current.version, {
          scope: { text: 'Consumer loans.', evidenceIds: Array.from({ length: 21 }, () => randomUUID()) },
        }),
      },
      sb.innovator.token,
    );
    expectBadInput(tooMany, 'input.scope.evidenceIds');
    const { proposeSandboxPlan } = await ok(
      PROPOSE,
      {
        input: planInput(enrolment.id, current.version, {
          scope: { text: 'Consumer loans.', evidenceIds: [files.soon.id] },
          safeguards: {
            text: 'A human reviews every declined application.',
            confidentiality: 'HOME_AUTHORITY',
            authorityId: fca.id,
            evidenceIds: [files.card.id, files.later.id],
          },
        }),
      },
      sb.innovator.token,
    );
    const mirrored = await t.dataSource.query(
      'SELECT section, evidence_id FROM sandbox_plan_evidence WHERE plan_id = $1 ORDER BY section, evidence_id',
      [proposeSandboxPlan.id],
    );
    expect(mirrored).toEqual(
      [
        { section: 'safeguards', evidence_id: files.card.id },
        { section: 'safeguards', evidence_id: files.later.id },
        { section: 'scope', evidence_id: files.soon.id },
      ].sort((a, b) => a.section.localeCompare(b.section) || a.evidence_id.localeCompare(b.evidence_id)),
    );
    const read = async (token: string) =>
      (await ok(PLANS, { id: enrolment.id }, token)).enrolment.planVersions.find(
        (v: any) => v.version === proposeSandboxPlan.version,
      );
    const titles = (section: any) => section.evidence.map((e: any) => e.title);
    // The FCA reads its own HOME_AUTHORITY section and the files it names.
    const byFca = await read(fca.regulator.token);
    expect(titles(byFca.safeguards)).toEqual(['Model card', 'ISO 42001 certificate']);
    expect(titles(byFca.scope)).toEqual(['Pen-test certificate']);
    // MAS takes part in the programme: it reads the PUBLIC section, not the FCA's — nor its files.
    const byMas = await read(mas.regulator.token);
    expect(byMas.safeguards).toEqual({ withheld: true, evidence: [] });
    expect(titles(byMas.scope)).toEqual(['Pen-test certificate']);
    expect(JSON.stringify(byMas)).not.toContain('ISO 42001');
    expect(titles((await read(sb.innovator.token)).safeguards)).toEqual(['Model card', 'ISO 42001 certificate']);
  });
});

describe('evidence expiring', () => {
  const evidenceItems = async (token: string) =>
    (await ok(QUEUE, {}, token)).workQueue.edges
      .map((e: any) => e.node)
      .filter((n: any) => n.kind === 'EVIDENCE_EXPIRING' && n.enrolment.id === enrolment.id);

  beforeAll(async () => {
    // A report naming the file that expires on 2026-03-01, after the plan's end day (2026-01-15).
    await submitTestReport(t, sb, {
      enrolmentId: enrolment.id,
      submittedTo: fca.id,
      testedIn: 'GB',
      periodEnd: '2026-01-10',
      results: [{ criterionId: evidenceCriterion, evidenceId: files.later.id }],
    });
  });

  it('waits in the work queue of the authority testing the system, due on its expiry day', async () => {
    await moveTo('2026-01-06');
    // Expired (01-09, before the 01-10 period end) and expiring (01-12) files named by reports: both
    // before the plan's end day; the model card never expires; the 03-01 file is over 30 days away.
    expect(await evidenceItems(fca.regulator.token)).toEqual([
      {
        kind: 'EVIDENCE_EXPIRING',
        due: '2026-01-09',
        overdue: false,
        daysOverdue: 0,
        enrolment: { id: enrolment.id },
        evidence: { id: files.expired.id, title: 'Bias audit 2025', expiryDay: '2026-01-09' },
      },
      {
        kind: 'EVIDENCE_EXPIRING',
        due: '2026-01-12',
        overdue: false,
        daysOverdue: 0,
        enrolment: { id: enrolment.id },
        evidence: { id: files.soon.id, title: 'Pen-test certificate', expiryDay: '2026-01-12' },
      },
    ]);
    // MAS has no track of this enrolment: nothing of its evidence waits for it.
    expect(await evidenceItems(mas.regulator.token)).toEqual([]);
  });

  it('comes into the queue 30 days before it expires, not 31; once expired it is overdue', async () => {
    await moveTo('2026-01-29');
    const on29 = await evidenceItems(fca.regulator.token);
    expect(on29.map((i: any) => i.evidence.id)).toEqual([files.expired.id, files.soon.id]);
    expect(on29[0]).toMatchObject({ overdue: true, daysOverdue: 20 });
    await moveTo('2026-01-30');
    const on30 = await evidenceItems(fca.regulator.token);
    expect(on30.map((i: any) => [i.evidence.id, i.due])).toEqual([
      [files.expired.id, '2026-01-09'],
      [files.soon.id, '2026-01-12'],
      [files.later.id, '2026-03-01'],
    ]);
    expect(on30[2]).toMatchObject({ overdue: false, daysOverdue: 0 });
  });

  it('is listed for the innovator on its enrolment (expired, or within 30 days), for no one else', async () => {
    await moveTo('2026-01-06');
    const list = async (token: string) =>
      (await ok(EXPIRING, { id: enrolment.id }, token)).enrolment.expiringEvidence.map((e: any) => e.title);
    expect(await list(sb.innovator.token)).toEqual(['Bias audit 2025', 'Pen-test certificate']);
    expect(await list(fca.regulator.token)).toEqual([]);
    await moveTo('2026-01-30');
    expect(await list(sb.innovator.token)).toEqual([
      'Bias audit 2025',
      'Pen-test certificate',
      'ISO 42001 certificate',
    ]);
    await moveTo('2026-01-06');
  });
});

describe('reading the evidence of many results', () => {
  it('costs the same statements for a report of 3 results and one of 60 (one query for all their files)', async () => {
    const own = innovatorActor(sb.innovator.id, sb.innovator.organisationId);
    const many: EvidenceEntity[] = [];
    for (let i = 0; i < 6; i++) many.push(await upload(own, `Datasheet ${i}`, `Datasheet ${i}`));
    const report = async (n: number) =>
      (
        await submitTestReport(t, sb, {
          enrolmentId: enrolment.id,
          submittedTo: fca.id,
          testedIn: 'GB',
          periodEnd: '2026-01-10',
          results: Array.from({ length: n }, (_, i) => ({
            criterionId: evidenceCriterion,
            evidenceId: many[i % 6].id,
          })),
        })
      ).id;
    const [small, large] = [await report(3), await report(60)];
    const cost = async (id: string) => {
      const counter = t.countQueries();
      counter.reset();
      const { testReport } = await ok(REPORT, { id }, fca.regulator.token);
      return { statements: counter.queries.length, titles: testReport.results.map((r: any) => r.evidence.title) };
    };
    const few = await cost(small);
    const lots = await cost(large);
    expect(few.titles).toEqual(['Datasheet 0', 'Datasheet 1', 'Datasheet 2']);
    expect(lots.titles).toHaveLength(60);
    expect(lots.titles[59]).toBe('Datasheet 5');
    expect(lots.statements).toBe(few.statements);
  });
});
