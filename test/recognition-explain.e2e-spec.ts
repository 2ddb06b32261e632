import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEMO_PASSWORD } from '@sandbridge/application';
import { expectOk, type GraphQLResponse, TestApp } from '@sandbridge/testing';

// explainRecognitionCase (the recognition explorer's hypothetical cases): on the demo data, the case
// recognitionCase exports for a system, an authority and a day, given back, answers exactly what
// recognitionStatus answers for them; a negotiator (who may not read recorded systems) evaluates an
// example case as `recognise` replays it, or against the platform's agreements, on any day, with a
// proposed agreement as if signed; a case that cannot be read is BAD_USER_INPUT at its JSON path.

type Row = Record<string, any>;

const CHECK = 'name expected actual passed';
const VERDICT = `outcome result agreement rule divergent supplementary checks { ${CHECK} } candidates { result checks { ${CHECK} } }`;
const STATUS = `query($s: ID!, $a: ID!, $d: Date) { recognitionStatus(aiSystemId: $s, authorityId: $a, asOf: $d) { asOf
  criteria { criterion { id } ${VERDICT} } } }`;
const CASE = `query($s: ID!, $a: ID!, $d: Date) { recognitionCase(aiSystemId: $s, authorityId: $a, asOf: $d) }`;
const EXPLAIN = `query($c: JSON!, $d: Date, $signed: [ID!], $keep: Boolean) {
  explainRecognitionCase(case: $c, asOf: $d, asIfSigned: $signed, keepCaseAgreements: $keep) {
    aiSystemId authorityId asOf criteria { criterion ${VERDICT} } } }`;

const example = (name: string) =>
  JSON.parse(readFileSync(new URL(`../examples/recognition/${name}`, import.meta.url), 'utf8'));

/** A criterion's verdict, whichever way the criterion is named (an object in recognitionStatus, an id here). */
const verdict = ({ criterion, ...rest }: Row) => ({
  criterion: typeof criterion === 'string' ? criterion : criterion.id,
  ...rest,
});

const dayBefore = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

