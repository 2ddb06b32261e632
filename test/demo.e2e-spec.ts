import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DemoSeeder } from '@sandbridge/application';
import { loadConfig } from '@sandbridge/config';
import { TestApp } from '@sandbridge/testing';

/** The demo data a new user meets on `npm start`, and the README's demo walkthrough. */
describe('demo data', () => {
  let t: TestApp;

  // Seeding the demo walks every enrolment through the real lifecycle: about 30 s alone, and well
  // over a minute on a busy 2-core machine running other suites.
  beforeAll(async () => {
    t = await TestApp.create({ SEED_DEMO: 'true' });
  }, 180_000);
  afterAll(async () => {
    await t.close();
  });

  it('is loaded on a fresh database: standards, 30+ active criteria, crosswalks, an OPEN joint programme', async () => {
    expect(await t.count('standard')).toBeGreaterThanOrEqual(5);
    const [{ n: active }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM criterion WHERE status = 'ACTIVE'`,
    );
    expect(active).toBeGreaterThanOrEqual(30);
    expect(await t.count('crosswalk')).toBeGreaterThanOrEqual(8);
    const [programme] = await t.dataSource.query(`SELECT name, status, joint_entry_rule FROM programme`);
    expect(programme).toEqual({
      name: 'Cross-border AI credit-scoring pilot',
      status: 'OPEN',
      joint_entry_rule: 'EACH_AUTHORITY',
    });
  });

  it('has enrolments in every state on the demo programme, each reached through the lifecycle', async () => {
    const rows: { state: string; n: number }[] = await t.dataSource.query(
      `SELECT state, count(*)::int AS n FROM enrolment GROUP BY state ORDER BY state`,
    );
    expect(rows.map((r) => r.state)).toEqual([
      'DECLINED',
      'DRAFT',
      'EXITED',
      'EXIT_REVIEW',
      'SUBMITTED',
      'SUSPENDED',
      'TESTING',
      'UNDER_REVIEW',
      'WITHDRAWN',
    ]);
    // Each decision left its trace: tracks decided with reasons, reports with evaluated results.
    const [{ decided }] = await t.dataSource.query(
      `SELECT count(*)::int AS decided FROM enrolment_track WHERE entry_decision IS NOT NULL AND entry_reasons IS NOT NULL`,
    );
    expect(decided).toBeGreaterThanOrEqual(9);
    expect(await t.count('test_result')).toBeGreaterThan(0);
    const token = await t.login('regulator.fca@demo.sandbridge.test', DEMO_PASSWORD);
    const funnel = await t.gql(
      `query($id: ID!) { programmeFunnel(programmeId: $id) { applications submitted tested exited declined withdrawn } }`,
      { id: (await t.dataSource.query(`SELECT id FROM programme`))[0].id },
      token,
    );
    expect(funnel.data!.programmeFunnel).toEqual({
      applications: 9,
      submitted: 8,
      tested: 4,
      exited: 1,
      declined: 1,
      withdrawn: 1,
    });
  });

  it('answers recognitionStatus for a demo system whose criteria include BETWEEN thresholds', async () => {
    const token = await t.login('regulator.aioffice@demo.sandbridge.test', DEMO_PASSWORD);
    const [{ id: system }] = await t.dataSource.query(`SELECT id FROM ai_system WHERE name = 'Lumen Thin-File Scorer'`);
    const [{ id: authority }] = await t.dataSource.query(`SELECT id FROM authority WHERE acronym = 'AI Office'`);
    const [{ n: between }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM criterion WHERE authority_id = $1 AND comparator = 'BETWEEN' AND status = 'ACTIVE'`,
      [authority],
    );
    expect(between).toBeGreaterThan(0);
    const res = await t.gql(
      `query($s: ID!, $a: ID!) { recognitionStatus(aiSystemId: $s, authorityId: $a) { criteria { outcome criterion { key } } } }`,
      { s: system, a: authority },
      token,
    );
    expect(res.errors).toBeUndefined();
    const outcomes = res.data!.recognitionStatus.criteria.map((c: { outcome: string }) => c.outcome);
    expect(outcomes.length).toBeGreaterThanOrEqual(10);
    // The system was tested with the AI Office itself (in the EU): those criteria are satisfied locally.
    expect(outcomes).toContain('SATISFIED_LOCALLY');
  });

  it('gives every demo account the documented password', async () => {
    for (const account of DEMO_ACCOUNTS) {
      const token = await t.login(account.email, DEMO_PASSWORD);
      const me = await t.gql('{ me { email role } }', {}, token);
      expect(me.data!.me).toEqual({ email: account.email, role: account.role });
    }
    expect(new Set(DEMO_ACCOUNTS.map((a) => a.role))).toEqual(
      new Set(['ADMIN', 'REGULATOR', 'INNOVATOR', 'NEGOTIATOR']),
    );
  });

  it('lists every demo account for the sign-in page, to anyone, with the demo password (demoAccounts)', async () => {
    const answer = await t.gql('{ demoAccounts { email role actsFor password } }');
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.demoAccounts.map((a: { email: string; role: string }) => [a.email, a.role])).toEqual(
      DEMO_ACCOUNTS.map((a) => [a.email, a.role]),
    );
    expect(new Set(answer.data!.demoAccounts.map((a: { password: string }) => a.password))).toEqual(
      new Set([DEMO_PASSWORD]),
    );
  });

  it('is idempotent: seeding again creates nothing and changes nothing', async () => {
    const tables = [
      'standard',
      'clause',
      'criterion',
      'criterion_clause',
      'crosswalk',
      'organisation',
      'ai_system',
      'programme',
      'programme_participant',
      'programme_criterion',
      'account',
    ];
    const before = await Promise.all(tables.map((table) => t.count(table)));
    expect((await t.get(DemoSeeder).seed()).created).toBe(0);
    expect(await Promise.all(tables.map((table) => t.count(table)))).toEqual(before);
  });

  it('is refused in production, by the configuration and by the seeder', async () => {
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), SEED_DEMO: 'true' })).toThrow(
      /SEED_DEMO/,
    );
    const seeder = t.get(DemoSeeder) as unknown as { config: { env: string } };
    const env = seeder.config.env;
    seeder.config.env = 'production';
    try {
      await expect(t.get(DemoSeeder).seed()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    } finally {
      seeder.config.env = env;
    }
  });

  it('answers the README walkthrough: the demo regulator lists programmes and reads criteria', async () => {
    const token = await t.login('regulator.fca@demo.sandbridge.test', DEMO_PASSWORD);
    const programmes = await t.gql(
      `{ programmes(first: 10) { totalCount edges { node { name status jointEntryRule leadAuthority { acronym }
           participants { isLead authority { acronym jurisdiction { code } } } } } } }`,
      {},
      token,
    );
    expect(programmes.errors).toBeUndefined();
    const pilot = programmes.data!.programmes.edges[0].node;
    expect(pilot.leadAuthority.acronym).toBe('FCA');
    expect(pilot.participants.map((p: { authority: { acronym: string } }) => p.authority.acronym).sort()).toEqual([
      'AI Office',
      'FCA',
      'MAS',
    ]);

    const criteria = await t.gql(
      `{ criteria(first: 5, filter: { jurisdictionCode: "GB", stage: ENTRY }) { totalCount
           edges { node { key version title kind status clauses { id } authority { acronym } } } } }`,
      {},
      token,
    );
    expect(criteria.errors).toBeUndefined();
    expect(criteria.data!.criteria.totalCount).toBeGreaterThanOrEqual(3);
    for (const { node } of criteria.data!.criteria.edges) {
      expect(node).toMatchObject({ status: 'ACTIVE', authority: { acronym: 'FCA' } });
    }
  });
});
