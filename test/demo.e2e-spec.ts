import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DemoSeeder, EvidenceService } from '@sandbridge/application';
import { loadConfig } from '@sandbridge/config';
import { TestApp, verifiedIndependently } from '@sandbridge/testing';

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

  it('is loaded on a fresh database: standards, 30+ active criteria, crosswalks, two OPEN programmes', async () => {
    expect(await t.count('standard')).toBeGreaterThanOrEqual(5);
    const [{ n: active }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM criterion WHERE status = 'ACTIVE'`,
    );
    expect(active).toBeGreaterThanOrEqual(30);
    expect(await t.count('crosswalk')).toBeGreaterThanOrEqual(8);
    const programmes = await t.dataSource.query(
      `SELECT name, status, joint_entry_rule, accepts_recognised_results FROM programme ORDER BY name`,
    );
    expect(programmes).toEqual([
      {
        name: 'Cross-border AI credit-scoring pilot',
        status: 'OPEN',
        joint_entry_rule: 'EACH_AUTHORITY',
        accepts_recognised_results: false,
      },
      {
        name: 'Singapore fast track for AI credit models tested abroad',
        status: 'OPEN',
        joint_entry_rule: 'EACH_AUTHORITY',
        accepts_recognised_results: true,
      },
    ]);
  });

  it('has enrolments in every state on the demo programme, each reached through the lifecycle', async () => {
    const rows: { state: string; n: number }[] = await t.dataSource.query(
      `SELECT e.state, count(*)::int AS n FROM enrolment e JOIN programme p ON p.id = e.programme_id
        WHERE p.name = 'Cross-border AI credit-scoring pilot' GROUP BY e.state ORDER BY e.state`,
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
      {
        id: (
          await t.dataSource.query(`SELECT id FROM programme WHERE name = 'Cross-border AI credit-scoring pilot'`)
        )[0].id,
      },
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

  it('has entry decisions overdue today, at the top of the FCA’s work queue (dated relative to the clock)', async () => {
    const token = await t.login('regulator.fca@demo.sandbridge.test', DEMO_PASSWORD);
    const res = await t.gql(
      `{ workQueue(first: 100) { totalCount edges { node { kind due overdue daysOverdue enrolment { state aiSystem { name } } } } } }`,
      {},
      token,
    );
    expect(res.errors).toBeUndefined();
    const items = res.data!.workQueue.edges.map((e: { node: Record<string, any> }) => e.node);
    // Submitted 100 days before today: 3 calendar months are 89 to 92 days, so 8 to 11 days overdue.
    expect(items[0]).toMatchObject({
      kind: 'ENTRY_DECISION',
      overdue: true,
      enrolment: { state: 'SUBMITTED', aiSystem: { name: 'Lumen Arrears Assistant' } },
    });
    expect(items[0].daysOverdue).toBeGreaterThanOrEqual(8);
    expect(items[0].daysOverdue).toBeLessThanOrEqual(11);
    // The FCA issued its exit report on the exited Lumen Thin-File Scorer; MAS's is still a draft, in MAS's queue.
    expect(items.map((i: { kind: string }) => i.kind)).not.toContain('EXIT_REPORT_ISSUE');
    const mas = await t.login('regulator.mas@demo.sandbridge.test', DEMO_PASSWORD);
    const masQueue = (
      await t.gql('{ workQueue(first: 100) { edges { node { kind enrolment { state } } } } }', {}, mas)
    ).data!.workQueue.edges.map((e: { node: Record<string, any> }) => e.node);
    expect(masQueue).toContainEqual({ kind: 'EXIT_REPORT_ISSUE', enrolment: { state: 'EXITED' } });
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

  describe('tells the story of Sandbridge', () => {
    const systemId = async (name: string) =>
      (await t.dataSource.query(`SELECT id FROM ai_system WHERE name = $1`, [name]))[0].id as string;
    const PASSPORT = `query($s: ID!) { recognitionPassport(aiSystemId: $s) { authorities {
      authority { acronym } satisfiedLocally recognised recognisedWithConditions gaps withheld testsNeeded { key } } } }`;
    const passport = async (email: string, system: string) => {
      const res = await t.gql(PASSPORT, { s: await systemId(system) }, await t.login(email, DEMO_PASSWORD));
      expect(res.errors).toBeUndefined();
      return new Map<string, Record<string, any>>(
        res.data!.recognitionPassport.authorities.map((a: Record<string, any>) => [a.authority.acronym, a]),
      );
    };

    it('has agreements in force — EU–SG and GB–SG, with conditions, a conditional recognition and an exclusion — and one proposed', async () => {
      const token = await t.login('negotiator.sg@demo.sandbridge.test', DEMO_PASSWORD);
      const res = await t.gql(
        `{ agreements(first: 20) { edges { node { name status parties approvals { jurisdictionCode }
            rules { name origins recognising categories mode effect supplementary
              conditions { requireAccreditedLab accreditationBodies maxResultAgeDays minMargin } } } } } }`,
        {},
        token,
      );
      expect(res.errors).toBeUndefined();
      const agreements = res.data!.agreements.edges.map((e: { node: Record<string, any> }) => e.node);
      const inForce = agreements.filter((a: Record<string, any>) => a.status === 'IN_FORCE');
      expect(inForce.map((a: Record<string, any>) => [...a.parties].sort().join('–')).sort()).toEqual([
        'EU–SG',
        'GB–SG',
      ]);
      const rules = inForce.flatMap((a: Record<string, any>) => a.rules);
      // Results tested in the EU and in GB are recognised in SG, and SG results in both.
      for (const [origin, recognising] of [
        ['EU', 'SG'],
        ['GB', 'SG'],
        ['SG', 'EU'],
        ['SG', 'GB'],
      ])
        expect(
          rules.some(
            (r: Record<string, any>) =>
              r.origins.includes(origin) && r.recognising.includes(recognising) && r.effect !== 'EXCLUDE',
          ),
        ).toBe(true);
      const conditional = rules.find((r: Record<string, any>) => r.effect === 'RECOGNISE_WITH_CONDITIONS');
      expect(conditional).toMatchObject({
        origins: ['GB'],
        recognising: ['SG'],
        conditions: { accreditationBodies: ['UKAS'], maxResultAgeDays: 540 },
        supplementary: { text: expect.any(String), criteria: [expect.any(String)] },
      });
      expect(rules.filter((r: Record<string, any>) => r.conditions?.requireAccreditedLab).length).toBeGreaterThan(0);
      expect(rules.some((r: Record<string, any>) => r.effect === 'EXCLUDE' && r.mode === null)).toBe(true);
      const proposed = agreements.filter((a: Record<string, any>) => a.status === 'PROPOSED');
      expect(proposed.map((a: Record<string, any>) => [a.parties, a.approvals])).toEqual([
        [['GB', 'EU'], [{ jurisdictionCode: 'GB' }]],
      ]);
    });

    it('has accepted reports whose results systems’ passports recognise elsewhere, next to gaps', async () => {
      const [{ n: accepted }] = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM test_report WHERE status = 'ACCEPTED'`,
      );
      expect(accepted).toBeGreaterThanOrEqual(5);
      // Tested in the Union and the UK, never in Singapore: MAS recognises some results, some with
      // conditions, and the rest are gaps — the tests still needed.
      const nordvik = (await passport('innovator.nordvik@demo.sandbridge.test', 'Nordvik Consumer Credit Model')).get(
        'MAS',
      )!;
      expect(nordvik.satisfiedLocally).toBe(0);
      expect(nordvik.recognised).toBeGreaterThanOrEqual(1);
      expect(nordvik.recognisedWithConditions).toBeGreaterThanOrEqual(1);
      expect(nordvik.gaps).toBeGreaterThanOrEqual(1);
      expect(nordvik.testsNeeded.length).toBe(nordvik.gaps + nordvik.recognisedWithConditions);
      // Tested in Singapore: the FCA recognises some of it (the UK–SG arrangement), and not the rest.
      const merlion = (
        await passport('innovator.merlion@demo.sandbridge.test', 'Merlion Premium Instalment Scorer')
      ).get('FCA')!;
      expect(merlion).toMatchObject({ satisfiedLocally: 0, withheld: 0 });
      expect(merlion.recognised).toBeGreaterThanOrEqual(1);
      expect(merlion.gaps).toBeGreaterThanOrEqual(1);
    });

    it('has a programme accepting recognised results, where recognised results count as met and the gaps stay to test', async () => {
      const token = await t.login('innovator.nordvik@demo.sandbridge.test', DEMO_PASSWORD);
      const res = await t.gql(
        `{ enrolments(first: 20) { edges { node { state programme { name acceptsRecognisedResults }
            tracks { authority { acronym } state
              testing: evaluation(stage: TESTING) { outcome metBy mandatory recognition { outcome testedIn } }
              exit: evaluation(stage: EXIT) { outcome metBy recognition { outcome testedIn supplementary } } } } } } }`,
        {},
        token,
      );
      expect(res.errors).toBeUndefined();
      const fastTrack = res
        .data!.enrolments.edges.map((e: { node: Record<string, any> }) => e.node)
        .filter((e: Record<string, any>) => e.programme.acceptsRecognisedResults);
      expect(fastTrack.map((e: Record<string, any>) => e.state)).toEqual(['TESTING']);
      const [track] = fastTrack[0].tracks;
      expect(track).toMatchObject({ authority: { acronym: 'MAS' }, state: 'ADMITTED' });
      const recognised = track.testing.filter((c: Record<string, any>) => c.metBy === 'RECOGNISED_RESULT');
      expect(recognised.length).toBeGreaterThanOrEqual(1);
      for (const c of recognised) expect(c).toMatchObject({ outcome: 'MET', recognition: { outcome: 'RECOGNISED' } });
      expect(track.testing.some((c: Record<string, any>) => c.outcome === 'NOT_SUBMITTED' && c.mandatory)).toBe(true);
      // Recognised with conditions: shown with what is still required, not counted as met.
      const conditional = track.exit.filter(
        (c: Record<string, any>) => c.recognition?.outcome === 'RECOGNISED_WITH_CONDITIONS',
      );
      expect(conditional.length).toBeGreaterThanOrEqual(1);
      for (const c of conditional)
        expect(c).toMatchObject({ outcome: 'NOT_SUBMITTED', metBy: null, recognition: { testedIn: 'GB' } });
    });

    it('has incidents, shared with the programme’s authorities', async () => {
      const token = await t.login('regulator.mas@demo.sandbridge.test', DEMO_PASSWORD);
      const res = await t.gql(
        `{ enrolments(first: 50, filter: { state: SUSPENDED }) { edges { node { aiSystem { name } incidents { severity description reportingAuthorityId } } } }
           testing: enrolments(first: 50, filter: { state: TESTING }) { edges { node { aiSystem { name } incidents { severity reportingAuthorityId } } } } }`,
        {},
        token,
      );
      expect(res.errors).toBeUndefined();
      const incidents = [...res.data!.enrolments.edges, ...res.data!.testing.edges].flatMap(
        (e: { node: Record<string, any> }) =>
          e.node.incidents.map((i: Record<string, any>) => [
            e.node.aiSystem.name,
            i.severity,
            i.reportingAuthorityId !== null,
          ]),
      );
      expect(incidents).toEqual(
        expect.arrayContaining([
          ['Lumen Affordability Checker', 'HIGH', true],
          ['Merlion Premium Instalment Scorer', 'MEDIUM', false],
        ]),
      );
    });

    it('has an EXITED enrolment whose exit report renders', async () => {
      const token = await t.login('regulator.fca@demo.sandbridge.test', DEMO_PASSWORD);
      const [{ id }] = await t.dataSource.query(`SELECT id FROM enrolment WHERE state = 'EXITED'`);
      const res = await t.gql(
        `query($id: ID!) { exitReport(enrolmentId: $id) { state markdown aiSystem { name }
            authorities { acronym trackState exit { decision reasons } } } }`,
        { id },
        token,
      );
      expect(res.errors).toBeUndefined();
      const report = res.data!.exitReport;
      expect(report).toMatchObject({ state: 'EXITED', aiSystem: { name: 'Lumen Thin-File Scorer' } });
      expect(report.authorities.map((a: Record<string, any>) => [a.acronym, a.trackState]).sort()).toEqual([
        ['AI Office', 'REJECTED'],
        ['FCA', 'AUTHORISED'],
        ['MAS', 'AUTHORISED'],
      ]);
      expect(report.markdown).toMatch(/^# /);
      for (const text of ['Lumen Thin-File Scorer', 'AUTHORISED', 'REJECTED', 'Technical documentation incomplete'])
        expect(report.markdown).toContain(text);
    });

    it('has the exited enrolment’s written proofs, the FCA’s exit report issued and published without its confidential section, and MAS’s still a draft', async () => {
      const token = await t.login('regulator.fca@demo.sandbridge.test', DEMO_PASSWORD);
      const [{ id }] = await t.dataSource.query(`SELECT id FROM enrolment WHERE state = 'EXITED'`);
      const { exitReport } = (
        await t.gql(
          `query($id: ID!) { exitReport(enrolmentId: $id) { authorities { acronym
              writtenProof { completed signed } issuedReport { status publication { published } } draftReport { id } } } }`,
          { id },
          token,
        )
      ).data!;
      const fca = exitReport.authorities.find((a: Record<string, any>) => a.acronym === 'FCA');
      expect(fca.writtenProof.completed).toBe(true);
      expect(fca.issuedReport).toEqual({ status: 'ISSUED', publication: { published: true } });
      const jwks = (await t.http().get('/.well-known/sandbridge-keys').expect(200)).body;
      expect(verifiedIndependently(fca.writtenProof.signed, jwks)).toBe(true);
      // MAS's report is being written: a draft, nothing issued (only MAS's regulators see its draft).
      const mas = exitReport.authorities.find((a: Record<string, any>) => a.acronym === 'MAS');
      expect(mas.issuedReport).toBeNull();

      // Public, signed, and without the section marked for the programme's participants.
      const { publicExitReports } = (
        await t.gql(
          '{ publicExitReports(first: 10) { totalCount edges { node { authority { acronym } aiSystem { name } signed markdown } } } }',
        )
      ).data!;
      expect(publicExitReports.totalCount).toBe(1);
      const [{ node }] = publicExitReports.edges;
      expect(node).toMatchObject({ authority: { acronym: 'FCA' }, aiSystem: { name: 'Lumen Thin-File Scorer' } });
      expect(verifiedIndependently(node.signed, jwks)).toBe(true);
      expect(node.markdown).toContain('open-banking cash-flow features');
      expect(node.markdown).not.toContain('commercially sensitive');
      expect(JSON.stringify(node.signed)).not.toContain('commercially sensitive');
    });

    it('has sandbox plans in every state, each agreed before its enrolment’s reports, which record its version', async () => {
      // Every report was made under a plan version that was agreed before it was submitted (the audit
      // trail's order: the demo is seeded in one transaction, whose rows share one creation time).
      const [{ unplanned }] = await t.dataSource.query(
        `SELECT count(*)::int AS unplanned FROM test_report r
         JOIN audit_entry submitted ON submitted.entity_id = r.id::text AND submitted.action = 'SUBMIT_TEST_REPORT'
         WHERE NOT EXISTS (
           SELECT 1 FROM sandbox_plan p
           JOIN audit_entry agreed ON agreed.entity_id = p.id::text AND agreed.action = 'APPROVE_SANDBOX_PLAN'
             AND agreed.data->>'status' = 'AGREED'
           WHERE p.enrolment_id = r.enrolment_id AND p.version = r.plan_version AND agreed.seq < submitted.seq)`,
      );
      expect(unplanned).toBe(0);
      expect((await t.dataSource.query('SELECT count(*)::int AS n FROM test_report'))[0].n).toBeGreaterThan(0);

      const PLANS = `query($id: ID!) { enrolment(id: $id) {
        plan { version status inForce }
        planVersions { version status extension amends awaitingApprovalFrom { acronym } approvals { authority { acronym } decision reasons } }
      } }`;
      const plansOf = async (system: string, email: string, programme = 'Cross-border AI credit-scoring pilot') => {
        const [{ id }] = await t.dataSource.query(
          `SELECT e.id FROM enrolment e JOIN ai_system s ON s.id = e.ai_system_id JOIN programme p ON p.id = e.programme_id
           WHERE s.name = $1 AND p.name = $2 AND e.state NOT IN ('WITHDRAWN', 'DECLINED')`,
          [system, programme],
        );
        const res = await t.gql(PLANS, { id }, await t.login(email, DEMO_PASSWORD));
        expect(res.errors).toBeUndefined();
        return res.data!.enrolment;
      };
      const states = (e: Record<string, any>) => e.planVersions.map((v: Record<string, any>) => [v.version, v.status]);

      // EXITED: agreed, then an amendment agreed by all three (version 1 superseded).
      const lumen = await plansOf('Lumen Thin-File Scorer', 'innovator.lumen@demo.sandbridge.test');
      expect(states(lumen)).toEqual([
        [2, 'AGREED'],
        [1, 'SUPERSEDED'],
      ]);
      expect(lumen.plan).toEqual({ version: 2, status: 'AGREED', inForce: true });
      // TESTING: version 1 in force, an amendment MAS approved awaiting the FCA.
      const merlion = await plansOf('Merlion Premium Instalment Scorer', 'innovator.merlion@demo.sandbridge.test');
      expect(states(merlion)).toEqual([
        [2, 'PROPOSED'],
        [1, 'AGREED'],
      ]);
      expect(merlion.plan).toMatchObject({ version: 1, inForce: true });
      expect(merlion.planVersions[0]).toMatchObject({ amends: 1, awaitingApprovalFrom: [{ acronym: 'FCA' }] });
      expect(merlion.planVersions[0].approvals).toEqual([
        { authority: { acronym: 'MAS' }, decision: 'APPROVED', reasons: expect.any(String) },
      ]);
      // SUSPENDED: its plan sent back by the FCA, with reasons.
      const affordability = await plansOf('Lumen Affordability Checker', 'innovator.lumen@demo.sandbridge.test');
      expect(states(affordability)).toEqual([[1, 'CHANGES_REQUESTED']]);
      expect(affordability.planVersions[0].approvals).toEqual([
        {
          authority: { acronym: 'FCA' },
          decision: 'CHANGES_REQUESTED',
          reasons: expect.stringMatching(/second source/),
        },
      ]);
      // The fast track: agreed, then an extension proposed, awaiting MAS.
      const fastTrack = await plansOf(
        'Nordvik Consumer Credit Model',
        'innovator.nordvik@demo.sandbridge.test',
        'Singapore fast track for AI credit models tested abroad',
      );
      expect(states(fastTrack)).toEqual([
        [2, 'PROPOSED'],
        [1, 'AGREED'],
      ]);
      expect(fastTrack.planVersions[0]).toMatchObject({ extension: true, awaitingApprovalFrom: [{ acronym: 'MAS' }] });
      // Every state of a version but DRAFT (which the API never stores) appears.
      const [{ statuses }] = await t.dataSource.query(
        `SELECT array_agg(DISTINCT status ORDER BY status) AS statuses FROM sandbox_plan`,
      );
      expect(statuses).toEqual(['AGREED', 'CHANGES_REQUESTED', 'PROPOSED', 'SUPERSEDED']);
    });
  });

  it('has Merlion’s model card, a real PDF, named by its first report’s EVIDENCE result, and evidence expiring in the work queues', async () => {
    const token = await t.login('innovator.merlion@demo.sandbridge.test', DEMO_PASSWORD);
    const res = await t.gql(
      `{ enrolments(first: 20) { edges { node { state aiSystem { name } expiringEvidence { title expiryDay }
        testReports { confidentiality results { outcome evidenceSha256 evidenceReference
          evidence { id title mediaType sha256 size expiryDay } } } } } } }`,
      {},
      token,
    );
    expect(res.errors).toBeUndefined();
    const merlion = res
      .data!.enrolments.edges.map((e: { node: Record<string, any> }) => e.node)
      .find((n: any) => n.aiSystem.name === 'Merlion Premium Instalment Scorer');
    const named = merlion.testReports.flatMap((r: any) => r.results).filter((r: any) => r.evidence);
    const card = named.find((r: any) => r.evidence.title.endsWith('model card'));
    expect(card).toMatchObject({
      outcome: 'PASS',
      evidenceReference: 'Merlion Premium Instalment Scorer: model card',
      evidence: { mediaType: 'application/pdf', expiryDay: null },
    });
    expect(card.evidenceSha256).toBe(card.evidence.sha256);
    // The stored bytes are a well-formed PDF, hashed as node:crypto hashes them.
    const row = (await t.get(EvidenceService).findByIdsUnchecked([card.evidence.id]))[0]!;
    const chunks: Buffer[] = [];
    for await (const chunk of t.get(EvidenceService).bytesOf(row)) chunks.push(chunk);
    const pdf = Buffer.concat(chunks);
    expect(pdf.length).toBe(card.evidence.size);
    expect(createHash('sha256').update(pdf).digest('hex')).toBe(card.evidence.sha256);
    const text = pdf.toString('latin1');
    expect(text.startsWith('%PDF-1.4\n')).toBe(true);
    expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
    const startxref = Number(/startxref\n(\d+)\n/.exec(text)![1]);
    expect(text.slice(startxref, startxref + 4)).toBe('xref');
    // Every object's offset in the cross-reference table points at that object.
    const offsets = [...text.slice(startxref).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    offsets.forEach((offset, i) => expect(text.slice(offset).startsWith(`${i + 1} 0 obj`)).toBe(true));
    // The data-lineage audit expires in 20 days, before the plan ends: in both admitting authorities' queues.
    const in20 = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
    expect(merlion.expiringEvidence).toEqual([{ title: 'Data lineage audit (third party)', expiryDay: in20 }]);
    for (const email of ['regulator.mas@demo.sandbridge.test', 'regulator.fca@demo.sandbridge.test']) {
      const queue = await t.gql(
        '{ workQueue(first: 100) { edges { node { kind due evidence { title } enrolment { aiSystem { name } } } } } }',
        {},
        await t.login(email, DEMO_PASSWORD),
      );
      expect(queue.errors).toBeUndefined();
      expect(
        queue.data!.workQueue.edges.map((e: any) => e.node).filter((n: any) => n.kind === 'EVIDENCE_EXPIRING'),
      ).toEqual([
        {
          kind: 'EVIDENCE_EXPIRING',
          due: in20,
          evidence: { title: 'Data lineage audit (third party)' },
          enrolment: { aiSystem: { name: 'Merlion Premium Instalment Scorer' } },
        },
      ]);
    }
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
      'agreement',
      'agreement_rule',
      'agreement_approval',
      'enrolment',
      'test_report',
      'incident',
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
