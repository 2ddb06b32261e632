import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CriterionService } from '@sandbridge/application';
import { Category, CriterionKind, Role, Stage } from '@sandbridge/domain';
import { expectBadInput, expectError, expectOk, TestApp } from '@sandbridge/testing';

// Recognition agreements through GraphQL (docs/domain.md#recognition, §7a; issue 6 item 2): party negotiators
// draft agreements and rules, every party approves before IN_FORCE, invalid moves and strangers are
// refused without changing anything, and every change leaves an audit entry.

const FIELDS = `id name kind status allowedActions parties effectiveFrom effectiveTo
  approvals { jurisdictionCode approvedByAccountId approvedAt }
  rules { id name origins recognising categories stages sectors riskClasses criteria effectiveFrom effectiveTo mode effect
    conditions { requireAccreditedLab accreditationBodies maxResultAgeDays acceptedMethods minMargin } supplementary }`;
const CREATE = `mutation($input: CreateAgreementInput!) { createAgreement(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($input: UpdateAgreementInput!) { updateAgreement(input: $input) { ${FIELDS} } }`;
const ADD_RULE = `mutation($input: AddAgreementRuleInput!) { addAgreementRule(input: $input) { ${FIELDS} } }`;
const UPDATE_RULE = `mutation($input: UpdateAgreementRuleInput!) { updateAgreementRule(input: $input) { ${FIELDS} } }`;
const REMOVE_RULE = `mutation($input: AgreementRuleIdInput!) { removeAgreementRule(input: $input) { ${FIELDS} } }`;
const AGREEMENT = `query($id: ID!) { agreement(id: $id) { ${FIELDS} } }`;
const AGREEMENTS = `query($filter: AgreementFilterInput, $first: Int, $after: String) {
  agreements(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id name status parties } } }
}`;
const move = (name: string) => `mutation($input: AgreementIdInput!) { ${name}(input: $input) { ${FIELDS} } }`;
const [PROPOSE, APPROVE, SUSPEND, RESUME, TERMINATE] = [
  'proposeAgreement',
  'approveAgreement',
  'suspendAgreement',
  'resumeAgreement',
  'terminateAgreement',
].map(move);

