import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AiSystemService, CrosswalkService } from '@sandbridge/application';
import { type Actor, parseScenario, Relation, RiskClass, Role, simulate } from '@sandbridge/domain';
import {
  admitToTesting,
  buildSandbox,
  expectBadInput,
  expectError,
  expectOk,
  reviewTestReport,
  type Sandbox,
  type SandboxAuthority,
  submitTestReport,
  TestApp,
  waitFor,
} from '@sandbridge/testing';

// Disclosure control for simulations over recorded data (issue 11, finding 2): a recorded
// population takes ACCEPTED results of PUBLIC and PARTICIPANTS reports only; negotiators receive
// aggregates, never rows; every cell backed by fewer than 5 distinct AI systems is suppressed; a run
// over fewer than 5 systems or 2 organisations is refused and nothing is written.

type Vars = Record<string, unknown>;

const CELL = 'key suppressed systems organisations results targets';
const PREVIEW = `query($filter: RecordedPopulationInput) { recordedPopulation(filter: $filter) {
  total { ${CELL} } runnable byHomeJurisdiction { ${CELL} } bySector { ${CELL} } byRiskClass { ${CELL} }
} }`;
const RUN_FIELDS = 'id status populationKind populationSize error scenario result';
const START = `mutation($input: StartSimulationInput!) { startSimulation(input: $input) { ${RUN_FIELDS} } }`;
const RERUN = `mutation($input: SimulationRunIdInput!) { rerunSimulation(input: $input) { ${RUN_FIELDS} } }`;
const RUN = `query($id: ID!) { simulationRun(id: $id) { ${RUN_FIELDS} } }`;
const FIGURES = 'suppressed applicable recognised recognitionRate costSaved';
const COMPARE = `query($ids: [ID!]!) { compareSimulationRuns(ids: $ids) {
  run { id }
  variants { name totals { ${FIGURES} } deltaVsBaseline { ${FIGURES} } byPair { origin recognising suppressed recognised recognisedWithConditions divergent } }
} }`;

let t: TestApp;
let admin: string;
let eu: { id: string; token: string };
let gb: { id: string; token: string };
let sb: Sandbox;
let MAS: SandboxAuthority;
let AIO: SandboxAuthority;
let sgDraft: string;
let gbDraft: string;
/** Identifying values of the recorded data: none may reach a negotiator. */
const secrets: string[] = [];
/** Values only HOME_AUTHORITY reports carry: none may enter a recorded population. */
const HOME_ONLY = { values: [0.8765, 0.8123], lab: 'Home-only Lab' };

const gql = (query: string, variables: Vars, token: string) => t.gql<Record<string, any>>(query, variables, token);
const preview = async (filter: Vars, token: string) =>
  expectOk(await gql(PREVIEW, { filter }, token)).recordedPopulation;
const start = async (input: Vars, token: string) => expectOk(await gql(START, { input }, token)).startSimulation;
const run = async (id: string, token: string) => expectOk(await gql(RUN, { id }, token)).simulationRun;
const finished = (id: string, token: string) =>
  waitFor(`run ${id} to finish`, async () => {
    const r = await run(id, token);
    return ['COMPLETED', 'FAILED', 'CANCELLED'].includes(r.status) ? r : null;
  });
const noSecrets = (value: unknown) => {
  const json = JSON.stringify(value);
  for (const secret of secrets) expect([secret, json.includes(secret)]).toEqual([secret, false]);
};

