import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { JwtService } from '@nestjs/jwt';
import { Role } from '@sandbridge/domain';
import {
  AddProgrammeParticipantDocument,
  AiSystemDetailDocument,
  AiSystemListDocument,
  AttachCriterionDocument,
  CreateCriterionDocument,
  CreateProgrammeDocument,
  CreateStandardDocument,
  DetachCriterionDocument,
  expectBadInput,
  expectError,
  expectForbidden,
  expectOk,
  expectUnauthenticated,
  type GraphQLResponse,
  MeIdDocument,
  type ProgrammeAction,
  ProgrammeCriteriaDocument,
  ProgrammeDetailDocument,
  ProgrammeListDocument,
  ProgrammeOverviewDocument,
  type ProgrammeStatus,
  PublishCriterionDocument,
  RegisterAiSystemDocument,
  RemoveProgrammeParticipantDocument,
  RetireCriterionDocument,
  ReviseCriterionDocument,
  type Stage,
  TestApp,
  TransitionProgrammeDocument,
  type TypedDocumentNode,
  unchecked,
  UpdateAiSystemDocument,
  UpdateProgrammeDocument,
  walkConnection,
} from '@sandbridge/testing';

// Joint programmes and AI systems end to end through GraphQL over HTTP (docs/domain.md#roles-and-visibility, §3 up to
// enrolments, §7a): every operation, every role and tenant, the programme lifecycle, visibility,
// bad input that changes nothing, and the N+1 acceptance test of issue 3.

/** A typed document, or a string for what the schema refuses. */
type Operation = string | TypedDocumentNode<any, any>;
type Action = ProgrammeAction;
type Status = ProgrammeStatus;

let seq = 0;
/** A name no other test uses. */
const unique = (prefix: string) => `${prefix} ${++seq}-${randomUUID().slice(0, 8)}`;
const cursorOf = (key: unknown) => Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');