describe('explainRecognitionCase (e2e)', () => {
  let t: TestApp;
  let regulator: string;
  let negotiator: string;
  let fca: string;
  let systems: string[];
  let proposed: string;

  beforeAll(async () => {
    t = await TestApp.create({ SEED_DEMO: 'true' });
    regulator = await t.login('regulator.fca@demo.sandbridge.test', DEMO_PASSWORD);
    negotiator = await t.login('negotiator.eu@demo.sandbridge.test', DEMO_PASSWORD);
    [{ id: fca }] = await t.dataSource.query(`SELECT id FROM authority WHERE acronym = 'FCA'`);
    systems = (await t.dataSource.query(`SELECT id FROM ai_system ORDER BY name`)).map((r: Row) => r.id);
    [{ id: proposed }] = await t.dataSource.query(`SELECT id FROM agreement WHERE status = 'PROPOSED' LIMIT 1`);
  }, 300_000);
  afterAll(async () => {
    await t?.close();
  });

  async function explain(variables: Row, token = negotiator): Promise<Row[]> {
    return expectOk(await t.gql(EXPLAIN, variables, token)).explainRecognitionCase;
  }

  it('answers for the case recognitionCase exports exactly what recognitionStatus answers, today and on earlier days', async () => {
    let recognisedSomewhere = false;
    let changedWithTheDay = false;
    for (const system of systems) {
      const today = expectOk(await t.gql(STATUS, { s: system, a: fca }, regulator)).recognitionStatus.asOf;
      for (const day of [today, dayBefore(today, 150)]) {
        const status = expectOk(await t.gql(STATUS, { s: system, a: fca, d: day }, regulator)).recognitionStatus;
        const exported = expectOk(await t.gql(CASE, { s: system, a: fca, d: day }, regulator)).recognitionCase;
        // The regulator's case, given back by a negotiator (who may not ask recognitionStatus) on its day.
        const [answer, ...more] = await explain({ c: exported });
        expect(more).toEqual([]);
        expect(answer).toMatchObject({ aiSystemId: system, authorityId: fca, asOf: day });
        // The case also carries retired versions its results name; recognitionStatus lists ACTIVE ones.
        const listed = new Set(status.criteria.map((c: Row) => c.criterion.id));
        const shown = answer.criteria.filter((c: Row) => listed.has(c.criterion));
        expect({ system, day, verdicts: shown.map(verdict) }).toEqual({
          system,
          day,
          verdicts: status.criteria.map(verdict),
        });
        recognisedSomewhere ||= shown.some((c: Row) => c.outcome === 'RECOGNISED');
        // The same case moved to another day by asOf answers what recognitionStatus answers on that day.
        if (day === today) {
          const earlier = dayBefore(today, 150);
          const [moved] = await explain({ c: exported, d: earlier });
          const then = expectOk(await t.gql(STATUS, { s: system, a: fca, d: earlier }, regulator)).recognitionStatus;
          expect(moved.asOf).toBe(earlier);
          const outcomes = (rows: Row[]) =>
            rows.filter((c) => listed.has(verdict(c).criterion)).map((c) => [verdict(c).criterion, c.outcome]);
          expect(outcomes(moved.criteria)).toEqual(outcomes(then.criteria));
          changedWithTheDay ||= JSON.stringify(outcomes(moved.criteria)) !== JSON.stringify(outcomes(shown));
        }
      }
    }
    // The demo has results recognised by the FCA through the UK–Singapore arrangement (in force
    // 120 days ago), which 150 days ago was not yet in force.
    expect(recognisedSomewhere).toBe(true);
    expect(changedWithTheDay).toBe(true);
  }, 300_000);

  it('evaluates an example case as the CLI replays it (its own agreements), and against the platform’s agreements', async () => {
    const input = example('p1-conformity.case.json');
    const expected = example('p1-conformity.expected.json');
    const [own] = await explain({ c: input, keep: true });
    expect(own.asOf).toBe(input.asOf);
    expect(own.criteria.map((c: Row) => [c.criterion, c.outcome, c.result, c.agreement, c.rule])).toEqual(
      expected.resolutions[0].criteria.map((c: Row) => [c.criterion, c.outcome, c.result, c.agreement, c.rule]),
    );
    // Before the GB–CA agreement's window (moved after the result here), the GB result is not recognised.
    const later = structuredClone(input);
    later.agreements[0].effectiveFrom = '2026-06-01';
    const [before] = await explain({ c: later, keep: true, d: '2026-05-31' });
    expect(before.criteria.map((c: Row) => c.outcome)).toEqual(['GAP', 'GAP']);
    const gate = before.criteria[0].candidates[0].checks.find((c: Row) => c.name === 'agreementInForce');
    expect(gate).toMatchObject({ passed: false });
    const [from] = await explain({ c: later, keep: true, d: '2026-06-01' });
    expect(from.criteria.map((c: Row) => c.outcome)).toEqual(['RECOGNISED', 'GAP']);
    // The platform has no GB–CA agreement: against its agreements, the GB result is not recognised.
    const [stored] = await explain({ c: input });
    expect(stored.criteria.map((c: Row) => c.outcome)).toEqual(['GAP', 'GAP']);
  });

  it('treats a proposed agreement as if signed when asked (asIfSigned), on a day in its window', async () => {
    // The UK–EU arrangement (proposed, in force from 30 days on) recognises UK-tested robustness in
    // the Union: a hypothetical case of a GB result asked by the EU authority.
    const [agreement] = await t.dataSource.query(`SELECT effective_from FROM agreement WHERE id = $1`, [proposed]);
    const from = new Date(agreement.effective_from).toISOString().slice(0, 10);
    const [rule] = await t.dataSource.query(
      `SELECT origins, recognising, categories FROM agreement_rule WHERE agreement_id = $1 LIMIT 1`,
      [proposed],
    );
    const category = rule.categories[0] ?? 'ROBUSTNESS';
    const input = {
      format: 'sandbridge/recognition-case@1',
      asOf: from,
      authorities: [
        { id: 'origin', jurisdiction: rule.origins[0] },
        { id: 'target', jurisdiction: rule.recognising[0] },
      ],
      criteria: [
        { id: 'o1', authority: 'origin', stage: 'TESTING', category, kind: 'EVIDENCE' },
        { id: 't1', authority: 'target', stage: 'TESTING', category, kind: 'EVIDENCE', riskClasses: [] },
      ],
      crosswalks: [{ from: 'o1', to: 't1', relation: 'EQUIVALENT' }],
      systems: [{ id: 's', sector: 'finance', riskClass: 'HIGH' }],
      results: [
        {
          id: 'r',
          system: 's',
          criterion: 'o1',
          testedIn: rule.origins[0],
          testedAt: dayBefore(from, 10),
          passed: true,
          lab: { accredited: true, accreditationBody: 'UKAS' },
        },
      ],
      queries: [{ system: 's', authority: 'target' }],
    };
    const [unsigned] = await explain({ c: input });
    expect(unsigned.criteria[0].outcome).toBe('GAP');
    const [signed] = await explain({ c: input, signed: [proposed] });
    expect(signed.criteria[0]).toMatchObject({ agreement: proposed });
    expect(['RECOGNISED', 'RECOGNISED_WITH_CONDITIONS']).toContain(signed.criteria[0].outcome);
    // The day before its window, even signed it is not in force.
    const [early] = await explain({ c: input, signed: [proposed], d: dayBefore(from, 1) });
    expect(early.criteria[0].outcome).toBe('GAP');
  });

  it('refuses what cannot be read with BAD_USER_INPUT at the JSON path, and an unknown agreement as NOT_FOUND', async () => {
    const problems = (response: GraphQLResponse) => {
      const [error] = response.errors ?? [];
      return { code: error?.extensions?.code, errors: (error?.extensions?.errors as Row[]) ?? [] };
    };
    const input = example('p1-conformity.case.json');
    const badDay = structuredClone(input);
    badDay.results[0].testedAt = 'soon';
    expect(problems(await t.gql(EXPLAIN, { c: badDay }, negotiator))).toEqual({
      code: 'BAD_USER_INPUT',
      errors: [{ path: 'case.results.0.testedAt', message: expect.stringMatching(/day|date/i) }],
    });
    const badFormat = { ...input, format: 'sandbridge/recognition-case@9' };
    expect(problems(await t.gql(EXPLAIN, { c: badFormat }, negotiator)).errors).toEqual([
      { path: 'case.format', message: 'must be "sandbridge/recognition-case@1"' },
    ]);
    expect(problems(await t.gql(EXPLAIN, { c: [1, 2] }, negotiator)).errors).toEqual([
      { path: 'case', message: 'must be a JSON object (a recognition case)' },
    ]);
    const huge = { ...input, note: 'x'.repeat(1_000_001) };
    expect(problems(await t.gql(EXPLAIN, { c: huge }, negotiator)).errors).toEqual([
      { path: 'case', message: 'must be at most 1000000 characters as JSON' },
    ]);
    const tooMany = Array.from({ length: 21 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    expect(problems(await t.gql(EXPLAIN, { c: input, signed: tooMany }, negotiator)).errors).toEqual([
      { path: 'asIfSigned', message: 'must name at most 20 agreements' },
    ]);
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect(problems(await t.gql(EXPLAIN, { c: input, signed: [unknown] }, negotiator)).code).toBe('NOT_FOUND');
  });
});
