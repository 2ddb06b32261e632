import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { JwtService } from '@nestjs/jwt';
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

// Reference data end to end through GraphQL over HTTP: jurisdictions, authorities, organisations
// (docs/domain.md#roles-and-visibility, §2, §7a).

let seq = 0;
/** A name no other test uses. */
const unique = (prefix: string) => `${prefix} ${++seq}-${randomUUID().slice(0, 8)}`;
/** A jurisdiction code no other test uses; test codes start with Q (or A), no reference code does. */
const newCode = () => `QA-${(++seq).toString(36).toUpperCase()}`;
const isTestCode = (code: string) => code.startsWith('Q') || code.startsWith('A');
const cursorOf = (key: unknown) => Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');

/** The jurisdictions loaded at start (the reference data of docs/domain.md), with name and approach. */
const REFERENCE: Record<string, [string, string]> = {
  EU: ['European Union', 'RISK_BASED'],
  GB: ['United Kingdom', 'PRINCIPLES_BASED'],
  SG: ['Singapore', 'SOFT_LAW'],
  'US-CO': ['Colorado (United States)', 'RISK_BASED'],
  CA: ['Canada', 'PRINCIPLES_BASED'],
  JP: ['Japan', 'SOFT_LAW'],
  BR: ['Brazil', 'RISK_BASED'],
  CN: ['China', 'STATE_LED'],
};
const REFERENCE_AUTHORITY_COUNT = 21;

const PAGE_INFO = 'totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }';
const JURISDICTIONS = `query($first: Int, $after: String, $filter: JurisdictionFilterInput) {
  jurisdictions(first: $first, after: $after, filter: $filter) { ${PAGE_INFO} edges { cursor node { code name approach createdAt } } }
}`;
const JURISDICTION = `query($code: String!) {
  jurisdiction(code: $code) { code name approach createdAt authorities { id name acronym sectors website jurisdiction { code } } }
}`;
const CREATE_JURISDICTION = `mutation($input: CreateJurisdictionInput!) { createJurisdiction(input: $input) { code name approach createdAt authorities { id } } }`;
const UPDATE_JURISDICTION = `mutation($input: UpdateJurisdictionInput!) { updateJurisdiction(input: $input) { code name approach } }`;
const AUTHORITY_FIELDS = 'id name acronym sectors website jurisdiction { code name approach }';
const AUTHORITIES = `query($first: Int, $after: String, $filter: AuthorityFilterInput) {
  authorities(first: $first, after: $after, filter: $filter) { ${PAGE_INFO} edges { cursor node { ${AUTHORITY_FIELDS} } } }
}`;
const AUTHORITY = `query($id: ID!) { authority(id: $id) { ${AUTHORITY_FIELDS} } }`;
const CREATE_AUTHORITY = `mutation($input: CreateAuthorityInput!) { createAuthority(input: $input) { ${AUTHORITY_FIELDS} } }`;
const UPDATE_AUTHORITY = `mutation($input: UpdateAuthorityInput!) { updateAuthority(input: $input) { ${AUTHORITY_FIELDS} } }`;
const ORGANISATION_FIELDS = 'id name homeJurisdiction { code name }';
const ORGANISATIONS = `query($first: Int, $after: String, $filter: OrganisationFilterInput) {
  organisations(first: $first, after: $after, filter: $filter) { ${PAGE_INFO} edges { cursor node { ${ORGANISATION_FIELDS} } } }
}`;
const ORGANISATION = `query($id: ID!) { organisation(id: $id) { ${ORGANISATION_FIELDS} } }`;
const CREATE_ORGANISATION = `mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { ${ORGANISATION_FIELDS} } }`;
const UPDATE_ORGANISATION = `mutation($input: UpdateOrganisationInput!) { updateOrganisation(input: $input) { ${ORGANISATION_FIELDS} } }`;

