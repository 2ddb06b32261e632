import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { JwtService } from '@nestjs/jwt';
import { print } from 'graphql';
import { Role } from '@sandbridge/domain';
import {
  AccountListDocument,
  AccountTenantsDocument,
  ADMIN,
  CreateAccountDocument,
  type CreateAccountInput,
  expectBadInput,
  expectError,
  expectForbidden,
  expectOk,
  type GraphQLResponse,
  MeDocument,
  MeRoleDocument,
  SignInWithAccountDocument,
  TEST_PASSWORD,
  TestApp,
  unchecked,
} from '@sandbridge/testing';

// login, me, accounts, createAccount — end to end through GraphQL over HTTP (docs/domain.md#roles-and-visibility, §7a).

let seq = 0;
/** A name no other test uses. */
const unique = (prefix: string) => `${prefix}${++seq}x${randomUUID().slice(0, 8)}`;
const email = (prefix = 'user') => `${unique(prefix)}@example.test`;
const nowSeconds = () => Math.floor(Date.now() / 1000);

describe('identity (login, me, accounts, createAccount)', () => {
  let t: TestApp;
  let admin: string;
  let adminId: string;
  let fcaId: string;
  let icoId: string;
  let orgId: string;
  let regulator: { id: string; token: string };
  let innovator: { id: string; token: string };
  let negotiator: { id: string; token: string };
  let secret: string;

  beforeAll(async () => {
    t = await TestApp.create();
    secret = t.config.auth.jwtSecret;
    const res = await t.gql(SignInWithAccountDocument, { email: ADMIN.email, password: ADMIN.password });
    admin = res.data!.login.token;
    adminId = res.data!.login.account.id;
    fcaId = await t.authorityId('GB', 'FCA');
    icoId = await t.authorityId('GB', 'ICO');
    orgId = await t.createOrganisation(unique('Identity Org '), 'SG');
    regulator = await t.accountWithToken(email('reg'), Role.REGULATOR, { authorityId: fcaId });
    innovator = await t.accountWithToken(email('inn'), Role.INNOVATOR, { organisationId: orgId });
    negotiator = await t.accountWithToken(email('neg'), Role.NEGOTIATOR, { jurisdictionCode: 'SG' });
  });
  afterAll(async () => {
    await t?.close();
  });

  /** POSTs with a raw Authorization header (or none). */
  async function rawGql(query: string, authorization?: string): Promise<GraphQLResponse> {
    const call = t.http().post('/graphql').set('content-type', 'application/json');
    if (authorization !== undefined) call.set('authorization', authorization);
    const response = await call.send({ query });
    return { status: response.status, data: response.body.data, errors: response.body.errors };
  }

  /** Tokens that must never authenticate. */
  async function badTokens(): Promise<Record<string, string>> {
    const jwt = new JwtService({ secret });
    const [header, payload] = admin.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    const regulatorClaims = JSON.parse(Buffer.from(regulator.token.split('.')[1], 'base64url').toString('utf8'));
    const b64 = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
    return {
      garbage: 'not-a-token',
      garbageJwtShape: 'aaa.bbb.ccc',
      expired: await jwt.signAsync({ sub: adminId, role: 'ADMIN', iat: nowSeconds() - 7200, exp: nowSeconds() - 60 }),
      wrongSecret: await new JwtService({ secret: 'another-secret-that-is-long-enough-to-sign-tokens' }).signAsync({
        sub: adminId,
        role: 'ADMIN',
        exp: nowSeconds() + 3600,
      }),
      algNone: `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...claims })}.`,
      // A regulator's token edited to claim ADMIN, signature kept: must not verify.
      tamperedRole: `${regulator.token.split('.')[0]}.${b64({ ...regulatorClaims, role: 'ADMIN', aut: null })}.${regulator.token.split('.')[2]}`,
      unknownRole: await jwt.signAsync({ sub: adminId, role: 'SUPERUSER', exp: nowSeconds() + 3600 }),
      truncated: admin.slice(0, -5),
      headerOnly: header,
    };
  }

  describe('login', () => {
    it('signs the administrator in and returns a token, its expiry and the account', async () => {
      const before = Date.now();
      const data = expectOk(await t.gql(SignInWithAccountDocument, { email: ADMIN.email, password: ADMIN.password }));
      const { token, expiresAt, account } = data.login;
      expect(token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
      expect(account).toEqual({
        id: adminId,
        email: ADMIN.email,
        displayName: 'Administrator',
        role: 'ADMIN',
        authority: null,
        organisation: null,
        jurisdiction: null,
      });
      const expiry = Date.parse(expiresAt);
      const ttl = t.config.auth.jwtTtlSeconds * 1000;
      expect(expiry).toBeGreaterThanOrEqual(before + ttl - 2000);
      expect(expiry).toBeLessThanOrEqual(Date.now() + ttl + 2000);
      // The token's own exp is the expiry announced.
      const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));
      expect(claims.exp * 1000).toBe(expiry);
      expect(claims.sub).toBe(adminId);
    });

    it('returns the tenant of a non-admin account', async () => {
      const address = email('login-reg');
      await t.accountWithToken(address, Role.REGULATOR, { authorityId: icoId });
      const data = expectOk(await t.gql(SignInWithAccountDocument, { email: address, password: TEST_PASSWORD }));
      expect(data.login.account).toMatchObject({
        email: address,
        role: 'REGULATOR',
        authority: { acronym: 'ICO' },
        organisation: null,
        jurisdiction: null,
      });
    });

    it('the token works as Authorization: Bearer (any case of "Bearer", extra spaces)', async () => {
      const token = (await t.gql(SignInWithAccountDocument, { email: ADMIN.email, password: ADMIN.password })).data!
        .login.token;
      for (const header of [`Bearer ${token}`, `bearer ${token}`, `BEARER   ${token}`, `  Bearer ${token}  `]) {
        const data = expectOk(await rawGql('{ me { id role } }', header));
        expect(data.me).toEqual({ id: adminId, role: 'ADMIN' });
      }
    });

    it('treats the e-mail case-insensitively and ignores surrounding spaces', async () => {
      const address = email('CaseMix');
      const created = await t.accountWithToken(address, Role.NEGOTIATOR, { jurisdictionCode: 'EU' });
      for (const variant of [
        address.toUpperCase(),
        address.toLowerCase(),
        `  ${address}  `,
        ADMIN.email.toUpperCase(),
      ]) {
        const data = expectOk(
          await t.gql(SignInWithAccountDocument, {
            email: variant,
            password: variant === ADMIN.email.toUpperCase() ? ADMIN.password : TEST_PASSWORD,
          }),
        );
        expect(data.login.account.email).toBe(
          variant === ADMIN.email.toUpperCase() ? ADMIN.email : address.toLowerCase(),
        );
        if (variant !== ADMIN.email.toUpperCase()) expect(data.login.account.id).toBe(created.id);
      }
    });

    it('refuses a wrong password and an unknown e-mail alike: UNAUTHENTICATED, same message, no token', async () => {
      const wrongPassword = await t.gql(SignInWithAccountDocument, {
        email: ADMIN.email,
        password: 'wrong-password-123',
      });
      const unknownEmail = await t.gql(SignInWithAccountDocument, { email: email('nobody'), password: ADMIN.password });
      const wrongCase = await t.gql(SignInWithAccountDocument, {
        email: ADMIN.email,
        password: ADMIN.password.toUpperCase(),
      });
      const empty = await t.gql(SignInWithAccountDocument, { email: '', password: '' });
      const a = expectError(wrongPassword, 'UNAUTHENTICATED');
      const b = expectError(unknownEmail, 'UNAUTHENTICATED');
      expectError(wrongCase, 'UNAUTHENTICATED');
      expectError(empty, 'UNAUTHENTICATED');
      expect(a.message).toBe(b.message);
      expect(a.message).not.toMatch(/not exist|unknown|no account/i);
      for (const res of [wrongPassword, unknownEmail, wrongCase, empty]) expect(res.data?.login ?? null).toBeNull();
    });

    it('is reachable without a token, and an invalid token sent along does not block it', async () => {
      const res = await t
        .http()
        .post('/graphql')
        .set('content-type', 'application/json')
        .set('authorization', 'Bearer not-a-token')
        .send({ query: print(SignInWithAccountDocument), variables: { email: ADMIN.email, password: ADMIN.password } });
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data.login.account.id).toBe(adminId);
    });

    it('missing or mistyped variables are BAD_USER_INPUT naming the variable', async () => {
      expectBadInput(await t.gql(SignInWithAccountDocument, unchecked({ email: ADMIN.email })), 'password');
      expectBadInput(
        await t.gql(SignInWithAccountDocument, unchecked({ email: ADMIN.email, password: 12345 })),
        'password',
      );
    });
  });

  describe('me', () => {
    it('returns the caller of each role with the tenant it is bound to', async () => {
      const asAdmin = expectOk(await t.gql(MeDocument, {}, admin)).me;
      expect(asAdmin).toMatchObject({
        id: adminId,
        email: ADMIN.email,
        role: 'ADMIN',
        authority: null,
        organisation: null,
        jurisdiction: null,
      });
      expect(Number.isNaN(Date.parse(asAdmin.createdAt))).toBe(false);

      const asRegulator = expectOk(await t.gql(MeDocument, {}, regulator.token)).me;
      expect(asRegulator).toMatchObject({
        id: regulator.id,
        role: 'REGULATOR',
        authority: { id: fcaId, acronym: 'FCA', name: 'Financial Conduct Authority', jurisdiction: { code: 'GB' } },
        organisation: null,
        jurisdiction: null,
      });

      const asInnovator = expectOk(await t.gql(MeDocument, {}, innovator.token)).me;
      expect(asInnovator).toMatchObject({
        id: innovator.id,
        role: 'INNOVATOR',
        authority: null,
        organisation: { id: orgId, homeJurisdiction: { code: 'SG' } },
        jurisdiction: null,
      });

      const asNegotiator = expectOk(await t.gql(MeDocument, {}, negotiator.token)).me;
      expect(asNegotiator).toMatchObject({
        id: negotiator.id,
        role: 'NEGOTIATOR',
        authority: null,
        organisation: null,
        jurisdiction: { code: 'SG', name: 'Singapore' },
      });
    });

    it('never exposes the password hash (no such field)', async () => {
      expectError(await t.gql('{ me { id passwordHash } }', {}, admin), 'GRAPHQL_VALIDATION_FAILED');
    });

    it('without a token is UNAUTHENTICATED', async () => {
      const res = await t.gql(MeDocument);
      expectError(res, 'UNAUTHENTICATED');
      expect(res.data ?? null).toBeNull();
    });

    it('with a garbage, expired, forged or tampered token is UNAUTHENTICATED', async () => {
      for (const [kind, token] of Object.entries(await badTokens())) {
        const res = await t.gql(MeDocument, {}, token);
        expect([kind, res.errors?.[0]?.extensions?.code]).toEqual([kind, 'UNAUTHENTICATED']);
        expectError(res, 'UNAUTHENTICATED');
      }
    });

    it('with an expired token says the token has expired', async () => {
      const expired = await new JwtService({ secret }).signAsync({
        sub: adminId,
        role: 'ADMIN',
        iat: nowSeconds() - 7200,
        exp: nowSeconds() - 1,
      });
      expect(expectError(await t.gql(MeDocument, {}, expired), 'UNAUTHENTICATED').message).toMatch(/expired/i);
    });

    it('with a malformed Authorization header is UNAUTHENTICATED', async () => {
      for (const header of ['Basic YWRtaW46cGFzc3dvcmQ=', 'Bearer', 'Bearer a b', 'Token abc', admin]) {
        expectError(await rawGql('{ me { id } }', header), 'UNAUTHENTICATED');
      }
    });

    it('with a validly signed token for an account that does not exist is UNAUTHENTICATED', async () => {
      const jwt = new JwtService({ secret });
      for (const sub of [randomUUID(), 'not-a-uuid']) {
        const token = await jwt.signAsync({ sub, role: 'ADMIN', exp: nowSeconds() + 600 });
        expectError(await t.gql(MeDocument, {}, token), 'UNAUTHENTICATED');
      }
    });
  });

  describe('accounts', () => {
    async function createTagged(tag: string, n: number): Promise<string[]> {
      const emails: string[] = [];
      for (let i = 0; i < n; i++) {
        const address = `${tag}-${i}-${randomUUID().slice(0, 6)}@example.test`;
        await t.accountWithToken(address, Role.NEGOTIATOR, { jurisdictionCode: 'JP' });
        emails.push(address);
      }
      return emails.sort();
    }

    it('lists every account for an administrator, by e-mail, without the password', async () => {
      const data = expectOk(await t.gql(AccountListDocument, { first: 100 }, admin)).accounts;
      expect(data.totalCount).toBe(await t.count('account'));
      const emails = data.edges.map((e: any) => e.node.email);
      expect(emails).toContain(ADMIN.email);
      expect(emails).toEqual([...emails].sort());
      const [{ n: dbCount }] = await t.dataSource.query('SELECT count(*)::int AS n FROM account');
      expect(data.edges.length).toBe(Math.min(dbCount, 100));
      expect(JSON.stringify(data)).not.toMatch(/scrypt/);
    });

    it('pages through a filtered list with first/after: no overlap, no gap, right pageInfo', async () => {
      const tag = unique('pager');
      const emails = await createTagged(tag, 5);
      const seen: string[] = [];
      let after: string | null = null;
      for (let page = 0; page < 10; page++) {
        const conn: any = expectOk(
          await t.gql(AccountListDocument, { first: 2, after, filter: { search: tag } }, admin),
        ).accounts;
        expect(conn.totalCount).toBe(5);
        expect(conn.edges.length).toBe(page < 2 ? 2 : 1);
        expect(conn.pageInfo.hasPreviousPage).toBe(page > 0);
        expect(conn.pageInfo.startCursor).toBe(conn.edges[0].cursor);
        expect(conn.pageInfo.endCursor).toBe(conn.edges[conn.edges.length - 1].cursor);
        seen.push(...conn.edges.map((e: any) => e.node.email));
        if (!conn.pageInfo.hasNextPage) break;
        after = conn.pageInfo.endCursor;
      }
      expect(seen).toEqual(emails);
    });

    it('filters by role, tenant and search (part of e-mail or name, any case)', async () => {
      const tag = unique('filt');
      const reg = email(`${tag}-reg`);
      const inn = email(`${tag}-inn`);
      const neg = email(`${tag}-neg`);
      const r = await t.accountWithToken(reg, Role.REGULATOR, { authorityId: icoId });
      const i = await t.accountWithToken(inn, Role.INNOVATOR, { organisationId: orgId });
      const n = await t.accountWithToken(neg, Role.NEGOTIATOR, { jurisdictionCode: 'BR' });
      const ids = async (filter: Record<string, unknown>) =>
        expectOk(await t.gql(AccountListDocument, { first: 100, filter }, admin))
          .accounts.edges.map((e: any) => e.node.id)
          .sort();

      expect(await ids({ search: tag })).toEqual([r.id, i.id, n.id].sort());
      expect(await ids({ search: tag.toUpperCase() })).toEqual([r.id, i.id, n.id].sort());
      expect(await ids({ search: tag, role: 'REGULATOR' })).toEqual([r.id]);
      expect(await ids({ search: tag, authorityId: icoId })).toEqual([r.id]);
      expect(await ids({ search: tag, organisationId: orgId })).toEqual([i.id]);
      expect(await ids({ search: tag, jurisdictionCode: 'BR' })).toEqual([n.id]);
      expect(await ids({ search: tag, role: 'ADMIN' })).toEqual([]);
      // Display names are the e-mail's local part: searching the name finds it too.
      expect(await ids({ search: reg.split('@')[0].toUpperCase() })).toEqual([r.id]);
      // Every regulator of the ICO, and only those.
      const ico = expectOk(
        await t.gql(AccountListDocument, { first: 100, filter: { authorityId: icoId } }, admin),
      ).accounts;
      const [{ n: icoCount }] = await t.dataSource.query(
        'SELECT count(*)::int AS n FROM account WHERE authority_id = $1',
        [icoId],
      );
      expect(ico.totalCount).toBe(icoCount);
      expect(ico.edges.every((e: any) => e.node.role === 'REGULATOR')).toBe(true);
      // LIKE wildcards in a search match literally.
      expect(await ids({ search: '%' })).toEqual([]);
      expect(await ids({ search: `${tag}_` })).toEqual([]);
    });

    it("resolves each account's tenant in a constant number of SQL statements", async () => {
      const tag = unique('nplus');
      // By e-mail, every page starts with an innovator, then a regulator: both kinds of tenant on each.
      for (let i = 0; i < 6; i++) {
        const org = await t.createOrganisation(unique(`NPlus Org ${tag} `));
        await t.accountWithToken(`${tag}-${i}-a@example.test`, Role.INNOVATOR, { organisationId: org });
        await t.accountWithToken(`${tag}-${i}-b@example.test`, Role.REGULATOR, { authorityId: i % 2 ? fcaId : icoId });
      }
      const counter = t.countQueries();
      const counts: number[] = [];
      for (const first of [2, 12]) {
        counter.reset();
        const data = expectOk(await t.gql(AccountTenantsDocument, { first, filter: { search: tag } }, admin));
        expect(data.accounts.edges.length).toBe(first);
        counts.push(counter.queries.length);
      }
      expect(counts[0]).toBe(counts[1]);
      expect(counts[1]).toBeLessThanOrEqual(6);
    });

    it('refuses every role but ADMIN with FORBIDDEN', async () => {
      for (const token of [regulator.token, innovator.token, negotiator.token]) {
        const res = await t.gql(AccountListDocument, { first: 5 }, token);
        expectForbidden(res);
      }
    });

    it('refuses a missing, garbage or expired token with UNAUTHENTICATED', async () => {
      expectError(await t.gql(AccountListDocument, {}), 'UNAUTHENTICATED');
      const tokens = await badTokens();
      for (const token of [tokens.garbage, tokens.expired, tokens.tamperedRole, tokens.wrongSecret]) {
        expectError(await t.gql(AccountListDocument, {}, token), 'UNAUTHENTICATED');
      }
    });

    it('rejects bad paging arguments with BAD_USER_INPUT', async () => {
      expectBadInput(await t.gql(AccountListDocument, { first: 101 }, admin), 'first');
      expectBadInput(await t.gql(AccountListDocument, { first: -1 }, admin), 'first');
      expectBadInput(await t.gql(AccountListDocument, { first: 1.5 }, admin), 'first');
      expectBadInput(await t.gql(AccountListDocument, { after: 'not-a-cursor' }, admin), 'after');
      expectBadInput(
        await t.gql(AccountListDocument, { after: Buffer.from('["only-one-key"]').toString('base64url') }, admin),
        'after',
      );
      // A cursor whose keys have the right shape but not the right type never reaches SQL as such.
      expectBadInput(
        await t.gql(
          AccountListDocument,
          { after: Buffer.from('["a@example.test","not-a-uuid"]').toString('base64url') },
          admin,
        ),
        'after',
      );
      expect(expectOk(await t.gql(AccountListDocument, { first: 100 }, admin)).accounts.edges.length).toBeGreaterThan(
        0,
      );
    });

    it('rejects bad filters with BAD_USER_INPUT naming the field (never an SQL error)', async () => {
      expectBadInput(
        await t.gql(AccountListDocument, { filter: { authorityId: 'not-a-uuid' } }, admin),
        'filter.authorityId',
      );
      expectBadInput(
        await t.gql(AccountListDocument, { filter: { organisationId: "1' OR '1'='1" } }, admin),
        'filter.organisationId',
      );
      expectBadInput(await t.gql(AccountListDocument, unchecked({ filter: { role: 'ROOT' } }), admin), 'filter.role');
      expectBadInput(
        await t.gql(AccountListDocument, { filter: { search: 'x'.repeat(1000) } }, admin),
        'filter.search',
      );
      expectBadInput(
        await t.gql(AccountListDocument, { filter: { jurisdictionCode: 'X'.repeat(100) } }, admin),
        'filter.jurisdictionCode',
      );
      // A well-formed id that names nothing is an empty list, not an error.
      expect(
        expectOk(await t.gql(AccountListDocument, { filter: { authorityId: randomUUID() } }, admin)).accounts
          .totalCount,
      ).toBe(0);
    });
  });

  describe('createAccount', () => {
    const input = (overrides: Partial<CreateAccountInput> = {}): CreateAccountInput => ({
      email: email('new'),
      displayName: 'New Person',
      password: 'a-long-enough-password',
      role: 'ADMIN',
      ...overrides,
    });
    /** Variables with an input the schema or the validators must refuse, sent as they are. */
    const refused = (overrides: Record<string, unknown>) => unchecked({ input: { ...input(), ...overrides } });

    it('creates an account of each role bound to its tenant, and it can sign in', async () => {
      const before = await t.count('account');
      const reg = expectOk(
        await t.gql(
          CreateAccountDocument,
          { input: input({ role: 'REGULATOR', authorityId: fcaId, displayName: 'Reg Ulator' }) },
          admin,
        ),
      ).createAccount;
      expect(reg).toMatchObject({
        role: 'REGULATOR',
        displayName: 'Reg Ulator',
        authority: { id: fcaId, acronym: 'FCA', jurisdiction: { code: 'GB' } },
        organisation: null,
        jurisdiction: null,
      });
      const inn = expectOk(
        await t.gql(CreateAccountDocument, { input: input({ role: 'INNOVATOR', organisationId: orgId }) }, admin),
      ).createAccount;
      expect(inn).toMatchObject({
        role: 'INNOVATOR',
        authority: null,
        organisation: { id: orgId },
        jurisdiction: null,
      });
      const neg = expectOk(
        await t.gql(CreateAccountDocument, { input: input({ role: 'NEGOTIATOR', jurisdictionCode: 'US-CO' }) }, admin),
      ).createAccount;
      expect(neg).toMatchObject({
        role: 'NEGOTIATOR',
        authority: null,
        organisation: null,
        jurisdiction: { code: 'US-CO' },
      });
      const adm = expectOk(
        await t.gql(CreateAccountDocument, { input: input({ role: 'ADMIN' }) }, admin),
      ).createAccount;
      expect(adm).toMatchObject({ role: 'ADMIN', authority: null, organisation: null, jurisdiction: null });
      expect(await t.count('account')).toBe(before + 4);

      for (const account of [reg, inn, neg, adm]) {
        expect(account.id).toMatch(/^[0-9a-f-]{36}$/);
        expect(Number.isNaN(Date.parse(account.createdAt))).toBe(false);
        const login = expectOk(
          await t.gql(SignInWithAccountDocument, { email: account.email, password: 'a-long-enough-password' }),
        ).login;
        expect(login.account.id).toBe(account.id);
        expect(expectOk(await t.gql(MeRoleDocument, {}, login.token)).me).toEqual({
          id: account.id,
          role: account.role,
        });
      }
      // The new administrator may administer.
      const newAdminToken = await t.login(adm.email, 'a-long-enough-password');
      expectOk(await t.gql(AccountListDocument, { first: 1 }, newAdminToken));
    });

    it('stores the e-mail lower-case, and refuses the same e-mail in another case (CONFLICT)', async () => {
      const mixed = `Mixed.${unique('Case')}@Example.TEST`;
      const created = expectOk(
        await t.gql(CreateAccountDocument, { input: input({ email: mixed }) }, admin),
      ).createAccount;
      expect(created.email).toBe(mixed.toLowerCase());
      const before = await t.count('account');
      for (const again of [mixed, mixed.toUpperCase(), mixed.toLowerCase()]) {
        const error = expectError(
          await t.gql(CreateAccountDocument, { input: input({ email: again, displayName: 'Other' }) }, admin),
          'CONFLICT',
        );
        expect(error.message).toContain(mixed.toLowerCase());
      }
      expect(await t.count('account')).toBe(before);
      // The original is untouched and still signs in.
      expect(
        (await t.gql(SignInWithAccountDocument, { email: mixed, password: 'a-long-enough-password' })).data!.login
          .account.displayName,
      ).toBe('New Person');
    });

    it('two concurrent creations of one e-mail: exactly one wins, the other is CONFLICT', async () => {
      const address = email('race');
      const before = await t.count('account');
      const results = await Promise.all(
        [1, 2].map((i) =>
          t.gql(CreateAccountDocument, { input: input({ email: address, displayName: `Racer ${i}` }) }, admin),
        ),
      );
      const ok = results.filter((r) => !r.errors);
      const failed = results.filter((r) => r.errors);
      expect(ok).toHaveLength(1);
      expect(failed).toHaveLength(1);
      expectError(failed[0], 'CONFLICT');
      expect(await t.count('account')).toBe(before + 1);
    });

    it('rejects invalid fields with BAD_USER_INPUT naming each one, and creates nothing', async () => {
      const before = await t.count('account');
      const cases: [Record<string, unknown>, string[]][] = [
        [{ email: 'not-an-email' }, ['input.email']],
        [{ email: `${'x'.repeat(320)}@example.test` }, ['input.email']],
        [{ password: 'short' }, ['input.password']],
        [{ password: 'x'.repeat(201) }, ['input.password']],
        [{ displayName: '' }, ['input.displayName']],
        [{ displayName: 'x'.repeat(201) }, ['input.displayName']],
        [{ role: 'REGULATOR', authorityId: 'not-a-uuid' }, ['input.authorityId']],
        [{ role: 'INNOVATOR', organisationId: '12345' }, ['input.organisationId']],
        [{ role: 'NEGOTIATOR', jurisdictionCode: 'gb' }, ['input.jurisdictionCode']],
        [{ email: 'nope', password: 'short', displayName: '' }, ['input.email', 'input.password', 'input.displayName']],
      ];
      for (const [overrides, paths] of cases) {
        expectBadInput(await t.gql(CreateAccountDocument, refused(overrides), admin), ...paths);
      }
      expect(await t.count('account')).toBe(before);
    });

    it('rejects an unknown role (through variables) with BAD_USER_INPUT at input.role', async () => {
      const before = await t.count('account');
      const error = expectBadInput(
        await t.gql(CreateAccountDocument, refused({ role: 'SUPERUSER' }), admin),
        'input.role',
      );
      expect(error.extensions!.errors![0].message).toMatch(/SUPERUSER/);
      expectBadInput(
        await t.gql(
          CreateAccountDocument,
          unchecked({ input: { email: email(), displayName: 'X', password: 'a-long-enough-password' } }),
          admin,
        ),
        'input.role',
      );
      expectBadInput(
        await t.gql(CreateAccountDocument, refused({ passwordHash: 'anything' }), admin),
        'input.passwordHash',
      );
      expect(await t.count('account')).toBe(before);
    });

    it('a bad input never echoes the password back, and creates nothing', async () => {
      const before = await t.count('account');
      const secretPassword = `never-echo-${randomUUID()}`;
      const res = await t.gql(CreateAccountDocument, refused({ role: 'NOPE', password: secretPassword }), admin);
      expectBadInput(res, 'input.role');
      expect(JSON.stringify(res.errors)).not.toContain(secretPassword);
      const missing = await t.gql(
        CreateAccountDocument,
        unchecked({ input: { email: email(), password: secretPassword, role: 'ADMIN' } }),
        admin,
      );
      expectBadInput(missing, 'input.displayName');
      expect(JSON.stringify(missing.errors)).not.toContain(secretPassword);
      const login = await t.gql(SignInWithAccountDocument, unchecked({ email: 42, password: secretPassword }));
      expectBadInput(login, 'email');
      expect(JSON.stringify(login.errors)).not.toContain(secretPassword);
      expect(await t.count('account')).toBe(before);
    });

    it('requires the tenant of the role, and refuses a tenant of another kind', async () => {
      const before = await t.count('account');
      const cases: [Record<string, unknown>, string[]][] = [
        [{ role: 'REGULATOR' }, ['input.authorityId']],
        [{ role: 'INNOVATOR' }, ['input.organisationId']],
        [{ role: 'NEGOTIATOR' }, ['input.jurisdictionCode']],
        [{ role: 'ADMIN', jurisdictionCode: 'GB' }, ['input.jurisdictionCode']],
        [{ role: 'ADMIN', authorityId: fcaId, organisationId: orgId }, ['input.authorityId', 'input.organisationId']],
        [{ role: 'REGULATOR', organisationId: orgId }, ['input.authorityId', 'input.organisationId']],
        [{ role: 'INNOVATOR', organisationId: orgId, jurisdictionCode: 'GB' }, ['input.jurisdictionCode']],
        [{ role: 'NEGOTIATOR', jurisdictionCode: 'GB', authorityId: fcaId }, ['input.authorityId']],
      ];
      for (const [overrides, paths] of cases) {
        const error = expectBadInput(await t.gql(CreateAccountDocument, refused(overrides), admin), ...paths);
        for (const problem of error.extensions!.errors!) expect(problem.message).toMatch(/required|empty/);
      }
      expect(await t.count('account')).toBe(before);
    });

    it('an unknown authority, organisation or jurisdiction is NOT_FOUND, and creates nothing', async () => {
      const before = await t.count('account');
      const missing = randomUUID();
      expect(
        expectError(
          await t.gql(CreateAccountDocument, { input: input({ role: 'REGULATOR', authorityId: missing }) }, admin),
          'NOT_FOUND',
        ).message,
      ).toContain(missing);
      expectError(
        await t.gql(
          CreateAccountDocument,
          { input: input({ role: 'INNOVATOR', organisationId: randomUUID() }) },
          admin,
        ),
        'NOT_FOUND',
      );
      expectError(
        await t.gql(CreateAccountDocument, { input: input({ role: 'NEGOTIATOR', jurisdictionCode: 'ZZ' }) }, admin),
        'NOT_FOUND',
      );
      expect(await t.count('account')).toBe(before);
    });

    it('refuses every role but ADMIN with FORBIDDEN, and creates nothing', async () => {
      const before = await t.count('account');
      for (const token of [regulator.token, innovator.token, negotiator.token]) {
        const res = await t.gql(CreateAccountDocument, { input: input({ role: 'ADMIN' }) }, token);
        expectForbidden(res);
      }
      expect(await t.count('account')).toBe(before);
    });

    it('refuses a missing, garbage or expired token with UNAUTHENTICATED, and creates nothing', async () => {
      const before = await t.count('account');
      expectError(await t.gql(CreateAccountDocument, { input: input() }), 'UNAUTHENTICATED');
      for (const token of Object.values(await badTokens())) {
        expectError(await t.gql(CreateAccountDocument, { input: input() }, token), 'UNAUTHENTICATED');
      }
      expect(await t.count('account')).toBe(before);
    });
  });
});