describe('programmes and AI systems', () => {
  let t: TestApp;
  let admin: string;
  let fca: string; // GB FCA: leads the joint programmes
  let mas: string; // SG MAS: participant
  let aiOffice: string; // EU AI Office: participant
  let ico: string; // GB ICO: takes part in nothing unless a test adds it
  const reg: Record<'fca' | 'mas' | 'ai' | 'ico', string> = { fca: '', mas: '', ai: '', ico: '' };
  let innovator: string; // of orgA
  let innovatorB: string; // of orgB
  let negotiator: string; // of GB
  let orgA: string;
  let orgB: string;
  /** One ACTIVE criterion per authority and stage, shared by the tests that only need one. */
  const shared: Record<'fca' | 'mas' | 'ai' | 'ico', Record<Stage, string>> = {} as never;
  let anonymous: { label: string; token?: string }[];

  beforeAll(async () => {
    t = await TestApp.create();
    admin = await t.adminToken();
    fca = await t.authorityId('GB', 'FCA');
    mas = await t.authorityId('SG', 'MAS');
    aiOffice = await t.authorityId('EU', 'AI Office');
    ico = await t.authorityId('GB', 'ICO');
    const authorities = { fca, mas, ai: aiOffice, ico };
    for (const [k, authorityId] of Object.entries(authorities)) {
      reg[k as keyof typeof reg] = (
        await t.accountWithToken(`reg-${k}-${randomUUID()}@example.test`, Role.REGULATOR, { authorityId })
      ).token;
    }
    orgA = await t.createOrganisation(unique('Credit Scoring Ltd'), 'GB');
    orgB = await t.createOrganisation(unique('Other Fintech Pte'), 'SG');
    innovator = (
      await t.accountWithToken(`inn-a-${randomUUID()}@example.test`, Role.INNOVATOR, { organisationId: orgA })
    ).token;
    innovatorB = (
      await t.accountWithToken(`inn-b-${randomUUID()}@example.test`, Role.INNOVATOR, { organisationId: orgB })
    ).token;
    negotiator = (
      await t.accountWithToken(`neg-${randomUUID()}@example.test`, Role.NEGOTIATOR, { jurisdictionCode: 'GB' })
    ).token;
    expectOk(
      await t.gql(
        CreateStandardDocument,
        {
          input: {
            code: 'PT-STD',
            title: 'Programme test standard',
            publisher: 'Sandbridge tests',
            clauses: ['1', '2', '3'].map((ref) => ({ id: `PTSTD:${ref}`, ref, title: `Clause ${ref}` })),
          },
        },
        admin,
      ),
    );
    for (const k of Object.keys(authorities) as (keyof typeof reg)[]) {
      shared[k] = {
        ENTRY: (await activeCriterion(reg[k], 'ENTRY')).id,
        TESTING: (await activeCriterion(reg[k], 'TESTING')).id,
        EXIT: (await activeCriterion(reg[k], 'EXIT')).id,
      };
    }
    const adminId = expectOk(await t.gql(MeIdDocument, {}, admin)).me.id;
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
  });
  afterAll(async () => {
    await t?.close();
  });

  // This file sends bad input on purpose throughout, so variables go unchecked; the data is typed.
  function gql<TData>(
    document: TypedDocumentNode<TData, any>,
    variables: Record<string, unknown>,
    token?: string,
  ): Promise<GraphQLResponse<TData>>;
  function gql(query: Operation, variables: Record<string, unknown>, token?: string): Promise<GraphQLResponse>;
  function gql(query: Operation, variables: Record<string, unknown>, token?: string) {
    return typeof query === 'string' ? t.gql(query, variables, token) : t.gql(query, unchecked(variables), token);
  }
  const q = (sql: string, params: unknown[] = []): Promise<any[]> => t.dataSource.query(sql, params);

  // ---- helpers ------------------------------------------------------------------------------

  async function draftCriterion(
    token: string,
    stage: Stage,
    clauseIds: string[] = ['PTSTD:1'],
  ): Promise<{ id: string; key: string }> {
    const key = `pt.${stage.toLowerCase()}-${++seq}-${randomUUID().slice(0, 6)}`;
    const input = {
      key,
      title: `Programme test ${stage} ${seq}`,
      stage,
      category: 'TRANSPARENCY',
      kind: 'ATTESTATION',
      statement: 'The provider attests that users are told they deal with an AI system.',
      clauseIds,
    };
    const created = expectOk(await gql(CreateCriterionDocument, { input }, token)).createCriterion;
    expect(created).toMatchObject({ key, version: 1, status: 'DRAFT', stage });
    return { id: created.id, key };
  }

  async function activeCriterion(
    token: string,
    stage: Stage,
    clauseIds?: string[],
  ): Promise<{ id: string; key: string }> {
    const criterion = await draftCriterion(token, stage, clauseIds);
    expect(
      expectOk(await gql(PublishCriterionDocument, { input: { id: criterion.id } }, token)).publishCriterion.status,
    ).toBe('ACTIVE');
    return criterion;
  }

  function programmeInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
    return {
      name: unique('Cross-border Credit Pilot'),
      maxTestingDays: 180,
      cohortCapacity: 12,
      jointEntryRule: 'EACH_AUTHORITY',
      ...overrides,
    };
  }

  async function createProgramme(token: string, overrides: Record<string, unknown> = {}): Promise<any> {
    return expectOk(await gql(CreateProgrammeDocument, { input: programmeInput(overrides) }, token)).createProgramme;
  }

  /** DRAFT, led by the FCA, with MAS and the AI Office taking part; nothing attached. */
  const jointProgramme = (overrides: Record<string, unknown> = {}) =>
    createProgramme(reg.fca, { participantAuthorityIds: [mas, aiOffice], ...overrides });

  async function attach(programmeId: string, criterionId: string, token: string, mandatory?: boolean): Promise<any> {
    const input = mandatory === undefined ? { programmeId, criterionId } : { programmeId, criterionId, mandatory };
    return expectOk(await gql(AttachCriterionDocument, { input }, token)).attachCriterion;
  }

  /** A joint DRAFT programme where every participant has attached its shared ENTRY criterion. */
  async function readyProgramme(overrides: Record<string, unknown> = {}): Promise<any> {
    const p = await jointProgramme(overrides);
    await attach(p.id, shared.fca.ENTRY, reg.fca);
    await attach(p.id, shared.mas.ENTRY, reg.mas);
    await attach(p.id, shared.ai.ENTRY, reg.ai);
    return p;
  }

  async function transition(id: string, action: Action, token = reg.fca): Promise<GraphQLResponse> {
    return gql(TransitionProgrammeDocument, { input: { id, action } }, token);
  }

  /** A joint programme moved to `status` by its lead. */
  async function programmeIn(status: Status, overrides: Record<string, unknown> = {}): Promise<any> {
    const p = await readyProgramme(overrides);
    const paths: Record<Status, Action[]> = {
      DRAFT: [],
      OPEN: ['OPEN'],
      RUNNING: ['OPEN', 'START'],
      CLOSED: ['OPEN', 'START', 'CLOSE'],
    };
    for (const action of paths[status]) expectOk(await transition(p.id, action));
    expect(await statusOf(p.id)).toBe(status);
    return { ...p, status };
  }

  async function statusOf(id: string): Promise<string> {
    return (await q('SELECT status FROM programme WHERE id = $1', [id]))[0].status;
  }

  /** Everything stored about one programme, to show that a refused call changed nothing. */
  async function snapshot(id: string) {
    const [programme] = await q(
      `SELECT name, description, array_to_string(sectors, ',') AS sectors, application_opens::text AS opens, application_closes::text AS closes,
              max_testing_days, cohort_capacity, joint_entry_rule, status, lead_authority_id, updated_at::text AS updated_at
         FROM programme WHERE id = $1`,
      [id],
    );
    const participants = (
      await q('SELECT authority_id FROM programme_participant WHERE programme_id = $1 ORDER BY authority_id', [id])
    ).map((r) => r.authority_id);
    const attachments = await q(
      'SELECT criterion_id, authority_id, stage, mandatory FROM programme_criterion WHERE programme_id = $1 ORDER BY criterion_id',
      [id],
    );
    return { programme, participants, attachments };
  }

  async function totals() {
    return {
      programme: await t.count('programme'),
      programme_participant: await t.count('programme_participant'),
      programme_criterion: await t.count('programme_criterion'),
      ai_system: await t.count('ai_system'),
    };
  }

  async function expectUnauthenticatedFor(query: Operation, variables: Record<string, unknown>): Promise<void> {
    for (const { label, token } of anonymous) expectUnauthenticated(await gql(query, variables, token), label);
  }

  async function expectForbiddenFor(
    query: Operation,
    variables: Record<string, unknown>,
    tokens: [string, string][],
  ): Promise<void> {
    for (const [label, token] of tokens) expectForbidden(await gql(query, variables, token), label);
  }

  /** Pages through a connection with `first`, checking every page's pageInfo; returns all nodes. */
  const walk = (query: Operation, field: string, variables: Record<string, unknown>, first: number, token = admin) =>
    walkConnection((after) => gql(query, { ...variables, first, after }, token), field, first);

  const programmeIds = async (token: string, filter: Record<string, unknown> = {}) =>
    (await walk(ProgrammeListDocument, 'programmes', { filter }, 100, token)).nodes.map((n) => n.id);

  // ---- createProgramme ----------------------------------------------------------------------

  describe('createProgramme', () => {
    it('a regulator creates a DRAFT programme led by its own authority, the lead first among the participants', async () => {
      const before = await totals();
      const input = programmeInput({
        description: 'Credit-scoring models tested across three jurisdictions.',
        sectors: ['FINANCE', 'CREDIT', 'FINANCE'],
        applicationOpens: '2026-03-01',
        applicationCloses: '2026-05-31',
        maxTestingDays: 270,
        cohortCapacity: 8,
        jointEntryRule: 'UNANIMOUS',
        participantAuthorityIds: [mas, aiOffice, fca],
      });
      const created = expectOk(await gql(CreateProgrammeDocument, { input }, reg.fca)).createProgramme;
      expect(created).toMatchObject({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        name: input.name,
        description: input.description,
        sectors: ['CREDIT', 'FINANCE'],
        applicationOpens: '2026-03-01',
        applicationCloses: '2026-05-31',
        maxTestingDays: 270,
        cohortCapacity: 8,
        jointEntryRule: 'UNANIMOUS',
        status: 'DRAFT',
        leadAuthority: { id: fca, acronym: 'FCA', jurisdiction: { code: 'GB' } },
      });
      expect(created.participants[0]).toEqual({ isLead: true, authority: { id: fca, acronym: 'FCA' } });
      expect(
        created.participants
          .slice(1)
          .map((p: any) => [p.isLead, p.authority.id])
          .sort(),
      ).toEqual(
        [
          [false, aiOffice],
          [false, mas],
        ].sort(),
      );
      expect(await totals()).toEqual({
        ...before,
        programme: before.programme + 1,
        programme_participant: before.programme_participant + 3,
      });
      expect(await snapshot(created.id)).toMatchObject({
        programme: {
          name: input.name,
          sectors: 'CREDIT,FINANCE',
          opens: '2026-03-01',
          closes: '2026-05-31',
          max_testing_days: 270,
          cohort_capacity: 8,
          joint_entry_rule: 'UNANIMOUS',
          status: 'DRAFT',
          lead_authority_id: fca,
        },
        participants: [fca, mas, aiOffice].sort(),
        attachments: [],
      });
    });

    it('optional fields default to empty; the lead alone participates when no one else is named', async () => {
      const created = await createProgramme(reg.mas);
      expect(created).toMatchObject({
        description: '',
        sectors: [],
        applicationOpens: null,
        applicationCloses: null,
        status: 'DRAFT',
        leadAuthority: { id: mas },
      });
      expect(created.participants).toEqual([{ isLead: true, authority: { id: mas, acronym: 'MAS' } }]);
    });

    it('an administrator must name the lead authority', async () => {
      const before = await totals();
      expectBadInput(await gql(CreateProgrammeDocument, { input: programmeInput() }, admin), 'input.leadAuthorityId');
      expect(await totals()).toEqual(before);
      const created = await createProgramme(admin, { leadAuthorityId: aiOffice, participantAuthorityIds: [fca] });
      expect(created.leadAuthority.id).toBe(aiOffice);
      expect(created.participants.map((p: any) => [p.isLead, p.authority.id])).toEqual([
        [true, aiOffice],
        [false, fca],
      ]);
    });

    it('a regulator naming another authority as lead is FORBIDDEN; nothing created', async () => {
      const before = await totals();
      expectError(
        await gql(CreateProgrammeDocument, { input: programmeInput({ leadAuthorityId: mas }) }, reg.fca),
        'FORBIDDEN',
      );
      expect(await totals()).toEqual(before);
      // Naming itself is fine.
      expect((await createProgramme(reg.fca, { leadAuthorityId: fca })).leadAuthority.id).toBe(fca);
    });

    it('innovators and negotiators are FORBIDDEN; nothing created', async () => {
      const before = await totals();
      await expectForbiddenFor(CreateProgrammeDocument, { input: programmeInput() }, [
        ['INNOVATOR', innovator],
        ['NEGOTIATOR', negotiator],
      ]);
      await expectForbiddenFor(CreateProgrammeDocument, { input: programmeInput({ leadAuthorityId: fca }) }, [
        ['INNOVATOR', innovator],
        ['NEGOTIATOR', negotiator],
      ]);
      expect(await totals()).toEqual(before);
    });

    it('an unknown participant authority is NOT_FOUND; nothing created (not even the programme row)', async () => {
      const before = await totals();
      const missing = randomUUID();
      const error = expectError(
        await gql(
          CreateProgrammeDocument,
          { input: programmeInput({ participantAuthorityIds: [mas, missing] }) },
          reg.fca,
        ),
        'NOT_FOUND',
      );
      expect(error.message).toContain(missing);
      expectError(
        await gql(CreateProgrammeDocument, { input: programmeInput({ leadAuthorityId: randomUUID() }) }, admin),
        'NOT_FOUND',
      );
      expect(await totals()).toEqual(before);
    });

    it('a name taken where the caller sees it (its own authority’s programme, or a published one), in any case, is CONFLICT; nothing created', async () => {
      const draft = await createProgramme(reg.fca);
      const published = await programmeIn('OPEN');
      const before = await totals();
      for (const name of [draft.name, draft.name.toUpperCase(), draft.name.toLowerCase()]) {
        expectError(await gql(CreateProgrammeDocument, { input: programmeInput({ name }) }, reg.fca), 'CONFLICT');
      }
      for (const name of [published.name, published.name.toUpperCase(), published.name.toLowerCase()]) {
        expectError(await gql(CreateProgrammeDocument, { input: programmeInput({ name }) }, reg.mas), 'CONFLICT');
      }
      expect(await totals()).toEqual(before);
    });

    it('another authority’s DRAFT of the same name is no conflict: a CONFLICT would reveal a programme the caller may not see', async () => {
      const hidden = await createProgramme(reg.fca);
      const created = await createProgramme(reg.mas, { name: hidden.name });
      expect(created.name).toBe(hidden.name);
      expect(created.id).not.toBe(hidden.id);
    });

    it('rejects bad input with BAD_USER_INPUT naming each field, and creates nothing', async () => {
      const before = await totals();
      const cases: [Record<string, unknown>, string[]][] = [
        [{ applicationOpens: '2026-06-01', applicationCloses: '2026-05-31' }, ['input.applicationCloses']],
        [{ cohortCapacity: 0 }, ['input.cohortCapacity']],
        [{ cohortCapacity: -3 }, ['input.cohortCapacity']],
        [{ cohortCapacity: 10001 }, ['input.cohortCapacity']],
        [{ maxTestingDays: 0 }, ['input.maxTestingDays']],
        [{ maxTestingDays: 3651 }, ['input.maxTestingDays']],
        [{ cohortCapacity: 1.5 }, ['input.cohortCapacity']],
        [{ applicationOpens: '2026-02-30' }, ['input.applicationOpens']],
        [{ applicationCloses: '2026-13-01' }, ['input.applicationCloses']],
        [{ applicationOpens: 'next tuesday' }, ['input.applicationOpens']],
        [{ applicationOpens: '2026-03-01T10:00:00Z' }, ['input.applicationOpens']],
        [{ jointEntryRule: 'MAJORITY' }, ['input.jointEntryRule']],
        [{ jointEntryRule: 'each_authority' }, ['input.jointEntryRule']],
        [{ name: 'AB' }, ['input.name']],
        [{ name: 'x'.repeat(201) }, ['input.name']],
        [{ sectors: ['finance'] }, ['input.sectors']],
        [{ description: 'x'.repeat(10001) }, ['input.description']],
        [{ leadAuthorityId: 'fca' }, ['input.leadAuthorityId']],
        [{ participantAuthorityIds: [mas, 'not-an-id'] }, ['input.participantAuthorityIds']],
        [{ name: 'AB', cohortCapacity: 0 }, ['input.name', 'input.cohortCapacity']],
      ];
      for (const [overrides, paths] of cases) {
        const res = await gql(
          CreateProgrammeDocument,
          { input: programmeInput({ participantAuthorityIds: [mas], ...overrides }) },
          reg.fca,
        );
        expect([JSON.stringify(overrides), res.errors?.[0]?.extensions?.code]).toEqual([
          JSON.stringify(overrides),
          'BAD_USER_INPUT',
        ]);
        expectBadInput(res, ...paths);
      }
      const { maxTestingDays: _m, ...withoutDays } = programmeInput();
      expectBadInput(await gql(CreateProgrammeDocument, { input: withoutDays }, reg.fca), 'input.maxTestingDays');
      // An enum literal that does not exist fails validation before anything runs.
      expectError(
        await gql(
          `mutation { createProgramme(input: { name: "Literal Enum", maxTestingDays: 10, cohortCapacity: 1, jointEntryRule: MAJORITY }) { id } }`,
          {},
          reg.fca,
        ),
        'GRAPHQL_VALIDATION_FAILED',
      );
      expect(await totals()).toEqual(before);
    });

    it('requires a signed-in caller; nothing created', async () => {
      const before = await totals();
      await expectUnauthenticatedFor(CreateProgrammeDocument, { input: programmeInput({ leadAuthorityId: fca }) });
      expect(await totals()).toEqual(before);
    });
  });

  // ---- programmes / programme(id): visibility, fields, filters, pagination -------------------

  describe('programmes and programme(id)', () => {
    it('a DRAFT programme is visible only to its participants’ regulators and to administrators', async () => {
      const p = await createProgramme(reg.fca, { participantAuthorityIds: [mas] });
      for (const [label, token] of [
        ['lead', reg.fca],
        ['participant', reg.mas],
        ['admin', admin],
      ]) {
        expect([label, expectOk(await gql(ProgrammeDetailDocument, { id: p.id }, token)).programme?.id]).toEqual([
          label,
          p.id,
        ]);
        expect([label, (await programmeIds(token)).includes(p.id)]).toEqual([label, true]);
      }
      for (const [label, token] of [
        ['other regulator', reg.ico],
        ['other regulator', reg.ai],
        ['innovator', innovator],
        ['negotiator', negotiator],
      ]) {
        const res = await gql(ProgrammeDetailDocument, { id: p.id }, token);
        expect([label, res.errors]).toEqual([label, undefined]);
        expect([label, res.data]).toEqual([label, { programme: null }]);
        expect([label, (await programmeIds(token)).includes(p.id)]).toEqual([label, false]);
        expect([label, (await programmeIds(token, { search: p.name })).length]).toEqual([label, 0]);
        expect([label, (await programmeIds(token, { status: 'DRAFT' })).includes(p.id)]).toEqual([label, false]);
      }
      // Innovators and negotiators never see any DRAFT; other regulators only their own.
      expect(await programmeIds(innovator, { status: 'DRAFT' })).toEqual([]);
      expect(await programmeIds(negotiator, { status: 'DRAFT' })).toEqual([]);
      const icoDrafts = (
        await q(
          `SELECT p.id FROM programme p JOIN programme_participant pp ON pp.programme_id = p.id WHERE p.status = 'DRAFT' AND pp.authority_id = $1 ORDER BY p.name, p.id`,
          [ico],
        )
      ).map((r) => r.id);
      expect(await programmeIds(reg.ico, { status: 'DRAFT' })).toEqual(icoDrafts);
    });

    it('OPEN, RUNNING and CLOSED programmes are visible to every signed-in user', async () => {
      for (const status of ['OPEN', 'RUNNING', 'CLOSED'] as const) {
        const p = await programmeIn(status);
        for (const [label, token] of [
          ['other regulator', reg.ico],
          ['innovator', innovator],
          ['innovator B', innovatorB],
          ['negotiator', negotiator],
          ['admin', admin],
          ['participant', reg.mas],
        ]) {
          expect([
            status,
            label,
            expectOk(await gql(ProgrammeDetailDocument, { id: p.id }, token)).programme?.status,
          ]).toEqual([status, label, status]);
          expect([status, label, await programmeIds(token, { search: p.name })]).toEqual([status, label, [p.id]]);
        }
      }
    });

    it('every caller sees exactly the programmes the rules allow (list = database)', async () => {
      await createProgramme(reg.ico);
      await programmeIn('OPEN');
      const visible = async (authorityId: string | null) =>
        (
          await q(
            `SELECT id FROM programme p WHERE p.status <> 'DRAFT' OR p.id IN (SELECT programme_id FROM programme_participant WHERE authority_id = $1) ORDER BY name, id`,
            [authorityId],
          )
        ).map((r) => r.id);
      const all = (await q('SELECT id FROM programme ORDER BY name, id')).map((r) => r.id);
      expect(await programmeIds(admin)).toEqual(all);
      expect(await programmeIds(reg.ico)).toEqual(await visible(ico));
      expect(await programmeIds(reg.mas)).toEqual(await visible(mas));
      expect(await programmeIds(innovator)).toEqual(await visible(null));
      expect(await programmeIds(negotiator)).toEqual(await visible(null));
      expect((await programmeIds(reg.ico)).length).toBeLessThan(all.length);
    });

    it('resolves leadAuthority, participants { isLead authority criteria(stage) } and criteria(stage)', async () => {
      const p = await jointProgramme();
      await attach(p.id, shared.fca.ENTRY, reg.fca);
      await attach(p.id, shared.fca.EXIT, reg.fca, false);
      await attach(p.id, shared.mas.ENTRY, reg.mas);
      await attach(p.id, shared.mas.TESTING, reg.mas, true);
      await attach(p.id, shared.ai.TESTING, reg.ai, false);
      const full = expectOk(await gql(ProgrammeCriteriaDocument, { id: p.id }, reg.ai)).programme!;
      // Reading order: by stage, then key.
      expect(full.criteria.map((c: any) => c.stage)).toEqual(['ENTRY', 'ENTRY', 'TESTING', 'TESTING', 'EXIT']);
      const byId = Object.fromEntries(full.criteria.map((c: any) => [c.criterion.id, c]));
      expect(byId[shared.fca.ENTRY]).toEqual({
        stage: 'ENTRY',
        mandatory: true,
        criterion: { id: shared.fca.ENTRY, key: expect.any(String), version: 1, stage: 'ENTRY' },
        authority: { id: fca, acronym: 'FCA' },
      });
      expect(byId[shared.fca.EXIT]).toMatchObject({ stage: 'EXIT', mandatory: false, authority: { id: fca } });
      expect(byId[shared.mas.TESTING]).toMatchObject({
        stage: 'TESTING',
        mandatory: true,
        authority: { id: mas, acronym: 'MAS' },
      });
      expect(byId[shared.ai.TESTING]).toMatchObject({
        stage: 'TESTING',
        mandatory: false,
        authority: { id: aiOffice, acronym: 'AI Office' },
      });
      expect(full.participants[0]).toMatchObject({ isLead: true, authority: { id: fca } });
      const participant = (id: string) => full.participants.find((x: any) => x.authority.id === id)!;
      expect(participant(fca).criteria.map((c: any) => c.criterion.id)).toEqual([shared.fca.ENTRY, shared.fca.EXIT]);
      expect(participant(mas)).toMatchObject({ isLead: false });
      expect(participant(mas).criteria.map((c: any) => c.criterion.id)).toEqual([shared.mas.ENTRY, shared.mas.TESTING]);
      expect(participant(aiOffice).criteria.map((c: any) => [c.stage, c.mandatory, c.authority.id])).toEqual([
        ['TESTING', false, aiOffice],
      ]);
      for (const stage of ['ENTRY', 'TESTING', 'EXIT'] as const) {
        const staged = expectOk(await gql(ProgrammeCriteriaDocument, { id: p.id, stage }, admin)).programme!;
        expect(staged.criteria.map((c: any) => c.criterion.id).sort()).toEqual(
          full.criteria
            .filter((c: any) => c.stage === stage)
            .map((c: any) => c.criterion.id)
            .sort(),
        );
        for (const x of staged.participants) {
          expect(x.criteria.every((c: any) => c.stage === stage && c.authority.id === x.authority.id)).toBe(true);
          expect(x.criteria.length).toBe(
            participant(x.authority.id).criteria.filter((c: any) => c.stage === stage).length,
          );
        }
      }
      // The lead-only fields as a non-participant sees them once the programme is public.
      const open = await programmeIn('OPEN');
      const seen = expectOk(await gql(ProgrammeDetailDocument, { id: open.id }, innovator)).programme!;
      expect(seen.leadAuthority).toEqual({ id: fca, acronym: 'FCA', jurisdiction: { code: 'GB' } });
      expect(seen.participants.map((x: any) => x.isLead)).toEqual([true, false, false]);
      expect(
        expectOk(await gql(ProgrammeCriteriaDocument, { id: open.id }, negotiator)).programme!.criteria,
      ).toHaveLength(3);
    });

    it('filters by status, participant authority, sector and search', async () => {
      const tag = unique('Filter Tag');
      const a = await createProgramme(reg.fca, {
        name: `${tag} Alpha`,
        sectors: ['FINANCE'],
        participantAuthorityIds: [mas],
      });
      const b = await createProgramme(reg.ico, { name: `${tag} Bravo`, sectors: ['HEALTH', 'DATA'] });
      const c = await programmeIn('OPEN', { name: `${tag} Charlie`, sectors: ['FINANCE'] });
      expect(await programmeIds(admin, { search: tag })).toEqual([a.id, b.id, c.id]);
      expect(await programmeIds(admin, { search: tag.toUpperCase() })).toEqual([a.id, b.id, c.id]);
      expect(await programmeIds(admin, { search: `${tag}%` })).toEqual([]);
      expect(await programmeIds(admin, { search: tag, status: 'DRAFT' })).toEqual([a.id, b.id]);
      expect(await programmeIds(admin, { search: tag, status: 'OPEN' })).toEqual([c.id]);
      expect(await programmeIds(admin, { search: tag, status: 'RUNNING' })).toEqual([]);
      expect(await programmeIds(admin, { search: tag, participantAuthorityId: mas })).toEqual([a.id, c.id]);
      expect(await programmeIds(admin, { search: tag, participantAuthorityId: aiOffice })).toEqual([c.id]);
      expect(await programmeIds(admin, { search: tag, participantAuthorityId: randomUUID() })).toEqual([]);
      expect(await programmeIds(admin, { search: tag, sector: 'FINANCE' })).toEqual([a.id, c.id]);
      expect(await programmeIds(admin, { search: tag, sector: 'DATA' })).toEqual([b.id]);
      // Filters never widen visibility: the ICO's regulator sees its draft and the open one only.
      expect(await programmeIds(reg.ico, { search: tag })).toEqual([b.id, c.id]);
      expect(await programmeIds(reg.ico, { search: tag, participantAuthorityId: mas })).toEqual([c.id]);
      expect(await programmeIds(innovator, { search: tag, status: 'DRAFT' })).toEqual([]);
    });

    it('rejects bad filters and paging with BAD_USER_INPUT naming the field', async () => {
      expectBadInput(await gql(ProgrammeListDocument, { filter: { status: 'PAUSED' } }, admin), 'filter.status');
      expectBadInput(
        await gql(ProgrammeListDocument, { filter: { participantAuthorityId: 'fca' } }, admin),
        'filter.participantAuthorityId',
      );
      expectBadInput(await gql(ProgrammeListDocument, { filter: { search: 'x'.repeat(201) } }, admin), 'filter.search');
      expectBadInput(await gql(ProgrammeListDocument, { filter: { sector: 'x'.repeat(41) } }, admin), 'filter.sector');
      expectBadInput(await gql(ProgrammeListDocument, { first: 101 }, admin), 'first');
      expectBadInput(await gql(ProgrammeListDocument, { first: -1 }, admin), 'first');
      for (const after of [
        'garbage',
        cursorOf(['x']),
        cursorOf(['x', 'not-a-uuid']),
        cursorOf(['a\u0000b', randomUUID()]),
        cursorOf(['x', 7]),
      ]) {
        const res = await gql(ProgrammeListDocument, { after }, admin);
        expect([after, res.errors?.[0]?.extensions?.code]).toEqual([after, 'BAD_USER_INPUT']);
        expectBadInput(res, 'after');
      }
      expectError(
        await gql('{ programmes(filter: { status: PAUSED }) { totalCount } }', {}, admin),
        'GRAPHQL_VALIDATION_FAILED',
      );
    });

    it('walks every visible programme with first/after in name order: no overlap, no gap', async () => {
      for (let i = 0; i < 3; i++) await createProgramme(reg.fca);
      await programmeIn('OPEN');
      const dbAll = (await q('SELECT id FROM programme ORDER BY name, id')).map((r) => r.id);
      expect(dbAll.length).toBeGreaterThan(5);
      for (const first of [1, 2, 5]) {
        const { nodes, totalCount, pages } = await walk(ProgrammeListDocument, 'programmes', {}, first, admin);
        expect(nodes.map((n) => n.id)).toEqual(dbAll);
        expect(totalCount).toBe(dbAll.length);
        expect(pages).toBe(Math.ceil(dbAll.length / first));
      }
      // An innovator's walk covers exactly the public programmes.
      const dbPublic = (await q(`SELECT id FROM programme WHERE status <> 'DRAFT' ORDER BY name, id`)).map((r) => r.id);
      expect((await walk(ProgrammeListDocument, 'programmes', {}, 2, innovator)).nodes.map((n) => n.id)).toEqual(
        dbPublic,
      );
      // Default page size 20; first: 0 gives only the count.
      const page = expectOk(await gql(ProgrammeListDocument, {}, admin)).programmes;
      expect(page.edges.length).toBe(Math.min(20, dbAll.length));
      const none = expectOk(await gql(ProgrammeListDocument, { first: 0 }, admin)).programmes;
      expect(none).toMatchObject({ totalCount: dbAll.length, edges: [] });
    });

    it('programme(id) is null, without error, for an id that names nothing', async () => {
      for (const id of [randomUUID(), 'not-a-uuid', '']) {
        const res = await gql(ProgrammeDetailDocument, { id }, admin);
        expect(res.errors).toBeUndefined();
        expect(res.data).toEqual({ programme: null });
      }
    });

    it('require a signed-in caller', async () => {
      const p = await programmeIn('OPEN');
      await expectUnauthenticatedFor(ProgrammeListDocument, {});
      await expectUnauthenticatedFor(ProgrammeDetailDocument, { id: p.id });
    });
  });

  // ---- updateProgramme ----------------------------------------------------------------------

  describe('updateProgramme', () => {
    it('the lead edits a DRAFT programme: what is absent stays, null clears optional fields, null on a required one changes nothing', async () => {
      const p = await jointProgramme({
        description: 'Before',
        sectors: ['FINANCE'],
        applicationOpens: '2026-03-01',
        applicationCloses: '2026-04-30',
      });
      const name = unique('Renamed Pilot');
      const updated = expectOk(
        await gql(
          UpdateProgrammeDocument,
          { input: { id: p.id, name, cohortCapacity: 25, sectors: ['INSURANCE', 'FINANCE'] } },
          reg.fca,
        ),
      ).updateProgramme;
      expect(updated).toMatchObject({
        id: p.id,
        name,
        description: 'Before',
        sectors: ['FINANCE', 'INSURANCE'],
        cohortCapacity: 25,
        maxTestingDays: 180,
        applicationOpens: '2026-03-01',
        applicationCloses: '2026-04-30',
        jointEntryRule: 'EACH_AUTHORITY',
        status: 'DRAFT',
      });
      const cleared = expectOk(
        await gql(
          UpdateProgrammeDocument,
          {
            input: {
              id: p.id,
              description: null,
              sectors: null,
              applicationOpens: null,
              applicationCloses: null,
              name: null,
              maxTestingDays: null,
              cohortCapacity: null,
              jointEntryRule: null,
            },
          },
          reg.fca,
        ),
      ).updateProgramme;
      expect(cleared).toMatchObject({
        name,
        description: '',
        sectors: [],
        applicationOpens: null,
        applicationCloses: null,
        cohortCapacity: 25,
        maxTestingDays: 180,
        jointEntryRule: 'EACH_AUTHORITY',
      });
      expect(
        expectOk(
          await gql(
            UpdateProgrammeDocument,
            {
              input: { id: p.id, jointEntryRule: 'LEAD_DECIDES', maxTestingDays: 90, applicationCloses: '2026-07-01' },
            },
            reg.fca,
          ),
        ).updateProgramme,
      ).toMatchObject({
        jointEntryRule: 'LEAD_DECIDES',
        maxTestingDays: 90,
        applicationOpens: null,
        applicationCloses: '2026-07-01',
      });
      expect((await snapshot(p.id)).programme).toMatchObject({
        name,
        description: '',
        sectors: '',
        opens: null,
        closes: '2026-07-01',
        max_testing_days: 90,
        cohort_capacity: 25,
        joint_entry_rule: 'LEAD_DECIDES',
        status: 'DRAFT',
      });
      // Participants and visibility are untouched by an update.
      expect(updated.participants).toHaveLength(3);
    });

    it('an administrator edits any programme', async () => {
      const p = await createProgramme(reg.mas);
      expect(
        expectOk(
          await gql(UpdateProgrammeDocument, { input: { id: p.id, description: 'Edited by the platform' } }, admin),
        ).updateProgramme.description,
      ).toBe('Edited by the platform');
    });

    it('an OPEN programme can be edited, but its joint-entry rule cannot change (INVALID_TRANSITION, nothing changes)', async () => {
      const p = await programmeIn('OPEN');
      const edited = expectOk(
        await gql(
          UpdateProgrammeDocument,
          { input: { id: p.id, cohortCapacity: 30, jointEntryRule: 'EACH_AUTHORITY' } },
          reg.fca,
        ),
      ).updateProgramme;
      expect(edited).toMatchObject({ cohortCapacity: 30, jointEntryRule: 'EACH_AUTHORITY', status: 'OPEN' });
      const before = await snapshot(p.id);
      expectError(
        await gql(
          UpdateProgrammeDocument,
          { input: { id: p.id, jointEntryRule: 'UNANIMOUS', cohortCapacity: 40 } },
          reg.fca,
        ),
        'INVALID_TRANSITION',
      );
      expect(await snapshot(p.id)).toEqual(before);
    });

    it('a RUNNING or CLOSED programme can no longer be edited: INVALID_TRANSITION, nothing changes', async () => {
      for (const status of ['RUNNING', 'CLOSED'] as const) {
        const p = await programmeIn(status);
        const before = await snapshot(p.id);
        expectError(
          await gql(UpdateProgrammeDocument, { input: { id: p.id, description: 'Too late' } }, reg.fca),
          'INVALID_TRANSITION',
        );
        expectError(
          await gql(UpdateProgrammeDocument, { input: { id: p.id, cohortCapacity: 99 } }, admin),
          'INVALID_TRANSITION',
        );
        expect(await snapshot(p.id)).toEqual(before);
      }
    });

    it('a non-lead participant is FORBIDDEN; a non-participant regulator cannot even see a DRAFT (NOT_FOUND) and is FORBIDDEN on an OPEN one; nothing changes', async () => {
      const draft = await jointProgramme();
      const before = await snapshot(draft.id);
      for (const token of [reg.mas, reg.ai])
        expectError(
          await gql(UpdateProgrammeDocument, { input: { id: draft.id, name: unique('Hijacked') } }, token),
          'FORBIDDEN',
        );
      expectError(
        await gql(UpdateProgrammeDocument, { input: { id: draft.id, name: unique('Hijacked') } }, reg.ico),
        'NOT_FOUND',
      );
      expect(await snapshot(draft.id)).toEqual(before);
      const open = await programmeIn('OPEN');
      const openBefore = await snapshot(open.id);
      for (const token of [reg.mas, reg.ico])
        expectError(
          await gql(UpdateProgrammeDocument, { input: { id: open.id, cohortCapacity: 1 } }, token),
          'FORBIDDEN',
        );
      expect(await snapshot(open.id)).toEqual(openBefore);
    });

    it('innovators and negotiators are FORBIDDEN; nothing changes', async () => {
      const p = await programmeIn('OPEN');
      const before = await snapshot(p.id);
      await expectForbiddenFor(UpdateProgrammeDocument, { input: { id: p.id, cohortCapacity: 1 } }, [
        ['INNOVATOR', innovator],
        ['NEGOTIATOR', negotiator],
      ]);
      expect(await snapshot(p.id)).toEqual(before);
    });

    it('rejects bad input with BAD_USER_INPUT naming each field; nothing changes', async () => {
      const p = await jointProgramme({ applicationOpens: '2026-03-01', applicationCloses: '2026-04-30' });
      const before = await snapshot(p.id);
      const cases: [Record<string, unknown>, string[]][] = [
        // Against the stored opening day, and both given.
        [{ applicationCloses: '2026-02-28' }, ['input.applicationCloses']],
        [{ applicationOpens: '2026-05-01' }, ['input.applicationCloses']],
        [{ applicationOpens: '2026-05-01', applicationCloses: '2026-04-01' }, ['input.applicationCloses']],
        [{ cohortCapacity: 0 }, ['input.cohortCapacity']],
        [{ maxTestingDays: -1 }, ['input.maxTestingDays']],
        [{ applicationOpens: '2026-02-30' }, ['input.applicationOpens']],
        [{ applicationCloses: '2025-02-29' }, ['input.applicationCloses']],
        [{ jointEntryRule: 'MAJORITY' }, ['input.jointEntryRule']],
        [{ name: 'AB' }, ['input.name']],
        [{ sectors: ['Finance'] }, ['input.sectors']],
        [
          { name: 'AB', cohortCapacity: 0, maxTestingDays: 0 },
          ['input.name', 'input.cohortCapacity', 'input.maxTestingDays'],
        ],
      ];
      for (const [overrides, paths] of cases) {
        const res = await gql(
          UpdateProgrammeDocument,
          { input: { id: p.id, description: 'Must not be saved', ...overrides } },
          reg.fca,
        );
        expect([JSON.stringify(overrides), res.errors?.[0]?.extensions?.code]).toEqual([
          JSON.stringify(overrides),
          'BAD_USER_INPUT',
        ]);
        expectBadInput(res, ...paths);
      }
      expectBadInput(
        await gql(UpdateProgrammeDocument, { input: { id: 'not-a-uuid', description: 'x' } }, reg.fca),
        'input.id',
      );
      expect(await snapshot(p.id)).toEqual(before);
    });

    it('renaming to a taken name is CONFLICT; an unknown id is NOT_FOUND; nothing changes', async () => {
      const other = await programmeIn('OPEN');
      const p = await jointProgramme();
      const before = await snapshot(p.id);
      expectError(
        await gql(
          UpdateProgrammeDocument,
          { input: { id: p.id, name: other.name.toLowerCase(), cohortCapacity: 3 } },
          reg.fca,
        ),
        'CONFLICT',
      );
      expect(await snapshot(p.id)).toEqual(before);
      // Its own name in another case is no conflict.
      expect(
        expectOk(await gql(UpdateProgrammeDocument, { input: { id: p.id, name: p.name.toUpperCase() } }, reg.fca))
          .updateProgramme.name,
      ).toBe(p.name.toUpperCase());
      const missing = randomUUID();
      expect(
        expectError(
          await gql(UpdateProgrammeDocument, { input: { id: missing, name: unique('Ghost') } }, reg.fca),
          'NOT_FOUND',
        ).message,
      ).toContain(missing);
    });

    it('requires a signed-in caller; nothing changes', async () => {
      const p = await programmeIn('OPEN');
      const before = await snapshot(p.id);
      await expectUnauthenticatedFor(UpdateProgrammeDocument, { input: { id: p.id, cohortCapacity: 2 } });
      expect(await snapshot(p.id)).toEqual(before);
    });
  });

  // ---- add/removeProgrammeParticipant ---------------------------------------------------------

  describe('addProgrammeParticipant and removeProgrammeParticipant', () => {
    it('the lead adds an authority to a DRAFT programme, which then sees it', async () => {
      const p = await jointProgramme();
      expect(expectOk(await gql(ProgrammeDetailDocument, { id: p.id }, reg.ico)).programme).toBeNull();
      const added = expectOk(
        await gql(AddProgrammeParticipantDocument, { input: { programmeId: p.id, authorityId: ico } }, reg.fca),
      ).addProgrammeParticipant;
      expect(added.participants[0]).toEqual({ isLead: true, authority: { id: fca } });
      expect(added.participants.map((x: any) => x.authority.id).sort()).toEqual([fca, mas, aiOffice, ico].sort());
      expect((await snapshot(p.id)).participants).toEqual([fca, mas, aiOffice, ico].sort());
      expect(expectOk(await gql(ProgrammeDetailDocument, { id: p.id }, reg.ico)).programme!.id).toBe(p.id);
      // Joined last: listed last.
      expect(
        expectOk(await gql(ProgrammeDetailDocument, { id: p.id }, reg.ico)).programme!.participants.at(-1)!.authority
          .id,
      ).toBe(ico);
    });

    it('the lead adds an authority to an OPEN programme; not to a RUNNING or CLOSED one (INVALID_TRANSITION)', async () => {
      const open = await programmeIn('OPEN');
      expectOk(
        await gql(AddProgrammeParticipantDocument, { input: { programmeId: open.id, authorityId: ico } }, reg.fca),
      );
      expect((await snapshot(open.id)).participants).toContain(ico);
      for (const status of ['RUNNING', 'CLOSED'] as const) {
        const p = await programmeIn(status);
        const before = await snapshot(p.id);
        expectError(
          await gql(AddProgrammeParticipantDocument, { input: { programmeId: p.id, authorityId: ico } }, reg.fca),
          'INVALID_TRANSITION',
        );
        expect(await snapshot(p.id)).toEqual(before);
      }
    });

    it('an administrator adds and removes participants', async () => {
      const p = await createProgramme(reg.fca);
      expectOk(await gql(AddProgrammeParticipantDocument, { input: { programmeId: p.id, authorityId: mas } }, admin));
      expect((await snapshot(p.id)).participants).toEqual([fca, mas].sort());
      expectOk(
        await gql(RemoveProgrammeParticipantDocument, { input: { programmeId: p.id, authorityId: mas } }, admin),
      );
      expect((await snapshot(p.id)).participants).toEqual([fca]);
    });

    it('adding an authority already taking part is CONFLICT; an unknown authority or programme is NOT_FOUND; nothing changes', async () => {
      const p = await jointProgramme();
      const before = await snapshot(p.id);
      const totalsBefore = await totals();
      for (const authorityId of [mas, fca])
        expectError(
          await gql(AddProgrammeParticipantDocument, { input: { programmeId: p.id, authorityId } }, reg.fca),
          'CONFLICT',
        );
      expectError(
        await gql(
          AddProgrammeParticipantDocument,
          { input: { programmeId: p.id, authorityId: randomUUID() } },
          reg.fca,
        ),
        'NOT_FOUND',
      );
      expectError(
        await gql(AddProgrammeParticipantDocument, { input: { programmeId: randomUUID(), authorityId: ico } }, reg.fca),
        'NOT_FOUND',
      );
      expectBadInput(
        await gql(AddProgrammeParticipantDocument, { input: { programmeId: p.id, authorityId: 'ico' } }, reg.fca),
        'input.authorityId',
      );
      expectBadInput(
        await gql(AddProgrammeParticipantDocument, { input: { programmeId: 'p', authorityId: 'ico' } }, reg.fca),
        'input.programmeId',
        'input.authorityId',
      );
      expect(await snapshot(p.id)).toEqual(before);
      expect(await totals()).toEqual(totalsBefore);
    });

    it('a non-lead participant adding or removing participants is FORBIDDEN; nothing changes', async () => {
      const p = await jointProgramme();
      const before = await snapshot(p.id);
      expectError(
        await gql(AddProgrammeParticipantDocument, { input: { programmeId: p.id, authorityId: ico } }, reg.mas),
        'FORBIDDEN',
      );
      expectError(
        await gql(RemoveProgrammeParticipantDocument, { input: { programmeId: p.id, authorityId: aiOffice } }, reg.mas),
        'FORBIDDEN',
      );
      // A participant cannot take itself out either: only the lead steers.
      expectError(
        await gql(RemoveProgrammeParticipantDocument, { input: { programmeId: p.id, authorityId: aiOffice } }, reg.ai),
        'FORBIDDEN',
      );
      // A regulator outside a DRAFT programme cannot see it, let alone join it.
      expectError(
        await gql(AddProgrammeParticipantDocument, { input: { programmeId: p.id, authorityId: ico } }, reg.ico),
        'NOT_FOUND',
      );
      expect(await snapshot(p.id)).toEqual(before);
      const open = await programmeIn('OPEN');
      const openBefore = await snapshot(open.id);
      expectError(
        await gql(AddProgrammeParticipantDocument, { input: { programmeId: open.id, authorityId: ico } }, reg.ico),
        'FORBIDDEN',
      );
      expectError(
        await gql(AddProgrammeParticipantDocument, { input: { programmeId: open.id, authorityId: ico } }, reg.ai),
        'FORBIDDEN',
      );
      expect(await snapshot(open.id)).toEqual(openBefore);
    });

    it('innovators and negotiators are FORBIDDEN; nothing changes', async () => {
      const p = await programmeIn('OPEN');
      const before = await snapshot(p.id);
      const tokens: [string, string][] = [
        ['INNOVATOR', innovator],
        ['NEGOTIATOR', negotiator],
      ];
      await expectForbiddenFor(
        AddProgrammeParticipantDocument,
        { input: { programmeId: p.id, authorityId: ico } },
        tokens,
      );
      await expectForbiddenFor(
        RemoveProgrammeParticipantDocument,
        { input: { programmeId: p.id, authorityId: mas } },
        tokens,
      );
      expect(await snapshot(p.id)).toEqual(before);
    });

    it('the lead removes a participant from a DRAFT programme, with the criteria it attached; it then no longer sees the draft', async () => {
      const p = await readyProgramme();
      await attach(p.id, shared.mas.TESTING, reg.mas);
      const before = await totals();
      const removed = expectOk(
        await gql(RemoveProgrammeParticipantDocument, { input: { programmeId: p.id, authorityId: mas } }, reg.fca),
      ).removeProgrammeParticipant;
      expect(removed.participants.map((x: any) => x.authority.id)).toEqual([fca, aiOffice]);
      const after = await snapshot(p.id);
      expect(after.participants).toEqual([fca, aiOffice].sort());
      expect(after.attachments.map((a: any) => a.criterion_id).sort()).toEqual(
        [shared.fca.ENTRY, shared.ai.ENTRY].sort(),
      );
      expect(await totals()).toEqual({
        ...before,
        programme_participant: before.programme_participant - 1,
        programme_criterion: before.programme_criterion - 2,
      });
      expect(expectOk(await gql(ProgrammeDetailDocument, { id: p.id }, reg.mas)).programme).toBeNull();
      // It may be added back, and starts with nothing attached.
      expectOk(await gql(AddProgrammeParticipantDocument, { input: { programmeId: p.id, authorityId: mas } }, reg.fca));
      expect(
        expectOk(await gql(ProgrammeCriteriaDocument, { id: p.id }, reg.mas)).programme!.participants.find(
          (x: any) => x.authority.id === mas,
        )!.criteria,
      ).toEqual([]);
    });

    it('removing the lead is BAD_USER_INPUT; a non-participant is NOT_FOUND; outside DRAFT it is INVALID_TRANSITION; nothing changes', async () => {
      const p = await readyProgramme();
      const before = await snapshot(p.id);
      expectBadInput(
        await gql(RemoveProgrammeParticipantDocument, { input: { programmeId: p.id, authorityId: fca } }, reg.fca),
        'input.authorityId',
      );
      expectError(
        await gql(RemoveProgrammeParticipantDocument, { input: { programmeId: p.id, authorityId: ico } }, reg.fca),
        'NOT_FOUND',
      );
      expectError(
        await gql(
          RemoveProgrammeParticipantDocument,
          { input: { programmeId: p.id, authorityId: randomUUID() } },
          reg.fca,
        ),
        'NOT_FOUND',
      );
      expectError(
        await gql(
          RemoveProgrammeParticipantDocument,
          { input: { programmeId: randomUUID(), authorityId: mas } },
          reg.fca,
        ),
        'NOT_FOUND',
      );
      expect(await snapshot(p.id)).toEqual(before);
      for (const status of ['OPEN', 'RUNNING', 'CLOSED'] as const) {
        const other = await programmeIn(status);
        const otherBefore = await snapshot(other.id);
        expectError(
          await gql(
            RemoveProgrammeParticipantDocument,
            { input: { programmeId: other.id, authorityId: mas } },
            reg.fca,
          ),
          'INVALID_TRANSITION',
        );
        expect(await snapshot(other.id)).toEqual(otherBefore);
      }
    });

    it('require a signed-in caller; nothing changes', async () => {
      const p = await jointProgramme();
      const before = await snapshot(p.id);
      await expectUnauthenticatedFor(AddProgrammeParticipantDocument, {
        input: { programmeId: p.id, authorityId: ico },
      });
      await expectUnauthenticatedFor(RemoveProgrammeParticipantDocument, {
        input: { programmeId: p.id, authorityId: mas },
      });
      expect(await snapshot(p.id)).toEqual(before);
    });
  });

  // ---- attachCriterion / detachCriterion ------------------------------------------------------

  describe('attachCriterion and detachCriterion', () => {
    it('a participant attaches its own ACTIVE criterion to the criterion’s stage; mandatory defaults to true, false when given', async () => {
      const p = await jointProgramme();
      const before = await totals();
      const entry = await attach(p.id, shared.mas.ENTRY, reg.mas);
      expect(entry).toEqual({
        stage: 'ENTRY',
        mandatory: true,
        criterion: { id: shared.mas.ENTRY, key: expect.any(String), version: 1 },
        authority: { id: mas, acronym: 'MAS' },
      });
      const testing = await attach(p.id, shared.mas.TESTING, reg.mas, false);
      expect(testing).toMatchObject({ stage: 'TESTING', mandatory: false, authority: { id: mas } });
      const exit = await attach(p.id, shared.mas.EXIT, reg.mas, true);
      expect(exit).toMatchObject({ stage: 'EXIT', mandatory: true });
      expect(await totals()).toEqual({ ...before, programme_criterion: before.programme_criterion + 3 });
      expect((await snapshot(p.id)).attachments).toEqual(
        [
          { criterion_id: shared.mas.ENTRY, authority_id: mas, stage: 'ENTRY', mandatory: true },
          { criterion_id: shared.mas.TESTING, authority_id: mas, stage: 'TESTING', mandatory: false },
          { criterion_id: shared.mas.EXIT, authority_id: mas, stage: 'EXIT', mandatory: true },
        ].sort((a, b) => a.criterion_id.localeCompare(b.criterion_id)),
      );
    });

    it('the lead attaches to its OPEN and RUNNING programmes too; an administrator attaches any participant’s criterion', async () => {
      const open = await programmeIn('OPEN');
      expect((await attach(open.id, shared.fca.TESTING, reg.fca)).stage).toBe('TESTING');
      const running = await programmeIn('RUNNING');
      expect((await attach(running.id, shared.mas.EXIT, reg.mas, false)).mandatory).toBe(false);
      const draft = await jointProgramme();
      expect((await attach(draft.id, shared.ai.EXIT, admin)).authority.id).toBe(aiOffice);
    });

    it('attaching to a CLOSED programme is INVALID_TRANSITION; nothing changes', async () => {
      const p = await programmeIn('CLOSED');
      const before = await snapshot(p.id);
      expectError(
        await gql(AttachCriterionDocument, { input: { programmeId: p.id, criterionId: shared.fca.TESTING } }, reg.fca),
        'INVALID_TRANSITION',
      );
      expect(await snapshot(p.id)).toEqual(before);
    });

    it('a participant attaching another authority’s criterion is FORBIDDEN; nothing changes', async () => {
      const p = await jointProgramme();
      const before = await snapshot(p.id);
      expectError(
        await gql(AttachCriterionDocument, { input: { programmeId: p.id, criterionId: shared.fca.ENTRY } }, reg.mas),
        'FORBIDDEN',
      );
      expectError(
        await gql(AttachCriterionDocument, { input: { programmeId: p.id, criterionId: shared.mas.ENTRY } }, reg.fca),
        'FORBIDDEN',
      );
      // Even the criterion of a non-participant, attached by the lead.
      expectError(
        await gql(AttachCriterionDocument, { input: { programmeId: p.id, criterionId: shared.ico.ENTRY } }, reg.fca),
        'FORBIDDEN',
      );
      expect(await snapshot(p.id)).toEqual(before);
    });

    it('a non-participant attaching its own criterion is FORBIDDEN (OPEN), or finds no programme (DRAFT); nothing changes', async () => {
      const open = await programmeIn('OPEN');
      const before = await snapshot(open.id);
      const error = expectError(
        await gql(AttachCriterionDocument, { input: { programmeId: open.id, criterionId: shared.ico.ENTRY } }, reg.ico),
        'FORBIDDEN',
      );
      expect(error.message).toMatch(/participating authority/);
      // An administrator cannot attach a non-participant’s criterion either.
      expectError(
        await gql(AttachCriterionDocument, { input: { programmeId: open.id, criterionId: shared.ico.ENTRY } }, admin),
        'FORBIDDEN',
      );
      expect(await snapshot(open.id)).toEqual(before);
      const draft = await jointProgramme();
      const draftBefore = await snapshot(draft.id);
      expectError(
        await gql(
          AttachCriterionDocument,
          { input: { programmeId: draft.id, criterionId: shared.ico.ENTRY } },
          reg.ico,
        ),
        'NOT_FOUND',
      );
      expect(await snapshot(draft.id)).toEqual(draftBefore);
    });

    it('a DRAFT or RETIRED criterion is INVALID_TRANSITION; nothing changes', async () => {
      const p = await jointProgramme();
      const draft = await draftCriterion(reg.fca, 'ENTRY');
      const retired = await activeCriterion(reg.fca, 'TESTING');
      expect(
        expectOk(await gql(RetireCriterionDocument, { input: { id: retired.id } }, reg.fca)).retireCriterion.status,
      ).toBe('RETIRED');
      const before = await snapshot(p.id);
      expect(
        expectError(
          await gql(AttachCriterionDocument, { input: { programmeId: p.id, criterionId: draft.id } }, reg.fca),
          'INVALID_TRANSITION',
        ).message,
      ).toMatch(/DRAFT/);
      expect(
        expectError(
          await gql(AttachCriterionDocument, { input: { programmeId: p.id, criterionId: retired.id } }, reg.fca),
          'INVALID_TRANSITION',
        ).message,
      ).toMatch(/RETIRED/);
      expectError(
        await gql(
          AttachCriterionDocument,
          { input: { programmeId: p.id, criterionId: draft.id, mandatory: false } },
          admin,
        ),
        'INVALID_TRANSITION',
      );
      expect(await snapshot(p.id)).toEqual(before);
    });

    it('attaching a second version of a key already attached is CONFLICT; the attached version stays, unchanged', async () => {
      const p = await jointProgramme();
      const v1 = await activeCriterion(reg.fca, 'ENTRY');
      await attach(p.id, v1.id, reg.fca, false);
      const v2 = expectOk(await gql(ReviseCriterionDocument, { input: { id: v1.id } }, reg.fca)).reviseCriterion;
      expect(v2).toMatchObject({ version: 2, status: 'DRAFT' });
      expect(
        expectOk(await gql(PublishCriterionDocument, { input: { id: v2.id } }, reg.fca)).publishCriterion.status,
      ).toBe('ACTIVE');
      const before = await snapshot(p.id);
      const error = expectError(
        await gql(AttachCriterionDocument, { input: { programmeId: p.id, criterionId: v2.id } }, reg.fca),
        'CONFLICT',
      );
      expect(error.message).toContain(v1.key);
      expect(await snapshot(p.id)).toEqual(before);
      // The retired version 1 is still what the programme shows, as it was.
      const shown = expectOk(await gql(ProgrammeCriteriaDocument, { id: p.id }, reg.fca)).programme!.criteria;
      expect(shown).toEqual([
        {
          stage: 'ENTRY',
          mandatory: false,
          criterion: { id: v1.id, key: v1.key, version: 1, stage: 'ENTRY' },
          authority: { id: fca, acronym: 'FCA' },
        },
      ]);
      // Detach version 1, then version 2 attaches.
      expectOk(await gql(DetachCriterionDocument, { input: { programmeId: p.id, criterionId: v1.id } }, reg.fca));
      expect((await attach(p.id, v2.id, reg.fca)).criterion).toMatchObject({ id: v2.id, version: 2 });
    });

    it('attaching the same criterion again keeps one attachment and sets its mandatory flag (absent = true)', async () => {
      const p = await jointProgramme();
      await attach(p.id, shared.ai.TESTING, reg.ai);
      const before = await totals();
      const mandatoryOf = async () =>
        (await snapshot(p.id)).attachments
          .filter((a: any) => a.criterion_id === shared.ai.TESTING)
          .map((a: any) => a.mandatory);
      expect((await attach(p.id, shared.ai.TESTING, reg.ai, false)).mandatory).toBe(false);
      expect(await mandatoryOf()).toEqual([false]);
      expect((await attach(p.id, shared.ai.TESTING, reg.ai)).mandatory).toBe(true);
      expect(await mandatoryOf()).toEqual([true]);
      expect(await totals()).toEqual(before);
    });

    it('unknown ids are NOT_FOUND, malformed ones BAD_USER_INPUT, a non-boolean mandatory BAD_USER_INPUT; nothing changes', async () => {
      const p = await jointProgramme();
      const before = await totals();
      expectError(
        await gql(AttachCriterionDocument, { input: { programmeId: p.id, criterionId: randomUUID() } }, reg.fca),
        'NOT_FOUND',
      );
      expectError(
        await gql(
          AttachCriterionDocument,
          { input: { programmeId: randomUUID(), criterionId: shared.fca.ENTRY } },
          reg.fca,
        ),
        'NOT_FOUND',
      );
      expectBadInput(
        await gql(AttachCriterionDocument, { input: { programmeId: 'nope', criterionId: 'nope' } }, reg.fca),
        'input.programmeId',
        'input.criterionId',
      );
      expectBadInput(
        await gql(
          AttachCriterionDocument,
          { input: { programmeId: p.id, criterionId: shared.fca.ENTRY, mandatory: 'yes' } },
          reg.fca,
        ),
        'input.mandatory',
      );
      expectBadInput(
        await gql(DetachCriterionDocument, { input: { programmeId: p.id, criterionId: 'nope' } }, reg.fca),
        'input.criterionId',
      );
      expectError(
        await gql(DetachCriterionDocument, { input: { programmeId: p.id, criterionId: shared.fca.ENTRY } }, reg.fca),
        'NOT_FOUND',
      );
      expectError(
        await gql(
          DetachCriterionDocument,
          { input: { programmeId: randomUUID(), criterionId: shared.fca.ENTRY } },
          reg.fca,
        ),
        'NOT_FOUND',
      );
      expect(await totals()).toEqual(before);
    });

    it('innovators and negotiators are FORBIDDEN; nothing changes', async () => {
      const p = await programmeIn('OPEN');
      const before = await snapshot(p.id);
      const tokens: [string, string][] = [
        ['INNOVATOR', innovator],
        ['NEGOTIATOR', negotiator],
      ];
      await expectForbiddenFor(
        AttachCriterionDocument,
        { input: { programmeId: p.id, criterionId: shared.fca.TESTING } },
        tokens,
      );
      await expectForbiddenFor(
        DetachCriterionDocument,
        { input: { programmeId: p.id, criterionId: shared.fca.ENTRY } },
        tokens,
      );
      expect(await snapshot(p.id)).toEqual(before);
    });

    it('detach returns the attachment as it was and removes it (DRAFT and OPEN)', async () => {
      for (const status of ['DRAFT', 'OPEN'] as const) {
        const p = await programmeIn(status);
        await attach(p.id, shared.mas.TESTING, reg.mas, false);
        const before = await totals();
        const detached = expectOk(
          await gql(
            DetachCriterionDocument,
            { input: { programmeId: p.id, criterionId: shared.mas.TESTING } },
            reg.mas,
          ),
        ).detachCriterion;
        expect(detached).toEqual({
          stage: 'TESTING',
          mandatory: false,
          criterion: { id: shared.mas.TESTING, key: expect.any(String) },
          authority: { id: mas },
        });
        expect(await totals()).toEqual({ ...before, programme_criterion: before.programme_criterion - 1 });
        expect((await snapshot(p.id)).attachments.map((a: any) => a.criterion_id)).not.toContain(shared.mas.TESTING);
      }
      // An administrator detaches any authority's criterion.
      const p = await readyProgramme();
      expectOk(
        await gql(DetachCriterionDocument, { input: { programmeId: p.id, criterionId: shared.ai.ENTRY } }, admin),
      );
      expect((await snapshot(p.id)).attachments).toHaveLength(2);
    });

    it('detaching another authority’s criterion is FORBIDDEN, even for the lead; detaching from a RUNNING or CLOSED programme is INVALID_TRANSITION; nothing changes', async () => {
      const p = await readyProgramme();
      const before = await snapshot(p.id);
      expectError(
        await gql(DetachCriterionDocument, { input: { programmeId: p.id, criterionId: shared.mas.ENTRY } }, reg.fca),
        'FORBIDDEN',
      );
      expectError(
        await gql(DetachCriterionDocument, { input: { programmeId: p.id, criterionId: shared.fca.ENTRY } }, reg.ai),
        'FORBIDDEN',
      );
      expect(await snapshot(p.id)).toEqual(before);
      for (const status of ['RUNNING', 'CLOSED'] as const) {
        const other = await programmeIn(status);
        const otherBefore = await snapshot(other.id);
        expectError(
          await gql(
            DetachCriterionDocument,
            { input: { programmeId: other.id, criterionId: shared.mas.ENTRY } },
            reg.mas,
          ),
          'INVALID_TRANSITION',
        );
        expect(await snapshot(other.id)).toEqual(otherBefore);
      }
    });

    it('require a signed-in caller; nothing changes', async () => {
      const p = await readyProgramme();
      const before = await snapshot(p.id);
      await expectUnauthenticatedFor(AttachCriterionDocument, {
        input: { programmeId: p.id, criterionId: shared.fca.TESTING },
      });
      await expectUnauthenticatedFor(DetachCriterionDocument, {
        input: { programmeId: p.id, criterionId: shared.fca.ENTRY },
      });
      expect(await snapshot(p.id)).toEqual(before);
    });
  });

  // ---- transitionProgramme ------------------------------------------------------------------

  describe('transitionProgramme', () => {
    it('the lead moves a programme DRAFT → OPEN → RUNNING → CLOSED', async () => {
      const p = await readyProgramme();
      for (const [action, status] of [
        ['OPEN', 'OPEN'],
        ['START', 'RUNNING'],
        ['CLOSE', 'CLOSED'],
      ] as const) {
        expect(expectOk(await transition(p.id, action)).transitionProgramme).toEqual({ id: p.id, status });
        expect(await statusOf(p.id)).toBe(status);
        expect(expectOk(await gql(ProgrammeDetailDocument, { id: p.id }, reg.mas)).programme!.status).toBe(status);
      }
    });

    it('an administrator moves any programme', async () => {
      const p = await readyProgramme();
      for (const [action, status] of [
        ['OPEN', 'OPEN'],
        ['START', 'RUNNING'],
        ['CLOSE', 'CLOSED'],
      ] as const) {
        expect(expectOk(await transition(p.id, action, admin)).transitionProgramme.status).toBe(status);
      }
    });

    it('every action from every wrong state is INVALID_TRANSITION, and the status stays', async () => {
      const wrong: Record<Status, Action[]> = {
        DRAFT: ['START', 'CLOSE'],
        OPEN: ['OPEN', 'CLOSE'],
        RUNNING: ['OPEN', 'START'],
        CLOSED: ['OPEN', 'START', 'CLOSE'],
      };
      for (const [status, actions] of Object.entries(wrong) as [Status, Action[]][]) {
        const p = await programmeIn(status);
        const before = await snapshot(p.id);
        for (const action of actions) {
          for (const token of [reg.fca, admin]) {
            const res = await transition(p.id, action, token);
            expect([status, action, res.errors?.[0]?.extensions?.code]).toEqual([status, action, 'INVALID_TRANSITION']);
            expectError(res, 'INVALID_TRANSITION');
            expect(res.errors![0].message).toContain(status);
          }
        }
        expect(await snapshot(p.id)).toEqual(before);
      }
    });

    it('OPEN while a participant has no ENTRY criterion is INVALID_TRANSITION, and the status stays', async () => {
      const p = await jointProgramme();
      const attempt = async () => {
        const before = await snapshot(p.id);
        const error = expectError(await transition(p.id, 'OPEN'), 'INVALID_TRANSITION');
        expect(await snapshot(p.id)).toEqual(before);
        return error.message;
      };
      // Nobody has one.
      expect(await attempt()).toMatch(/ENTRY/);
      // The lead and MAS have one, the AI Office only TESTING and EXIT criteria.
      await attach(p.id, shared.fca.ENTRY, reg.fca);
      await attach(p.id, shared.mas.ENTRY, reg.mas, false);
      await attach(p.id, shared.ai.TESTING, reg.ai);
      await attach(p.id, shared.ai.EXIT, reg.ai);
      expect(await attempt()).toContain('(missing: AI Office)');
      // Every participant but the lead.
      const other = await createProgramme(reg.fca, { participantAuthorityIds: [mas] });
      await attach(other.id, shared.mas.ENTRY, reg.mas);
      const otherBefore = await snapshot(other.id);
      expect(expectError(await transition(other.id, 'OPEN'), 'INVALID_TRANSITION').message).toContain('(missing: FCA)');
      expect(await snapshot(other.id)).toEqual(otherBefore);
      // Once the AI Office attaches an ENTRY criterion (optional ones count), it opens.
      await attach(p.id, shared.ai.ENTRY, reg.ai, false);
      expect(expectOk(await transition(p.id, 'OPEN')).transitionProgramme.status).toBe('OPEN');
      // Detaching it again once OPEN does not move the programme back.
      expectOk(
        await gql(DetachCriterionDocument, { input: { programmeId: p.id, criterionId: shared.ai.ENTRY } }, reg.ai),
      );
      expect(await statusOf(p.id)).toBe('OPEN');
    });

    it('a participant added or an ENTRY criterion detached before opening blocks OPEN again', async () => {
      const p = await readyProgramme();
      expectOk(await gql(AddProgrammeParticipantDocument, { input: { programmeId: p.id, authorityId: ico } }, reg.fca));
      expectError(await transition(p.id, 'OPEN'), 'INVALID_TRANSITION');
      expectOk(
        await gql(RemoveProgrammeParticipantDocument, { input: { programmeId: p.id, authorityId: ico } }, reg.fca),
      );
      expectOk(
        await gql(DetachCriterionDocument, { input: { programmeId: p.id, criterionId: shared.mas.ENTRY } }, reg.mas),
      );
      expectError(await transition(p.id, 'OPEN'), 'INVALID_TRANSITION');
      expect(await statusOf(p.id)).toBe('DRAFT');
      await attach(p.id, shared.mas.ENTRY, reg.mas);
      expectOk(await transition(p.id, 'OPEN'));
      expect(await statusOf(p.id)).toBe('OPEN');
    });

    it('a non-lead participant is FORBIDDEN for every action in every state; the status stays', async () => {
      for (const status of ['DRAFT', 'OPEN', 'RUNNING', 'CLOSED'] as const) {
        const p = await programmeIn(status);
        const before = await snapshot(p.id);
        for (const action of ['OPEN', 'START', 'CLOSE'] as const) {
          for (const token of [reg.mas, reg.ai]) {
            const res = await transition(p.id, action, token);
            expect([status, action, res.errors?.[0]?.extensions?.code]).toEqual([status, action, 'FORBIDDEN']);
            expectError(res, 'FORBIDDEN');
          }
        }
        expect(await snapshot(p.id)).toEqual(before);
      }
    });

    it('allowedTransitions says, for each action, whether the caller may take it now, and why not as transitionProgramme would', async () => {
      const ALLOWED = `query($id: ID!) { programme(id: $id) { status allowedTransitions { action allowed reason } } }`;
      const allowed = async (id: string, token: string) =>
        expectOk(await gql(ALLOWED, { id }, token)).programme.allowedTransitions as {
          action: Action;
          allowed: boolean;
          reason: string | null;
        }[];
      const refusal = async (id: string, action: Action, token = reg.fca) =>
        (await transition(id, action, token)).errors?.[0]?.message ?? null;

      // A draft the AI Office has attached nothing to: OPEN is blocked by the guard, with the same words.
      const p = await jointProgramme();
      await attach(p.id, shared.fca.ENTRY, reg.fca);
      await attach(p.id, shared.mas.ENTRY, reg.mas);
      const draft = await allowed(p.id, reg.fca);
      expect(draft.map((x) => [x.action, x.allowed])).toEqual([
        ['OPEN', false],
        ['START', false],
        ['CLOSE', false],
      ]);
      expect(draft[0].reason).toContain('(missing: AI Office)');
      for (const x of draft) expect(x.reason).toBe(await refusal(p.id, x.action));
      expect(await allowed(p.id, admin)).toEqual(draft);

      // Ready: the lead may open it; a participant that does not lead may do nothing, and is told why.
      await attach(p.id, shared.ai.ENTRY, reg.ai);
      expect(await allowed(p.id, reg.fca)).toEqual([
        { action: 'OPEN', allowed: true, reason: null },
        { action: 'START', allowed: false, reason: await refusal(p.id, 'START') },
        { action: 'CLOSE', allowed: false, reason: await refusal(p.id, 'CLOSE') },
      ]);
      for (const x of await allowed(p.id, reg.mas)) {
        expect(x).toEqual({ action: x.action, allowed: false, reason: await refusal(p.id, x.action, reg.mas) });
      }
      expect(await statusOf(p.id)).toBe('DRAFT');

      // Each step moves the one allowed action along; an innovator sees an open programme's actions, none allowed.
      for (const [action, next] of [
        ['OPEN', 'START'],
        ['START', 'CLOSE'],
        ['CLOSE', null],
      ] as const) {
        expectOk(await transition(p.id, action));
        const now = await allowed(p.id, reg.fca);
        expect(now.filter((x) => x.allowed).map((x) => x.action)).toEqual(next ? [next] : []);
        expect((await allowed(p.id, innovator)).some((x) => x.allowed)).toBe(false);
      }
    });

    it('a non-participant regulator finds no DRAFT (NOT_FOUND) and is FORBIDDEN on a public one; the status stays', async () => {
      const draft = await readyProgramme();
      expectError(await transition(draft.id, 'OPEN', reg.ico), 'NOT_FOUND');
      expect(await statusOf(draft.id)).toBe('DRAFT');
      const open = await programmeIn('OPEN');
      expectError(await transition(open.id, 'START', reg.ico), 'FORBIDDEN');
      expect(await statusOf(open.id)).toBe('OPEN');
    });

    it('innovators and negotiators are FORBIDDEN; the status stays', async () => {
      const p = await readyProgramme();
      await expectForbiddenFor(TransitionProgrammeDocument, { input: { id: p.id, action: 'OPEN' } }, [
        ['INNOVATOR', innovator],
        ['NEGOTIATOR', negotiator],
      ]);
      expect(await statusOf(p.id)).toBe('DRAFT');
    });

    it('an unknown action is BAD_USER_INPUT; an unknown programme NOT_FOUND', async () => {
      const p = await readyProgramme();
      expectBadInput(await transition(p.id, 'REOPEN' as Action), 'input.action');
      expectBadInput(
        await gql(TransitionProgrammeDocument, { input: { id: p.id, action: 'open' } }, reg.fca),
        'input.action',
      );
      expectBadInput(
        await gql(TransitionProgrammeDocument, { input: { id: 'x', action: 'OPEN' } }, reg.fca),
        'input.id',
      );
      expectError(
        await gql(`mutation { transitionProgramme(input: { id: "${p.id}", action: REOPEN }) { id } }`, {}, reg.fca),
        'GRAPHQL_VALIDATION_FAILED',
      );
      expectError(await transition(randomUUID(), 'OPEN'), 'NOT_FOUND');
      expect(await statusOf(p.id)).toBe('DRAFT');
    });

    it('requires a signed-in caller; the status stays', async () => {
      const p = await readyProgramme();
      await expectUnauthenticatedFor(TransitionProgrammeDocument, { input: { id: p.id, action: 'OPEN' } });
      expect(await statusOf(p.id)).toBe('DRAFT');
    });
  });

  // ---- N+1 (issue 3 acceptance) -------------------------------------------------------------

  describe('programmes(first: 50) with nested participants, authorities, jurisdictions and criteria', () => {
    it('costs the same number of SQL statements for 2 programmes as for 12 (DataLoader, no N+1)', async () => {
      const tag = unique('N+1 Pilot');
      /** A programme with 3 participants, each attaching one criterion of its own and its shared TESTING and EXIT ones. */
      const build = async (i: number) => {
        const p = await jointProgramme({ name: `${tag} ${String(i).padStart(2, '0')}` });
        for (const [k, token] of [
          ['fca', reg.fca],
          ['mas', reg.mas],
          ['ai', reg.ai],
        ] as const) {
          const own = await activeCriterion(token, 'ENTRY', [`PTSTD:${(i % 3) + 1}`, 'PTSTD:2']);
          await attach(p.id, own.id, token, i % 2 === 0);
          await attach(p.id, shared[k].TESTING, token);
          await attach(p.id, shared[k].EXIT, token, false);
        }
        // Some public, some not: both kinds are on the page.
        if (i % 2 === 1) expectOk(await transition(p.id, 'OPEN'));
        return p;
      };
      const counter = t.countQueries();
      const measure = async (expected: number, token: string) => {
        counter.reset();
        const data = expectOk(await gql(ProgrammeOverviewDocument, { filter: { search: tag } }, token));
        const count = counter.queries.length;
        const nodes = data.programmes.edges.map((e: any) => e.node);
        expect(nodes).toHaveLength(expected);
        for (const node of nodes) {
          expect(node.leadAuthority.jurisdiction.code).toBe('GB');
          expect(node.participants.map((x: any) => x.authority.jurisdiction.code)).toEqual([
            'GB',
            expect.any(String),
            expect.any(String),
          ]);
          expect(
            node.participants
              .map((x: any) => x.authority.jurisdiction.code)
              .slice(1)
              .sort(),
          ).toEqual(['EU', 'SG']);
          expect(node.criteria).toHaveLength(9);
          expect(node.criteria.map((c: any) => c.stage)).toEqual([
            'ENTRY',
            'ENTRY',
            'ENTRY',
            'TESTING',
            'TESTING',
            'TESTING',
            'EXIT',
            'EXIT',
            'EXIT',
          ]);
          for (const participant of node.participants) {
            expect(participant.criteria).toHaveLength(3);
            for (const c of participant.criteria) {
              expect(c.criterion.clauses.length).toBeGreaterThan(0);
              expect(typeof c.criterion.authority.acronym).toBe('string');
            }
          }
        }
        return count;
      };
      for (let i = 0; i < 2; i++) await build(i);
      const small = { admin: await measure(2, admin), lead: await measure(2, reg.fca) };
      for (let i = 2; i < 12; i++) await build(i);
      const large = { admin: await measure(12, admin), lead: await measure(12, reg.fca) };
      // An innovator sees only the public half, at the same cost too.
      const innovatorCount = await measure(6, innovator);
      expect(large).toEqual(small);
      expect(innovatorCount).toBeLessThanOrEqual(large.admin + 1);
      // count, page, participants, programmes (lead order), attachments, criteria, clause links, clauses,
      // and authorities and jurisdictions once per nesting level: a dozen, never one per programme.
      expect(large.admin).toBeLessThanOrEqual(14);
      expect(large.lead).toBeLessThanOrEqual(14);
    });
  });

  // ---- AI systems ---------------------------------------------------------------------------

  describe('AI systems', () => {
    function systemInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
      return {
        name: unique('Credit Scorer'),
        sector: 'FINANCE',
        intendedPurpose: 'Scores retail credit applications for affordability.',
        riskClass: 'HIGH',
        ...overrides,
      };
    }

    async function register(token: string, overrides: Record<string, unknown> = {}): Promise<any> {
      return expectOk(await gql(RegisterAiSystemDocument, { input: systemInput(overrides) }, token)).registerAiSystem;
    }

    async function systemRow(id: string) {
      const [row] = await q(
        'SELECT organisation_id, name, sector, intended_purpose, risk_class, updated_at::text AS updated_at FROM ai_system WHERE id = $1',
        [id],
      );
      return row;
    }

    describe('registerAiSystem', () => {
      it('an innovator registers a system for its own organisation', async () => {
        const before = await totals();
        const input = systemInput({ riskClass: 'LIMITED', sector: 'INSURANCE' });
        const created = expectOk(await gql(RegisterAiSystemDocument, { input }, innovator)).registerAiSystem;
        expect(created).toEqual({
          id: expect.stringMatching(/^[0-9a-f-]{36}$/),
          name: input.name,
          sector: 'INSURANCE',
          intendedPurpose: input.intendedPurpose,
          riskClass: 'LIMITED',
          organisation: { id: orgA, name: expect.any(String), homeJurisdiction: { code: 'GB' } },
        });
        expect(await totals()).toEqual({ ...before, ai_system: before.ai_system + 1 });
        expect(await systemRow(created.id)).toMatchObject({
          organisation_id: orgA,
          name: input.name,
          sector: 'INSURANCE',
          intended_purpose: input.intendedPurpose,
          risk_class: 'LIMITED',
        });
        // Naming its own organisation is fine too.
        expect((await register(innovator, { organisationId: orgA })).organisation.id).toBe(orgA);
      });

      it('an innovator naming another organisation is NOT_FOUND (it may not see it), as for an unknown one; nothing created', async () => {
        const before = await totals();
        expectError(
          await gql(RegisterAiSystemDocument, { input: systemInput({ organisationId: orgB }) }, innovator),
          'NOT_FOUND',
        );
        expectError(
          await gql(RegisterAiSystemDocument, { input: systemInput({ organisationId: randomUUID() }) }, innovator),
          'NOT_FOUND',
        );
        expect(await totals()).toEqual(before);
      });

      it('an administrator must name the organisation; an unknown one is NOT_FOUND', async () => {
        const before = await totals();
        expectBadInput(await gql(RegisterAiSystemDocument, { input: systemInput() }, admin), 'input.organisationId');
        expectError(
          await gql(RegisterAiSystemDocument, { input: systemInput({ organisationId: randomUUID() }) }, admin),
          'NOT_FOUND',
        );
        expect(await totals()).toEqual(before);
        expect((await register(admin, { organisationId: orgB })).organisation.id).toBe(orgB);
      });

      it('regulators and negotiators are FORBIDDEN; nothing created', async () => {
        const before = await totals();
        await expectForbiddenFor(RegisterAiSystemDocument, { input: systemInput() }, [
          ['REGULATOR', reg.fca],
          ['NEGOTIATOR', negotiator],
        ]);
        await expectForbiddenFor(RegisterAiSystemDocument, { input: systemInput({ organisationId: orgA }) }, [
          ['REGULATOR', reg.mas],
          ['NEGOTIATOR', negotiator],
        ]);
        expect(await totals()).toEqual(before);
      });

      it('a name the organisation already uses is CONFLICT; another organisation may use it', async () => {
        const name = unique('Shared Name');
        await register(innovator, { name });
        const before = await totals();
        expectError(await gql(RegisterAiSystemDocument, { input: systemInput({ name }) }, innovator), 'CONFLICT');
        expect(await totals()).toEqual(before);
        expect((await register(innovatorB, { name })).organisation.id).toBe(orgB);
      });

      it('rejects bad input with BAD_USER_INPUT naming each field; nothing created', async () => {
        const before = await totals();
        const cases: [Record<string, unknown>, string[]][] = [
          [{ riskClass: 'EXTREME' }, ['input.riskClass']],
          [{ riskClass: 'high' }, ['input.riskClass']],
          [{ sector: 'finance' }, ['input.sector']],
          [{ sector: '' }, ['input.sector']],
          [{ intendedPurpose: 'short' }, ['input.intendedPurpose']],
          [{ name: 'x' }, ['input.name']],
          [{ name: 'x'.repeat(201) }, ['input.name']],
          [{ organisationId: 'acme' }, ['input.organisationId']],
          [{ name: 'x', sector: 'f', intendedPurpose: '' }, ['input.name', 'input.sector', 'input.intendedPurpose']],
        ];
        for (const [overrides, paths] of cases) {
          const res = await gql(RegisterAiSystemDocument, { input: systemInput(overrides) }, innovator);
          expect([JSON.stringify(overrides), res.errors?.[0]?.extensions?.code]).toEqual([
            JSON.stringify(overrides),
            'BAD_USER_INPUT',
          ]);
          expectBadInput(res, ...paths);
        }
        const { riskClass: _r, ...withoutRisk } = systemInput();
        expectBadInput(await gql(RegisterAiSystemDocument, { input: withoutRisk }, innovator), 'input.riskClass');
        expect(await totals()).toEqual(before);
      });

      it('requires a signed-in caller; nothing created', async () => {
        const before = await totals();
        await expectUnauthenticatedFor(RegisterAiSystemDocument, { input: systemInput({ organisationId: orgA }) });
        expect(await totals()).toEqual(before);
      });
    });

    describe('aiSystems and aiSystem(id)', () => {
      it('an innovator sees only its own organisation’s systems, whatever the filter; another’s reads as null', async () => {
        const mine = await register(innovator);
        const theirs = await register(innovatorB);
        const ownIds = (await q('SELECT id FROM ai_system WHERE organisation_id = $1 ORDER BY name, id', [orgA])).map(
          (r) => r.id,
        );
        const { nodes } = await walk(AiSystemListDocument, 'aiSystems', {}, 2, innovator);
        expect(nodes.map((n) => n.id)).toEqual(ownIds);
        expect(nodes.every((n) => n.organisation.id === orgA)).toBe(true);
        // Asking for the other organisation still yields only its own.
        const asked = (
          await walk(AiSystemListDocument, 'aiSystems', { filter: { organisationId: orgB } }, 100, innovator)
        ).nodes;
        expect(asked.every((n) => n.organisation.id === orgA)).toBe(true);
        expect(asked.map((n) => n.id)).not.toContain(theirs.id);
        expect(
          (await walk(AiSystemListDocument, 'aiSystems', { filter: { search: theirs.name } }, 100, innovator)).nodes,
        ).toEqual([]);
        const res = await gql(AiSystemDetailDocument, { id: theirs.id }, innovator);
        expect(res.errors).toBeUndefined();
        expect(res.data).toEqual({ aiSystem: null });
        expect(expectOk(await gql(AiSystemDetailDocument, { id: mine.id }, innovator)).aiSystem).toEqual(mine);
        expect(expectOk(await gql(AiSystemDetailDocument, { id: theirs.id }, innovatorB)).aiSystem).toEqual(theirs);
        expect(expectOk(await gql(AiSystemDetailDocument, { id: mine.id }, innovatorB)).aiSystem).toBeNull();
      });

      it('an administrator sees every system; regulators and negotiators are FORBIDDEN to list and read null by id', async () => {
        const mine = await register(innovator);
        const all = (await q('SELECT id FROM ai_system ORDER BY name, id')).map((r) => r.id);
        expect((await walk(AiSystemListDocument, 'aiSystems', {}, 3, admin)).nodes.map((n) => n.id)).toEqual(all);
        expect(expectOk(await gql(AiSystemDetailDocument, { id: mine.id }, admin)).aiSystem).toEqual(mine);
        await expectForbiddenFor(AiSystemListDocument, {}, [
          ['REGULATOR', reg.fca],
          ['NEGOTIATOR', negotiator],
        ]);
        for (const token of [reg.fca, negotiator]) {
          const res = await gql(AiSystemDetailDocument, { id: mine.id }, token);
          expect(res.errors).toBeUndefined();
          expect(res.data).toEqual({ aiSystem: null });
        }
      });

      it('filters by organisation (administrators), sector, risk class and search', async () => {
        const tag = unique('Filtered System');
        const a = await register(innovator, { name: `${tag} A`, sector: 'HEALTH', riskClass: 'HIGH' });
        const b = await register(innovator, { name: `${tag} B`, sector: 'FINANCE', riskClass: 'MINIMAL' });
        const c = await register(innovatorB, { name: `${tag} C`, sector: 'HEALTH', riskClass: 'MINIMAL' });
        const ids = async (filter: Record<string, unknown>, token = admin) =>
          (await walk(AiSystemListDocument, 'aiSystems', { filter }, 100, token)).nodes.map((n) => n.id);
        expect(await ids({ search: tag })).toEqual([a.id, b.id, c.id]);
        expect(await ids({ search: tag.toLowerCase(), organisationId: orgB })).toEqual([c.id]);
        expect(await ids({ search: tag, sector: 'HEALTH' })).toEqual([a.id, c.id]);
        expect(await ids({ search: tag, riskClass: 'MINIMAL' })).toEqual([b.id, c.id]);
        expect(await ids({ search: tag, riskClass: 'MINIMAL', sector: 'HEALTH' })).toEqual([c.id]);
        expect(await ids({ search: `${tag}_` })).toEqual([]);
        expect(await ids({ search: tag }, innovator)).toEqual([a.id, b.id]);
        expect(await ids({ search: tag, riskClass: 'MINIMAL' }, innovatorB)).toEqual([c.id]);
        expectBadInput(
          await gql(AiSystemListDocument, { filter: { riskClass: 'EXTREME' } }, admin),
          'filter.riskClass',
        );
        expectBadInput(
          await gql(AiSystemListDocument, { filter: { organisationId: 'acme' } }, admin),
          'filter.organisationId',
        );
        expectBadInput(
          await gql(AiSystemListDocument, { filter: { search: 'x'.repeat(201) } }, admin),
          'filter.search',
        );
        expectBadInput(await gql(AiSystemListDocument, { first: 101 }, innovator), 'first');
        for (const after of ['garbage', cursorOf(['x', 'not-a-uuid']), cursorOf(['x', randomUUID(), 1])]) {
          const res = await gql(AiSystemListDocument, { after }, admin);
          expect([after, res.errors?.[0]?.extensions?.code]).toEqual([after, 'BAD_USER_INPUT']);
          expectBadInput(res, 'after');
        }
      });

      it('aiSystem(id) is null, without error, for an id that names nothing', async () => {
        for (const id of [randomUUID(), 'not-a-uuid']) {
          const res = await gql(AiSystemDetailDocument, { id }, admin);
          expect(res.errors).toBeUndefined();
          expect(res.data).toEqual({ aiSystem: null });
        }
      });

      it('require a signed-in caller', async () => {
        const mine = await register(innovator);
        await expectUnauthenticatedFor(AiSystemListDocument, {});
        await expectUnauthenticatedFor(AiSystemDetailDocument, { id: mine.id });
      });
    });

    describe('updateAiSystem', () => {
      it('an innovator updates its own system; absent and null fields stay', async () => {
        const s = await register(innovator);
        const name = unique('Renamed Scorer');
        const updated = expectOk(
          await gql(UpdateAiSystemDocument, { input: { id: s.id, name, riskClass: 'LIMITED' } }, innovator),
        ).updateAiSystem;
        expect(updated).toEqual({ ...s, name, riskClass: 'LIMITED' });
        const same = expectOk(
          await gql(
            UpdateAiSystemDocument,
            { input: { id: s.id, name: null, sector: null, intendedPurpose: null, riskClass: null } },
            innovator,
          ),
        ).updateAiSystem;
        expect(same).toEqual(updated);
        const purpose = 'Flags suspicious card transactions for human review.';
        expect(
          expectOk(
            await gql(
              UpdateAiSystemDocument,
              { input: { id: s.id, sector: 'PAYMENTS', intendedPurpose: purpose } },
              innovator,
            ),
          ).updateAiSystem,
        ).toEqual({ ...updated, sector: 'PAYMENTS', intendedPurpose: purpose });
        expect(await systemRow(s.id)).toMatchObject({
          organisation_id: orgA,
          name,
          sector: 'PAYMENTS',
          intended_purpose: purpose,
          risk_class: 'LIMITED',
        });
      });

      it('an administrator updates any system', async () => {
        const s = await register(innovatorB);
        expect(
          expectOk(await gql(UpdateAiSystemDocument, { input: { id: s.id, riskClass: 'UNACCEPTABLE' } }, admin))
            .updateAiSystem,
        ).toMatchObject({ id: s.id, riskClass: 'UNACCEPTABLE', organisation: { id: orgB } });
      });

      it('an innovator of another organisation gets NOT_FOUND (the system stays invisible) and nothing changes', async () => {
        const s = await register(innovatorB);
        const before = await systemRow(s.id);
        const error = expectError(
          await gql(
            UpdateAiSystemDocument,
            { input: { id: s.id, name: unique('Stolen'), riskClass: 'MINIMAL' } },
            innovator,
          ),
          'NOT_FOUND',
        );
        expect(error.message).not.toContain(s.name);
        expect(JSON.stringify(error)).not.toContain(orgB);
        expect(await systemRow(s.id)).toEqual(before);
        // Same answer as for an id that names nothing.
        expectError(
          await gql(UpdateAiSystemDocument, { input: { id: randomUUID(), name: unique('Ghost') } }, innovator),
          'NOT_FOUND',
        );
      });

      it('regulators and negotiators are FORBIDDEN; nothing changes', async () => {
        const s = await register(innovator);
        const before = await systemRow(s.id);
        await expectForbiddenFor(UpdateAiSystemDocument, { input: { id: s.id, riskClass: 'MINIMAL' } }, [
          ['REGULATOR', reg.fca],
          ['NEGOTIATOR', negotiator],
        ]);
        expect(await systemRow(s.id)).toEqual(before);
      });

      it('a name the organisation already uses is CONFLICT; bad input is BAD_USER_INPUT; nothing changes', async () => {
        const taken = await register(innovator);
        const s = await register(innovator);
        const before = await systemRow(s.id);
        expectError(
          await gql(UpdateAiSystemDocument, { input: { id: s.id, name: taken.name, riskClass: 'MINIMAL' } }, innovator),
          'CONFLICT',
        );
        const cases: [Record<string, unknown>, string[]][] = [
          [{ riskClass: 'EXTREME' }, ['input.riskClass']],
          [{ sector: 'Health' }, ['input.sector']],
          [{ intendedPurpose: 'tiny' }, ['input.intendedPurpose']],
          [{ name: 'x' }, ['input.name']],
          [{ id: 'nope' }, ['input.id']],
        ];
        for (const [overrides, paths] of cases) {
          expectBadInput(await gql(UpdateAiSystemDocument, { input: { id: s.id, ...overrides } }, innovator), ...paths);
        }
        expect(await systemRow(s.id)).toEqual(before);
      });

      it('requires a signed-in caller; nothing changes', async () => {
        const s = await register(innovator);
        const before = await systemRow(s.id);
        await expectUnauthenticatedFor(UpdateAiSystemDocument, { input: { id: s.id, riskClass: 'MINIMAL' } });
        expect(await systemRow(s.id)).toEqual(before);
      });
    });
  });
});
