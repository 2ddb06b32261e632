import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '@sandbridge/domain';
import {
  admitToTesting,
  bringIntoForce,
  buildSandbox,
  expectError,
  expectForbidden,
  expectOk,
  expectUnauthenticated,
  reviewTestReport,
  type Sandbox,
  type SandboxAuthority,
  submitTestReport,
  TestApp,
} from '@sandbridge/testing';

// The recognition rules of docs/domain.md#recognition, driven end to end through GraphQL (issue 6): rule windows,
// criterion versions pinned by a rule, EXCLUDE precedence, the result-age limit, who may ask — and
// that the CLI (`recognise`, run as a child process on the exported case) answers exactly as
// recognitionStatus does. Each case uses its own origin jurisdiction and its own target criterion of
// the AI Office, so the agreements of one case never reach the results of another.

type Vars = Record<string, unknown>;
type Row = Record<string, any>;

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Each test spawns the CLI a few times (a node start each) next to its GraphQL calls: room for a busy machine. */
const CLI_TIMEOUT = 180_000;
const CREATE_STANDARD = `mutation($input: CreateStandardInput!) { createStandard(input: $input) { code clauses { id } } }`;
const CRITERION = 'id key version status';
const CREATE_CRITERION = `mutation($input: CreateCriterionInput!) { createCriterion(input: $input) { ${CRITERION} } }`;
const UPDATE_CRITERION = `mutation($input: UpdateCriterionInput!) { updateCriterion(input: $input) { ${CRITERION} threshold } }`;
const criterionStep = (name: string) =>
  `mutation($input: CriterionIdInput!) { ${name}(input: $input) { ${CRITERION} } }`;
const [PUBLISH_CRITERION, REVISE_CRITERION] = ['publishCriterion', 'reviseCriterion'].map(criterionStep);
const CREATE_CROSSWALK = `mutation($input: CreateCrosswalkInput!) { createCrosswalk(input: $input) { relation } }`;
const CREATE_AGREEMENT = `mutation($input: CreateAgreementInput!) { createAgreement(input: $input) { id status } }`;
const UPDATE_AGREEMENT = `mutation($input: UpdateAgreementInput!) { updateAgreement(input: $input) { id effectiveFrom effectiveTo } }`;
const ADD_RULE = `mutation($input: AddAgreementRuleInput!) { addAgreementRule(input: $input) { id rules { id name } } }`;
const UPDATE_RULE = `mutation($input: UpdateAgreementRuleInput!) { updateAgreementRule(input: $input) { id rules { id name effectiveFrom effectiveTo } } }`;
const move = (name: string) => `mutation($input: AgreementIdInput!) { ${name}(input: $input) { id status } }`;
const [SUSPEND, RESUME, TERMINATE] = ['suspendAgreement', 'resumeAgreement', 'terminateAgreement'].map(move);
const CHECK = 'name expected actual passed';
const STATUS = `query($aiSystemId: ID!, $authorityId: ID!, $asOf: Date) {
  recognitionStatus(aiSystemId: $aiSystemId, authorityId: $authorityId, asOf: $asOf) {
    aiSystemId authorityId asOf
    criteria { criterion { id key } outcome result agreement rule divergent supplementary checks { ${CHECK} } candidates { result checks { ${CHECK} } } }
  }
}`;
const CASE = `query($aiSystemId: ID!, $authorityId: ID!, $asOf: Date) { recognitionCase(aiSystemId: $aiSystemId, authorityId: $authorityId, asOf: $asOf) }`;
const PASSPORT = `query($aiSystemId: ID!, $asOf: Date) { recognitionPassport(aiSystemId: $aiSystemId, asOf: $asOf) {
  asOf authorities { authority { id } satisfiedLocally recognised recognisedWithConditions gaps notApplicable } } }`;

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The real CLI, as a user runs it: scripts/run-cli.mjs builds dist first when it is missing or older
 * than the sources (so this works whether `npm test` runs before or after `npm run build`).
 */