describe('agreements (e2e)', () => {
  let t: TestApp;
  let eu: { id: string; token: string };
  let sg: { id: string; token: string };
  let gb: { id: string; token: string };
  let jp: { id: string; token: string };
  let regulator: { id: string; token: string };
  let admin: string;
  let criterionId: string;
  let otherCriterionId: string;

  const rule = (overrides: Record<string, unknown> = {}) => ({
    name: 'sg-to-eu-robustness',
    origins: ['SG'],
    recognising: ['EU'],
    categories: ['ROBUSTNESS'],
    riskClasses: ['HIGH'],
    criteria: [criterionId],
    effectiveFrom: '2026-03-01',
    effectiveTo: null,
    mode: 'CONFORMITY',
    effect: 'RECOGNISE',
    conditions: {
      requireAccreditedLab: true,
      accreditationBodies: ['SAC'],
      maxResultAgeDays: 365,
      acceptedMethods: [],
      minMargin: 0.01,
    },
    ...overrides,
  });

  /** A DRAFT EU–SG agreement with one rule, created by the EU negotiator. */
  async function draft(name: string) {
    const created = expectOk(
      await t.gql(
        CREATE,
        {
          input: {
            name,
            kind: 'BILATERAL',
            parties: ['EU', 'SG'],
            effectiveFrom: '2026-01-01',
            effectiveTo: '2028-01-01',
          },
        },
        eu.token,
      ),
    ).createAgreement;
    const withRule = expectOk(
      await t.gql(ADD_RULE, { input: { agreementId: created.id, ...rule() } }, eu.token),
    ).addAgreementRule;
    return withRule as { id: string; rules: { id: string }[] };
  }

  /** The agreement as stored, for "nothing changed" checks. */
  const snapshot = async (id: string) => expectOk(await t.gql(AGREEMENT, { id }, admin)).agreement;
  const auditActions = async (id: string): Promise<string[]> =>
    (
      await t.dataSource.query(
        `SELECT action FROM audit_entry WHERE entity_type = 'AGREEMENT' AND entity_id = $1 ORDER BY seq`,
        [id],
      )
    ).map((r: { action: string }) => r.action);

  beforeAll(async () => {
    t = await TestApp.create();
    eu = await t.accountWithToken('neg.eu@agreements.test', Role.NEGOTIATOR, { jurisdictionCode: 'EU' });
    sg = await t.accountWithToken('neg.sg@agreements.test', Role.NEGOTIATOR, { jurisdictionCode: 'SG' });
    gb = await t.accountWithToken('neg.gb@agreements.test', Role.NEGOTIATOR, { jurisdictionCode: 'GB' });
    jp = await t.accountWithToken('neg.jp@agreements.test', Role.NEGOTIATOR, { jurisdictionCode: 'JP' });
    const authorityId = await t.authorityId('EU', 'AI Office');
    regulator = await t.accountWithToken('reg.eu@agreements.test', Role.REGULATOR, { authorityId });
    admin = await t.adminToken();
    const actor = {
      accountId: 'agreements-spec',
      role: Role.REGULATOR,
      authorityId,
      organisationId: null,
      jurisdictionCode: null,
    };
    const criteria = t.get(CriterionService);
    const create = (key: string) =>
      criteria.create(actor, {
        key,
        title: key,
        stage: Stage.TESTING,
        category: Category.ROBUSTNESS,
        kind: CriterionKind.ATTESTATION,
        statement: 'We tested robustness under noise.',
      });
    criterionId = (await create('robustness.noise.agreements')).id;
    otherCriterionId = (await create('robustness.drift.agreements')).id;
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  it('a party negotiator drafts an agreement and its rules; every change is audited', async () => {
    const before = await t.count('audit_entry');
    const created = expectOk(
      await t.gql(
        CREATE,
        {
          input: {
            name: 'EU–SG robustness MRA',
            kind: 'BILATERAL',
            parties: ['EU', 'SG'],
            effectiveFrom: '2026-01-01',
            effectiveTo: null,
          },
        },
        eu.token,
      ),
    ).createAgreement;
    expect(created).toMatchObject({
      name: 'EU–SG robustness MRA',
      kind: 'BILATERAL',
      status: 'DRAFT',
      parties: ['EU', 'SG'],
      effectiveFrom: '2026-01-01',
      effectiveTo: null,
      approvals: [],
      rules: [],
    });

    const added = expectOk(
      await t.gql(ADD_RULE, { input: { agreementId: created.id, ...rule() } }, eu.token),
    ).addAgreementRule;
    expect(added.rules).toHaveLength(1);
    const [r] = added.rules;
    expect(r.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(r).toMatchObject({
      name: 'sg-to-eu-robustness',
      origins: ['SG'],
      recognising: ['EU'],
      categories: ['ROBUSTNESS'],
      stages: [],
      sectors: [],
      riskClasses: ['HIGH'],
      criteria: [criterionId],
      effectiveFrom: '2026-03-01',
      effectiveTo: null,
      mode: 'CONFORMITY',
      effect: 'RECOGNISE',
      conditions: {
        requireAccreditedLab: true,
        accreditationBodies: ['SAC'],
        maxResultAgeDays: 365,
        acceptedMethods: [],
        minMargin: 0.01,
      },
      supplementary: null,
    });

    // The other party edits too: a conditional rule with { text, criteria } and an EXCLUDE rule without mode.
    const conditional = expectOk(
      await t.gql(
        UPDATE_RULE,
        {
          input: {
            id: r.id,
            ...rule({
              effect: 'RECOGNISE_WITH_CONDITIONS',
              supplementary: { text: 'Local drift test', criteria: [otherCriterionId] },
            }),
          },
        },
        sg.token,
      ),
    ).updateAgreementRule;
    expect(conditional.rules[0]).toMatchObject({
      id: r.id,
      effect: 'RECOGNISE_WITH_CONDITIONS',
      supplementary: { text: 'Local drift test', criteria: [otherCriterionId] },
    });
    const excluded = expectOk(
      await t.gql(
        ADD_RULE,
        {
          input: { agreementId: created.id, origins: ['EU'], recognising: ['SG'], stages: ['EXIT'], effect: 'EXCLUDE' },
        },
        sg.token,
      ),
    ).addAgreementRule;
    expect(excluded.rules).toHaveLength(2);
    const exclude = excluded.rules.find((x: { effect: string }) => x.effect === 'EXCLUDE');
    expect(exclude).toMatchObject({ mode: null, conditions: null, stages: ['EXIT'], name: '' });

    const removed = expectOk(await t.gql(REMOVE_RULE, { input: { id: exclude.id } }, eu.token)).removeAgreementRule;
    expect(removed.rules.map((x: { id: string }) => x.id)).toEqual([r.id]);

    const renamed = expectOk(
      await t.gql(UPDATE, { input: { id: created.id, name: 'EU–SG MRA', effectiveTo: '2030-01-01' } }, sg.token),
    ).updateAgreement;
    expect(renamed).toMatchObject({
      name: 'EU–SG MRA',
      effectiveFrom: '2026-01-01',
      effectiveTo: '2030-01-01',
      status: 'DRAFT',
    });

    expect(await auditActions(created.id)).toEqual([
      'CREATE_AGREEMENT',
      'ADD_AGREEMENT_RULE',
      'UPDATE_AGREEMENT_RULE',
      'ADD_AGREEMENT_RULE',
      'REMOVE_AGREEMENT_RULE',
      'UPDATE_AGREEMENT',
    ]);
    expect(await t.count('audit_entry')).toBe(before + 6);
  });

  it('propose, approval by each party → IN_FORCE with approvals recorded, suspend, resume, terminate', async () => {
    const { id } = await draft('EU–SG lifecycle');
    expect(expectOk(await t.gql(PROPOSE, { input: { id } }, sg.token)).proposeAgreement.status).toBe('PROPOSED');

    const first = expectOk(await t.gql(APPROVE, { input: { id } }, eu.token)).approveAgreement;
    expect(first.status).toBe('PROPOSED');
    expect(first.allowedActions).toEqual(['APPROVE']);
    expect(first.approvals).toEqual([
      { jurisdictionCode: 'EU', approvedByAccountId: eu.id, approvedAt: expect.any(String) },
    ]);

    const second = expectOk(await t.gql(APPROVE, { input: { id } }, sg.token)).approveAgreement;
    expect(second.status).toBe('IN_FORCE');
    expect(second.allowedActions).toEqual(['SUSPEND', 'TERMINATE']);
    expect(
      second.approvals.map((a: { jurisdictionCode: string; approvedByAccountId: string }) => [
        a.jurisdictionCode,
        a.approvedByAccountId,
      ]),
    ).toEqual([
      ['EU', eu.id],
      ['SG', sg.id],
    ]);
    for (const a of second.approvals) expect(Date.now() - Date.parse(a.approvedAt)).toBeLessThan(60_000);

    expect(expectOk(await t.gql(SUSPEND, { input: { id } }, eu.token)).suspendAgreement.status).toBe('SUSPENDED');
    expect(expectOk(await t.gql(RESUME, { input: { id } }, sg.token)).resumeAgreement.status).toBe('IN_FORCE');
    expect(expectOk(await t.gql(SUSPEND, { input: { id } }, sg.token)).suspendAgreement.status).toBe('SUSPENDED');
    expect(expectOk(await t.gql(TERMINATE, { input: { id } }, eu.token)).terminateAgreement.status).toBe('TERMINATED');

    expect(await auditActions(id)).toEqual([
      'CREATE_AGREEMENT',
      'ADD_AGREEMENT_RULE',
      'PROPOSE_AGREEMENT',
      'APPROVE_AGREEMENT',
      'APPROVE_AGREEMENT',
      'SUSPEND_AGREEMENT',
      'RESUME_AGREEMENT',
      'SUSPEND_AGREEMENT',
      'TERMINATE_AGREEMENT',
    ]);
    const [approval] = await t.dataSource.query(
      `SELECT actor_account_id, data FROM audit_entry WHERE entity_id = $1 AND action = 'APPROVE_AGREEMENT' ORDER BY seq DESC LIMIT 1`,
      [id],
    );
    expect(approval).toMatchObject({
      actor_account_id: sg.id,
      data: { from: 'PROPOSED', to: 'IN_FORCE', party: 'SG' },
    });
  });

  it('history: propose → approve → suspend → resume, oldest first, from the audit trail; one statement for a page', async () => {
    const HISTORY = `query($id: ID!) { agreement(id: $id) { history { action at actorAccountId party fromStatus toStatus } } }`;
    const { id } = await draft('EU–SG history');
    expect(expectOk(await t.gql(HISTORY, { id }, eu.token)).agreement.history).toEqual([]);
    const started = Date.now();
    expectOk(await t.gql(PROPOSE, { input: { id } }, eu.token));
    expectOk(await t.gql(APPROVE, { input: { id } }, eu.token));
    expectOk(await t.gql(APPROVE, { input: { id } }, sg.token));
    expectOk(await t.gql(SUSPEND, { input: { id } }, sg.token));
    expectOk(await t.gql(RESUME, { input: { id } }, eu.token));

    // Whoever sees the agreement sees its history: here a regulator, not a party.
    const history = expectOk(await t.gql(HISTORY, { id }, regulator.token)).agreement.history;
    // A bilateral agreement needs both parties' approvals: the second puts it in force.
    expect(
      history.map((e: { action: string; party: string | null; fromStatus: string; toStatus: string }) => [
        e.action,
        e.party,
        e.fromStatus,
        e.toStatus,
      ]),
    ).toEqual([
      ['PROPOSE', null, 'DRAFT', 'PROPOSED'],
      ['APPROVE', 'EU', 'PROPOSED', 'PROPOSED'],
      ['APPROVE', 'SG', 'PROPOSED', 'IN_FORCE'],
      ['SUSPEND', null, 'IN_FORCE', 'SUSPENDED'],
      ['RESUME', null, 'SUSPENDED', 'IN_FORCE'],
    ]);
    expect(history.map((e: { actorAccountId: string }) => e.actorAccountId)).toEqual([
      eu.id,
      eu.id,
      sg.id,
      sg.id,
      eu.id,
    ]);
    const times = history.map((e: { at: string }) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(times[0]).toBeGreaterThanOrEqual(started - 1000);

    // Batched: the history of a whole page costs one statement, however many agreements it holds.
    const PAGE = `query($first: Int) { agreements(first: $first) { edges { node { id history { action at } } } } }`;
    const counter = t.countQueries();
    const counts: number[] = [];
    for (const first of [1, 10]) {
      counter.reset();
      const page = expectOk(await t.gql(PAGE, { first }, eu.token)).agreements;
      expect(page.edges.length).toBeGreaterThan(first === 1 ? 0 : 1);
      counts.push(counter.queries.filter((q) => /audit_entry/.test(q)).length);
    }
    expect(counts).toEqual([1, 1]);
  });

  it('a plurilateral agreement goes IN_FORCE only after the last of three parties approves', async () => {
    const created = expectOk(
      await t.gql(
        CREATE,
        { input: { name: 'Pacific trio', kind: 'PLURILATERAL', parties: ['EU', 'SG', 'JP'] } },
        jp.token,
      ),
    ).createAgreement;
    expectOk(
      await t.gql(
        ADD_RULE,
        {
          input: {
            agreementId: created.id,
            ...rule({ origins: ['JP', 'SG'], recognising: ['EU', 'SG'], effectiveFrom: null }),
          },
        },
        jp.token,
      ),
    );
    expectOk(await t.gql(PROPOSE, { input: { id: created.id } }, jp.token));
    expect(expectOk(await t.gql(APPROVE, { input: { id: created.id } }, jp.token)).approveAgreement.status).toBe(
      'PROPOSED',
    );
    expect(expectOk(await t.gql(APPROVE, { input: { id: created.id } }, eu.token)).approveAgreement.status).toBe(
      'PROPOSED',
    );
    const done = expectOk(await t.gql(APPROVE, { input: { id: created.id } }, sg.token)).approveAgreement;
    expect(done.status).toBe('IN_FORCE');
    expect(done.approvals).toHaveLength(3);
  });

  it('every invalid move is INVALID_TRANSITION and changes nothing', async () => {
    const check = async (id: string, op: string, token: string) => {
      const before = await snapshot(id);
      const audits = await t.count('audit_entry');
      expectError(await t.gql(op, { input: { id } }, token), 'INVALID_TRANSITION');
      expect(await snapshot(id)).toEqual(before);
      expect(await t.count('audit_entry')).toBe(audits);
    };
    const editsRefused = async (id: string, ruleId: string) => {
      const before = await snapshot(id);
      const audits = await t.count('audit_entry');
      expectError(await t.gql(UPDATE, { input: { id, name: 'Changed' } }, eu.token), 'INVALID_TRANSITION');
      expectError(await t.gql(ADD_RULE, { input: { agreementId: id, ...rule() } }, eu.token), 'INVALID_TRANSITION');
      expectError(
        await t.gql(UPDATE_RULE, { input: { id: ruleId, ...rule({ name: 'changed' }) } }, eu.token),
        'INVALID_TRANSITION',
      );
      expectError(await t.gql(REMOVE_RULE, { input: { id: ruleId } }, eu.token), 'INVALID_TRANSITION');
      expect(await snapshot(id)).toEqual(before);
      expect(await t.count('audit_entry')).toBe(audits);
    };

    // A DRAFT without rules cannot be proposed; a DRAFT cannot be approved, suspended, resumed or terminated.
    const empty = expectOk(
      await t.gql(CREATE, { input: { name: 'Empty', kind: 'BILATERAL', parties: ['EU', 'SG'] } }, eu.token),
    ).createAgreement;
    await check(empty.id, PROPOSE, eu.token);
    const { id, rules } = await draft('Invalid moves');
    for (const op of [APPROVE, SUSPEND, RESUME, TERMINATE]) await check(id, op, eu.token);

    expectOk(await t.gql(PROPOSE, { input: { id } }, eu.token));
    for (const op of [PROPOSE, SUSPEND, RESUME, TERMINATE]) await check(id, op, eu.token);
    await editsRefused(id, rules[0].id);
    expectOk(await t.gql(APPROVE, { input: { id } }, eu.token));
    await check(id, APPROVE, eu.token); // the same party twice

    expectOk(await t.gql(APPROVE, { input: { id } }, sg.token));
    for (const op of [PROPOSE, APPROVE, RESUME]) await check(id, op, eu.token);
    await editsRefused(id, rules[0].id);

    expectOk(await t.gql(SUSPEND, { input: { id } }, eu.token));
    for (const op of [PROPOSE, APPROVE, SUSPEND]) await check(id, op, eu.token);

    expectOk(await t.gql(TERMINATE, { input: { id } }, eu.token));
    for (const op of [PROPOSE, APPROVE, SUSPEND, RESUME, TERMINATE]) await check(id, op, sg.token);
    await editsRefused(id, rules[0].id);
  });

  it('non-party negotiators and other roles are FORBIDDEN for writes; unknown ids are NOT_FOUND', async () => {
    const { id, rules } = await draft('Strangers');
    const before = await snapshot(id);
    const audits = await t.count('audit_entry');
    for (const token of [gb.token, regulator.token, admin]) {
      expectError(await t.gql(UPDATE, { input: { id, name: 'Hijacked' } }, token), 'FORBIDDEN');
      expectError(await t.gql(ADD_RULE, { input: { agreementId: id, ...rule() } }, token), 'FORBIDDEN');
      expectError(await t.gql(UPDATE_RULE, { input: { id: rules[0].id, ...rule() } }, token), 'FORBIDDEN');
      expectError(await t.gql(REMOVE_RULE, { input: { id: rules[0].id } }, token), 'FORBIDDEN');
      for (const op of [PROPOSE, APPROVE, SUSPEND, RESUME, TERMINATE])
        expectError(await t.gql(op, { input: { id } }, token), 'FORBIDDEN');
    }
    // Creating for others, or removing yourself from the parties.
    expectError(
      await t.gql(CREATE, { input: { name: 'Not mine', kind: 'BILATERAL', parties: ['EU', 'SG'] } }, gb.token),
      'FORBIDDEN',
    );
    expectError(
      await t.gql(CREATE, { input: { name: 'Regulator', kind: 'BILATERAL', parties: ['EU', 'SG'] } }, regulator.token),
      'FORBIDDEN',
    );
    expectError(
      await t.gql(CREATE, { input: { name: 'Admin', kind: 'BILATERAL', parties: ['EU', 'SG'] } }, admin),
      'FORBIDDEN',
    );
    expectError(await t.gql(UPDATE, { input: { id, parties: ['SG', 'GB'] } }, eu.token), 'FORBIDDEN');
    expect(await snapshot(id)).toEqual(before);
    expect(await t.count('audit_entry')).toBe(audits);

    expectError(await t.gql(PROPOSE, { input: { id: '00000000-0000-4000-8000-000000000000' } }, eu.token), 'NOT_FOUND');
    expectError(
      await t.gql(REMOVE_RULE, { input: { id: '00000000-0000-4000-8000-000000000000' } }, eu.token),
      'NOT_FOUND',
    );
    expectError(await t.gql(AGREEMENT, { id }), 'UNAUTHENTICATED');
  });

  it('bad input is BAD_USER_INPUT with input paths, and nothing changes', async () => {
    const audits = await t.count('audit_entry');
    const agreements = await t.count('agreement');
    const create = (input: Record<string, unknown>) =>
      t.gql(CREATE, { input: { name: 'Bad', kind: 'BILATERAL', parties: ['EU', 'SG'], ...input } }, eu.token);
    expectBadInput(await create({ parties: ['EU', 'SG', 'GB'] }), 'input.parties');
    expectBadInput(await create({ kind: 'PLURILATERAL' }), 'input.parties');
    expectBadInput(await create({ parties: ['EU', 'XX'] }), 'input.parties');
    expectBadInput(await create({ effectiveFrom: '2027-01-01', effectiveTo: '2026-01-01' }), 'input.effectiveTo');
    expectBadInput(await create({ name: 'x' }), 'input.name');
    expect(await t.count('agreement')).toBe(agreements);

    const { id, rules } = await draft('Validation');
    const before = await snapshot(id);
    const afterDraft = await t.count('audit_entry');
    const add = (overrides: Record<string, unknown>) =>
      t.gql(ADD_RULE, { input: { agreementId: id, ...rule(overrides) } }, eu.token);
    expectBadInput(await add({ origins: ['GB'], recognising: ['JP', 'EU'] }), 'input.origins', 'input.recognising');
    expectBadInput(
      await add({ effectiveFrom: '2025-06-01', effectiveTo: '2029-01-01' }),
      'input.effectiveFrom',
      'input.effectiveTo',
    );
    expectBadInput(await add({ criteria: ['00000000-0000-4000-8000-000000000000'] }), 'input.criteria');
    expectBadInput(await add({ sectors: ['finance'] }), 'input.sectors');
    expectBadInput(await add({ mode: null }), 'input.mode');
    expectBadInput(
      await add({ conditions: { maxResultAgeDays: -5, minMargin: -1 } }),
      'input.conditions.maxResultAgeDays',
      'input.conditions.minMargin',
    );
    expectBadInput(await add({ supplementary: 'Needs a local test' }), 'input.supplementary');
    expectBadInput(
      await add({ effect: 'RECOGNISE_WITH_CONDITIONS', supplementary: { text: '', criteria: ['nope'] } }),
      'input.supplementary.text',
      'input.supplementary.criteria',
    );
    expectBadInput(
      await t.gql(UPDATE_RULE, { input: { id: rules[0].id, ...rule({ recognising: ['GB'] }) } }, eu.token),
      'input.recognising',
    );
    // Terms that would strand an existing rule (origin SG, from 2026-03-01).
    expectBadInput(await t.gql(UPDATE, { input: { id, effectiveTo: '2026-02-01' } }, eu.token), 'input.effectiveTo');
    expectBadInput(
      await t.gql(UPDATE, { input: { id, kind: 'PLURILATERAL', parties: ['EU', 'JP', 'GB'] } }, eu.token),
      'input.parties',
    );
    // An unknown enum value never reaches the service.
    expect((await add({ categories: ['SPEED'] })).errors?.length).toBe(1);

    expect(await snapshot(id)).toEqual(before);
    expect(await t.count('audit_entry')).toBe(afterDraft);
    expect(afterDraft).toBe(audits + 2);
  });

  it('every signed-in user reads agreements with their rules, filtered by status and party', async () => {
    const { id } = await draft('Readable');
    for (const token of [regulator.token, gb.token, admin]) {
      const read = expectOk(await t.gql(AGREEMENT, { id }, token)).agreement;
      expect(read).toMatchObject({ id, status: 'DRAFT', rules: [{ origins: ['SG'], recognising: ['EU'] }] });
    }
    expect(
      expectOk(await t.gql(AGREEMENT, { id: '00000000-0000-4000-8000-000000000000' }, gb.token)).agreement,
    ).toBeNull();
    expect(expectOk(await t.gql(AGREEMENT, { id: 'not-a-uuid' }, gb.token)).agreement).toBeNull();

    const inForce = expectOk(await t.gql(AGREEMENTS, { filter: { status: 'IN_FORCE' } }, regulator.token)).agreements;
    expect(inForce.totalCount).toBeGreaterThan(0);
    expect(inForce.edges.every((e: { node: { status: string } }) => e.node.status === 'IN_FORCE')).toBe(true);
    const withJp = expectOk(await t.gql(AGREEMENTS, { filter: { party: 'JP' } }, gb.token)).agreements;
    expect(withJp.edges.map((e: { node: { name: string } }) => e.node.name)).toEqual(['Pacific trio']);

    // Pages over a stable order.
    const all = expectOk(await t.gql(AGREEMENTS, { first: 100 }, gb.token)).agreements;
    const page1 = expectOk(await t.gql(AGREEMENTS, { first: 2 }, gb.token)).agreements;
    const page2 = expectOk(
      await t.gql(AGREEMENTS, { first: 100, after: page1.pageInfo.endCursor }, gb.token),
    ).agreements;
    expect(page1.pageInfo.hasNextPage).toBe(true);
    expect([...page1.edges, ...page2.edges].map((e: { node: { id: string } }) => e.node.id)).toEqual(
      all.edges.map((e: { node: { id: string } }) => e.node.id),
    );
    expect(all.totalCount).toBe(await t.count('agreement'));
  });
});