describe('reference data (jurisdictions, authorities, organisations)', () => {
  let t: TestApp;
  let admin: string;
  let fcaId: string;
  let icoId: string;
  let regulator: string; // of the FCA
  let negotiator: string; // of GB
  let innovator: string; // of innovatorOrg
  let innovatorOrgId: string;
  /** No token, a garbage one and an expired one: each must be UNAUTHENTICATED. */
  let anonymous: { label: string; token?: string }[];
  let nonAdmins: { label: string; token: string }[];

  beforeAll(async () => {
    t = await TestApp.create();
    admin = await t.adminToken();
    fcaId = await t.authorityId('GB', 'FCA');
    icoId = await t.authorityId('GB', 'ICO');
    innovatorOrgId = await t.createOrganisation(unique('Innovator Home Org'), 'GB');
    regulator = (await t.accountWithToken(`reg-${randomUUID()}@example.test`, Role.REGULATOR, { authorityId: fcaId }))
      .token;
    negotiator = (
      await t.accountWithToken(`neg-${randomUUID()}@example.test`, Role.NEGOTIATOR, { jurisdictionCode: 'GB' })
    ).token;
    innovator = (
      await t.accountWithToken(`inn-${randomUUID()}@example.test`, Role.INNOVATOR, { organisationId: innovatorOrgId })
    ).token;
    const adminId = expectOk(await t.gql('{ me { id } }', {}, admin)).me.id;
    const now = Math.floor(Date.now() / 1000);
    const expired = await new JwtService({ secret: t.config.auth.jwtSecret }).signAsync({
      sub: adminId,
      role: 'ADMIN',
      iat: now - 7200,
      exp: now - 60,
    });
    anonymous = [
      { label: 'no token' },
      { label: 'garbage token', token: 'garbage.token.value' },
      { label: 'expired token', token: expired },
    ];
    nonAdmins = [
      { label: 'REGULATOR', token: regulator },
      { label: 'INNOVATOR', token: innovator },
      { label: 'NEGOTIATOR', token: negotiator },
    ];
  });
  afterAll(async () => {
    await t?.close();
  });

  const gql = (query: string, variables: Record<string, unknown>, token?: string) => t.gql(query, variables, token);

  async function expectUnauthenticatedFor(query: string, variables: Record<string, unknown>): Promise<void> {
    for (const { label, token } of anonymous) expectUnauthenticated(await gql(query, variables, token), label);
  }

  async function expectForbiddenFor(
    query: string,
    variables: Record<string, unknown>,
    tokens: { label: string; token: string }[],
  ): Promise<void> {
    for (const { label, token } of tokens) expectForbidden(await gql(query, variables, token), label);
  }

  /** Pages through a connection with `first`, checking every page's pageInfo; returns all nodes. */
  const walk = (query: string, field: string, variables: Record<string, unknown>, first: number, token = admin) =>
    walkConnection((after) => gql(query, { ...variables, first, after }, token), field, first);

  async function createJurisdiction(approach = 'SECTORAL'): Promise<{ code: string; name: string }> {
    const input = { code: newCode(), name: unique('Testland'), approach };
    expectOk(await gql(CREATE_JURISDICTION, { input }, admin));
    return input;
  }

  async function createAuthority(jurisdictionCode: string, overrides: Record<string, unknown> = {}): Promise<any> {
    const input = {
      jurisdictionCode,
      name: unique('Test Authority'),
      acronym: 'TA',
      sectors: ['FINANCE'],
      website: 'https://authority.example',
      ...overrides,
    };
    return expectOk(await gql(CREATE_AUTHORITY, { input }, admin)).createAuthority;
  }

  async function authorityRow(id: string): Promise<Record<string, unknown>> {
    const [row] = await t.dataSource.query(
      'SELECT name, acronym, sectors, website, jurisdiction_code FROM authority WHERE id = $1',
      [id],
    );
    return row;
  }

  async function organisationRow(id: string): Promise<Record<string, unknown>> {
    const [row] = await t.dataSource.query('SELECT name, home_jurisdiction_code FROM organisation WHERE id = $1', [id]);
    return row;
  }

  async function jurisdictionRow(code: string): Promise<Record<string, unknown>> {
    const [row] = await t.dataSource.query('SELECT code, name, approach FROM jurisdiction WHERE code = $1', [code]);
    return row;
  }

  describe('jurisdictions', () => {
    it('holds the eight reference jurisdictions loaded at start, with name and approach', async () => {
      const { nodes } = await walk(JURISDICTIONS, 'jurisdictions', {}, 100);
      const reference = nodes.filter((n) => !isTestCode(n.code));
      expect(Object.fromEntries(reference.map((n) => [n.code, [n.name, n.approach]]))).toEqual(REFERENCE);
      expect(reference).toHaveLength(8);
      for (const node of nodes) expect(Number.isNaN(Date.parse(node.createdAt))).toBe(false);
    });

    it('is readable by every role', async () => {
      for (const token of [admin, regulator, innovator, negotiator]) {
        const data = expectOk(await gql(JURISDICTIONS, { filter: { search: 'United Kingdom' } }, token));
        expect(data.jurisdictions.edges.map((e: any) => e.node.code)).toEqual(['GB']);
      }
    });

    it('walks every jurisdiction with first/after in code order: no overlap, no gap', async () => {
      await createJurisdiction();
      const dbCodes = (await t.dataSource.query('SELECT code FROM jurisdiction ORDER BY code')).map(
        (r: { code: string }) => r.code,
      );
      for (const first of [1, 3, 8]) {
        const { nodes, totalCount, pages } = await walk(JURISDICTIONS, 'jurisdictions', {}, first);
        expect(nodes.map((n) => n.code)).toEqual(dbCodes);
        expect(totalCount).toBe(dbCodes.length);
        expect(pages).toBe(Math.max(1, Math.ceil(dbCodes.length / first)));
      }
      const page = expectOk(await gql(JURISDICTIONS, { first: 3 }, admin)).jurisdictions;
      expect(page.edges.map((e: any) => e.node.code)).toEqual(dbCodes.slice(0, 3));
      expect(page.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    });

    it('pages stay correct when rows are added between pages (keyset, not offset)', async () => {
      const first = expectOk(await gql(JURISDICTIONS, { first: 2 }, admin)).jurisdictions;
      const seen = first.edges.map((e: any) => e.node.code);
      // A code that sorts before everything already seen must not shift the next page.
      expectOk(
        await gql(CREATE_JURISDICTION, { input: { code: 'AAA', name: 'Aaaland', approach: 'SECTORAL' } }, admin),
      );
      const second = expectOk(
        await gql(JURISDICTIONS, { first: 2, after: first.pageInfo.endCursor }, admin),
      ).jurisdictions;
      const dbCodes = (
        await t.dataSource.query('SELECT code FROM jurisdiction WHERE code > $1 ORDER BY code LIMIT 2', [seen[1]])
      ).map((r: { code: string }) => r.code);
      expect(second.edges.map((e: any) => e.node.code)).toEqual(dbCodes);
      expect(second.edges.map((e: any) => e.node.code)).not.toContain('AAA');
    });

    it('defaults to 20 items, allows 0 and 100', async () => {
      const total = await t.count('jurisdiction');
      const all = expectOk(await gql(JURISDICTIONS, {}, admin)).jurisdictions;
      expect(all.edges.length).toBe(Math.min(total, 20));
      expect(all.pageInfo.hasNextPage).toBe(total > 20);
      const none = expectOk(await gql(JURISDICTIONS, { first: 0 }, admin)).jurisdictions;
      expect(none).toEqual({
        totalCount: total,
        pageInfo: { hasNextPage: true, hasPreviousPage: false, startCursor: null, endCursor: null },
        edges: [],
      });
      expect(expectOk(await gql(JURISDICTIONS, { first: 100 }, admin)).jurisdictions.edges.length).toBe(
        Math.min(total, 100),
      );
    });

    it('after the last item: an empty page with no next page', async () => {
      const { lastCursor } = await walk(JURISDICTIONS, 'jurisdictions', {}, 100);
      const page = expectOk(await gql(JURISDICTIONS, { first: 5, after: lastCursor }, admin)).jurisdictions;
      expect(page.edges).toEqual([]);
      expect(page.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: true, startCursor: null, endCursor: null });
    });

    it('rejects first > 100, a negative first and bad cursors with BAD_USER_INPUT', async () => {
      expectBadInput(await gql(JURISDICTIONS, { first: 101 }, admin), 'first');
      expectBadInput(await gql(JURISDICTIONS, { first: 1000000 }, admin), 'first');
      expectBadInput(await gql(JURISDICTIONS, { first: -1 }, admin), 'first');
      expectBadInput(await gql(JURISDICTIONS, { first: 'ten' }, admin), 'first');
      const authorityCursor = expectOk(await gql(AUTHORITIES, { first: 1 }, admin)).authorities.pageInfo.endCursor;
      for (const after of [
        'garbage',
        '!!!',
        cursorOf({ code: 'GB' }),
        cursorOf([]),
        cursorOf([null]),
        cursorOf(['a\u0000b']),
        authorityCursor,
      ]) {
        expectBadInput(await gql(JURISDICTIONS, { after }, admin), 'after');
      }
      expectBadInput(await gql('{ jurisdictions(first: 500) { totalCount } }', {}, admin), 'first');
    });

    it('filters by approach', async () => {
      const sectoral = await createJurisdiction('SECTORAL');
      for (const approach of ['RISK_BASED', 'PRINCIPLES_BASED', 'SOFT_LAW', 'STATE_LED', 'SECTORAL']) {
        const { nodes, totalCount } = await walk(JURISDICTIONS, 'jurisdictions', { filter: { approach } }, 4);
        const [{ n }] = await t.dataSource.query('SELECT count(*)::int AS n FROM jurisdiction WHERE approach = $1', [
          approach,
        ]);
        expect(totalCount).toBe(n);
        expect(nodes.every((node) => node.approach === approach)).toBe(true);
        const expected = Object.entries(REFERENCE)
          .filter(([, [, a]]) => a === approach)
          .map(([code]) => code)
          .sort();
        expect(
          nodes
            .map((node) => node.code)
            .filter((code) => !isTestCode(code))
            .sort(),
        ).toEqual(expected);
      }
      const codes = (await walk(JURISDICTIONS, 'jurisdictions', { filter: { approach: 'SECTORAL' } }, 100)).nodes.map(
        (node) => node.code,
      );
      expect(codes).toContain(sectoral.code);
    });

    it('filters by search over code and name, any case, wildcards literal', async () => {
      const codes = async (filter: Record<string, unknown>) =>
        (await walk(JURISDICTIONS, 'jurisdictions', { filter }, 100)).nodes.map((n) => n.code);
      expect(await codes({ search: 'kingdom' })).toEqual(['GB']);
      expect(await codes({ search: 'us-co' })).toEqual(['US-CO']);
      expect(await codes({ search: 'COLORADO' })).toEqual(['US-CO']);
      expect(await codes({ search: 'japan', approach: 'SOFT_LAW' })).toEqual(['JP']);
      expect(await codes({ search: 'japan', approach: 'RISK_BASED' })).toEqual([]);
      expect(await codes({ search: '%' })).toEqual([]);
      expect(await codes({ search: '_' })).toEqual([]);
      expect(await codes({ search: 'nothing-like-this' })).toEqual([]);
      const mine = await createJurisdiction();
      expect(await codes({ search: mine.name.toUpperCase() })).toEqual([mine.code]);
      expect(await codes({ search: mine.code.toLowerCase() })).toEqual([mine.code]);
    });

    it('rejects bad filters with BAD_USER_INPUT naming the field', async () => {
      expectBadInput(await gql(JURISDICTIONS, { filter: { approach: 'NOPE' } }, admin), 'filter.approach');
      expectBadInput(await gql(JURISDICTIONS, { filter: { search: 'x'.repeat(201) } }, admin), 'filter.search');
      expectBadInput(await gql(JURISDICTIONS, { filter: { search: 7 } }, admin), 'filter.search');
      // An enum literal that does not exist fails validation before anything runs.
      expectError(
        await gql('{ jurisdictions(filter: { approach: NOPE }) { totalCount } }', {}, admin),
        'GRAPHQL_VALIDATION_FAILED',
      );
    });

    it('resolves authorities and their jurisdiction in a constant number of SQL statements (no N+1)', async () => {
      const query = `query($first: Int) { jurisdictions(first: $first) { edges { node { code authorities { name jurisdiction { code } } } } } }`;
      const counter = t.countQueries();
      const counts: Record<number, number> = {};
      for (const first of [2, 8]) {
        counter.reset();
        const data = expectOk(await gql(query, { first }, admin));
        counts[first] = counter.queries.length;
        expect(data.jurisdictions.edges).toHaveLength(first);
        for (const { node } of data.jurisdictions.edges) {
          for (const authority of node.authorities) expect(authority.jurisdiction.code).toBe(node.code);
        }
      }
      expect(counts[2]).toBe(counts[8]);
      // count, page, authorities of all jurisdictions, jurisdictions of all authorities.
      expect(counts[8]).toBeLessThanOrEqual(4);
    });

    it('requires a signed-in caller', async () => {
      await expectUnauthenticatedFor(JURISDICTIONS, {});
    });
  });

  describe('jurisdiction(code)', () => {
    it('returns the jurisdiction with its authorities by name', async () => {
      const gb = expectOk(await gql(JURISDICTION, { code: 'GB' }, regulator)).jurisdiction;
      expect(gb).toMatchObject({ code: 'GB', name: 'United Kingdom', approach: 'PRINCIPLES_BASED' });
      expect(Number.isNaN(Date.parse(gb.createdAt))).toBe(false);
      const names = gb.authorities.map((a: any) => a.name);
      expect(names).toEqual(
        expect.arrayContaining([
          'Financial Conduct Authority',
          "Information Commissioner's Office",
          'Medicines and Healthcare products Regulatory Agency',
        ]),
      );
      expect(names).toEqual([...names].sort());
      expect(gb.authorities.every((a: any) => a.jurisdiction.code === 'GB')).toBe(true);
      expect(gb.authorities.find((a: any) => a.acronym === 'FCA')).toEqual({
        id: fcaId,
        name: 'Financial Conduct Authority',
        acronym: 'FCA',
        sectors: ['FINANCE'],
        website: 'https://www.fca.org.uk',
        jurisdiction: { code: 'GB' },
      });
      const usco = expectOk(await gql(JURISDICTION, { code: 'US-CO' }, innovator)).jurisdiction;
      expect(usco.authorities.map((a: any) => a.acronym).sort()).toEqual(['CO AG', 'CO DOI']);
    });

    it('is null, without error, for a code that names nothing', async () => {
      for (const code of ['ZZ', 'gb', '', 'x'.repeat(1000), "GB' OR '1'='1"]) {
        const res = await gql(JURISDICTION, { code }, negotiator);
        expect(res.errors).toBeUndefined();
        expect(res.data).toEqual({ jurisdiction: null });
      }
    });

    it('requires a signed-in caller', async () => {
      await expectUnauthenticatedFor(JURISDICTION, { code: 'GB' });
    });
  });

  describe('createJurisdiction', () => {
    it('creates a jurisdiction for an administrator', async () => {
      const before = await t.count('jurisdiction');
      const input = { code: newCode(), name: unique('Newland'), approach: 'SOFT_LAW' };
      const created = expectOk(await gql(CREATE_JURISDICTION, { input }, admin)).createJurisdiction;
      expect(created).toMatchObject({ ...input, authorities: [] });
      expect(Math.abs(Date.parse(created.createdAt) - Date.now())).toBeLessThan(60_000);
      expect(await t.count('jurisdiction')).toBe(before + 1);
      expect(expectOk(await gql(JURISDICTION, { code: input.code }, negotiator)).jurisdiction).toMatchObject(input);
      expect(await jurisdictionRow(input.code)).toEqual({ code: input.code, name: input.name, approach: 'SOFT_LAW' });
    });

    it('accepts two- and three-letter codes and sub-national ones', async () => {
      for (const code of ['QQ', 'QQQ', 'QQ-1', 'QQ-AB9']) {
        expectOk(
          await gql(CREATE_JURISDICTION, { input: { code, name: unique('Codeland'), approach: 'RISK_BASED' } }, admin),
        );
        expect(await jurisdictionRow(code)).toMatchObject({ code });
      }
    });

    it('refuses an existing code with CONFLICT and changes nothing', async () => {
      const before = await t.count('jurisdiction');
      const error = expectError(
        await gql(CREATE_JURISDICTION, { input: { code: 'GB', name: 'Great Britain', approach: 'SOFT_LAW' } }, admin),
        'CONFLICT',
      );
      expect(error.message).toContain('GB');
      expect(await t.count('jurisdiction')).toBe(before);
      expect(await jurisdictionRow('GB')).toEqual({ code: 'GB', name: 'United Kingdom', approach: 'PRINCIPLES_BASED' });
    });

    it('rejects bad codes, names and approaches with BAD_USER_INPUT naming each field, and creates nothing', async () => {
      const before = await t.count('jurisdiction');
      const valid = () => ({ code: newCode(), name: unique('Badland'), approach: 'RISK_BASED' });
      const cases: [Record<string, unknown>, string[]][] = [
        ...['gb', 'G', 'GBRX', 'US-', 'US_CO', 'US-ABCD', 'G1', ' GB', ''].map(
          (code): [Record<string, unknown>, string[]] => [{ code }, ['input.code']],
        ),
        [{ name: 'X' }, ['input.name']],
        [{ name: '' }, ['input.name']],
        [{ name: 'x'.repeat(201) }, ['input.name']],
        [{ approach: 'NOPE' }, ['input.approach']],
        [{ approach: 'risk_based' }, ['input.approach']],
        [{ code: 'bad', name: 'X' }, ['input.code', 'input.name']],
      ];
      for (const [overrides, paths] of cases) {
        expectBadInput(await gql(CREATE_JURISDICTION, { input: { ...valid(), ...overrides } }, admin), ...paths);
      }
      const { code: _code, ...withoutCode } = valid();
      expectBadInput(await gql(CREATE_JURISDICTION, { input: withoutCode }, admin), 'input.code');
      expect(await t.count('jurisdiction')).toBe(before);
    });

    it('is for administrators only: FORBIDDEN for every other role, nothing created', async () => {
      const before = await t.count('jurisdiction');
      await expectForbiddenFor(
        CREATE_JURISDICTION,
        { input: { code: newCode(), name: 'Forbiddenland', approach: 'RISK_BASED' } },
        nonAdmins,
      );
      expect(await t.count('jurisdiction')).toBe(before);
    });

    it('requires a signed-in caller, nothing created', async () => {
      const before = await t.count('jurisdiction');
      await expectUnauthenticatedFor(CREATE_JURISDICTION, {
        input: { code: newCode(), name: 'Anonland', approach: 'RISK_BASED' },
      });
      expect(await t.count('jurisdiction')).toBe(before);
    });
  });

  describe('updateJurisdiction', () => {
    it('changes the name, the approach or both; what is not given stays', async () => {
      const { code, name } = await createJurisdiction('SECTORAL');
      const renamed = unique('Renamed');
      expect(
        expectOk(await gql(UPDATE_JURISDICTION, { input: { code, name: renamed } }, admin)).updateJurisdiction,
      ).toEqual({ code, name: renamed, approach: 'SECTORAL' });
      expect(
        expectOk(await gql(UPDATE_JURISDICTION, { input: { code, approach: 'STATE_LED' } }, admin)).updateJurisdiction,
      ).toEqual({ code, name: renamed, approach: 'STATE_LED' });
      expect(
        expectOk(await gql(UPDATE_JURISDICTION, { input: { code, name: null, approach: null } }, admin))
          .updateJurisdiction,
      ).toEqual({ code, name: renamed, approach: 'STATE_LED' });
      expect(
        expectOk(await gql(UPDATE_JURISDICTION, { input: { code, name, approach: 'RISK_BASED' } }, admin))
          .updateJurisdiction,
      ).toEqual({ code, name, approach: 'RISK_BASED' });
      expect(await jurisdictionRow(code)).toEqual({ code, name, approach: 'RISK_BASED' });
      expect(expectOk(await gql(JURISDICTION, { code }, regulator)).jurisdiction).toMatchObject({
        code,
        name,
        approach: 'RISK_BASED',
      });
    });

    it('an unknown code is NOT_FOUND', async () => {
      for (const code of ['ZZ', 'gb', 'x'.repeat(500)]) {
        expectError(await gql(UPDATE_JURISDICTION, { input: { code, name: 'Whatever' } }, admin), 'NOT_FOUND');
      }
      expect(await jurisdictionRow('ZZ')).toBeUndefined();
    });

    it('rejects a bad name or approach with BAD_USER_INPUT and changes nothing', async () => {
      const j = await createJurisdiction('SECTORAL');
      expectBadInput(await gql(UPDATE_JURISDICTION, { input: { code: j.code, name: 'X' } }, admin), 'input.name');
      expectBadInput(
        await gql(
          UPDATE_JURISDICTION,
          { input: { code: j.code, name: 'x'.repeat(201), approach: 'RISK_BASED' } },
          admin,
        ),
        'input.name',
      );
      expectBadInput(
        await gql(UPDATE_JURISDICTION, { input: { code: j.code, approach: 'NOPE' } }, admin),
        'input.approach',
      );
      expectBadInput(await gql(UPDATE_JURISDICTION, { input: { name: 'No Code' } }, admin), 'input.code');
      expect(await jurisdictionRow(j.code)).toEqual({ code: j.code, name: j.name, approach: 'SECTORAL' });
    });

    it('is for administrators only (even a negotiator of that jurisdiction): FORBIDDEN, nothing changed', async () => {
      await expectForbiddenFor(
        UPDATE_JURISDICTION,
        { input: { code: 'GB', name: 'Taken Over', approach: 'STATE_LED' } },
        nonAdmins,
      );
      expect(await jurisdictionRow('GB')).toEqual({ code: 'GB', name: 'United Kingdom', approach: 'PRINCIPLES_BASED' });
    });

    it('requires a signed-in caller, nothing changed', async () => {
      await expectUnauthenticatedFor(UPDATE_JURISDICTION, { input: { code: 'GB', name: 'Anon Kingdom' } });
      expect(await jurisdictionRow('GB')).toEqual({ code: 'GB', name: 'United Kingdom', approach: 'PRINCIPLES_BASED' });
    });
  });

  describe('authorities', () => {
    it('holds the reference authorities', async () => {
      const [{ n }] = await t.dataSource.query(
        "SELECT count(*)::int AS n FROM authority WHERE jurisdiction_code NOT LIKE 'Q%'",
      );
      expect(n).toBe(REFERENCE_AUTHORITY_COUNT);
      const gb = await walk(AUTHORITIES, 'authorities', { filter: { jurisdictionCode: 'GB' } }, 100);
      expect(gb.nodes.map((a) => a.acronym)).toEqual(['FCA', 'ICO', 'MHRA']);
      expect(gb.nodes.every((a) => a.jurisdiction.code === 'GB' && a.jurisdiction.name === 'United Kingdom')).toBe(
        true,
      );
    });

    it('walks every authority by name with first/after: no overlap, no gap', async () => {
      const dbIds = (await t.dataSource.query('SELECT id FROM authority ORDER BY name, id')).map(
        (r: { id: string }) => r.id,
      );
      for (const first of [4, 7]) {
        const { nodes, totalCount, pages } = await walk(AUTHORITIES, 'authorities', {}, first);
        expect(nodes.map((n) => n.id)).toEqual(dbIds);
        expect(totalCount).toBe(dbIds.length);
        expect(pages).toBe(Math.ceil(dbIds.length / first));
      }
    });

    it("pages through one jurisdiction's authorities, including two with the same acronym", async () => {
      const j = await createJurisdiction();
      const names = ['Echo Authority', 'Alpha Authority', 'Delta Authority', 'Charlie Authority', 'Bravo Authority'];
      for (const name of names) await createAuthority(j.code, { name, acronym: 'SAME' });
      const { nodes, totalCount, pages } = await walk(
        AUTHORITIES,
        'authorities',
        { filter: { jurisdictionCode: j.code } },
        2,
      );
      expect(totalCount).toBe(5);
      expect(pages).toBe(3);
      expect(nodes.map((n) => n.name)).toEqual([...names].sort());
      const jurisdiction = expectOk(await gql(JURISDICTION, { code: j.code }, admin)).jurisdiction;
      expect(jurisdiction.authorities.map((a: any) => a.name)).toEqual([...names].sort());
    });

    it('filters by sector, jurisdiction and search (name or acronym, any case)', async () => {
      const all = async (filter: Record<string, unknown>) =>
        (await walk(AUTHORITIES, 'authorities', { filter }, 100)).nodes;
      const insurance = await all({ sector: 'INSURANCE' });
      expect(insurance.every((a) => a.sectors.includes('INSURANCE'))).toBe(true);
      expect(
        insurance
          .filter((a) => !isTestCode(a.jurisdiction.code))
          .map((a) => a.acronym)
          .sort(),
      ).toEqual(['CO DOI', 'OSFI']);
      expect((await all({ sector: 'FINANCE', jurisdictionCode: 'GB' })).map((a) => a.acronym)).toEqual(['FCA']);
      expect((await all({ sector: 'HEALTH', jurisdictionCode: 'SG' })).map((a) => a.acronym)).toEqual([]);
      expect((await all({ sector: 'finance', jurisdictionCode: 'GB' })).map((a) => a.acronym)).toEqual([]);
      expect((await all({ search: 'fca' })).map((a) => a.id)).toEqual([fcaId]);
      expect((await all({ search: 'CONDUCT' })).map((a) => a.id)).toEqual([fcaId]);
      expect((await all({ search: 'commissioner', jurisdictionCode: 'GB' })).map((a) => a.id)).toEqual([icoId]);
      expect((await all({ search: '%' })).length).toBe(0);
      expect((await all({ jurisdictionCode: 'ZZ' })).length).toBe(0);
      const [{ n }] = await t.dataSource.query(
        "SELECT count(*)::int AS n FROM authority WHERE 'FINANCE' = ANY(sectors)",
      );
      expect((await all({ sector: 'FINANCE' })).length).toBe(n);
    });

    it('rejects bad paging and filters with BAD_USER_INPUT (never an SQL error)', async () => {
      expectBadInput(await gql(AUTHORITIES, { first: 101 }, admin), 'first');
      const jurisdictionCursor = expectOk(await gql(JURISDICTIONS, { first: 1 }, admin)).jurisdictions.pageInfo
        .endCursor;
      for (const after of [
        'garbage',
        jurisdictionCursor,
        cursorOf(['Financial Conduct Authority', 'not-a-uuid']),
        cursorOf([1, 2]),
        cursorOf(['x', null]),
      ]) {
        expectBadInput(await gql(AUTHORITIES, { after }, admin), 'after');
      }
      expectBadInput(await gql(AUTHORITIES, { filter: { search: 'x'.repeat(201) } }, admin), 'filter.search');
      expectBadInput(await gql(AUTHORITIES, { filter: { sector: 'X'.repeat(41) } }, admin), 'filter.sector');
      expectBadInput(
        await gql(AUTHORITIES, { filter: { jurisdictionCode: 'X'.repeat(17) } }, admin),
        'filter.jurisdictionCode',
      );
      // A forged but well-formed cursor simply continues after that key.
      const after = cursorOf(['Financial Conduct Authority', fcaId]);
      const next = expectOk(
        await gql(AUTHORITIES, { first: 1, after, filter: { jurisdictionCode: 'GB' } }, admin),
      ).authorities;
      expect(next.edges.map((e: any) => e.node.acronym)).toEqual(['ICO']);
    });

    it('is readable by every role, and requires a signed-in caller', async () => {
      for (const token of [regulator, innovator, negotiator]) {
        expect(expectOk(await gql(AUTHORITIES, { filter: { search: 'FCA' } }, token)).authorities.totalCount).toBe(1);
      }
      await expectUnauthenticatedFor(AUTHORITIES, {});
    });
  });

  describe('authority(id)', () => {
    it('returns the authority with its jurisdiction', async () => {
      expect(expectOk(await gql(AUTHORITY, { id: icoId }, innovator)).authority).toEqual({
        id: icoId,
        name: "Information Commissioner's Office",
        acronym: 'ICO',
        sectors: ['DATA_PROTECTION'],
        website: 'https://ico.org.uk',
        jurisdiction: { code: 'GB', name: 'United Kingdom', approach: 'PRINCIPLES_BASED' },
      });
    });

    it('is null, without error, for an id that names nothing (uuid or not)', async () => {
      for (const id of [randomUUID(), 'not-a-uuid', '', '1', "' OR 1=1 --"]) {
        const res = await gql(AUTHORITY, { id }, regulator);
        expect(res.errors).toBeUndefined();
        expect(res.data).toEqual({ authority: null });
      }
    });

    it('requires a signed-in caller', async () => {
      await expectUnauthenticatedFor(AUTHORITY, { id: fcaId });
    });
  });

  describe('createAuthority', () => {
    it('creates an authority in a jurisdiction: sectors unique and sorted', async () => {
      const j = await createJurisdiction();
      const before = await t.count('authority');
      const input = {
        jurisdictionCode: j.code,
        name: unique('Office of Testing'),
        acronym: 'OOT',
        sectors: ['HEALTH', 'FINANCE', 'HEALTH'],
        website: 'https://oot.example/ai',
      };
      const created = expectOk(await gql(CREATE_AUTHORITY, { input }, admin)).createAuthority;
      expect(created).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        name: input.name,
        acronym: 'OOT',
        sectors: ['FINANCE', 'HEALTH'],
        website: 'https://oot.example/ai',
        jurisdiction: { code: j.code, name: j.name, approach: 'SECTORAL' },
      });
      expect(await t.count('authority')).toBe(before + 1);
      expect(expectOk(await gql(AUTHORITY, { id: created.id }, regulator)).authority).toEqual(created);
      expect(await authorityRow(created.id)).toEqual({
        name: input.name,
        acronym: 'OOT',
        sectors: ['FINANCE', 'HEALTH'],
        website: 'https://oot.example/ai',
        jurisdiction_code: j.code,
      });
    });

    it('without sectors or website: cross-sector, no website', async () => {
      const j = await createJurisdiction();
      const created = expectOk(
        await gql(
          CREATE_AUTHORITY,
          { input: { jurisdictionCode: j.code, name: unique('Plain Authority'), acronym: 'PA' } },
          admin,
        ),
      ).createAuthority;
      expect(created).toMatchObject({ sectors: [], website: null, jurisdiction: { code: j.code } });
    });

    it('the same name in another jurisdiction is fine; in the same one it is CONFLICT and nothing changes', async () => {
      const a = await createJurisdiction();
      const b = await createJurisdiction();
      const name = unique('Twin Authority');
      await createAuthority(a.code, { name });
      await createAuthority(b.code, { name });
      const before = await t.count('authority');
      expectError(
        await gql(CREATE_AUTHORITY, { input: { jurisdictionCode: a.code, name, acronym: 'TW' } }, admin),
        'CONFLICT',
      );
      expectError(
        await gql(
          CREATE_AUTHORITY,
          { input: { jurisdictionCode: 'GB', name: 'Financial Conduct Authority', acronym: 'FCA2' } },
          admin,
        ),
        'CONFLICT',
      );
      expect(await t.count('authority')).toBe(before);
      expect(await authorityRow(fcaId)).toMatchObject({ acronym: 'FCA' });
    });

    it('an unknown jurisdiction is NOT_FOUND, nothing created', async () => {
      const before = await t.count('authority');
      expect(
        expectError(
          await gql(
            CREATE_AUTHORITY,
            { input: { jurisdictionCode: 'ZZ', name: 'Nowhere Authority', acronym: 'NA' } },
            admin,
          ),
          'NOT_FOUND',
        ).message,
      ).toContain('ZZ');
      expect(await t.count('authority')).toBe(before);
    });

    it('rejects bad fields with BAD_USER_INPUT naming each, nothing created', async () => {
      const j = await createJurisdiction();
      const before = await t.count('authority');
      const valid = () => ({ jurisdictionCode: j.code, name: unique('Bad Authority'), acronym: 'BA' });
      const cases: [Record<string, unknown>, string[]][] = [
        [{ jurisdictionCode: 'gb' }, ['input.jurisdictionCode']],
        [{ name: 'X' }, ['input.name']],
        [{ name: 'x'.repeat(201) }, ['input.name']],
        [{ acronym: 'A' }, ['input.acronym']],
        [{ acronym: 'A'.repeat(33) }, ['input.acronym']],
        [{ sectors: ['finance'] }, ['input.sectors']],
        [{ sectors: ['FINANCE', 'bad sector'] }, ['input.sectors']],
        [{ sectors: Array.from({ length: 31 }, (_, i) => `SECTOR_${i}`) }, ['input.sectors']],
        [{ website: 'not a url' }, ['input.website']],
        [{ website: 'ftp://files.example' }, ['input.website']],
        [{ website: 'javascript:alert(1)' }, ['input.website']],
        [{ website: `https://example.com/${'x'.repeat(500)}` }, ['input.website']],
        [{ name: 'X', acronym: 'A', website: 'nope' }, ['input.name', 'input.acronym', 'input.website']],
      ];
      for (const [overrides, paths] of cases) {
        expectBadInput(await gql(CREATE_AUTHORITY, { input: { ...valid(), ...overrides } }, admin), ...paths);
      }
      expect(await t.count('authority')).toBe(before);
    });

    it('is for administrators only: FORBIDDEN for every other role (a regulator too), nothing created', async () => {
      const before = await t.count('authority');
      await expectForbiddenFor(
        CREATE_AUTHORITY,
        { input: { jurisdictionCode: 'GB', name: unique('Rogue Authority'), acronym: 'RA' } },
        nonAdmins,
      );
      expect(await t.count('authority')).toBe(before);
    });

    it('requires a signed-in caller, nothing created', async () => {
      const before = await t.count('authority');
      await expectUnauthenticatedFor(CREATE_AUTHORITY, {
        input: { jurisdictionCode: 'GB', name: unique('Anon Authority'), acronym: 'AA' },
      });
      expect(await t.count('authority')).toBe(before);
    });
  });

  describe('updateAuthority', () => {
    it('an administrator updates any field; fields not given stay; website null clears it', async () => {
      const j = await createJurisdiction();
      const a = await createAuthority(j.code, { sectors: ['FINANCE'], website: 'https://one.example' });
      const renamed = unique('Renamed Authority');
      const updated = expectOk(
        await gql(UPDATE_AUTHORITY, { input: { id: a.id, name: renamed } }, admin),
      ).updateAuthority;
      expect(updated).toEqual({ ...a, name: renamed });
      const more = expectOk(
        await gql(
          UPDATE_AUTHORITY,
          {
            input: {
              id: a.id,
              acronym: 'RN',
              sectors: ['INSURANCE', 'HEALTH', 'HEALTH'],
              website: 'https://two.example',
            },
          },
          admin,
        ),
      ).updateAuthority;
      expect(more).toEqual({
        ...a,
        name: renamed,
        acronym: 'RN',
        sectors: ['HEALTH', 'INSURANCE'],
        website: 'https://two.example',
      });
      const cleared = expectOk(
        await gql(UPDATE_AUTHORITY, { input: { id: a.id, website: null, sectors: [] } }, admin),
      ).updateAuthority;
      expect(cleared).toMatchObject({ name: renamed, acronym: 'RN', sectors: [], website: null });
      expect(await authorityRow(a.id)).toEqual({
        name: renamed,
        acronym: 'RN',
        sectors: [],
        website: null,
        jurisdiction_code: j.code,
      });
      // Renaming to its own name is no conflict.
      expectOk(await gql(UPDATE_AUTHORITY, { input: { id: a.id, name: renamed } }, admin));
    });

    it('a regulator updates its own authority', async () => {
      const j = await createJurisdiction();
      const a = await createAuthority(j.code);
      const own = (await t.accountWithToken(`own-${randomUUID()}@example.test`, Role.REGULATOR, { authorityId: a.id }))
        .token;
      const updated = expectOk(
        await gql(UPDATE_AUTHORITY, { input: { id: a.id, acronym: 'OWN', website: 'https://own.example' } }, own),
      ).updateAuthority;
      expect(updated).toMatchObject({ id: a.id, name: a.name, acronym: 'OWN', website: 'https://own.example' });
      expect(await authorityRow(a.id)).toMatchObject({ acronym: 'OWN', website: 'https://own.example' });
    });

    it('a regulator of another authority is FORBIDDEN, and nothing changes', async () => {
      const j = await createJurisdiction();
      const a = await createAuthority(j.code);
      const before = await authorityRow(a.id);
      // The FCA's regulator, on another jurisdiction's authority and on a sibling in GB.
      const error = expectError(
        await gql(UPDATE_AUTHORITY, { input: { id: a.id, name: unique('Hijacked'), website: null } }, regulator),
        'FORBIDDEN',
      );
      expect(error.message).toMatch(/regulator of this authority/);
      expect(await authorityRow(a.id)).toEqual(before);
      const ico = await authorityRow(icoId);
      expectError(await gql(UPDATE_AUTHORITY, { input: { id: icoId, acronym: 'XXX' } }, regulator), 'FORBIDDEN');
      expect(await authorityRow(icoId)).toEqual(ico);
    });

    it('innovators and negotiators are FORBIDDEN, and nothing changes', async () => {
      const before = await authorityRow(fcaId);
      await expectForbiddenFor(
        UPDATE_AUTHORITY,
        { input: { id: fcaId, acronym: 'HACK' } },
        nonAdmins.filter((r) => r.label !== 'REGULATOR'),
      );
      expect(await authorityRow(fcaId)).toEqual(before);
    });

    it("renaming to a sibling's name is CONFLICT, and nothing changes", async () => {
      const j = await createJurisdiction();
      const a = await createAuthority(j.code);
      const b = await createAuthority(j.code);
      const before = await authorityRow(b.id);
      expectError(
        await gql(UPDATE_AUTHORITY, { input: { id: b.id, name: a.name, acronym: 'CHANGED' } }, admin),
        'CONFLICT',
      );
      expect(await authorityRow(b.id)).toEqual(before);
    });

    it('an unknown id is NOT_FOUND; a malformed one is BAD_USER_INPUT', async () => {
      const missing = randomUUID();
      expect(
        expectError(
          await gql(UPDATE_AUTHORITY, { input: { id: missing, name: 'Ghost Authority' } }, admin),
          'NOT_FOUND',
        ).message,
      ).toContain(missing);
      expectBadInput(
        await gql(UPDATE_AUTHORITY, { input: { id: 'not-a-uuid', name: 'Ghost Authority' } }, admin),
        'input.id',
      );
      expect(await t.dataSource.query('SELECT id FROM authority WHERE name = $1', ['Ghost Authority'])).toEqual([]);
    });

    it('rejects bad fields with BAD_USER_INPUT, and nothing changes', async () => {
      const j = await createJurisdiction();
      const a = await createAuthority(j.code);
      const before = await authorityRow(a.id);
      const cases: [Record<string, unknown>, string[]][] = [
        [{ name: 'X' }, ['input.name']],
        [{ acronym: 'A'.repeat(33) }, ['input.acronym']],
        [{ sectors: ['lower'] }, ['input.sectors']],
        [{ website: 'not a url' }, ['input.website']],
        [{ name: 'X', website: 'ftp://x.example' }, ['input.name', 'input.website']],
      ];
      for (const [overrides, paths] of cases) {
        expectBadInput(await gql(UPDATE_AUTHORITY, { input: { id: a.id, ...overrides } }, admin), ...paths);
      }
      expect(await authorityRow(a.id)).toEqual(before);
    });

    it('requires a signed-in caller, and nothing changes', async () => {
      const before = await authorityRow(fcaId);
      await expectUnauthenticatedFor(UPDATE_AUTHORITY, { input: { id: fcaId, acronym: 'ANON' } });
      expect(await authorityRow(fcaId)).toEqual(before);
    });
  });

  describe('organisations and organisation(id)', () => {
    it('an administrator, a regulator and a negotiator see every organisation, by name', async () => {
      const tag = unique('Visible');
      const ids = [await t.createOrganisation(`${tag} Bravo`, 'SG'), await t.createOrganisation(`${tag} Alpha`, 'JP')];
      for (const token of [admin, regulator, negotiator]) {
        const { nodes, totalCount } = await walk(ORGANISATIONS, 'organisations', { filter: { search: tag } }, 1, token);
        expect(totalCount).toBe(2);
        expect(nodes).toEqual([
          { id: ids[1], name: `${tag} Alpha`, homeJurisdiction: { code: 'JP', name: 'Japan' } },
          { id: ids[0], name: `${tag} Bravo`, homeJurisdiction: { code: 'SG', name: 'Singapore' } },
        ]);
        expect(expectOk(await gql(ORGANISATION, { id: ids[0] }, token)).organisation).toEqual(nodes[1]);
      }
      const total = await t.count('organisation');
      const all = await walk(ORGANISATIONS, 'organisations', {}, 3, regulator);
      expect(all.totalCount).toBe(total);
      const dbIds = (await t.dataSource.query('SELECT id FROM organisation ORDER BY name, id')).map(
        (r: { id: string }) => r.id,
      );
      expect(all.nodes.map((n) => n.id)).toEqual(dbIds);
    });

    it('filters by home jurisdiction and by search (any case, wildcards literal)', async () => {
      const j = await createJurisdiction();
      const tag = unique('Filtered');
      const a = await t.createOrganisation(`${tag} One`, j.code);
      const b = await t.createOrganisation(`${tag} Two`, j.code);
      await t.createOrganisation(`${tag} Elsewhere`, 'GB');
      const ids = async (filter: Record<string, unknown>) =>
        (await walk(ORGANISATIONS, 'organisations', { filter }, 100)).nodes.map((n) => n.id);
      expect(await ids({ homeJurisdictionCode: j.code })).toEqual([a, b]);
      expect(await ids({ homeJurisdictionCode: j.code, search: `${tag} two`.toUpperCase() })).toEqual([b]);
      expect(await ids({ search: `${tag}%` })).toEqual([]);
      expectBadInput(await gql(ORGANISATIONS, { filter: { search: 'x'.repeat(201) } }, admin), 'filter.search');
      expectBadInput(
        await gql(ORGANISATIONS, { filter: { homeJurisdictionCode: 'X'.repeat(17) } }, admin),
        'filter.homeJurisdictionCode',
      );
      expectBadInput(await gql(ORGANISATIONS, { first: 101 }, admin), 'first');
      expectBadInput(await gql(ORGANISATIONS, { after: cursorOf(['x', 'not-a-uuid']) }, admin), 'after');
    });

    it('an innovator sees only its own organisation: another one is not in the list and reads as null', async () => {
      const other = await t.createOrganisation(unique('Other Company'), 'GB');
      const list = expectOk(await gql(ORGANISATIONS, { first: 100 }, innovator)).organisations;
      expect(list.totalCount).toBe(1);
      expect(list.edges.map((e: any) => e.node.id)).toEqual([innovatorOrgId]);
      expect(
        expectOk(await gql(ORGANISATIONS, { filter: { search: 'Other Company' } }, innovator)).organisations,
      ).toMatchObject({ totalCount: 0, edges: [] });
      expect(
        expectOk(await gql(ORGANISATIONS, { filter: { homeJurisdictionCode: 'GB' } }, innovator)).organisations
          .totalCount,
      ).toBe(1);
      const res = await gql(ORGANISATION, { id: other }, innovator);
      expect(res.errors).toBeUndefined();
      expect(res.data).toEqual({ organisation: null });
      expect(expectOk(await gql(ORGANISATION, { id: innovatorOrgId }, innovator)).organisation).toMatchObject({
        id: innovatorOrgId,
        homeJurisdiction: { code: 'GB' },
      });
    });

    it('organisation(id) is null, without error, for an id that names nothing', async () => {
      for (const id of [randomUUID(), 'not-a-uuid', '']) {
        const res = await gql(ORGANISATION, { id }, admin);
        expect(res.errors).toBeUndefined();
        expect(res.data).toEqual({ organisation: null });
      }
    });

    it('require a signed-in caller', async () => {
      await expectUnauthenticatedFor(ORGANISATIONS, {});
      await expectUnauthenticatedFor(ORGANISATION, { id: innovatorOrgId });
    });
  });

  describe('createOrganisation', () => {
    it('creates an organisation with its home jurisdiction', async () => {
      const before = await t.count('organisation');
      const name = unique('Acme AI');
      const created = expectOk(
        await gql(CREATE_ORGANISATION, { input: { name, homeJurisdictionCode: 'SG' } }, admin),
      ).createOrganisation;
      expect(created).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        name,
        homeJurisdiction: { code: 'SG', name: 'Singapore' },
      });
      expect(await t.count('organisation')).toBe(before + 1);
      expect(await organisationRow(created.id)).toEqual({ name, home_jurisdiction_code: 'SG' });
    });

    it('a name already taken, in any case, is CONFLICT; nothing created', async () => {
      const name = unique('Taken Name Ltd');
      await t.createOrganisation(name);
      const before = await t.count('organisation');
      for (const again of [name, name.toUpperCase(), name.toLowerCase()]) {
        expectError(
          await gql(CREATE_ORGANISATION, { input: { name: again, homeJurisdictionCode: 'EU' } }, admin),
          'CONFLICT',
        );
      }
      expect(await t.count('organisation')).toBe(before);
    });

    it('an unknown home jurisdiction is NOT_FOUND; nothing created', async () => {
      const before = await t.count('organisation');
      expectError(
        await gql(CREATE_ORGANISATION, { input: { name: unique('Homeless'), homeJurisdictionCode: 'ZZ' } }, admin),
        'NOT_FOUND',
      );
      expect(await t.count('organisation')).toBe(before);
    });

    it('rejects bad fields with BAD_USER_INPUT naming each; nothing created', async () => {
      const before = await t.count('organisation');
      expectBadInput(
        await gql(CREATE_ORGANISATION, { input: { name: 'A', homeJurisdictionCode: 'GB' } }, admin),
        'input.name',
      );
      expectBadInput(
        await gql(CREATE_ORGANISATION, { input: { name: 'x'.repeat(201), homeJurisdictionCode: 'GB' } }, admin),
        'input.name',
      );
      expectBadInput(
        await gql(CREATE_ORGANISATION, { input: { name: unique('Fine'), homeJurisdictionCode: 'gb' } }, admin),
        'input.homeJurisdictionCode',
      );
      expectBadInput(
        await gql(CREATE_ORGANISATION, { input: { name: '', homeJurisdictionCode: 'United Kingdom' } }, admin),
        'input.name',
        'input.homeJurisdictionCode',
      );
      expectBadInput(
        await gql(CREATE_ORGANISATION, { input: { name: unique('No Home') } }, admin),
        'input.homeJurisdictionCode',
      );
      expect(await t.count('organisation')).toBe(before);
    });

    it('is for administrators only: FORBIDDEN for every other role; nothing created', async () => {
      const before = await t.count('organisation');
      await expectForbiddenFor(
        CREATE_ORGANISATION,
        { input: { name: unique('Self Made'), homeJurisdictionCode: 'GB' } },
        nonAdmins,
      );
      expect(await t.count('organisation')).toBe(before);
    });

    it('requires a signed-in caller; nothing created', async () => {
      const before = await t.count('organisation');
      await expectUnauthenticatedFor(CREATE_ORGANISATION, {
        input: { name: unique('Anon Org'), homeJurisdictionCode: 'GB' },
      });
      expect(await t.count('organisation')).toBe(before);
    });
  });

  describe('updateOrganisation', () => {
    it('an administrator renames an organisation and moves its home', async () => {
      const id = await t.createOrganisation(unique('Before Rename'), 'GB');
      const name = unique('After Rename');
      expect(expectOk(await gql(UPDATE_ORGANISATION, { input: { id, name } }, admin)).updateOrganisation).toEqual({
        id,
        name,
        homeJurisdiction: { code: 'GB', name: 'United Kingdom' },
      });
      expect(
        expectOk(await gql(UPDATE_ORGANISATION, { input: { id, homeJurisdictionCode: 'CA' } }, admin))
          .updateOrganisation,
      ).toEqual({ id, name, homeJurisdiction: { code: 'CA', name: 'Canada' } });
      expect(await organisationRow(id)).toEqual({ name, home_jurisdiction_code: 'CA' });
      // Only the case of its own name changes: no conflict with itself.
      expect(
        expectOk(await gql(UPDATE_ORGANISATION, { input: { id, name: name.toUpperCase() } }, admin)).updateOrganisation
          .name,
      ).toBe(name.toUpperCase());
    });

    it('an innovator updates its own organisation', async () => {
      const id = await t.createOrganisation(unique('Own Startup'), 'GB');
      const own = (
        await t.accountWithToken(`own-inn-${randomUUID()}@example.test`, Role.INNOVATOR, { organisationId: id })
      ).token;
      const name = unique('Own Startup Renamed');
      expect(
        expectOk(await gql(UPDATE_ORGANISATION, { input: { id, name, homeJurisdictionCode: 'EU' } }, own))
          .updateOrganisation,
      ).toEqual({
        id,
        name,
        homeJurisdiction: { code: 'EU', name: 'European Union' },
      });
      expect(await organisationRow(id)).toEqual({ name, home_jurisdiction_code: 'EU' });
    });

    it('an innovator of another organisation is NOT_FOUND (it may not see it, so it answers as an unknown id), and nothing changes', async () => {
      const other = await t.createOrganisation(unique('Victim Co'), 'SG');
      const before = await organisationRow(other);
      const error = expectError(
        await gql(
          UPDATE_ORGANISATION,
          { input: { id: other, name: unique('Pwned'), homeJurisdictionCode: 'GB' } },
          innovator,
        ),
        'NOT_FOUND',
      );
      expect(error.message).toBe(`Organisation ${JSON.stringify(other)} does not exist`);
      expect(await organisationRow(other)).toEqual(before);
    });

    it('regulators and negotiators are FORBIDDEN, and nothing changes', async () => {
      const before = await organisationRow(innovatorOrgId);
      await expectForbiddenFor(
        UPDATE_ORGANISATION,
        { input: { id: innovatorOrgId, name: unique('Regulated Away') } },
        nonAdmins.filter((r) => r.label !== 'INNOVATOR'),
      );
      expect(await organisationRow(innovatorOrgId)).toEqual(before);
    });

    it('a name taken by another organisation (any case) is CONFLICT, and nothing changes', async () => {
      const takenName = unique('Taken Org');
      await t.createOrganisation(takenName);
      const id = await t.createOrganisation(unique('Wants That Name'), 'GB');
      const before = await organisationRow(id);
      expectError(
        await gql(
          UPDATE_ORGANISATION,
          { input: { id, name: takenName.toLowerCase(), homeJurisdictionCode: 'JP' } },
          admin,
        ),
        'CONFLICT',
      );
      expect(await organisationRow(id)).toEqual(before);
    });

    it("an innovator renaming to another organisation's name is not refused: a CONFLICT would reveal an organisation it cannot see", async () => {
      const takenName = unique('Hidden Rival');
      await t.createOrganisation(takenName, 'SG');
      const id = await t.createOrganisation(unique('Renamer'), 'GB');
      const own = (
        await t.accountWithToken(`renamer-${randomUUID()}@example.test`, Role.INNOVATOR, { organisationId: id })
      ).token;
      expect(
        expectOk(await gql(UPDATE_ORGANISATION, { input: { id, name: takenName } }, own)).updateOrganisation.name,
      ).toBe(takenName);
      expect(await organisationRow(id)).toEqual({ name: takenName, home_jurisdiction_code: 'GB' });
    });

    it('an unknown home jurisdiction is NOT_FOUND, and nothing changes (not even the name given with it)', async () => {
      const id = await t.createOrganisation(unique('Stays Home'), 'GB');
      const before = await organisationRow(id);
      expectError(
        await gql(
          UPDATE_ORGANISATION,
          { input: { id, name: unique('Half Updated'), homeJurisdictionCode: 'ZZ' } },
          admin,
        ),
        'NOT_FOUND',
      );
      expect(await organisationRow(id)).toEqual(before);
    });

    it('an unknown id is NOT_FOUND; a malformed one is BAD_USER_INPUT', async () => {
      expectError(
        await gql(UPDATE_ORGANISATION, { input: { id: randomUUID(), name: 'Ghost Org' } }, admin),
        'NOT_FOUND',
      );
      // An innovator gets NOT_FOUND too for an id that names nothing (nothing to be a member of).
      expectError(
        await gql(UPDATE_ORGANISATION, { input: { id: randomUUID(), name: 'Ghost Org' } }, innovator),
        'NOT_FOUND',
      );
      expectBadInput(await gql(UPDATE_ORGANISATION, { input: { id: 'nope', name: 'Ghost Org' } }, admin), 'input.id');
      expect(await t.dataSource.query('SELECT id FROM organisation WHERE name = $1', ['Ghost Org'])).toEqual([]);
    });

    it('rejects bad fields with BAD_USER_INPUT, and nothing changes', async () => {
      const id = await t.createOrganisation(unique('Validated Co'), 'GB');
      const before = await organisationRow(id);
      expectBadInput(await gql(UPDATE_ORGANISATION, { input: { id, name: 'A' } }, admin), 'input.name');
      expectBadInput(
        await gql(UPDATE_ORGANISATION, { input: { id, homeJurisdictionCode: 'g b' } }, admin),
        'input.homeJurisdictionCode',
      );
      expectBadInput(
        await gql(UPDATE_ORGANISATION, { input: { id, name: 'A', homeJurisdictionCode: 'x' } }, admin),
        'input.name',
        'input.homeJurisdictionCode',
      );
      expect(await organisationRow(id)).toEqual(before);
    });

    it('requires a signed-in caller, and nothing changes', async () => {
      const before = await organisationRow(innovatorOrgId);
      await expectUnauthenticatedFor(UPDATE_ORGANISATION, {
        input: { id: innovatorOrgId, name: unique('Anon Rename') },
      });
      expect(await organisationRow(innovatorOrgId)).toEqual(before);
    });
  });

  describe('errors in general', () => {
    it("a syntax error, an unknown field and a wrong argument type carry Apollo's code and nothing else", async () => {
      expectError(await gql('{ jurisdictions(first: ) { totalCount }', {}, admin), 'GRAPHQL_PARSE_FAILED');
      expectError(await gql('{ jurisdictions { totalCount secret } }', {}, admin), 'GRAPHQL_VALIDATION_FAILED');
      expectError(await gql('{ jurisdictions(first: "x") { totalCount } }', {}, admin), 'GRAPHQL_VALIDATION_FAILED');
      expectError(await gql('{ authority { id } }', {}, admin), 'GRAPHQL_VALIDATION_FAILED');
    });

    it('a malformed HTTP body is refused without a stack trace', async () => {
      const res = await t
        .http()
        .post('/graphql')
        .set('content-type', 'application/json')
        .set('authorization', `Bearer ${admin}`)
        .send('{"query": ');
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(res.text).not.toMatch(/node_modules|\.[jt]s:\d+|\n\s+at /);
    });
  });
});