/** One recorded system: registered for the organisation, admitted by MAS, its reports accepted. */
async function recordedSystem(
  organisation: { id: string; innovator: { id: string; token: string } },
  name: string,
  riskClass: RiskClass,
  reports: { testedIn: string; periodEnd: string; value: number; confidentiality: string; lab?: string }[],
): Promise<void> {
  const admin: Actor = {
    accountId: 'disclosure-spec',
    role: Role.ADMIN,
    authorityId: null,
    organisationId: null,
    jurisdictionCode: null,
  };
  const system = await t.get(AiSystemService).register(admin, {
    organisationId: organisation.id,
    name,
    sector: 'FINANCE',
    intendedPurpose: 'Scores loan applicants.',
    riskClass,
  });
  const own: Sandbox = {
    ...sb,
    systemId: system.id,
    innovator: { ...organisation.innovator, organisationId: organisation.id },
  };
  const ref = await admitToTesting(t, own, MAS);
  for (const r of reports) {
    const lab = { name: r.lab ?? `Lab of ${name}`, accredited: true, accreditationBody: 'SAC' };
    const report = await submitTestReport(t, own, {
      enrolmentId: ref.id,
      submittedTo: MAS.id,
      testedIn: r.testedIn,
      periodEnd: r.periodEnd,
      lab,
      confidentiality: r.confidentiality,
      results: [{ criterionId: MAS.criteria.TESTING[0], value: r.value }],
    });
    await reviewTestReport(t, report.id, MAS.regulator.token);
    secrets.push(report.id, report.results[0].id, lab.name);
  }
  secrets.push(system.id, name, ref.id);
}

