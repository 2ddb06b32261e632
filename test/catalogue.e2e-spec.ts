import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '@sandbridge/domain';
import {
  expectBadInput,
  expectError,
  expectForbidden,
  expectOk,
  expectUnauthenticated,
  TestApp,
  walkConnection,
} from '@sandbridge/testing';

// The catalogue end to end through GraphQL over HTTP: standards and clauses, versioned criteria,
// crosswalks (docs/domain.md#roles-and-visibility, §2, §7a; issue 3). Every refusal is checked to change nothing.

type Vars = Record<string, unknown>;

let seq = 0;
const hex = () => randomUUID().replace(/-/g, '').slice(0, 10);
/** A criterion key no other test uses (lower case, as keys must be). */
const newKey = (prefix = 'k') => `${prefix}.${++seq}-${hex()}`;
const cursorOf = (key: unknown) => Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');

const PAGE_INFO = 'totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }';
const CLAUSE_FIELDS = 'id ref title';
const STANDARD_FIELDS = `id code title publisher clauses { ${CLAUSE_FIELDS} }`;
const STANDARDS = `query($first: Int, $after: String, $filter: StandardFilterInput) {
  standards(first: $first, after: $after, filter: $filter) { ${PAGE_INFO} edges { cursor node { ${STANDARD_FIELDS} } } }
}`;
const STANDARD = `query($code: String!) { standard(code: $code) { ${STANDARD_FIELDS} } }`;
const CREATE_STANDARD = `mutation($input: CreateStandardInput!) { createStandard(input: $input) { ${STANDARD_FIELDS} } }`;
const ADD_CLAUSE = `mutation($input: AddClauseInput!) { addClause(input: $input) { ${CLAUSE_FIELDS} } }`;

const CRITERION_FIELDS = `id key version title description stage category kind metricKey unit comparator threshold thresholdHigh
  evidenceType statement sectors riskClasses status publishedAt retiredAt
  authority { id acronym jurisdiction { code } } clauses { ${CLAUSE_FIELDS} }`;
const CRITERIA = `query($first: Int, $after: String, $filter: CriterionFilterInput) {
  criteria(first: $first, after: $after, filter: $filter) { ${PAGE_INFO} edges { cursor node { ${CRITERION_FIELDS} } } }
}`;
const CRITERION = `query($id: ID!) { criterion(id: $id) { ${CRITERION_FIELDS} } }`;
const VERSIONS = `query($id: ID!) { criterion(id: $id) { id versions { id key version status title } } }`;
const CREATE_CRITERION = `mutation($input: CreateCriterionInput!) { createCriterion(input: $input) { ${CRITERION_FIELDS} } }`;
const UPDATE_CRITERION = `mutation($input: UpdateCriterionInput!) { updateCriterion(input: $input) { ${CRITERION_FIELDS} } }`;
const PUBLISH_CRITERION = `mutation($input: CriterionIdInput!) { publishCriterion(input: $input) { ${CRITERION_FIELDS} } }`;
const REVISE_CRITERION = `mutation($input: CriterionIdInput!) { reviseCriterion(input: $input) { ${CRITERION_FIELDS} } }`;
const RETIRE_CRITERION = `mutation($input: CriterionIdInput!) { retireCriterion(input: $input) { ${CRITERION_FIELDS} } }`;

const CROSSWALK_FIELDS =
  'id relation note from { id key version status authority { acronym } } to { id key version status authority { acronym } }';
const CROSSWALKS = `query($first: Int, $after: String, $filter: CrosswalkFilterInput) {
  crosswalks(first: $first, after: $after, filter: $filter) { ${PAGE_INFO} edges { cursor node { ${CROSSWALK_FIELDS} } } }
}`;
const CREATE_CROSSWALK = `mutation($input: CreateCrosswalkInput!) { createCrosswalk(input: $input) { ${CROSSWALK_FIELDS} } }`;
const DELETE_CROSSWALK = `mutation($input: DeleteCrosswalkInput!) { deleteCrosswalk(input: $input) { ${CROSSWALK_FIELDS} } }`;

/** The catalogue tables: a refusal must leave every one of them exactly as it was. */
const TABLES = ['standard', 'clause', 'criterion', 'criterion_clause', 'crosswalk'] as const;