function runCli(args: string[], input: string): Promise<CliRun> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [`${ROOT}scripts/run-cli.mjs`, 'recognise', ...args], {
      cwd: ROOT,
      env: { ...process.env, INIT_CWD: ROOT },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** What §8.1 calls the verdict of one criterion, in the output's own shape (API rows name the criterion as an object). */
const verdict = (row: Row) => ({
  criterion: typeof row.criterion === 'string' ? row.criterion : row.criterion.id,
  outcome: row.outcome,
  result: row.result,
  agreement: row.agreement,
  rule: row.rule,
  divergent: row.divergent,
  supplementary: row.supplementary,
  checks: row.checks,
  candidates: row.candidates,
});

describe('recognition rules through the API (e2e)', () => {
  let t: TestApp;
  let sb: Sandbox;
  let MAS: SandboxAuthority;
  let AIO: SandboxAuthority;
  let admin: string;
  const negotiator: Record<string, string> = {};
  let enrolmentId: string;
  let tag: string;
  let clauseId: string;
  /** Ids of accepted results, in submission order. */
  const accepted: string[] = [];
  /** Retired versions of the AI Office's criteria that accepted results name (so exported cases carry them). */
  const retiredVersions: string[] = [];

  const gql = (query: string, variables: Vars, token?: string) => t.gql<Record<string, any>>(query, variables, token);
  const ok = async (query: string, variables: Vars, token: string) => expectOk(await gql(query, variables, token));

  /** A METRIC criterion of the regulator's own authority, published (version 1, ACTIVE). */
  async function publishedCriterion(regulator: string, key: string, fields: Vars): Promise<string> {
    const draft = (
      await ok(
        CREATE_CRITERION,
        {
          input: {
            key: `${key}.${tag}`,
            title: key,
            stage: 'TESTING',
            kind: 'METRIC',
            unit: 'ratio',
            comparator: 'GTE',
            ...fields,
          },
        },
        regulator,
      )
    ).createCriterion;
    return (await ok(PUBLISH_CRITERION, { input: { id: draft.id } }, regulator)).publishCriterion.id;
  }

  /** A MAS criterion and an AI Office criterion measuring `metric`, the first crosswalked to the second as EQUIVALENT by MAS. */
  async function correspondingPair(
    key: string,
    category: string,
    masThreshold: number,
    aioThreshold: number,
  ): Promise<{ source: string; target: string }> {
    const metricKey = `${key}.${tag}`;
    const source = await publishedCriterion(MAS.regulator.token, key, { category, metricKey, threshold: masThreshold });
    const target = await publishedCriterion(AIO.regulator.token, key, { category, metricKey, threshold: aioThreshold });
    await ok(
      CREATE_CROSSWALK,
      { input: { fromCriterionId: source, toCriterionId: target, relation: 'EQUIVALENT' } },
      MAS.regulator.token,
    );
    return { source, target };
  }

  /** The innovator reports results tested in `testedIn` (periodEnd = their testedAt) to MAS; MAS reviews it unless `review` is null. */
  async function report(
    testedIn: string,
    periodEnd: string,
    results: Vars[],
    options: { confidentiality?: string; review?: 'ACCEPT' | 'REJECT' | null; lab?: Vars } = {},
  ): Promise<{ reportId: string; resultIds: string[] }> {
    const submitted = await submitTestReport(t, sb, {
      enrolmentId,
      submittedTo: MAS.id,
      testedIn,
      periodEnd,
      lab: options.lab ?? { name: `Lab in ${testedIn}`, accredited: true, accreditationBody: 'ILAC-member' },
      confidentiality: options.confidentiality,
      results,
    });
    const review = options.review === undefined ? 'ACCEPT' : options.review;
    if (review) await reviewTestReport(t, submitted.id, MAS.regulator.token, review, `${review} after review`);
    const resultIds = submitted.results.map((r) => r.id);
    if (review === 'ACCEPT') accepted.push(...resultIds);
    return { reportId: submitted.id, resultIds };
  }

  /** Creates a bilateral EU–`partner` agreement, adds its rules, proposes it; returns its id and rule ids. */
  async function draftAgreement(
    partner: string,
    terms: Vars,
    rules: Vars[],
  ): Promise<{ id: string; ruleIds: string[] }> {
    const { id } = (
      await ok(
        CREATE_AGREEMENT,
        {
          input: {
            name: `EU–${partner} ${randomUUID().slice(0, 8)}`,
            kind: 'BILATERAL',
            parties: ['EU', partner],
            ...terms,
          },
        },
        negotiator.EU,
      )
    ).createAgreement;
    let ruleIds: string[] = [];
    for (const rule of rules)
      ruleIds = (
        await ok(ADD_RULE, { input: { agreementId: id, ...rule } }, negotiator[partner])
      ).addAgreementRule.rules.map((r: Row) => r.id);
    return { id, ruleIds };
  }

  /** Proposed by the EU, approved by each party's negotiator: the last approval puts it IN_FORCE. */
  const bringIntoForceWith = (id: string, partner: string) =>
    bringIntoForce(t, id, negotiator.EU, [negotiator[partner], negotiator.EU]);

  const status = async (asOf: string, token = AIO.regulator.token) =>
    (await ok(STATUS, { aiSystemId: sb.systemId, authorityId: AIO.id, asOf }, token)).recognitionStatus as {
      asOf: string;
      criteria: Row[];
    };
  const rowOf = (s: { criteria: Row[] }, criterionId: string): Row => {
    const row = s.criteria.find((c) => c.criterion.id === criterionId);
    if (!row)
      throw new Error(
        `criterion ${criterionId} is not in the status (${s.criteria.map((c) => c.criterion.id).join(', ')})`,
      );
    return row;
  };
  const target = async (criterionId: string, asOf: string, token?: string) =>
    rowOf(await status(asOf, token), criterionId);
  const exportCase = async (asOf: string, token = AIO.regulator.token) =>
    (await ok(CASE, { aiSystemId: sb.systemId, authorityId: AIO.id, asOf }, token)).recognitionCase;
  const candidateChecks = (row: Row, resultId: string): Row[] => {
    const candidate = row.candidates.find((c: Row) => c.result === resultId);
    if (!candidate) throw new Error(`result ${resultId} is not a candidate: ${JSON.stringify(row.candidates)}`);
    return candidate.checks;
  };
  const failed = (checks: Row[]) => checks.filter((c) => !c.passed);

  /**
   * "The CLI and the API agree": the exported case of this state, replayed by the real CLI, gives
   * every criterion of recognitionStatus the same verdict (outcome, result, agreement, rule,
   * divergent, supplementary — and the same checks and candidates), in the same order; `--explain`
   * exits 0 and names each criterion. The file may also hold retired versions of the authority's
   * criteria (named by a result), which the CLI resolves and the API leaves out: exactly `retired`.
   * Returns the API's status, with the CLI's rows for those retired versions.
   */
  async function expectCliAgrees(asOf: string, token = AIO.regulator.token, retired = retiredVersions) {
    const api = await status(asOf, token);
    const exported = await exportCase(asOf, token);
    const run = await runCli(['-'], JSON.stringify(exported));
    expect([run.code, run.stderr.split('\n').filter((line) => !line.startsWith('sandbridge: building'))]).toEqual([
      0,
      [''],
    ]);
    // Exactly one JSON document on stdout: JSON.parse refuses anything around it.
    const document = JSON.parse(run.stdout);
    expect(document).toMatchObject({ format: 'sandbridge/recognition-result@1', asOf });
    expect(document.resolutions).toHaveLength(1);
    expect(document.resolutions[0]).toMatchObject({ system: sb.systemId, authority: AIO.id });
    const listed = new Set(api.criteria.map((row) => row.criterion.id));
    const rows = document.resolutions[0].criteria as Row[];
    expect(rows.filter((row) => listed.has(row.criterion)).map(verdict)).toEqual(api.criteria.map(verdict));
    // The file resolves every version it lists; the API only ACTIVE ones. Any other is named here.
    const extra = rows.filter((row) => !listed.has(row.criterion));
    expect(extra.map((row) => row.criterion)).toEqual(retired);

    // Wide enough that no cell wraps: each criterion is its key (vN when the file holds several versions), then its id.
    const explained = await runCli(['--explain', '--width=1000', '-'], JSON.stringify(exported));
    expect(explained.code).toBe(0);
    expect(explained.stdout).toContain(`Recognition as of ${asOf}`);
    const lines = explained.stdout.split('\n');
    for (const row of api.criteria) {
      const at = lines.findIndex((line) => line.trim() === row.criterion.id);
      expect(lines[at - 1]).toMatch(new RegExp(`^ +${escapeRegExp(row.criterion.key)}(?: v\\d+)? +${row.outcome} `));
    }
    return { ...api, retired: extra };
  }

  beforeAll(async () => {
    // Warm the CLI while the database is prepared: a clean clone has no dist yet.
    const warmUp = runCli(['--help'], '');
    t = await TestApp.create();
    sb = await buildSandbox(t, {
      authorities: [
        ['SG', 'MAS'],
        ['EU', 'AI Office'],
      ],
    });
    [MAS, AIO] = sb.authorities;
    tag = randomUUID().slice(0, 8);
    admin = await t.adminToken();
    for (const code of ['EU', 'SG', 'JP', 'GB', 'CA', 'BR']) {
      negotiator[code] = (
        await t.accountWithToken(`neg.${code.toLowerCase()}.${tag}@rules.test`, Role.NEGOTIATOR, {
          jurisdictionCode: code,
        })
      ).token;
    }
    // A clause two criteria can share (inferred correspondence survives a revision: it copies clauses).
    const standard = (
      await ok(
        CREATE_STANDARD,
        {
          input: {
            code: `RULES ${tag}`,
            title: 'Test catalogue',
            publisher: 'Sandbridge tests',
            clauses: [{ id: `R${tag}:1`, ref: '1', title: 'Robustness' }],
          },
        },
        admin,
      )
    ).createStandard;
    clauseId = standard.clauses[0].id;

    // The sandbox's system enters testing with MAS; every report below is submitted to MAS.
    enrolmentId = (await admitToTesting(t, sb, MAS)).id;

    const warm = await warmUp;
    expect([warm.code, warm.stderr]).toEqual([0, expect.stringContaining('Usage: sandbridge recognise')]);
  }, 300_000);

  afterAll(async () => {
    await t?.close();
  });

  it(
    'a rule window [from, to) inside the agreement’s: recognised from its first day to its last, a GAP naming the rule window on its end day and before it',
    async () => {
      // JP results, deemed equivalent by the EU (EQUIVALENCE): 0.85 passes MAS's 0.8 but not the AI Office's own 0.9.
      const { source, target: criterion } = await correspondingPair('window.auc', 'ACCURACY', 0.8, 0.9);
      const {
        resultIds: [resultId],
      } = await report('JP', '2026-02-01', [{ criterionId: source, value: 0.85 }]);

      const { id } = await draftAgreement('JP', { effectiveFrom: '2026-01-01', effectiveTo: '2026-07-01' }, []);
      const rule = {
        name: 'jp-phase-in',
        origins: ['JP'],
        recognising: ['EU'],
        criteria: [criterion],
        mode: 'EQUIVALENCE',
        effect: 'RECOGNISE',
      };
      const [phased] = (
        await ok(ADD_RULE, { input: { agreementId: id, ...rule } }, negotiator.JP)
      ).addAgreementRule.rules.map((r: Row) => r.id);
      // Phasing JP in from March until September: a rule's window lies inside the agreement's, so the
      // DRAFT agreement is edited to reach past September first.
      const window = { effectiveFrom: '2026-03-01', effectiveTo: '2026-09-01' };
      expectError(
        await gql(UPDATE_RULE, { input: { id: phased, ...rule, ...window } }, negotiator.EU),
        'BAD_USER_INPUT',
      );
      expect(
        (await ok(UPDATE_AGREEMENT, { input: { id, effectiveTo: '2027-01-01' } }, negotiator.JP)).updateAgreement,
      ).toMatchObject({ effectiveFrom: '2026-01-01', effectiveTo: '2027-01-01' });
      expect(
        (await ok(UPDATE_RULE, { input: { id: phased, ...rule, ...window } }, negotiator.EU)).updateAgreementRule.rules,
      ).toEqual([{ id: phased, name: 'jp-phase-in', ...window }]);
      await bringIntoForceWith(id, 'JP');

      for (const asOf of ['2026-03-01', '2026-06-15', '2026-08-31']) {
        expect([asOf, await target(criterion, asOf)]).toEqual([
          asOf,
          expect.objectContaining({
            outcome: 'RECOGNISED',
            result: resultId,
            agreement: id,
            rule: phased,
            divergent: true,
            supplementary: null,
          }),
        ]);
      }
      const recognised = await target(criterion, '2026-03-01');
      expect(recognised.checks).toContainEqual({
        name: 'passedOwnCriterion',
        expected: `passed ${source}`,
        actual: 'passed',
        passed: true,
      });
      expect(recognised.checks).toContainEqual(
        expect.objectContaining({ name: 'agreementInForce', actual: `${id}/${phased}`, passed: true }),
      );

      // The agreement is still in force on both days: only the rule's own window fails.
      for (const asOf of ['2026-09-01', '2026-02-28']) {
        const gap = await target(criterion, asOf);
        expect(gap).toMatchObject({
          outcome: 'GAP',
          result: null,
          agreement: null,
          rule: null,
          divergent: false,
          supplementary: null,
        });
        expect([asOf, failed(candidateChecks(gap, resultId))]).toEqual([
          asOf,
          [
            {
              name: 'agreementInForce',
              expected: `rule JP -> EU in force on ${asOf}`,
              actual: `none (${id}/${phased} effective [2026-03-01, 2026-09-01))`,
              passed: false,
            },
          ],
        ]);
      }
      await expectCliAgrees('2026-03-01');
      await expectCliAgrees('2026-09-01');
    },
    CLI_TIMEOUT,
  );

  it(
    'a rule pinned to a criterion version: recognised for that version; after the regulator revises and publishes it, the new version falls outside the rule (`scope`) while the pinned one still is',
    async () => {
      // Both criteria measure the same metric under the same clause: inferred EQUIVALENT, for every version.
      const metricKey = `revision.noise.${tag}`;
      const source = await publishedCriterion(MAS.regulator.token, 'revision.noise', {
        category: 'ROBUSTNESS',
        metricKey,
        threshold: 0.85,
        clauseIds: [clauseId],
      });
      const v1 = await publishedCriterion(AIO.regulator.token, 'revision.noise', {
        category: 'ROBUSTNESS',
        metricKey,
        threshold: 0.9,
        clauseIds: [clauseId],
      });
      // A foreign lab also tested against version 1 itself (earlier: the newer result is the one chosen).
      const {
        resultIds: [againstV1],
      } = await report('SG', '2026-02-15', [{ criterionId: v1, value: 0.95 }]);
      const {
        resultIds: [resultId],
      } = await report('SG', '2026-03-01', [{ criterionId: source, value: 0.93 }]);
      const {
        id,
        ruleIds: [ruleId],
      } = await draftAgreement('SG', { effectiveFrom: '2026-01-01' }, [
        {
          name: 'sg-to-eu-noise-v1',
          origins: ['SG'],
          recognising: ['EU'],
          criteria: [v1],
          mode: 'CONFORMITY',
          effect: 'RECOGNISE',
          conditions: { requireAccreditedLab: true },
        },
      ]);
      await bringIntoForceWith(id, 'SG');
      const asOf = '2026-06-01';
      const pinned = { outcome: 'RECOGNISED', result: resultId, agreement: id, rule: ruleId };
      expect(await target(v1, asOf)).toMatchObject(pinned);
      const before = await expectCliAgrees(asOf);

      // The AI Office raises its bar in version 2 (0.93 still meets it); publishing retires version 1.
      const v2 = (await ok(REVISE_CRITERION, { input: { id: v1 } }, AIO.regulator.token)).reviseCriterion;
      expect(v2).toMatchObject({ key: `revision.noise.${tag}`, version: 2, status: 'DRAFT' });
      expect(v2.id).not.toBe(v1);
      expect(
        (await ok(UPDATE_CRITERION, { input: { id: v2.id, threshold: 0.92 } }, AIO.regulator.token)).updateCriterion
          .threshold,
      ).toBe(0.92);
      expect((await ok(PUBLISH_CRITERION, { input: { id: v2.id } }, AIO.regulator.token)).publishCriterion.status).toBe(
        'ACTIVE',
      );
      retiredVersions.push(v1);

      // The product answers for the authority's ACTIVE criteria (§4): version 2 in version 1's place —
      // even though a result still names the retired version 1.
      const after = await status(asOf);
      expect(after.criteria.map((c) => c.criterion.id)).toEqual(
        before.criteria.map((c) => (c.criterion.id === v1 ? v2.id : c.criterion.id)),
      );
      const gap = rowOf(after, v2.id);
      expect(gap).toMatchObject({ outcome: 'GAP', result: null, agreement: null, rule: null });
      expect(gap.candidates.map((c: Row) => c.result)).toEqual([againstV1, resultId]);
      const checks = candidateChecks(gap, resultId);
      expect(checks).toContainEqual({
        name: 'correspondence',
        expected: `corresponds to ${v2.id}`,
        actual: `${source}: shared clause ${clauseId} and metric ${metricKey}`,
        passed: true,
      });
      for (const result of [againstV1, resultId]) {
        expect(failed(candidateChecks(gap, result))).toEqual([
          {
            name: 'scope',
            expected: `scope covering ${v2.id} (ROBUSTNESS, TESTING; sector FINANCE, riskClass HIGH)`,
            actual: expect.stringContaining(`${id}/${ruleId}`),
            passed: false,
          },
        ]);
      }
      // The passport counts the same criteria: the retired version 1 is not among the AI Office's.
      const page = (
        await ok(PASSPORT, { aiSystemId: sb.systemId, asOf }, AIO.regulator.token)
      ).recognitionPassport.authorities.find((a: Row) => a.authority.id === AIO.id);
      const tally = (outcome: string) => after.criteria.filter((c) => c.outcome === outcome).length;
      expect(page).toEqual({
        authority: { id: AIO.id },
        satisfiedLocally: tally('SATISFIED_LOCALLY'),
        recognised: tally('RECOGNISED'),
        recognisedWithConditions: tally('RECOGNISED_WITH_CONDITIONS'),
        gaps: tally('GAP'),
        notApplicable: tally('NOT_APPLICABLE'),
      });
      // Status, not history: an asOf before the revision does not bring version 1 back.
      expect((await status('2026-04-01')).criteria.map((c) => c.criterion.id)).toEqual(
        after.criteria.map((c) => c.criterion.id),
      );

      // The exported case carries both versions (version 1 because a result names it) and the rule still
      // pinned to version 1's id. The CLI resolves every version in the file (§8.1): the pinned version 1
      // is still recognised there, version 2 falls outside the rule — and on version 2 and every other
      // ACTIVE criterion it agrees with the API.
      const exported = await exportCase(asOf);
      const versions = exported.criteria
        .filter((c: Row) => c.key === `revision.noise.${tag}` && c.authority === AIO.id)
        .sort((a: Row, b: Row) => a.version - b.version);
      expect(versions).toEqual([
        expect.objectContaining({ id: v1, version: 1, threshold: 0.9 }),
        expect.objectContaining({ id: v2.id, version: 2, threshold: 0.92 }),
      ]);
      expect(exported.agreements.find((a: Row) => a.id === id).rules[0].criteria).toEqual([v1]);
      const {
        retired: [version1],
      } = await expectCliAgrees(asOf);
      expect(version1).toMatchObject(pinned);
    },
    CLI_TIMEOUT,
  );

  it(
    'EXCLUDE wins: a second in-force agreement excluding the same pair and scope turns a full recognition into a GAP naming it; suspending or terminating it restores recognition',
    async () => {
      const { source, target: criterion } = await correspondingPair('exclude.auc', 'ACCURACY', 0.8, 0.85);
      const {
        resultIds: [resultId],
      } = await report('GB', '2026-03-01', [{ criterionId: source, value: 0.9 }]);
      const asOf = '2026-06-01';

      const allow = await draftAgreement('GB', { effectiveFrom: '2026-01-01' }, [
        {
          name: 'gb-to-eu-auc',
          origins: ['GB'],
          recognising: ['EU'],
          criteria: [criterion],
          mode: 'CONFORMITY',
          effect: 'RECOGNISE',
          conditions: { requireAccreditedLab: true },
        },
      ]);
      await bringIntoForceWith(allow.id, 'GB');
      expect(await target(criterion, asOf)).toMatchObject({
        outcome: 'RECOGNISED',
        result: resultId,
        agreement: allow.id,
        rule: allow.ruleIds[0],
      });

      // A deny rule: scope only, no mode, no conditions.
      const deny = await draftAgreement('GB', { effectiveFrom: '2026-01-01' }, [
        { name: 'gb-auc-carve-out', origins: ['GB'], recognising: ['EU'], criteria: [criterion], effect: 'EXCLUDE' },
      ]);
      await bringIntoForceWith(deny.id, 'GB');
      const excluded = await expectCliAgrees(asOf).then((s) => rowOf(s, criterion));
      expect(excluded).toMatchObject({ outcome: 'GAP', result: null, agreement: null, rule: null });
      const checks = candidateChecks(excluded, resultId);
      expect(checks).toContainEqual(
        expect.objectContaining({
          name: 'scope',
          passed: true,
          actual: expect.stringContaining(`${deny.id}/${deny.ruleIds[0]}`),
        }),
      );
      expect(failed(checks)).toEqual([
        {
          name: 'excluded',
          expected: 'no EXCLUDE rule applies',
          actual: `excluded by ${deny.id}/${deny.ruleIds[0]}`,
          passed: false,
        },
      ]);

      expect((await ok(SUSPEND, { input: { id: deny.id } }, negotiator.GB)).suspendAgreement.status).toBe('SUSPENDED');
      expect(await target(criterion, asOf)).toMatchObject({
        outcome: 'RECOGNISED',
        result: resultId,
        agreement: allow.id,
        rule: allow.ruleIds[0],
      });
      expect((await ok(RESUME, { input: { id: deny.id } }, negotiator.EU)).resumeAgreement.status).toBe('IN_FORCE');
      expect(await target(criterion, asOf)).toMatchObject({ outcome: 'GAP', result: null });
      expect((await ok(TERMINATE, { input: { id: deny.id } }, negotiator.EU)).terminateAgreement.status).toBe(
        'TERMINATED',
      );
      const restored = await expectCliAgrees(asOf).then((s) => rowOf(s, criterion));
      expect(restored).toMatchObject({
        outcome: 'RECOGNISED',
        result: resultId,
        agreement: allow.id,
        rule: allow.ruleIds[0],
        divergent: false,
        supplementary: null,
      });
      expect(restored.checks).toContainEqual({
        name: 'excluded',
        expected: 'no EXCLUDE rule applies',
        actual: 'none',
        passed: true,
      });
    },
    CLI_TIMEOUT,
  );

  it(
    'maxResultAgeDays: a result exactly that many days old is recognised, one day older is a GAP (`resultAge`), one tested after asOf does not exist yet',
    async () => {
      const { source, target: criterion } = await correspondingPair('age.auc', 'ACCURACY', 0.8, 0.85);
      const {
        resultIds: [resultId],
      } = await report('CA', '2026-03-01', [{ criterionId: source, value: 0.88 }], { confidentiality: 'PUBLIC' });
      const supplementary = { text: 'A local re-test of fairness on EU data within 6 months', criteria: [criterion] };
      const {
        id,
        ruleIds: [ruleId],
      } = await draftAgreement('CA', { effectiveFrom: '2026-01-01', effectiveTo: '2027-01-01' }, [
        {
          name: 'ca-to-eu-recent-results',
          origins: ['CA'],
          recognising: ['EU'],
          criteria: [criterion],
          mode: 'CONFORMITY',
          effect: 'RECOGNISE_WITH_CONDITIONS',
          conditions: { requireAccreditedLab: true, maxResultAgeDays: 90 },
          supplementary,
        },
      ]);
      await bringIntoForceWith(id, 'CA');

      // 2026-03-01 + 90 days = 2026-05-30.
      const atLimit = rowOf(await expectCliAgrees('2026-05-30'), criterion);
      expect(atLimit).toMatchObject({
        outcome: 'RECOGNISED_WITH_CONDITIONS',
        result: resultId,
        agreement: id,
        rule: ruleId,
        divergent: false,
        supplementary,
      });
      expect(atLimit.checks).toContainEqual({ name: 'resultAge', expected: '<= 90', actual: '90', passed: true });

      const tooOld = rowOf(await expectCliAgrees('2026-05-31'), criterion);
      expect(tooOld).toMatchObject({ outcome: 'GAP', result: null, agreement: null, rule: null, supplementary: null });
      expect(failed(candidateChecks(tooOld, resultId))).toEqual([
        { name: 'resultAge', expected: `<= 90 under ${id}/${ruleId}`, actual: '91', passed: false },
      ]);

      // Before its testedAt the result does not exist: no candidate at all.
      expect(await target(criterion, '2026-02-28')).toMatchObject({ outcome: 'GAP', candidates: [] });
      expect(await target(criterion, '2026-03-01')).toMatchObject({
        outcome: 'RECOGNISED_WITH_CONDITIONS',
        result: resultId,
      });
    },
    CLI_TIMEOUT,
  );

  it(
    'who may ask: confidentiality decides which results count for each caller; only ACCEPTED reports count; other organisations, negotiators and anonymous callers are refused',
    async () => {
      const { source, target: criterion } = await correspondingPair('access.auc', 'ACCURACY', 0.8, 0.85);
      const {
        id,
        ruleIds: [ruleId],
      } = await draftAgreement('BR', {}, [
        { origins: ['BR'], recognising: ['EU'], criteria: [criterion], mode: 'CONFORMITY', effect: 'RECOGNISE' },
      ]);
      await bringIntoForceWith(id, 'BR');
      const asOf = '2026-06-01';
      // PUBLIC: every authority reads it. HOME_AUTHORITY: among regulators only MAS (submittedTo) — not
      // the AI Office, whose recognition is asked about, so it counts for nobody's answer about the AI
      // Office (a result counts toward an authority's criteria only if that authority may read it).
      const {
        resultIds: [publicResult],
      } = await report('BR', '2026-02-01', [{ criterionId: source, value: 0.88 }], { confidentiality: 'PUBLIC' });
      const {
        resultIds: [homeOnly],
      } = await report('BR', '2026-03-01', [{ criterionId: source, value: 0.9 }], {
        confidentiality: 'HOME_AUTHORITY',
      });
      // Newer still, and visible to every participant, but not accepted: one unreviewed, one rejected.
      const {
        resultIds: [unreviewed],
      } = await report('BR', '2026-04-01', [{ criterionId: source, value: 0.95 }], { review: null });
      const {
        resultIds: [rejected],
      } = await report('BR', '2026-04-02', [{ criterionId: source, value: 0.96 }], { review: 'REJECT' });

      const ico = (
        await t.accountWithToken(`reg.ico.${tag}@rules.test`, Role.REGULATOR, {
          authorityId: await t.authorityId('GB', 'ICO'),
        })
      ).token;
      const callers: [string, string, string, string[]][] = [
        ['innovator', sb.innovator.token, publicResult, [publicResult]],
        ['MAS regulator', MAS.regulator.token, publicResult, [publicResult]],
        ['administrator', admin, publicResult, [publicResult]],
        ['AI Office regulator', AIO.regulator.token, publicResult, [publicResult]],
        ['ICO regulator (outside the programme)', ico, publicResult, [publicResult]],
      ];
      for (const [who, token, chosen, readable] of callers) {
        const row = await target(criterion, asOf, token);
        expect([who, row]).toEqual([
          who,
          expect.objectContaining({ outcome: 'RECOGNISED', result: chosen, agreement: id, rule: ruleId }),
        ]);
        expect([who, row.candidates.map((c: Row) => c.result)]).toEqual([who, readable]);
        const exported = (await exportCase(asOf, token)).results.map((r: Row) => r.id);
        expect([who, [homeOnly, publicResult, unreviewed, rejected].map((r) => exported.includes(r))]).toEqual([
          who,
          [readable.includes(homeOnly), true, false, false],
        ]);
      }
      // The case lists the results in submission order (and so the candidates follow it, §4).
      expect((await exportCase(asOf, sb.innovator.token)).results.map((r: Row) => r.id)).toEqual(
        accepted.filter((r) => r !== homeOnly),
      );
      // The CLI agrees with each caller's own view.
      await expectCliAgrees(asOf, MAS.regulator.token);
      await expectCliAgrees(asOf, AIO.regulator.token);

      // Another organisation's innovator (to whom the system does not exist: NOT_FOUND, never a
      // FORBIDDEN that would confirm it), a negotiator, nobody signed in: refused, for all three questions.
      const otherOrg = await t.createOrganisation(`Other ${tag}`, 'SG');
      const stranger = (
        await t.accountWithToken(`innovator.other.${tag}@rules.test`, Role.INNOVATOR, { organisationId: otherOrg })
      ).token;
      const ask = { aiSystemId: sb.systemId, authorityId: AIO.id, asOf };
      for (const [query, variables] of [
        [STATUS, ask],
        [CASE, ask],
        [PASSPORT, { aiSystemId: sb.systemId, asOf }],
      ] as const) {
        const field = /\{\s*(\w+)\(/.exec(query)![1];
        expect([field, (await gql(query, variables, stranger)).errors?.map((e) => e.extensions?.code)]).toEqual([
          field,
          ['NOT_FOUND'],
        ]);
        expectUnauthenticated(await gql(query, variables), `anonymous: ${field}`);
      }
      expectForbidden(
        await gql(PASSPORT, { aiSystemId: sb.systemId, asOf }, negotiator.EU),
        'negotiator: recognitionPassport',
      );
      // The passport is allowed to the system's innovator and reaches every authority.
      expect((await ok(PASSPORT, { aiSystemId: sb.systemId, asOf }, sb.innovator.token)).recognitionPassport.asOf).toBe(
        asOf,
      );
    },
    CLI_TIMEOUT,
  );
});