beforeAll(async () => {
  t = await TestApp.create();
  admin = await t.adminToken();
  const tag = randomUUID().slice(0, 8);
  eu = await t.accountWithToken(`neg.eu.${tag}@disclosure.test`, Role.NEGOTIATOR, { jurisdictionCode: 'EU' });
  gb = await t.accountWithToken(`neg.gb.${tag}@disclosure.test`, Role.NEGOTIATOR, { jurisdictionCode: 'GB' });
  sb = await buildSandbox(t, {
    authorities: [
      ['SG', 'MAS'],
      ['EU', 'AI Office'],
    ],
    cohortCapacity: 20,
  });
  [MAS, AIO] = sb.authorities;
  const masActor: Actor = {
    accountId: 'disclosure-spec',
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

  // Three organisations. A (home GB): five systems, three tested in SG and two in GB, one of them
  // also with a HOME_AUTHORITY report; B (home SG): two systems tested earlier; C (home SG): one
  // system whose only report is HOME_AUTHORITY — it must never enter a recorded population.
  const organisation = async (name: string, home: string) => {
    const id = await t.createOrganisation(`${name} ${tag}`, home);
    secrets.push(id, `${name} ${tag}`);
    return {
      id,
      innovator: await t.accountWithToken(
        `innovator.${name.toLowerCase().replace(/\W/g, '')}.${tag}@disclosure.test`,
        Role.INNOVATOR,
        { organisationId: id },
      ),
    };
  };
  const [a, b, c] = [
    await organisation('Alpha Lending', 'GB'),
    await organisation('Beta Bank', 'SG'),
    await organisation('Gamma Credit', 'SG'),
  ];
  const shared = (testedIn: string, periodEnd: string, value: number, confidentiality = 'PARTICIPANTS') => ({
    testedIn,
    periodEnd,
    value,
    confidentiality,
  });
  await recordedSystem(a, `Alpha scorer 1 ${tag}`, RiskClass.HIGH, [shared('SG', '2026-03-27', 0.91, 'PUBLIC')]);
  await recordedSystem(a, `Alpha scorer 2 ${tag}`, RiskClass.HIGH, [
    shared('SG', '2026-03-27', 0.92),
    {
      testedIn: 'EU',
      periodEnd: '2026-04-01',
      value: HOME_ONLY.values[1],
      confidentiality: 'HOME_AUTHORITY',
      lab: HOME_ONLY.lab,
    },
  ]);
  await recordedSystem(a, `Alpha scorer 3 ${tag}`, RiskClass.HIGH, [shared('SG', '2026-03-27', 0.93)]);
  await recordedSystem(a, `Alpha scorer 4 ${tag}`, RiskClass.HIGH, [shared('GB', '2026-03-27', 0.94)]);
  await recordedSystem(a, `Alpha scorer 5 ${tag}`, RiskClass.LIMITED, [shared('GB', '2026-03-27', 0.95)]);
  await recordedSystem(b, `Beta scorer 1 ${tag}`, RiskClass.HIGH, [shared('SG', '2026-02-10', 0.96)]);
  await recordedSystem(b, `Beta scorer 2 ${tag}`, RiskClass.HIGH, [shared('SG', '2026-02-10', 0.97)]);
  await recordedSystem(c, `Gamma scorer ${tag}`, RiskClass.HIGH, [
    {
      testedIn: 'SG',
      periodEnd: '2026-03-27',
      value: HOME_ONLY.values[0],
      confidentiality: 'HOME_AUTHORITY',
      lab: HOME_ONLY.lab,
    },
  ]);
  // The sandbox's own system (organisation A's innovator, never enrolled) has no result: never part of a snapshot.
  secrets.push(sb.systemId, sb.innovator.organisationId);

  // Two drafts (never approved), simulated as if signed: SG → EU and GB → EU.
  const draft = async (name: string, parties: string[], origin: string) => {
    const { id } = expectOk(
      await gql(
        'mutation($input: CreateAgreementInput!) { createAgreement(input: $input) { id } }',
        { input: { name: `${name} ${tag}`, kind: 'BILATERAL', parties, effectiveFrom: '2026-01-01' } },
        eu.token,
      ),
    ).createAgreement;
    expectOk(
      await gql(
        'mutation($input: AddAgreementRuleInput!) { addAgreementRule(input: $input) { id } }',
        {
          input: {
            agreementId: id,
            origins: [origin],
            recognising: ['EU'],
            criteria: [AIO.criteria.TESTING[0]],
            mode: 'CONFORMITY',
            effect: 'RECOGNISE',
            conditions: { requireAccreditedLab: true },
          },
        },
        eu.token,
      ),
    );
    return id as string;
  };
  sgDraft = await draft('EU–SG draft', ['EU', 'SG'], 'SG');
  gbDraft = await draft('EU–GB draft', ['EU', 'GB'], 'GB');
}, 300_000);

afterAll(async () => {
  await t?.close();
});

describe('the recorded-population preview', () => {
  it('serves aggregates only: no population rows in the schema, no value, lab, method, date or id in the answer', async () => {
    // The row-level field is gone: asking for it is a validation error, not data.
    expectError(await gql('{ recordedPopulation { population } }', {}, eu.token), 'GRAPHQL_VALIDATION_FAILED');
    const type = expectOk(
      await gql(
        '{ __type(name: "RecordedPopulationPreview") { fields { name type { kind name ofType { kind name ofType { name } } } } } }',
        {},
        eu.token,
      ),
    ).__type;
    expect(type.fields.map((f: any) => f.name).sort()).toEqual([
      'byHomeJurisdiction',
      'byRiskClass',
      'bySector',
      'runnable',
      'total',
    ]);
    expect(JSON.stringify(type)).not.toMatch(/JSON/);

    for (const token of [eu.token, gb.token, admin]) {
      const answer = await preview({}, token);
      noSecrets(answer);
      const json = JSON.stringify(answer);
      for (const row of ['0.91', '0.97', '2026-03-27', '2026-02-10', 'ISO/IEC', '"s1"', '"r1"', 'SAC'])
        expect([row, json.includes(row)]).toEqual([row, false]);
    }
  });

  it('counts 7 systems of 2 organisations for everyone; a negotiator’s cells under 5 systems are suppressed, an administrator’s are not', async () => {
    const all = await preview({}, eu.token);
    expect(all.total).toEqual({
      key: 'total',
      suppressed: false,
      systems: 7,
      organisations: 2,
      results: 7,
      targets: 7,
    });
    expect(all.runnable).toBe(true);
    expect(all.bySector).toEqual([
      { key: 'FINANCE', suppressed: false, systems: 7, organisations: 2, results: 7, targets: 7 },
    ]);
    // GB 5 (shown alone it would give SG's 2 away as total − GB), SG 2: both suppressed, "*" holds them.
    expect(all.byHomeJurisdiction).toEqual([
      { key: 'GB', suppressed: true, systems: null, organisations: null, results: null, targets: null },
      { key: 'SG', suppressed: true, systems: null, organisations: null, results: null, targets: null },
      { key: '*', suppressed: false, systems: 7, organisations: 2, results: 7, targets: 7 },
    ]);
    for (const cell of [all.total, ...all.byHomeJurisdiction, ...all.bySector, ...all.byRiskClass]) {
      if (!cell.suppressed) expect(cell.systems).toBeGreaterThanOrEqual(5);
    }
    const forAdmin = await preview({}, admin);
    expect(forAdmin.byHomeJurisdiction).toEqual([
      { key: 'GB', suppressed: false, systems: 5, organisations: 1, results: 5, targets: 5 },
      { key: 'SG', suppressed: false, systems: 2, organisations: 1, results: 2, targets: 2 },
    ]);
    expect(forAdmin.byRiskClass.map((c: any) => [c.key, c.systems])).toEqual([
      ['HIGH', 6],
      ['LIMITED', 1],
    ]);

    // A filter down to B's two systems: the negotiator's total is suppressed, and no run would be accepted.
    const early = await preview({ testedTo: '2026-02-28' }, eu.token);
    expect(early.total).toEqual({
      key: 'total',
      suppressed: true,
      systems: null,
      organisations: null,
      results: null,
      targets: null,
    });
    expect(early.runnable).toBe(false);
    expect((await preview({ testedTo: '2026-02-28' }, admin)).total.systems).toBe(2);
    // Five systems, all of organisation A: large enough to show, but a run would describe one organisation.
    const gbOnly = await preview({ jurisdictions: ['GB'] }, eu.token);
    expect(gbOnly.total).toMatchObject({ suppressed: false, systems: 5, organisations: 1 });
    expect(gbOnly.runnable).toBe(false);
  });

  it('HOME_AUTHORITY results never enter a recorded population (nor the systems that have only those)', async () => {
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM test_report WHERE status = 'ACCEPTED' AND confidentiality = 'HOME_AUTHORITY'`,
    );
    expect(n).toBe(2);
    const all = await preview({}, admin);
    expect(all.total).toMatchObject({ systems: 7, results: 7 });
    // Gamma's system was tested in SG on 2026-03-27 like A's: only its confidentiality keeps it out.
    expect(
      (await preview({ testedFrom: '2026-03-27', testedTo: '2026-03-27', jurisdictions: ['SG'] }, admin)).total,
    ).toMatchObject({ systems: 3, organisations: 1 });
    // The A system's HOME_AUTHORITY report was tested in EU on 2026-04-01: nothing there.
    expect((await preview({ testedFrom: '2026-04-01' }, admin)).total).toMatchObject({ systems: 0, results: 0 });
    expect((await preview({ jurisdictions: ['EU'] }, admin)).total.systems).toBe(0);
  });
});

describe('recorded runs', () => {
  const scenario = {
    asOf: '2026-06-01',
    costs: {
      EU: { testCost: 12000, testDays: 30 },
      SG: { testCost: 8000, testDays: 21 },
      GB: { testCost: 9000, testDays: 25 },
    },
  };
  const input = (name: string, recordedPopulation: Vars = { targets: [AIO.id] }) => ({
    name,
    scenario,
    recordedPopulation,
    agreementVariants: [
      { name: 'EU–SG draft', agreements: [sgDraft] },
      { name: 'both drafts', agreements: [sgDraft, gbDraft] },
    ],
  });

  it('refuses a filter down to 2 systems, or to 5 systems of one organisation, with BAD_USER_INPUT on the filter; nothing is written', async () => {
    const before = await t.count('simulation_run');
    const two = expectBadInput(
      await gql(START, { input: input('Two systems', { targets: [AIO.id], testedTo: '2026-02-28' }) }, eu.token),
      'input.recordedPopulation',
    );
    expect(two.extensions?.errors?.[0].message).toMatch(/at least 5 AI systems from at least 2 organisations/);
    expectBadInput(
      await gql(START, { input: input('One organisation', { targets: [AIO.id], jurisdictions: ['GB'] }) }, eu.token),
      'input.recordedPopulation',
    );
    expectBadInput(
      await gql(START, { input: input('Nothing', { targets: [AIO.id], testedFrom: '2026-04-01' }) }, eu.token),
      'input.recordedPopulation',
    );
    expect(await t.count('simulation_run')).toBe(before);
  });

  it('runs over 7 systems of 2 organisations; the stored snapshot holds no HOME_AUTHORITY result; negotiators get every cell under 5 systems suppressed', async () => {
    const euRun = await finished((await start(input('EU view'), eu.token)).id, eu.token);
    const gbRun = await finished((await start(input('GB view'), gb.token)).id, gb.token);
    expect(euRun).toMatchObject({ status: 'COMPLETED', populationKind: 'RECORDED', populationSize: 7, error: null });
    expect(gbRun.status).toBe('COMPLETED');

    // Stored: complete and explicit, anonymised, without the HOME_AUTHORITY results.
    const [stored] = await t.dataSource.query('SELECT scenario, coverage FROM simulation_run WHERE id = $1', [
      euRun.id,
    ]);
    noSecrets(stored.scenario);
    expect(stored.scenario.population.systems).toHaveLength(7);
    expect(stored.scenario.population.results.map((r: any) => r.value).sort()).toEqual([
      0.91, 0.92, 0.93, 0.94, 0.95, 0.96, 0.97,
    ]);
    expect(JSON.stringify(stored.scenario)).not.toMatch(
      new RegExp([...HOME_ONLY.values.map(String), HOME_ONLY.lab].join('|')),
    );
    expect(stored.scenario.variants[1].add).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: gbDraft, status: 'IN_FORCE' })]),
    );

    // An administrator reads the library's result over the stored scenario, unsuppressed.
    const full = await run(euRun.id, admin);
    expect(JSON.stringify(full.result)).toBe(JSON.stringify(simulate(parseScenario(stored.scenario))));
    expect(full.result.variants[2].byPair).toEqual([
      { origin: 'GB', recognising: 'EU', recognised: 2, recognisedWithConditions: 0, divergent: 0 },
      { origin: 'SG', recognising: 'EU', recognised: 5, recognisedWithConditions: 0, divergent: 0 },
    ]);
    expect(stored.coverage[2]).toMatchObject({
      systems: 7,
      changed: 7,
      byPair: { GB: { EU: 2 }, SG: { EU: 5 } },
      marginal: { [sgDraft]: 5, [gbDraft]: 2 },
    });

    // The EU negotiator: the snapshot as filter and size only; 7-system totals shown; SG → EU (5 systems) shown in the first variant.
    expect(euRun.scenario.population).toEqual({ recorded: { targets: [AIO.id] }, systems: 7 });
    noSecrets(euRun);
    const [, sgOnly, both] = euRun.result.variants;
    expect(sgOnly.totals).toEqual({ ...full.result.variants[1].totals, suppressed: false });
    expect(sgOnly.deltaVsBaseline).toMatchObject({ suppressed: false, recognised: 5 });
    expect(sgOnly.byPair).toEqual([
      { origin: 'SG', recognising: 'EU', suppressed: false, recognised: 5, recognisedWithConditions: 0, divergent: 0 },
    ]);
    // With both drafts GB → EU covers 2 systems: suppressed; SG → EU would give it away (totals − SG → EU), so it is withheld too.
    expect(both.byPair).toEqual([
      {
        origin: 'GB',
        recognising: 'EU',
        suppressed: true,
        recognised: null,
        recognisedWithConditions: null,
        divergent: null,
      },
      {
        origin: 'SG',
        recognising: 'EU',
        suppressed: true,
        recognised: null,
        recognisedWithConditions: null,
        divergent: null,
      },
      { origin: '*', recognising: '*', suppressed: false, recognised: 7, recognisedWithConditions: 0, divergent: 0 },
    ]);
    expect(both.marginal).toEqual([
      ...[
        { agreement: sgDraft, suppressed: false, recognised: 5, testsAvoided: 5, costSaved: 60000 },
        { agreement: gbDraft, suppressed: true, recognised: null, testsAvoided: null, costSaved: null },
      ].sort((x, y) => (x.agreement < y.agreement ? -1 : 1)),
    ]);

    // The GB negotiator: its own GB → EU pair suppressed, everything else summed into "*".
    expect(gbRun.result.variants[1].byPair).toEqual([
      { origin: '*', recognising: '*', suppressed: false, recognised: 5, recognisedWithConditions: 0, divergent: 0 },
    ]);
    expect(gbRun.result.variants[2].byPair).toEqual([
      {
        origin: 'GB',
        recognising: 'EU',
        suppressed: true,
        recognised: null,
        recognisedWithConditions: null,
        divergent: null,
      },
      { origin: '*', recognising: '*', suppressed: false, recognised: 7, recognisedWithConditions: 0, divergent: 0 },
    ]);
    // Every cell a negotiator receives covers 5 systems or more, or is suppressed with its figures withheld.
    for (const r of [euRun, gbRun]) {
      for (const v of r.result.variants) {
        for (const cell of [v.totals, v.deltaVsBaseline, ...v.byPair, ...v.marginal]) {
          expect(typeof cell.suppressed).toBe('boolean');
          if (cell.suppressed) expect(cell.recognised).toBeNull();
        }
      }
    }

    // compareSimulationRuns: the same cells, typed (null figures when suppressed).
    const compared = expectOk(await gql(COMPARE, { ids: [euRun.id] }, eu.token)).compareSimulationRuns;
    expect(compared[0].variants.map((v: any) => v.name)).toEqual(['baseline', 'EU–SG draft', 'both drafts']);
    expect(compared[0].variants[2].byPair).toEqual(both.byPair);
    expect(compared[0].variants[2].totals).toMatchObject({ suppressed: false, recognised: 7, costSaved: 84000 });
    // A synthetic or explicit run has no limits: every cell shown.
    const admins = expectOk(await gql(COMPARE, { ids: [euRun.id] }, admin)).compareSimulationRuns;
    expect(admins[0].variants[2].byPair.every((p: any) => p.suppressed === false && p.recognised > 0)).toBe(true);

    // A rerun reuses the stored snapshot: the same (disclosed) result.
    const again = await finished(
      expectOk(await gql(RERUN, { input: { id: euRun.id } }, eu.token)).rerunSimulation.id,
      eu.token,
    );
    expect(JSON.stringify(again.result)).toBe(JSON.stringify(euRun.result));
  });

  it('a recorded run stored before disclosure control (no coverage counts): a negotiator gets every figure withheld', async () => {
    const done = await finished((await start(input('Old run'), eu.token)).id, eu.token);
    await t.dataSource.query('UPDATE simulation_run SET coverage = NULL WHERE id = $1', [done.id]);
    const old = await run(done.id, eu.token);
    for (const v of old.result.variants) {
      expect(v.totals).toMatchObject({ suppressed: true, recognised: null, applicable: null });
      expect(v.byPair.every((p: any) => p.suppressed && p.recognised === null)).toBe(true);
    }
    expect((await run(done.id, admin)).result.variants[2].totals.recognised).toBe(7);
  });
});