describe('catalogue (standards, clauses, criteria, crosswalks)', () => {
  let t: TestApp;
  let admin: string;
  let fcaId: string;
  let icoId: string;
  let masId: string;
  let aiOfficeId: string;
  let fca: string; // a regulator of the FCA (GB)
  let fca2: string; // another regulator of the FCA
  let mas: string; // a regulator of the MAS (SG)
  let aiOffice: string; // a regulator of the EU AI Office: a third authority
  let innovator: string;
  let negotiator: string; // of GB
  /** Clause ids of a standard created for this file, in id order. */
  let clauses: string[];
  let standardCode: string;

  beforeAll(async () => {
    t = await TestApp.create();
    admin = await t.adminToken();
    fcaId = await t.authorityId('GB', 'FCA');
    icoId = await t.authorityId('GB', 'ICO');
    masId = await t.authorityId('SG', 'MAS');
    aiOfficeId = await t.authorityId('EU', 'AI Office');
    const account = (role: Role, tenant: Record<string, string>) =>
      t.accountWithToken(`${role.toLowerCase()}-${randomUUID()}@example.test`, role, tenant).then((a) => a.token);
    fca = await account(Role.REGULATOR, { authorityId: fcaId });
    fca2 = await account(Role.REGULATOR, { authorityId: fcaId });
    mas = await account(Role.REGULATOR, { authorityId: masId });
    aiOffice = await account(Role.REGULATOR, { authorityId: aiOfficeId });
    innovator = await account(Role.INNOVATOR, {
      organisationId: await t.createOrganisation(`Catalogue Innovator ${hex()}`, 'GB'),
    });
    negotiator = await account(Role.NEGOTIATOR, { jurisdictionCode: 'GB' });
    const prefix = `TS${hex()}`;
    standardCode = `TEST ${prefix}`;
    clauses = [`${prefix}:1.1`, `${prefix}:2.3`, `${prefix}:A.6.2.4`];
    expectOk(
      await t.gql(
        CREATE_STANDARD,
        {
          input: {
            code: standardCode,
            title: 'Test standard for the catalogue',
            publisher: 'Sandbridge tests',
            clauses: clauses.map((id) => ({ id, ref: id.split(':')[1], title: `Clause ${id}` })),
          },
        },
        admin,
      ),
    );
  });
  afterAll(async () => {
    await t?.close();
  });

  const gql = (query: string, variables: Vars, token?: string) => t.gql(query, variables, token);
  const ok = async (query: string, variables: Vars, token: string) => expectOk(await gql(query, variables, token));

  /** A fingerprint of every catalogue table (every column of every row). */
  async function catalogueState(): Promise<Record<string, { n: number; hash: string }>> {
    const state: Record<string, { n: number; hash: string }> = {};
    for (const table of TABLES) {
      const [row] = await t.dataSource.query(
        `SELECT count(*)::int AS n, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS hash FROM "${table}" x`,
      );
      state[table] = { n: row.n, hash: row.hash };
    }
    return state;
  }

  /** Runs `refusals` and checks afterwards that no catalogue table changed at all. */
  async function unchanged(refusals: () => Promise<void>): Promise<void> {
    const before = await catalogueState();
    await refusals();
    expect(await catalogueState()).toEqual(before);
  }

  /** The stored row of a criterion with its clause ids. */
  async function criterionRow(id: string): Promise<Record<string, unknown>> {
    const [row] = await t.dataSource.query(
      `SELECT c.*, ARRAY(SELECT cc.clause_id::text FROM criterion_clause cc WHERE cc.criterion_id = c.id ORDER BY cc.clause_id) AS clause_ids FROM criterion c WHERE c.id = $1`,
      [id],
    );
    return row;
  }

  const tokens = () => ({
    anonymous: [undefined, 'garbage.token.value'],
    nonAdmins: [
      ['REGULATOR', fca],
      ['INNOVATOR', innovator],
      ['NEGOTIATOR', negotiator],
    ] as const,
  });

  async function expectUnauthenticatedFor(query: string, variables: Vars): Promise<void> {
    for (const token of tokens().anonymous)
      expectUnauthenticated(await gql(query, variables, token), token ?? 'no token');
  }

  async function expectForbiddenFor(
    query: string,
    variables: Vars,
    who: readonly (readonly [string, string])[],
  ): Promise<void> {
    for (const [label, token] of who) expectForbidden(await gql(query, variables, token), label);
  }

  /** Pages through a connection with `first`, checking each page's pageInfo; returns all nodes. */
  const walk = (query: string, field: string, variables: Vars, first: number, token = admin) =>
    walkConnection((after) => gql(query, { ...variables, first, after }, token), field, first);

  /** A complete METRIC criterion input. */
  const metric = (key: string, overrides: Vars = {}): Vars => ({
    key,
    title: 'Accuracy under injected input noise',
    description: 'Accuracy on the hold-out set with Gaussian noise added to numeric features.',
    stage: 'TESTING',
    category: 'ROBUSTNESS',
    kind: 'METRIC',
    metricKey: 'accuracy_under_noise',
    unit: 'ratio',
    comparator: 'GTE',
    threshold: 0.9,
    sectors: ['FINANCE'],
    riskClasses: ['HIGH'],
    clauseIds: [clauses[2], clauses[0]],
    ...overrides,
  });
  const evidence = (key: string, overrides: Vars = {}): Vars => ({
    key,
    title: 'Model card published',
    stage: 'ENTRY',
    category: 'TRANSPARENCY',
    kind: 'EVIDENCE',
    evidenceType: 'MODEL_CARD',
    clauseIds: [clauses[1]],
    ...overrides,
  });
  const attestation = (key: string, overrides: Vars = {}): Vars => ({
    key,
    title: 'A human can override every automated decision',
    stage: 'EXIT',
    category: 'HUMAN_OVERSIGHT',
    kind: 'ATTESTATION',
    statement: 'Every automated decision can be reviewed and overridden by a trained member of staff.',
    ...overrides,
  });

  const create = async (token: string, input: Vars) => (await ok(CREATE_CRITERION, { input }, token)).createCriterion;
  const publish = async (token: string, id: string) =>
    (await ok(PUBLISH_CRITERION, { input: { id } }, token)).publishCriterion;
  const revise = async (token: string, id: string) =>
    (await ok(REVISE_CRITERION, { input: { id } }, token)).reviseCriterion;
  const retire = async (token: string, id: string) =>
    (await ok(RETIRE_CRITERION, { input: { id } }, token)).retireCriterion;
  const read = async (token: string, id: string) => (await ok(CRITERION, { id }, token)).criterion;
  /** Creates version 1 and publishes it. */
  const active = async (token: string, input: Vars) => publish(token, (await create(token, input)).id);
  const clause = (id: string) => ({ id, ref: id.split(':')[1], title: `Clause ${id}` });

  describe('standards and standard(code)', () => {
    it('an administrator creates a standard with clauses; every role reads it, its clauses in id order', async () => {
      const prefix = `NEW${hex()}`;
      const code = `ISO/IEC TEST ${prefix}`;
      const input = {
        code,
        title: 'Artificial intelligence — Test management system',
        publisher: 'ISO/IEC',
        clauses: [clause(`${prefix}:B.2`), clause(`${prefix}:A.1`)],
      };
      const before = await catalogueState();
      const created = (await ok(CREATE_STANDARD, { input }, admin)).createStandard;
      const expected = {
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        code,
        title: input.title,
        publisher: 'ISO/IEC',
        clauses: [clause(`${prefix}:A.1`), clause(`${prefix}:B.2`)],
      };
      expect(created).toEqual(expected);
      expect(await t.count('standard')).toBe(before.standard.n + 1);
      expect(await t.count('clause')).toBe(before.clause.n + 2);
      for (const token of [admin, fca, innovator, negotiator]) {
        expect((await ok(STANDARD, { code }, token)).standard).toEqual({ ...expected, id: created.id });
        const list = (await ok(STANDARDS, { filter: { search: prefix.toLowerCase() } }, token)).standards;
        expect(list.totalCount).toBe(1);
        expect(list.edges[0].node).toEqual({ ...expected, id: created.id });
      }
    });

    it('a standard may have no clauses yet', async () => {
      const code = `EMPTY ${hex()}`;
      const created = (
        await ok(CREATE_STANDARD, { input: { code, title: 'Empty catalogue', publisher: 'Nobody' } }, admin)
      ).createStandard;
      expect(created).toMatchObject({ code, clauses: [] });
      expect((await ok(STANDARD, { code }, admin)).standard.clauses).toEqual([]);
    });

    it('standard(code) is null, without error, for a code that names nothing', async () => {
      for (const code of ['NO SUCH STANDARD', '', standardCode.toLowerCase() + ' x']) {
        const res = await gql(STANDARD, { code }, fca);
        expect(res.errors).toBeUndefined();
        expect(res.data).toEqual({ standard: null });
      }
    });

    it('walks the standards in code order with first/after: no overlap, no gap; search filters', async () => {
      const tag = `WALK${hex()}`;
      for (const suffix of ['D', 'B', 'E', 'A', 'C']) {
        await ok(
          CREATE_STANDARD,
          { input: { code: `${tag} ${suffix}`, title: `Walk standard ${suffix}`, publisher: 'Tests' } },
          admin,
        );
      }
      const dbCodes = (await t.dataSource.query('SELECT code FROM standard ORDER BY code')).map(
        (r: { code: string }) => r.code,
      );
      for (const first of [1, 2, 5]) {
        const { nodes, pages } = await walk(STANDARDS, 'standards', {}, first, negotiator);
        expect(nodes.map((n) => n.code)).toEqual(dbCodes);
        expect(pages).toBe(Math.max(1, Math.ceil(dbCodes.length / first)));
      }
      const tagged = await walk(STANDARDS, 'standards', { filter: { search: tag.toLowerCase() } }, 2);
      expect(tagged.nodes.map((n) => n.code)).toEqual(['A', 'B', 'C', 'D', 'E'].map((s) => `${tag} ${s}`));
      // The search is over code and title, any case, wildcards literal.
      expect(
        (await walk(STANDARDS, 'standards', { filter: { search: `walk standard c` } }, 100)).nodes.map((n) => n.code),
      ).toContain(`${tag} C`);
      expect((await walk(STANDARDS, 'standards', { filter: { search: '%' } }, 100)).nodes).toEqual([]);
    });

    it('rejects bad paging and filters with BAD_USER_INPUT', async () => {
      expectBadInput(await gql(STANDARDS, { first: 101 }, admin), 'first');
      expectBadInput(await gql(STANDARDS, { first: -1 }, admin), 'first');
      expectBadInput(await gql(STANDARDS, { filter: { search: 'x'.repeat(201) } }, admin), 'filter.search');
      for (const after of ['garbage', cursorOf([]), cursorOf(['a', 'b'])])
        expectBadInput(await gql(STANDARDS, { after }, admin), 'after');
    });

    it('createStandard: a code already taken is CONFLICT; nothing changes', async () => {
      await unchanged(async () => {
        expectError(
          await gql(
            CREATE_STANDARD,
            { input: { code: standardCode, title: 'Again', publisher: 'Again', clauses: [clause(`X${hex()}:1`)] } },
            admin,
          ),
          'CONFLICT',
        );
      });
    });

    it('createStandard: a clause id another standard has is CONFLICT, and the new standard is not created either', async () => {
      const code = `CLASH ${hex()}`;
      await unchanged(async () => {
        expectError(
          await gql(
            CREATE_STANDARD,
            {
              input: {
                code,
                title: 'Clashing',
                publisher: 'Tests',
                clauses: [clause(`OK${hex()}:1`), clause(clauses[1])],
              },
            },
            admin,
          ),
          'CONFLICT',
        );
      });
      expect((await ok(STANDARD, { code }, admin)).standard).toBeNull();
    });

    it('createStandard: the same clause id twice is BAD_USER_INPUT at that clause; nothing changes', async () => {
      const id = `DUP${hex()}:1`;
      await unchanged(async () => {
        expectBadInput(
          await gql(
            CREATE_STANDARD,
            {
              input: {
                code: `DUP ${hex()}`,
                title: 'Duplicates',
                publisher: 'Tests',
                clauses: [clause(id), clause(`DUP${hex()}:2`), clause(id)],
              },
            },
            admin,
          ),
          'input.clauses.2.id',
        );
      });
    });

    it('createStandard: bad fields are BAD_USER_INPUT naming each; nothing changes', async () => {
      await unchanged(async () => {
        expectBadInput(
          await gql(CREATE_STANDARD, { input: { code: 'X', title: 'Fine title', publisher: 'Tests' } }, admin),
          'input.code',
        );
        expectBadInput(
          await gql(CREATE_STANDARD, { input: { code: `OK ${hex()}`, title: '', publisher: '' } }, admin),
          'input.title',
          'input.publisher',
        );
        expectBadInput(
          await gql(
            CREATE_STANDARD,
            {
              input: {
                code: `OK ${hex()}`,
                title: 'Fine',
                publisher: 'Tests',
                clauses: [clause('OK:1'), { id: 'no colon', ref: '', title: 'x' }],
              },
            },
            admin,
          ),
          'input.clauses.1.id',
          'input.clauses.1.ref',
        );
      });
    });

    it('createStandard is for administrators only, and needs a signed-in caller; nothing changes', async () => {
      const input = {
        code: `NOPE ${hex()}`,
        title: 'Not allowed',
        publisher: 'Tests',
        clauses: [clause(`NOPE${hex()}:1`)],
      };
      await unchanged(async () => {
        await expectForbiddenFor(CREATE_STANDARD, { input }, [...tokens().nonAdmins, ['MAS REGULATOR', mas]]);
        await expectUnauthenticatedFor(CREATE_STANDARD, { input });
      });
    });

    it('addClause adds a clause to a standard; it shows among its clauses in id order', async () => {
      const prefix = standardCode.split(' ')[1];
      const id = `${prefix}:0.9`;
      const before = await t.count('clause');
      expect(
        (await ok(ADD_CLAUSE, { input: { standardCode, id, ref: '0.9', title: 'A clause added later' } }, admin))
          .addClause,
      ).toEqual({ id, ref: '0.9', title: 'A clause added later' });
      expect(await t.count('clause')).toBe(before + 1);
      const standard = (await ok(STANDARD, { code: standardCode }, innovator)).standard;
      expect(standard.clauses.map((c: any) => c.id)).toEqual([id, ...clauses]);
    });

    it('addClause: an unknown standard is NOT_FOUND, a clause id already taken is CONFLICT, a bad id is BAD_USER_INPUT; nothing changes', async () => {
      await unchanged(async () => {
        expectError(
          await gql(
            ADD_CLAUSE,
            { input: { standardCode: 'NO SUCH STANDARD', id: `Z${hex()}:1`, ref: '1', title: 'Orphan' } },
            admin,
          ),
          'NOT_FOUND',
        );
        expectError(
          await gql(ADD_CLAUSE, { input: { standardCode, id: clauses[0], ref: '1.1', title: 'Again' } }, admin),
          'CONFLICT',
        );
        expectBadInput(
          await gql(ADD_CLAUSE, { input: { standardCode, id: 'has no prefix', ref: '1', title: 'Bad' } }, admin),
          'input.id',
        );
        expectBadInput(
          await gql(ADD_CLAUSE, { input: { standardCode, id: `Z${hex()}:1`, ref: '', title: '' } }, admin),
          'input.ref',
          'input.title',
        );
      });
    });

    it('addClause is for administrators only, and needs a signed-in caller; nothing changes', async () => {
      const input = { standardCode, id: `${standardCode.split(' ')[1]}:9.9`, ref: '9.9', title: 'Not allowed' };
      await unchanged(async () => {
        await expectForbiddenFor(ADD_CLAUSE, { input }, tokens().nonAdmins);
        await expectUnauthenticatedFor(ADD_CLAUSE, { input });
      });
    });

    it('standards and standard(code) need a signed-in caller', async () => {
      await expectUnauthenticatedFor(STANDARDS, {});
      await expectUnauthenticatedFor(STANDARD, { code: standardCode });
    });
  });

  describe('createCriterion', () => {
    it('a regulator creates version 1 of a METRIC criterion as DRAFT of its own authority, with its clauses', async () => {
      const key = newKey('testing.robustness-noise');
      const before = await t.count('criterion');
      const created = await create(
        fca,
        metric(key, {
          sectors: ['INSURANCE', 'FINANCE', 'FINANCE'],
          riskClasses: ['LIMITED', 'HIGH'],
          clauseIds: [clauses[2], clauses[0], clauses[2]],
        }),
      );
      expect(created).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        key,
        version: 1,
        title: 'Accuracy under injected input noise',
        description: 'Accuracy on the hold-out set with Gaussian noise added to numeric features.',
        stage: 'TESTING',
        category: 'ROBUSTNESS',
        kind: 'METRIC',
        metricKey: 'accuracy_under_noise',
        unit: 'ratio',
        comparator: 'GTE',
        threshold: 0.9,
        thresholdHigh: null,
        evidenceType: null,
        statement: null,
        sectors: ['FINANCE', 'INSURANCE'],
        riskClasses: ['HIGH', 'LIMITED'],
        status: 'DRAFT',
        publishedAt: null,
        retiredAt: null,
        authority: { id: fcaId, acronym: 'FCA', jurisdiction: { code: 'GB' } },
        clauses: [clause(clauses[0]), clause(clauses[2])],
      });
      expect(await t.count('criterion')).toBe(before + 1);
      expect(await criterionRow(created.id)).toMatchObject({
        authority_id: fcaId,
        key,
        version: 1,
        status: 'DRAFT',
        threshold: 0.9,
        clause_ids: [clauses[0], clauses[2]],
      });
      expect(await read(fca, created.id)).toEqual(created);
    });

    it('creates BETWEEN metrics, EVIDENCE and ATTESTATION criteria; applicability may be empty (= all)', async () => {
      const between = await create(
        mas,
        metric(newKey('fairness.parity'), {
          category: 'FAIRNESS',
          metricKey: 'demographic_parity_ratio',
          comparator: 'BETWEEN',
          threshold: 0.8,
          thresholdHigh: 1.25,
          sectors: [],
          riskClasses: [],
        }),
      );
      expect(between).toMatchObject({
        comparator: 'BETWEEN',
        threshold: 0.8,
        thresholdHigh: 1.25,
        sectors: [],
        riskClasses: [],
        authority: { acronym: 'MAS', jurisdiction: { code: 'SG' } },
      });
      const doc = await create(fca, evidence(newKey('entry.model-card')));
      expect(doc).toMatchObject({
        kind: 'EVIDENCE',
        evidenceType: 'MODEL_CARD',
        metricKey: null,
        comparator: null,
        threshold: null,
        statement: null,
        description: '',
        sectors: [],
        riskClasses: [],
        clauses: [clause(clauses[1])],
      });
      const att = await create(fca, attestation(newKey('exit.human-override')));
      expect(att).toMatchObject({
        kind: 'ATTESTATION',
        statement: expect.stringContaining('overridden'),
        evidenceType: null,
        clauses: [],
      });
    });

    it('the same key may exist at two authorities; at one authority it is CONFLICT (revise instead), nothing created', async () => {
      const key = newKey('shared.key');
      await create(fca, metric(key));
      expect(await create(mas, metric(key))).toMatchObject({ key, version: 1, authority: { acronym: 'MAS' } });
      await unchanged(async () => {
        expect(expectError(await gql(CREATE_CRITERION, { input: evidence(key) }, fca), 'CONFLICT').message).toMatch(
          /revise/,
        );
        expectError(await gql(CREATE_CRITERION, { input: evidence(key) }, fca2), 'CONFLICT');
        expectError(await gql(CREATE_CRITERION, { input: evidence(key, { authorityId: masId }) }, admin), 'CONFLICT');
      });
    });

    it('an administrator creates one for a named authority; without one it is BAD_USER_INPUT, with an unknown one NOT_FOUND', async () => {
      expect(await create(admin, attestation(newKey('admin.made'), { authorityId: icoId }))).toMatchObject({
        status: 'DRAFT',
        authority: { id: icoId, acronym: 'ICO' },
      });
      await unchanged(async () => {
        expectBadInput(
          await gql(CREATE_CRITERION, { input: attestation(newKey('admin.made')) }, admin),
          'input.authorityId',
        );
        expectError(
          await gql(
            CREATE_CRITERION,
            { input: attestation(newKey('admin.made'), { authorityId: randomUUID() }) },
            admin,
          ),
          'NOT_FOUND',
        );
        expectBadInput(
          await gql(
            CREATE_CRITERION,
            { input: attestation(newKey('admin.made'), { authorityId: 'not-a-uuid' }) },
            admin,
          ),
          'input.authorityId',
        );
      });
    });

    it('a regulator naming the authority it belongs to is fine; naming another one is FORBIDDEN; nothing created', async () => {
      expect(await create(fca, attestation(newKey('own.named'), { authorityId: fcaId }))).toMatchObject({
        authority: { id: fcaId },
      });
      await unchanged(async () => {
        expectError(
          await gql(CREATE_CRITERION, { input: attestation(newKey('foreign'), { authorityId: masId }) }, fca),
          'FORBIDDEN',
        );
        expectError(
          await gql(CREATE_CRITERION, { input: attestation(newKey('foreign'), { authorityId: fcaId }) }, mas),
          'FORBIDDEN',
        );
      });
    });

    it('innovators and negotiators are FORBIDDEN; no token is UNAUTHENTICATED; nothing created', async () => {
      const input = metric(newKey('not.allowed'));
      await unchanged(async () => {
        await expectForbiddenFor(CREATE_CRITERION, { input }, [
          ['INNOVATOR', innovator],
          ['NEGOTIATOR', negotiator],
        ]);
        await expectForbiddenFor(CREATE_CRITERION, { input: { ...input, authorityId: fcaId } }, [
          ['INNOVATOR naming an authority', innovator],
        ]);
        await expectUnauthenticatedFor(CREATE_CRITERION, { input });
      });
    });

    it('an incomplete or inconsistent definition is BAD_USER_INPUT naming each field; nothing created', async () => {
      const key = newKey('invalid');
      const cases: [Vars, string[]][] = [
        [metric(key, { threshold: null }), ['input.threshold']],
        [metric(key, { threshold: undefined, unit: undefined }), ['input.threshold', 'input.unit']],
        [metric(key, { comparator: 'BETWEEN', threshold: 0.9, thresholdHigh: 0.9 }), ['input.thresholdHigh']],
        [metric(key, { comparator: 'BETWEEN', threshold: 0.9, thresholdHigh: 0.1 }), ['input.thresholdHigh']],
        [metric(key, { comparator: 'BETWEEN', thresholdHigh: null }), ['input.thresholdHigh']],
        [metric(key, { comparator: 'GTE', thresholdHigh: 1 }), ['input.thresholdHigh']],
        [metric(key, { evidenceType: 'REPORT' }), ['input.evidenceType']],
        [evidence(key, { evidenceType: undefined }), ['input.evidenceType']],
        [evidence(key, { evidenceType: 'MODEL_CARD', threshold: 0.5 }), ['input.threshold']],
        [attestation(key, { statement: null }), ['input.statement']],
        [metric(key, { clauseIds: [clauses[0], 'NOSUCH:1'] }), ['input.clauseIds.1']],
        [metric(key, { clauseIds: ['NOSUCH:1', clauses[0], 'NOSUCH:2'] }), ['input.clauseIds.0']],
        [metric('Bad Key!'), ['input.key']],
        [metric('.starts-with-dot'), ['input.key']],
        [metric('k'.repeat(101)), ['input.key']],
        [metric(key, { title: 'x' }), ['input.title']],
        [metric(key, { metricKey: 'Accuracy Under Noise' }), ['input.metricKey']],
        [metric(key, { sectors: ['finance'] }), ['input.sectors']],
        [metric(key, { comparator: 'ABOUT' }), ['input.comparator']],
        [metric(key, { riskClasses: ['HIGH', 'EXTREME'] }), ['input.riskClasses.1']],
        [metric(key, { stage: undefined }), ['input.stage']],
        [metric('Bad Key!', { title: 'x' }), ['input.key', 'input.title']],
      ];
      await unchanged(async () => {
        for (const [input, paths] of cases) {
          const res = await gql(CREATE_CRITERION, { input }, fca);
          expect([input, res.errors?.[0]?.extensions?.code]).toEqual([input, 'BAD_USER_INPUT']);
          expectBadInput(res, ...paths);
        }
      });
      expect((await ok(CRITERIA, { filter: { key } }, admin)).criteria.totalCount).toBe(0);
    });
  });

  describe('versioning', () => {
    it('create → publish → revise → edit → publish: v2 becomes ACTIVE and v1 RETIRED with its content untouched', async () => {
      const key = newKey('testing.versioned');
      const v1 = await create(fca, metric(key));
      expect(v1).toMatchObject({ version: 1, status: 'DRAFT', publishedAt: null, retiredAt: null });

      const v1Active = await publish(fca, v1.id);
      expect(v1Active).toEqual({ ...v1, status: 'ACTIVE', publishedAt: expect.any(String) });
      expect(Number.isNaN(Date.parse(v1Active.publishedAt))).toBe(false);
      const v1RowActive = await criterionRow(v1.id);
      expect(v1RowActive).toMatchObject({ status: 'ACTIVE', retired_at: null, clause_ids: [clauses[0], clauses[2]] });

      // Revise: version 2, DRAFT, same content and clauses; version 1 not touched.
      const before = await t.count('criterion');
      const v2 = await revise(fca, v1.id);
      expect(await t.count('criterion')).toBe(before + 1);
      expect(v2).toEqual({
        ...v1Active,
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        version: 2,
        status: 'DRAFT',
        publishedAt: null,
        retiredAt: null,
      });
      expect(v2.id).not.toBe(v1.id);
      expect(await criterionRow(v2.id)).toMatchObject({
        clause_ids: [clauses[0], clauses[2]],
        version: 2,
        status: 'DRAFT',
      });
      expect(await criterionRow(v1.id)).toEqual(v1RowActive);

      // Edit the draft: v1 stays exactly as it was, and stays the ACTIVE one.
      const edited = (
        await ok(
          UPDATE_CRITERION,
          {
            input: { id: v2.id, title: 'Accuracy under heavier input noise', threshold: 0.95, clauseIds: [clauses[1]] },
          },
          fca,
        )
      ).updateCriterion;
      expect(edited).toEqual({
        ...v2,
        title: 'Accuracy under heavier input noise',
        threshold: 0.95,
        clauses: [clause(clauses[1])],
      });
      expect(await criterionRow(v1.id)).toEqual(v1RowActive);
      expect(await read(fca, v1.id)).toEqual(v1Active);
      const activeNow = (await ok(CRITERIA, { filter: { key, status: 'ACTIVE' } }, fca)).criteria.edges.map(
        (e: any) => e.node.id,
      );
      expect(activeNow).toEqual([v1.id]);

      // Publish v2: it becomes ACTIVE; v1 is RETIRED at the same moment, nothing else of it changes.
      const v2Active = await publish(fca, v2.id);
      expect(v2Active).toEqual({ ...edited, status: 'ACTIVE', publishedAt: expect.any(String) });
      const v1Retired = await read(fca, v1.id);
      expect(v1Retired).toEqual({ ...v1Active, status: 'RETIRED', retiredAt: v2Active.publishedAt });
      expect(v1Retired.publishedAt).toBe(v1Active.publishedAt);
      expect(v1Retired.title).toBe('Accuracy under injected input noise');
      expect(v1Retired.threshold).toBe(0.9);
      expect(v1Retired.clauses).toEqual([clause(clauses[0]), clause(clauses[2])]);
      const { status: _s, retired_at: _r, updated_at: _u, ...v1Content } = v1RowActive;
      expect(await criterionRow(v1.id)).toEqual({
        ...v1Content,
        status: 'RETIRED',
        retired_at: expect.any(Date),
        updated_at: expect.any(Date),
      });
      expect(await read(fca, v2.id)).toEqual(v2Active);

      // versions: oldest first, from either version.
      for (const id of [v1.id, v2.id]) {
        expect((await ok(VERSIONS, { id }, fca)).criterion.versions).toEqual([
          { id: v1.id, key, version: 1, status: 'RETIRED', title: 'Accuracy under injected input noise' },
          { id: v2.id, key, version: 2, status: 'ACTIVE', title: 'Accuracy under heavier input noise' },
        ]);
      }
      expect(
        (await ok(CRITERIA, { filter: { key } }, mas)).criteria.edges.map((e: any) => [e.node.version, e.node.status]),
      ).toEqual([
        [1, 'RETIRED'],
        [2, 'ACTIVE'],
      ]);

      // Neither published version can be edited any more: INVALID_TRANSITION, nothing changes.
      await unchanged(async () => {
        for (const id of [v1.id, v2.id]) {
          expect(
            expectError(
              await gql(UPDATE_CRITERION, { input: { id, title: 'Rewriting history', threshold: 0.1 } }, fca),
              'INVALID_TRANSITION',
            ).message,
          ).toMatch(/revise/);
          expectError(await gql(UPDATE_CRITERION, { input: { id, clauseIds: [] } }, admin), 'INVALID_TRANSITION');
          expectError(await gql(PUBLISH_CRITERION, { input: { id } }, fca), 'INVALID_TRANSITION');
        }
      });
    });

    it('revising copies the newest version, even from an older one; a third version retires the second', async () => {
      const key = newKey('exit.three-versions');
      const v1 = await active(mas, evidence(key));
      const v2 = await revise(mas, v1.id);
      await ok(UPDATE_CRITERION, { input: { id: v2.id, evidenceType: 'BIAS_AUDIT_REPORT' } }, mas);
      await publish(mas, v2.id);
      const v3 = await revise(mas, v1.id); // v1 is RETIRED; the copy is of v2, the newest.
      expect(v3).toMatchObject({ version: 3, status: 'DRAFT', evidenceType: 'BIAS_AUDIT_REPORT' });
      await publish(mas, v3.id);
      const statuses = (await ok(VERSIONS, { id: v3.id }, mas)).criterion.versions.map((v: any) => [
        v.version,
        v.status,
      ]);
      expect(statuses).toEqual([
        [1, 'RETIRED'],
        [2, 'RETIRED'],
        [3, 'ACTIVE'],
      ]);
      expect((await read(mas, v1.id)).evidenceType).toBe('MODEL_CARD');
    });

    it('revise while a draft of the key exists is CONFLICT; nothing changes', async () => {
      const v1 = await active(fca, metric(newKey('conflicting.revision')));
      const v2 = await revise(fca, v1.id);
      await unchanged(async () => {
        expect(expectError(await gql(REVISE_CRITERION, { input: { id: v1.id } }, fca), 'CONFLICT').message).toMatch(
          /draft/,
        );
        expectError(await gql(REVISE_CRITERION, { input: { id: v2.id } }, fca2), 'CONFLICT');
        expectError(await gql(REVISE_CRITERION, { input: { id: v2.id } }, admin), 'CONFLICT');
      });
      // A never-published version 1 is itself the draft.
      const draft = await create(fca, attestation(newKey('only.draft')));
      await unchanged(async () => {
        expectError(await gql(REVISE_CRITERION, { input: { id: draft.id } }, fca), 'CONFLICT');
      });
    });

    it('retire: ACTIVE → RETIRED; a DRAFT or a RETIRED version is INVALID_TRANSITION and nothing changes', async () => {
      const v1 = await active(fca, attestation(newKey('retired.one')));
      const retired = await retire(fca, v1.id);
      expect(retired).toEqual({ ...v1, status: 'RETIRED', retiredAt: expect.any(String) });
      expect(await criterionRow(v1.id)).toMatchObject({
        status: 'RETIRED',
        retired_at: expect.any(Date),
        published_at: expect.any(Date),
      });
      const draft = await create(fca, attestation(newKey('retired.draft')));
      await unchanged(async () => {
        expect(
          expectError(await gql(RETIRE_CRITERION, { input: { id: draft.id } }, fca), 'INVALID_TRANSITION').message,
        ).toMatch(/ACTIVE/);
        expectError(await gql(RETIRE_CRITERION, { input: { id: v1.id } }, fca), 'INVALID_TRANSITION');
        expectError(await gql(PUBLISH_CRITERION, { input: { id: v1.id } }, fca), 'INVALID_TRANSITION');
        expectError(
          await gql(UPDATE_CRITERION, { input: { id: v1.id, title: 'Retired but edited' } }, fca),
          'INVALID_TRANSITION',
        );
      });
      expect((await read(fca, draft.id)).status).toBe('DRAFT');
      // A retired key can be revised into a new draft and brought back.
      const v2 = await revise(fca, v1.id);
      expect(await publish(fca, v2.id)).toMatchObject({ version: 2, status: 'ACTIVE' });
      expect((await read(fca, v1.id)).retiredAt).toBe(retired.retiredAt);
    });

    it('publishing an ACTIVE version again is INVALID_TRANSITION; nothing changes', async () => {
      const v1 = await active(fca, evidence(newKey('twice.published')));
      await unchanged(async () => {
        expectError(await gql(PUBLISH_CRITERION, { input: { id: v1.id } }, fca), 'INVALID_TRANSITION');
      });
    });

    it('updateCriterion edits a draft: absent fields stay, null clears an optional one, a new kind clears the old kind’s fields', async () => {
      const draft = await create(fca, metric(newKey('editable')));
      const partial = (
        await ok(
          UPDATE_CRITERION,
          { input: { id: draft.id, description: null, stage: 'EXIT', sectors: ['HEALTH'] } },
          fca2,
        )
      ).updateCriterion;
      expect(partial).toEqual({ ...draft, description: '', stage: 'EXIT', sectors: ['HEALTH'] });
      // Null for a required field means "unchanged"; clauseIds absent keeps the clauses.
      expect(
        (await ok(UPDATE_CRITERION, { input: { id: draft.id, title: null, kind: null } }, fca)).updateCriterion,
      ).toEqual(partial);
      const switched = (
        await ok(
          UPDATE_CRITERION,
          { input: { id: draft.id, kind: 'EVIDENCE', evidenceType: 'STRESS_TEST_REPORT', clauseIds: [] } },
          fca,
        )
      ).updateCriterion;
      expect(switched).toEqual({
        ...partial,
        kind: 'EVIDENCE',
        evidenceType: 'STRESS_TEST_REPORT',
        metricKey: null,
        unit: null,
        comparator: null,
        threshold: null,
        clauses: [],
      });
      expect(await criterionRow(draft.id)).toMatchObject({
        kind: 'EVIDENCE',
        metric_key: null,
        unit: null,
        comparator: null,
        threshold: null,
        clause_ids: [],
      });
    });

    it('updateCriterion with bad input is BAD_USER_INPUT and changes nothing, not even the valid fields given with it', async () => {
      const draft = await create(fca, metric(newKey('bad.edit')));
      await unchanged(async () => {
        expectBadInput(
          await gql(
            UPDATE_CRITERION,
            { input: { id: draft.id, title: 'Half applied', clauseIds: [clauses[1], 'NOSUCH:9'] } },
            fca,
          ),
          'input.clauseIds.1',
        );
        expectBadInput(
          await gql(UPDATE_CRITERION, { input: { id: draft.id, title: 'Half applied', threshold: null } }, fca),
          'input.threshold',
        );
        expectBadInput(
          await gql(UPDATE_CRITERION, { input: { id: draft.id, comparator: 'BETWEEN', thresholdHigh: 0.5 } }, fca),
          'input.thresholdHigh',
        );
        expectBadInput(
          await gql(UPDATE_CRITERION, { input: { id: draft.id, kind: 'EVIDENCE' } }, fca),
          'input.evidenceType',
        );
        expectBadInput(await gql(UPDATE_CRITERION, { input: { id: draft.id, unit: null } }, fca), 'input.unit');
        expectBadInput(
          await gql(UPDATE_CRITERION, { input: { id: draft.id, title: 'x', sectors: ['not upper'] } }, fca),
          'input.title',
          'input.sectors',
        );
        expectBadInput(
          await gql(UPDATE_CRITERION, { input: { id: 'not-a-uuid', title: 'Whatever' } }, fca),
          'input.id',
        );
      });
      expect(await read(fca, draft.id)).toEqual(draft);
    });

    it('two colleagues edit one draft: the edit naming the revision it read wins, the stale one is CONFLICT and changes nothing', async () => {
      const draft = await create(fca, metric(newKey('revisions')));
      const EDIT = `mutation($input: UpdateCriterionInput!) { updateCriterion(input: $input) { id title revision } }`;
      const REVISION = `query($id: ID!) { criterion(id: $id) { revision versions { revision } } }`;
      expect((await ok(REVISION, { id: draft.id }, fca)).criterion).toEqual({
        revision: 1,
        versions: [{ revision: 1 }],
      });
      // Both read revision 1; the first to save raises it to 2.
      expect(
        (await ok(EDIT, { input: { id: draft.id, title: 'First colleague', expectedRevision: 1 } }, fca2))
          .updateCriterion,
      ).toEqual({ id: draft.id, title: 'First colleague', revision: 2 });
      await unchanged(async () => {
        const stale = expectError(
          await gql(EDIT, { input: { id: draft.id, title: 'Second colleague', expectedRevision: 1 } }, fca),
          'CONFLICT',
        );
        expect(stale.message).toContain('revision 2');
        expectBadInput(
          await gql(EDIT, { input: { id: draft.id, expectedRevision: 0 } }, fca),
          'input.expectedRevision',
        );
      });
      expect((await read(fca, draft.id)).title).toBe('First colleague');
      // Read again, the second colleague saves; without expectedRevision the last edit wins, and counts.
      expect(
        (await ok(EDIT, { input: { id: draft.id, title: 'Second colleague', expectedRevision: 2 } }, fca))
          .updateCriterion.revision,
      ).toBe(3);
      expect((await ok(EDIT, { input: { id: draft.id, title: 'Unchecked' } }, fca2)).updateCriterion.revision).toBe(4);
      // Published, the version is no longer edited: INVALID_TRANSITION says so before any revision check.
      await publish(fca, draft.id);
      expectError(
        await gql(EDIT, { input: { id: draft.id, title: 'Too late', expectedRevision: 1 } }, fca),
        'INVALID_TRANSITION',
      );
      // A revision starts the next version's count afresh.
      expect((await revise(fca, draft.id)).id).toBeDefined();
      expect((await ok(REVISION, { id: draft.id }, fca)).criterion.versions).toEqual([
        { revision: 4 },
        { revision: 1 },
      ]);
    });

    it('an id that names nothing is NOT_FOUND for every mutation; a malformed one BAD_USER_INPUT; nothing changes', async () => {
      const missing = randomUUID();
      await unchanged(async () => {
        expect(
          expectError(await gql(UPDATE_CRITERION, { input: { id: missing, title: 'Ghost' } }, fca), 'NOT_FOUND')
            .message,
        ).toContain(missing);
        for (const mutation of [PUBLISH_CRITERION, REVISE_CRITERION, RETIRE_CRITERION]) {
          expectError(await gql(mutation, { input: { id: missing } }, fca), 'NOT_FOUND');
          expectError(await gql(mutation, { input: { id: missing } }, admin), 'NOT_FOUND');
          expectBadInput(await gql(mutation, { input: { id: 'not-a-uuid' } }, fca), 'input.id');
        }
      });
    });

    it('criterion(id) is null, without error, for an id that names nothing', async () => {
      for (const id of [randomUUID(), 'not-a-uuid', '']) {
        const res = await gql(CRITERION, { id }, admin);
        expect(res.errors).toBeUndefined();
        expect(res.data).toEqual({ criterion: null });
      }
    });
  });

  describe('tenancy: only a regulator of the owning authority (or an administrator) changes its criteria', () => {
    it('another regulator of the same authority, and an administrator, may edit, publish, revise and retire', async () => {
      const draft = await create(fca, metric(newKey('shared.work')));
      expect(
        (await ok(UPDATE_CRITERION, { input: { id: draft.id, title: 'Edited by a colleague' } }, fca2)).updateCriterion
          .title,
      ).toBe('Edited by a colleague');
      expect((await publish(fca2, draft.id)).status).toBe('ACTIVE');
      const v2 = await revise(admin, draft.id);
      expect(v2).toMatchObject({ version: 2, status: 'DRAFT', authority: { id: fcaId } });
      expect(
        (await ok(UPDATE_CRITERION, { input: { id: v2.id, threshold: 0.99 } }, admin)).updateCriterion.threshold,
      ).toBe(0.99);
      expect((await publish(admin, v2.id)).status).toBe('ACTIVE');
      expect((await retire(fca2, v2.id)).status).toBe('RETIRED');
    });

    it('a regulator of MAS is FORBIDDEN to edit, publish, revise or retire an FCA criterion; nothing changes', async () => {
      const v1 = await active(fca, metric(newKey('foreign.active')));
      await unchanged(async () => {
        expectError(
          await gql(UPDATE_CRITERION, { input: { id: v1.id, title: 'Taken over by MAS' } }, mas),
          'FORBIDDEN',
        );
        expectError(await gql(PUBLISH_CRITERION, { input: { id: v1.id } }, mas), 'FORBIDDEN');
        expectError(await gql(REVISE_CRITERION, { input: { id: v1.id } }, mas), 'FORBIDDEN');
        expectError(await gql(RETIRE_CRITERION, { input: { id: v1.id } }, mas), 'FORBIDDEN');
        expectError(await gql(RETIRE_CRITERION, { input: { id: v1.id } }, aiOffice), 'FORBIDDEN');
      });
      expect(await read(fca, v1.id)).toEqual(v1);
    });

    it('an FCA draft is NOT_FOUND for a regulator of MAS (it may not even learn it exists); nothing changes', async () => {
      const draft = await create(fca, metric(newKey('foreign.draft')));
      await unchanged(async () => {
        expectError(
          await gql(UPDATE_CRITERION, { input: { id: draft.id, title: 'Taken over by MAS' } }, mas),
          'NOT_FOUND',
        );
        for (const mutation of [PUBLISH_CRITERION, REVISE_CRITERION, RETIRE_CRITERION]) {
          expectError(await gql(mutation, { input: { id: draft.id } }, mas), 'NOT_FOUND');
        }
      });
      expect(await read(fca, draft.id)).toEqual(draft);
    });

    it('innovators and negotiators are FORBIDDEN for every criterion mutation; no token is UNAUTHENTICATED; nothing changes', async () => {
      const draft = await create(fca, metric(newKey('guarded.draft')));
      const live = await active(fca, metric(newKey('guarded.active')));
      const outsiders = [
        ['INNOVATOR', innovator],
        ['NEGOTIATOR', negotiator],
      ] as const;
      await unchanged(async () => {
        await expectForbiddenFor(UPDATE_CRITERION, { input: { id: draft.id, title: 'Outsider edit' } }, outsiders);
        await expectForbiddenFor(PUBLISH_CRITERION, { input: { id: draft.id } }, outsiders);
        await expectForbiddenFor(REVISE_CRITERION, { input: { id: live.id } }, outsiders);
        await expectForbiddenFor(RETIRE_CRITERION, { input: { id: live.id } }, outsiders);
        await expectUnauthenticatedFor(UPDATE_CRITERION, { input: { id: draft.id, title: 'Anonymous edit' } });
        await expectUnauthenticatedFor(PUBLISH_CRITERION, { input: { id: draft.id } });
        await expectUnauthenticatedFor(REVISE_CRITERION, { input: { id: live.id } });
        await expectUnauthenticatedFor(RETIRE_CRITERION, { input: { id: live.id } });
      });
    });
  });

  describe('visibility of drafts', () => {
    it('a DRAFT is seen by its own authority’s regulators and administrators only; ACTIVE and RETIRED by everyone signed in', async () => {
      const key = newKey('visibility');
      const v1 = await active(fca, metric(key));
      const v2 = await revise(fca, v1.id);
      const lone = await create(fca, evidence(newKey('visibility.lone-draft')));
      const insiders = { 'FCA regulator': fca, 'other FCA regulator': fca2, admin };
      const outsiders = { 'MAS regulator': mas, 'AI Office regulator': aiOffice, innovator, negotiator };
      for (const [label, token] of Object.entries(insiders)) {
        expect([label, (await read(token, v2.id))?.status]).toEqual([label, 'DRAFT']);
        expect([label, (await read(token, lone.id))?.id]).toEqual([label, lone.id]);
        expect([
          label,
          (await ok(CRITERIA, { filter: { key } }, token)).criteria.edges.map((e: any) => e.node.id),
        ]).toEqual([label, [v1.id, v2.id]]);
        expect([label, (await ok(CRITERIA, { filter: { key: lone.key } }, token)).criteria.totalCount]).toEqual([
          label,
          1,
        ]);
        expect([label, (await ok(VERSIONS, { id: v1.id }, token)).criterion.versions.map((v: any) => v.id)]).toEqual([
          label,
          [v1.id, v2.id],
        ]);
      }
      for (const [label, token] of Object.entries(outsiders)) {
        for (const id of [v2.id, lone.id]) {
          const res = await gql(CRITERION, { id }, token);
          expect([label, res.errors]).toEqual([label, undefined]);
          expect([label, res.data]).toEqual([label, { criterion: null }]);
          expect([label, (await gql(VERSIONS, { id }, token)).data]).toEqual([label, { criterion: null }]);
        }
        expect([label, await read(token, v1.id)]).toEqual([label, { ...v1 }]);
        const list = (await ok(CRITERIA, { filter: { key } }, token)).criteria;
        expect([label, list.totalCount, list.edges.map((e: any) => e.node.id)]).toEqual([label, 1, [v1.id]]);
        expect([label, (await ok(CRITERIA, { filter: { key: lone.key } }, token)).criteria]).toEqual([
          label,
          {
            totalCount: 0,
            pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
            edges: [],
          },
        ]);
        expect([
          label,
          (await ok(CRITERIA, { filter: { authorityId: fcaId, status: 'DRAFT' } }, token)).criteria.totalCount,
        ]).toEqual([label, 0]);
        expect([label, (await ok(VERSIONS, { id: v1.id }, token)).criterion.versions.map((v: any) => v.id)]).toEqual([
          label,
          [v1.id],
        ]);
      }
      // Once published, v2 is everyone's, and v1 (retired) still is.
      await publish(fca, v2.id);
      for (const [label, token] of Object.entries(outsiders)) {
        expect([
          label,
          (await ok(CRITERIA, { filter: { key } }, token)).criteria.edges.map((e: any) => [e.node.id, e.node.status]),
        ]).toEqual([
          label,
          [
            [v1.id, 'RETIRED'],
            [v2.id, 'ACTIVE'],
          ],
        ]);
      }
    });

    it('a regulator sees its own authority’s drafts in the list, never another’s', async () => {
      const tag = `own${hex()}`;
      const fcaDraft = await create(fca, evidence(`${tag}.fca`));
      const masDraft = await create(mas, evidence(`${tag}.mas`));
      const ids = async (token: string) =>
        (await walk(CRITERIA, 'criteria', { filter: { search: tag, status: 'DRAFT' } }, 10, token)).nodes.map(
          (n) => n.id,
        );
      expect(await ids(fca)).toEqual([fcaDraft.id]);
      expect(await ids(mas)).toEqual([masDraft.id]);
      expect(await ids(aiOffice)).toEqual([]);
      expect(await ids(innovator)).toEqual([]);
      expect(await ids(admin)).toEqual([fcaDraft.id, masDraft.id]);
    });

    it('criteria and criterion(id) need a signed-in caller', async () => {
      const live = await active(fca, attestation(newKey('anonymous.read')));
      await expectUnauthenticatedFor(CRITERIA, {});
      await expectUnauthenticatedFor(CRITERION, { id: live.id });
    });
  });

  describe('criteria: filters and pagination', () => {
    const tag = `flt${hex()}`;
    /** What each fixture criterion is, to compute the expected answer of each filter. */
    interface Fixture {
      id: string;
      key: string;
      version: number;
      authorityId: string;
      jurisdiction: string;
      stage: string;
      category: string;
      kind: string;
      status: string;
      clauseIds: string[];
      title: string;
    }
    let fixtures: Fixture[];
    const add = (c: any, jurisdiction: string, clauseIds: string[]): Fixture => ({
      id: c.id,
      key: c.key,
      version: c.version,
      authorityId: c.authority.id,
      jurisdiction,
      stage: c.stage,
      category: c.category,
      kind: c.kind,
      status: c.status,
      clauseIds,
      title: c.title,
    });

    beforeAll(async () => {
      fixtures = [];
      const f1 = await active(
        fca,
        evidence(`${tag}.entry-card`, { clauseIds: [clauses[0]], title: `Model card ${tag} Zebra` }),
      );
      fixtures.push(add(f1, 'GB', [clauses[0]]));
      const f2 = await create(fca, metric(`${tag}.testing-noise`, { clauseIds: [clauses[1]] }));
      fixtures.push(add(f2, 'GB', [clauses[1]]));
      const f3 = await active(
        admin,
        attestation(`${tag}.exit-privacy`, { authorityId: icoId, category: 'PRIVACY', clauseIds: [clauses[0]] }),
      );
      fixtures.push(add(f3, 'GB', [clauses[0]]));
      const f4 = await active(mas, metric(`${tag}.testing-noise`, { clauseIds: [clauses[0], clauses[1]] }));
      const f4v2 = await revise(mas, f4.id);
      fixtures.push(add(f4, 'SG', [clauses[0], clauses[1]]), add(f4v2, 'SG', [clauses[0], clauses[1]]));
      const f5 = await active(
        mas,
        metric(`${tag}.entry-parity`, {
          stage: 'ENTRY',
          category: 'FAIRNESS',
          comparator: 'BETWEEN',
          threshold: 0.8,
          thresholdHigh: 1.25,
          clauseIds: [],
        }),
      );
      const f5retired = await retire(mas, f5.id);
      fixtures.push(add(f5retired, 'SG', []));
      const f6 = await active(
        aiOffice,
        metric(`${tag}.accuracy`, { category: 'ACCURACY', stage: 'EXIT', clauseIds: [clauses[2]] }),
      );
      fixtures.push(add(f6, 'EU', [clauses[2]]));
    });

    /** Every criterion of this block matching `filter`, as `token` sees them, walked `first` at a time. */
    const ids = async (filter: Vars, token = admin, first = 100) =>
      (await walk(CRITERIA, 'criteria', { filter: { search: tag, ...filter } }, first, token)).nodes.map((n) => n.id);
    const byOrder = (a: Fixture, b: Fixture) =>
      a.key < b.key ? -1 : a.key > b.key ? 1 : a.version - b.version || (a.id < b.id ? -1 : 1);
    const expected = (pred: (f: Fixture) => boolean, drafts: (f: Fixture) => boolean = () => true) =>
      fixtures
        .filter((f) => pred(f) && (f.status !== 'DRAFT' || drafts(f)))
        .sort(byOrder)
        .map((f) => f.id);

    it('without other filters: every version in key, version order', async () => {
      expect(await ids({})).toEqual(expected(() => true));
      expect(fixtures).toHaveLength(7);
    });

    it('filters by authorityId, jurisdictionCode, stage, category, kind, status, key and clauseId, alone and combined', async () => {
      const cases: [Vars, (f: Fixture) => boolean][] = [
        [{ authorityId: fcaId }, (f) => f.authorityId === fcaId],
        [{ authorityId: masId }, (f) => f.authorityId === masId],
        [{ authorityId: randomUUID() }, () => false],
        [{ jurisdictionCode: 'GB' }, (f) => f.jurisdiction === 'GB'],
        [{ jurisdictionCode: 'SG' }, (f) => f.jurisdiction === 'SG'],
        [{ jurisdictionCode: 'EU' }, (f) => f.jurisdiction === 'EU'],
        [{ jurisdictionCode: 'JP' }, () => false],
        [{ stage: 'ENTRY' }, (f) => f.stage === 'ENTRY'],
        [{ stage: 'TESTING' }, (f) => f.stage === 'TESTING'],
        [{ stage: 'EXIT' }, (f) => f.stage === 'EXIT'],
        [{ category: 'ROBUSTNESS' }, (f) => f.category === 'ROBUSTNESS'],
        [{ category: 'PRIVACY' }, (f) => f.category === 'PRIVACY'],
        [{ kind: 'METRIC' }, (f) => f.kind === 'METRIC'],
        [{ kind: 'EVIDENCE' }, (f) => f.kind === 'EVIDENCE'],
        [{ kind: 'ATTESTATION' }, (f) => f.kind === 'ATTESTATION'],
        [{ status: 'ACTIVE' }, (f) => f.status === 'ACTIVE'],
        [{ status: 'DRAFT' }, (f) => f.status === 'DRAFT'],
        [{ status: 'RETIRED' }, (f) => f.status === 'RETIRED'],
        [{ key: `${tag}.testing-noise` }, (f) => f.key === `${tag}.testing-noise`],
        [{ key: `${tag}.testing` }, () => false],
        [{ clauseId: clauses[0] }, (f) => f.clauseIds.includes(clauses[0])],
        [{ clauseId: clauses[1] }, (f) => f.clauseIds.includes(clauses[1])],
        [{ clauseId: 'NOSUCH:1' }, () => false],
        [{ jurisdictionCode: 'GB', stage: 'TESTING' }, (f) => f.jurisdiction === 'GB' && f.stage === 'TESTING'],
        [
          { authorityId: masId, status: 'ACTIVE', kind: 'METRIC' },
          (f) => f.authorityId === masId && f.status === 'ACTIVE' && f.kind === 'METRIC',
        ],
        [
          { clauseId: clauses[0], jurisdictionCode: 'SG', category: 'ROBUSTNESS' },
          (f) => f.clauseIds.includes(clauses[0]) && f.jurisdiction === 'SG' && f.category === 'ROBUSTNESS',
        ],
      ];
      for (const [filter, pred] of cases) {
        const want = expected(pred);
        expect([filter, await ids(filter)]).toEqual([filter, want]);
      }
      // Every filter also applies the draft rule: the MAS regulator sees its own draft, not the FCA's.
      for (const [filter, pred] of cases) {
        const want = expected(pred, (f) => f.authorityId === masId);
        expect([filter, await ids(filter, mas)]).toEqual([filter, want]);
      }
      // Each node matches the filter it was found with.
      const nodes = (
        await walk(CRITERIA, 'criteria', { filter: { search: tag, jurisdictionCode: 'SG', clauseId: clauses[1] } }, 100)
      ).nodes;
      expect(nodes.length).toBeGreaterThan(0);
      for (const node of nodes) {
        expect(node.authority.jurisdiction.code).toBe('SG');
        expect(node.clauses.map((c: any) => c.id)).toContain(clauses[1]);
      }
    });

    it('search matches part of the key or title, any case, with wildcards taken literally', async () => {
      expect(await ids({ search: `${tag}.TESTING` })).toEqual(expected((f) => f.key.startsWith(`${tag}.testing`)));
      expect(await ids({ search: `${tag} zebra` })).toEqual(expected((f) => f.title.includes('Zebra')));
      expect(await ids({ search: `${tag}%` })).toEqual([]);
      expect(await ids({ search: `${tag}_entry` })).toEqual([]);
      expect(await ids({ search: `${tag}.entry` })).toEqual(expected((f) => f.key.startsWith(`${tag}.entry`)));
    });

    it('walks with first/after: no overlap, no gap, for every page size and caller', async () => {
      const all = expected(() => true);
      for (const first of [1, 2, 3, 7]) {
        const { nodes, pages } = await walk(CRITERIA, 'criteria', { filter: { search: tag } }, first);
        expect(nodes.map((n) => n.id)).toEqual(all);
        expect(pages).toBe(Math.ceil(all.length / first));
      }
      const seenByInnovator = expected(
        () => true,
        () => false,
      );
      for (const first of [1, 4]) expect(await ids({}, innovator, first)).toEqual(seenByInnovator);
      // The whole list, too, agrees with the database's own order.
      const dbIds = (await t.dataSource.query('SELECT id FROM criterion ORDER BY key, version, id')).map(
        (r: { id: string }) => r.id,
      );
      expect((await walk(CRITERIA, 'criteria', {}, 50)).nodes.map((n) => n.id)).toEqual(dbIds);
      const page = (await ok(CRITERIA, { first: 0, filter: { search: tag } }, admin)).criteria;
      expect(page).toEqual({
        totalCount: all.length,
        pageInfo: { hasNextPage: true, hasPreviousPage: false, startCursor: null, endCursor: null },
        edges: [],
      });
      const first = (await ok(CRITERIA, { filter: { search: tag } }, admin)).criteria;
      expect(first.edges).toHaveLength(all.length); // default 20 > 7
    });

    it('rejects bad filters, page sizes and cursors with BAD_USER_INPUT', async () => {
      expectBadInput(await gql(CRITERIA, { filter: { authorityId: 'FCA' } }, admin), 'filter.authorityId');
      expectBadInput(await gql(CRITERIA, { filter: { stage: 'LATER' } }, admin), 'filter.stage');
      expectBadInput(await gql(CRITERIA, { filter: { search: 'x'.repeat(201) } }, admin), 'filter.search');
      expectBadInput(
        await gql(CRITERIA, { filter: { jurisdictionCode: 'X'.repeat(17) } }, admin),
        'filter.jurisdictionCode',
      );
      expectBadInput(await gql(CRITERIA, { first: 101 }, admin), 'first');
      expectBadInput(await gql(CRITERIA, { first: -1 }, admin), 'first');
      const standardCursor = (await ok(STANDARDS, { first: 1 }, admin)).standards.pageInfo.endCursor;
      for (const after of [
        'garbage',
        cursorOf([]),
        cursorOf(['a', 1]),
        cursorOf(['a', 'x', randomUUID()]),
        cursorOf(['a', 1, 'not-a-uuid']),
        cursorOf(['a', 1.5, randomUUID()]),
        cursorOf(['a', 1e12, randomUUID()]),
        standardCursor,
      ]) {
        expectBadInput(await gql(CRITERIA, { after }, admin), 'after');
      }
    });

    it('resolves authority, jurisdiction, clauses and versions of a page in a constant number of SQL statements (no N+1)', async () => {
      const sqlTag = `sql${hex()}`;
      const owners = [fca, mas, aiOffice, fca2];
      for (let i = 0; i < 12; i++) {
        await active(
          owners[i % owners.length],
          metric(`${sqlTag}.c${i.toString().padStart(2, '0')}`, { clauseIds: [clauses[i % 3], clauses[(i + 1) % 3]] }),
        );
      }
      const query = `query($first: Int, $filter: CriterionFilterInput) {
        criteria(first: $first, filter: $filter) { edges { node { key authority { jurisdiction { code } } clauses { id } versions { version } } } }
      }`;
      const logger = (t.dataSource as unknown as { logger: unknown }).logger;
      const counter = t.countQueries();
      const counts: Record<number, number> = {};
      try {
        for (const first of [2, 10]) {
          counter.reset();
          const data = await ok(query, { first, filter: { search: sqlTag } }, admin);
          counts[first] = counter.queries.length;
          expect(data.criteria.edges).toHaveLength(first);
          for (const { node } of data.criteria.edges) {
            expect(['GB', 'SG', 'EU']).toContain(node.authority.jurisdiction.code);
            expect(node.clauses).toHaveLength(2);
            expect(node.versions).toEqual([{ version: 1 }]);
          }
        }
      } finally {
        (t.dataSource as unknown as { logger: unknown }).logger = logger;
      }
      expect(counts[2]).toBe(counts[10]);
      // count, page, authorities, their jurisdictions, clause links, clauses, versions: one statement each.
      expect(counts[10]).toBeLessThanOrEqual(7);
    });
  });

  describe('crosswalks', () => {
    let fcaNoise: any;
    let fcaCard: any;
    let masNoise: any;
    let masCard: any;
    let icoPrivacy: any;

    beforeAll(async () => {
      fcaNoise = await active(fca, metric(newKey('xw.fca-noise')));
      fcaCard = await active(fca, evidence(newKey('xw.fca-card')));
      masNoise = await active(mas, metric(newKey('xw.mas-noise'), { threshold: 0.85 }));
      masCard = await active(mas, evidence(newKey('xw.mas-card')));
      icoPrivacy = await active(
        admin,
        attestation(newKey('xw.ico-privacy'), { authorityId: icoId, category: 'PRIVACY' }),
      );
    });

    const createXw = async (token: string, input: Vars) =>
      (await ok(CREATE_CROSSWALK, { input }, token)).createCrosswalk;
    const end = (c: any) => ({
      id: c.id,
      key: c.key,
      version: c.version,
      status: 'ACTIVE',
      authority: { acronym: c.authority.acronym },
    });

    it('a regulator of either authority declares one; from and to resolve to the criteria', async () => {
      const before = await t.count('crosswalk');
      const xw = await createXw(fca, {
        fromCriterionId: masNoise.id,
        toCriterionId: fcaNoise.id,
        relation: 'EQUIVALENT',
        note: 'Same metric, same clause.',
      });
      expect(xw).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        relation: 'EQUIVALENT',
        note: 'Same metric, same clause.',
        from: end(masNoise),
        to: end(fcaNoise),
      });
      // The other direction is another crosswalk; the MAS side may declare it.
      const back = await createXw(mas, {
        fromCriterionId: fcaNoise.id,
        toCriterionId: masNoise.id,
        relation: 'SUBSET',
      });
      expect(back).toMatchObject({ relation: 'SUBSET', note: '', from: end(fcaNoise), to: end(masNoise) });
      // Two authorities of the same jurisdiction are two authorities.
      expect(
        await createXw(admin, { fromCriterionId: icoPrivacy.id, toCriterionId: fcaCard.id, relation: 'INTERSECTS' }),
      ).toMatchObject({ from: { authority: { acronym: 'ICO' } }, to: { authority: { acronym: 'FCA' } } });
      expect(await t.count('crosswalk')).toBe(before + 3);
      expect(await t.dataSource.query('SELECT relation, note FROM crosswalk WHERE id = $1', [xw.id])).toEqual([
        { relation: 'EQUIVALENT', note: 'Same metric, same clause.' },
      ]);
    });

    it('a crosswalk stays pinned to the versions it names when a newer version is published', async () => {
      const from = await active(mas, metric(newKey('xw.pinned')));
      const xw = await createXw(mas, { fromCriterionId: from.id, toCriterionId: fcaCard.id, relation: 'SUPERSET' });
      const v2 = await revise(mas, from.id);
      await publish(mas, v2.id);
      const listed = (await ok(CROSSWALKS, { filter: { criterionId: from.id } }, innovator)).crosswalks.edges.map(
        (e: any) => e.node,
      );
      expect(listed).toEqual([{ ...xw, from: { ...xw.from, status: 'RETIRED' } }]);
      expect((await ok(CROSSWALKS, { filter: { criterionId: v2.id } }, innovator)).crosswalks.totalCount).toBe(0);
    });

    it('the same pair in the same direction is CONFLICT, whoever declares it and with whatever relation; nothing changes', async () => {
      await createXw(fca, { fromCriterionId: fcaCard.id, toCriterionId: masCard.id, relation: 'EQUIVALENT' });
      await unchanged(async () => {
        expectError(
          await gql(
            CREATE_CROSSWALK,
            { input: { fromCriterionId: fcaCard.id, toCriterionId: masCard.id, relation: 'EQUIVALENT' } },
            fca,
          ),
          'CONFLICT',
        );
        expectError(
          await gql(
            CREATE_CROSSWALK,
            { input: { fromCriterionId: fcaCard.id, toCriterionId: masCard.id, relation: 'SUBSET' } },
            mas,
          ),
          'CONFLICT',
        );
        expectError(
          await gql(
            CREATE_CROSSWALK,
            {
              input: { fromCriterionId: fcaCard.id, toCriterionId: masCard.id, relation: 'INTERSECTS', note: 'again' },
            },
            admin,
          ),
          'CONFLICT',
        );
      });
    });

    it('two criteria of the same authority (or one criterion with itself) are BAD_USER_INPUT; nothing changes', async () => {
      await unchanged(async () => {
        expectBadInput(
          await gql(
            CREATE_CROSSWALK,
            { input: { fromCriterionId: fcaNoise.id, toCriterionId: fcaCard.id, relation: 'EQUIVALENT' } },
            fca,
          ),
          'input.toCriterionId',
        );
        expectBadInput(
          await gql(
            CREATE_CROSSWALK,
            { input: { fromCriterionId: masNoise.id, toCriterionId: masNoise.id, relation: 'EQUIVALENT' } },
            admin,
          ),
          'input.toCriterionId',
        );
      });
    });

    it('a regulator of a third authority is FORBIDDEN; innovators and negotiators too; no token UNAUTHENTICATED; nothing changes', async () => {
      const input = { fromCriterionId: masCard.id, toCriterionId: fcaNoise.id, relation: 'INTERSECTS' };
      await unchanged(async () => {
        await expectForbiddenFor(CREATE_CROSSWALK, { input }, [
          ['AI Office REGULATOR', aiOffice],
          ['INNOVATOR', innovator],
          ['NEGOTIATOR', negotiator],
        ]);
        await expectUnauthenticatedFor(CREATE_CROSSWALK, { input });
      });
    });

    it('an unknown criterion is NOT_FOUND; a malformed id or relation BAD_USER_INPUT; nothing changes', async () => {
      await unchanged(async () => {
        expectError(
          await gql(
            CREATE_CROSSWALK,
            { input: { fromCriterionId: randomUUID(), toCriterionId: fcaNoise.id, relation: 'EQUIVALENT' } },
            fca,
          ),
          'NOT_FOUND',
        );
        expectError(
          await gql(
            CREATE_CROSSWALK,
            { input: { fromCriterionId: fcaNoise.id, toCriterionId: randomUUID(), relation: 'EQUIVALENT' } },
            fca,
          ),
          'NOT_FOUND',
        );
        expectBadInput(
          await gql(
            CREATE_CROSSWALK,
            { input: { fromCriterionId: 'nope', toCriterionId: fcaNoise.id, relation: 'EQUIVALENT' } },
            fca,
          ),
          'input.fromCriterionId',
        );
        expectBadInput(
          await gql(
            CREATE_CROSSWALK,
            { input: { fromCriterionId: masNoise.id, toCriterionId: fcaNoise.id, relation: 'SAME' } },
            fca,
          ),
          'input.relation',
        );
        expectBadInput(
          await gql(
            CREATE_CROSSWALK,
            {
              input: {
                fromCriterionId: masNoise.id,
                toCriterionId: fcaNoise.id,
                relation: 'EQUIVALENT',
                note: 'x'.repeat(2001),
              },
            },
            fca,
          ),
          'input.note',
        );
      });
    });

    it('a draft end is refused: NOT_FOUND when the caller may not see it, BAD_USER_INPUT when it may; nothing changes', async () => {
      const fcaDraft = await create(fca, metric(newKey('xw.fca-draft')));
      await unchanged(async () => {
        // MAS may not learn that the FCA draft exists.
        expectError(
          await gql(
            CREATE_CROSSWALK,
            { input: { fromCriterionId: masNoise.id, toCriterionId: fcaDraft.id, relation: 'EQUIVALENT' } },
            mas,
          ),
          'NOT_FOUND',
        );
        expectError(
          await gql(
            CREATE_CROSSWALK,
            { input: { fromCriterionId: fcaDraft.id, toCriterionId: masNoise.id, relation: 'EQUIVALENT' } },
            mas,
          ),
          'NOT_FOUND',
        );
        // The FCA may, but a draft can still change: only published versions correspond.
        expectBadInput(
          await gql(
            CREATE_CROSSWALK,
            { input: { fromCriterionId: fcaDraft.id, toCriterionId: masNoise.id, relation: 'EQUIVALENT' } },
            fca,
          ),
          'input.fromCriterionId',
        );
        expectBadInput(
          await gql(
            CREATE_CROSSWALK,
            { input: { fromCriterionId: masNoise.id, toCriterionId: fcaDraft.id, relation: 'EQUIVALENT' } },
            admin,
          ),
          'input.toCriterionId',
        );
      });
    });

    it('crosswalks lists them for every signed-in role, filtered by criterion, authority and relation, walked without overlap or gap', async () => {
      const a = await active(mas, attestation(newKey('xw.list-a')));
      const b = await active(fca, attestation(newKey('xw.list-b')));
      const c = await active(aiOffice, attestation(newKey('xw.list-c')));
      const ab = await createXw(mas, { fromCriterionId: a.id, toCriterionId: b.id, relation: 'EQUIVALENT' });
      const ca = await createXw(aiOffice, { fromCriterionId: c.id, toCriterionId: a.id, relation: 'SUBSET' });
      const bc = await createXw(fca, { fromCriterionId: b.id, toCriterionId: c.id, relation: 'SUBSET' });
      const sorted = (...xs: any[]) => xs.map((x) => x.id).sort();
      const dbOrder = async (sql: string, params: unknown[]) =>
        (await t.dataSource.query(sql, params)).map((r: { id: string }) => r.id);
      const listIds = async (filter: Vars, token = admin, first = 100) =>
        (await walk(CROSSWALKS, 'crosswalks', { filter }, first, token)).nodes.map((n) => n.id);
      for (const token of [admin, fca, mas, innovator, negotiator]) {
        const around = await listIds({ criterionId: a.id }, token, 1);
        expect(around.sort()).toEqual(sorted(ab, ca));
      }
      expect((await listIds({ criterionId: a.id })).sort()).toEqual(sorted(ab, ca));
      expect(await listIds({ criterionId: a.id, relation: 'SUBSET' })).toEqual([ca.id]);
      expect(await listIds({ criterionId: c.id, relation: 'EQUIVALENT' })).toEqual([]);
      expect(await listIds({ authorityId: aiOfficeId })).toEqual(
        await dbOrder(
          `SELECT x.id FROM crosswalk x JOIN criterion f ON f.id = x.from_criterion_id JOIN criterion t ON t.id = x.to_criterion_id
         WHERE f.authority_id = $1 OR t.authority_id = $1 ORDER BY x.id`,
          [aiOfficeId],
        ),
      );
      expect(await listIds({ relation: 'SUBSET' })).toEqual(
        await dbOrder(`SELECT id FROM crosswalk WHERE relation = 'SUBSET' ORDER BY id`, []),
      );
      const all = await dbOrder('SELECT id FROM crosswalk ORDER BY id', []);
      for (const first of [1, 2, 5]) {
        const { nodes, pages } = await walk(CROSSWALKS, 'crosswalks', {}, first, negotiator);
        expect(nodes.map((n) => n.id)).toEqual(all);
        expect(pages).toBe(Math.ceil(all.length / first));
      }
      const node = (await ok(CROSSWALKS, { filter: { criterionId: b.id, relation: 'SUBSET' } }, innovator)).crosswalks
        .edges[0].node;
      expect(node).toEqual({ ...bc, from: end(b), to: end(c) });
    });

    it('crosswalks rejects bad filters and cursors with BAD_USER_INPUT, and needs a signed-in caller', async () => {
      expectBadInput(await gql(CROSSWALKS, { filter: { criterionId: 'nope' } }, fca), 'filter.criterionId');
      expectBadInput(await gql(CROSSWALKS, { filter: { authorityId: 'FCA' } }, fca), 'filter.authorityId');
      expectBadInput(await gql(CROSSWALKS, { filter: { relation: 'SAME' } }, fca), 'filter.relation');
      expectBadInput(await gql(CROSSWALKS, { first: 101 }, fca), 'first');
      for (const after of ['garbage', cursorOf(['not-a-uuid']), cursorOf([1]), cursorOf([randomUUID(), 1])])
        expectBadInput(await gql(CROSSWALKS, { after }, fca), 'after');
      await expectUnauthenticatedFor(CROSSWALKS, {});
    });

    it('deleteCrosswalk: a regulator of either side removes it and gets it back as it was', async () => {
      const x1 = await createXw(fca, {
        fromCriterionId: masCard.id,
        toCriterionId: fcaCard.id,
        relation: 'SUPERSET',
        note: 'to be removed',
      });
      const x2 = await createXw(mas, {
        fromCriterionId: icoPrivacy.id,
        toCriterionId: masCard.id,
        relation: 'INTERSECTS',
      });
      const before = await t.count('crosswalk');
      expect((await ok(DELETE_CROSSWALK, { input: { id: x1.id } }, mas)).deleteCrosswalk).toEqual(x1);
      expect((await ok(DELETE_CROSSWALK, { input: { id: x2.id } }, admin)).deleteCrosswalk).toEqual(x2);
      expect(await t.count('crosswalk')).toBe(before - 2);
      expect(await t.dataSource.query('SELECT id FROM crosswalk WHERE id = ANY($1)', [[x1.id, x2.id]])).toEqual([]);
      expect(
        (await ok(CROSSWALKS, { filter: { criterionId: masCard.id, relation: 'SUPERSET' } }, fca)).crosswalks
          .totalCount,
      ).toBe(0);
      // The criteria themselves are untouched.
      expect(await read(fca, masCard.id)).toEqual(masCard);
      await unchanged(async () => {
        expectError(await gql(DELETE_CROSSWALK, { input: { id: x1.id } }, fca), 'NOT_FOUND');
      });
    });

    it('deleteCrosswalk: a third authority, innovators and negotiators are FORBIDDEN; unknown NOT_FOUND; malformed BAD_USER_INPUT; nothing changes', async () => {
      const xw = await createXw(fca, {
        fromCriterionId: fcaNoise.id,
        toCriterionId: masCard.id,
        relation: 'INTERSECTS',
      });
      await unchanged(async () => {
        await expectForbiddenFor(DELETE_CROSSWALK, { input: { id: xw.id } }, [
          ['AI Office REGULATOR', aiOffice],
          ['INNOVATOR', innovator],
          ['NEGOTIATOR', negotiator],
        ]);
        await expectUnauthenticatedFor(DELETE_CROSSWALK, { input: { id: xw.id } });
        expectError(await gql(DELETE_CROSSWALK, { input: { id: randomUUID() } }, fca), 'NOT_FOUND');
        expectBadInput(await gql(DELETE_CROSSWALK, { input: { id: 'nope' } }, fca), 'input.id');
      });
      expect(
        (
          await ok(CROSSWALKS, { filter: { criterionId: fcaNoise.id, relation: 'INTERSECTS' } }, fca)
        ).crosswalks.edges.map((e: any) => e.node),
      ).toEqual([xw]);
    });
  });
});
