import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AuditService } from '@sandbridge/application';
import { type Actor, Role } from '@sandbridge/domain';
import { expectBadInput, expectOk, TestApp } from '@sandbridge/testing';

// The administrators' audit trail filters (issue 18): by action (one or several), by entity type and
// id, by a date range — each alone and combined, over GraphQL — and the refusals of a bad range.

const TRAIL = `query($filter: AuditFilterInput) {
  auditTrail(first: 100, filter: $filter) { totalCount edges { node { seq action entityType entityId occurredAt } } }
}`;

const ADMIN_ACTOR: Actor = {
  accountId: 'filter-test',
  role: Role.ADMIN,
  authorityId: null,
  organisationId: null,
  jurisdictionCode: null,
};

let t: TestApp;
let admin: string;
/** Between the first two entries and the last two. */
let middle: Date;
let start: Date;
let end: Date;

interface Row {
  action: string;
  entityType: string;
  entityId: string;
}

async function trail(filter: Record<string, unknown>): Promise<Row[]> {
  const page = expectOk(await t.gql(TRAIL, { filter }, admin)).auditTrail;
  return page.edges.map((e: { node: Row }) => e.node);
}

beforeAll(async () => {
  t = await TestApp.create();
  admin = await t.adminToken();
  const audit = t.get(AuditService);
  start = new Date();
  await sleep(5);
  await audit.append(ADMIN_ACTOR, { action: 'OPEN_WIDGET', entityType: 'WIDGET', entityId: 'w-1' });
  await audit.append(ADMIN_ACTOR, { action: 'CLOSE_WIDGET', entityType: 'WIDGET', entityId: 'w-1' });
  await sleep(20);
  middle = new Date();
  await sleep(20);
  await audit.append(ADMIN_ACTOR, { action: 'OPEN_WIDGET', entityType: 'WIDGET', entityId: 'w-2' });
  await audit.append(ADMIN_ACTOR, { action: 'OPEN_GADGET', entityType: 'GADGET', entityId: 'w-1' });
  await sleep(5);
  end = new Date();
}, 300_000);

afterAll(async () => {
  await t?.close();
});

describe('auditTrail filters', () => {
  it('by one action, in chain order', async () => {
    const rows = await trail({ actions: ['OPEN_WIDGET'] });
    expect(rows.map((r) => `${r.action} ${r.entityId}`)).toEqual(['OPEN_WIDGET w-1', 'OPEN_WIDGET w-2']);
  });

  it('by several actions', async () => {
    const rows = await trail({ actions: ['CLOSE_WIDGET', 'OPEN_GADGET'] });
    expect(rows.map((r) => r.action)).toEqual(['CLOSE_WIDGET', 'OPEN_GADGET']);
  });

  it('by entity type, and by entity type and id', async () => {
    expect((await trail({ entityType: 'WIDGET' })).map((r) => r.entityId)).toEqual(['w-1', 'w-1', 'w-2']);
    expect((await trail({ entityType: 'WIDGET', entityId: 'w-1' })).map((r) => r.action)).toEqual([
      'OPEN_WIDGET',
      'CLOSE_WIDGET',
    ]);
    expect(await trail({ entityType: 'GADGET', entityId: 'w-2' })).toEqual([]);
  });

  it('by a date range: from (inclusive), to (exclusive), both', async () => {
    const within = (rows: Row[]) =>
      rows.filter((r) => ['WIDGET', 'GADGET'].includes(r.entityType)).map((r) => `${r.entityType} ${r.entityId}`);
    expect(within(await trail({ from: middle.toISOString() }))).toEqual(['WIDGET w-2', 'GADGET w-1']);
    expect(within(await trail({ from: start.toISOString(), to: middle.toISOString() }))).toEqual([
      'WIDGET w-1',
      'WIDGET w-1',
    ]);
    expect(within(await trail({ from: middle.toISOString(), to: end.toISOString() }))).toEqual([
      'WIDGET w-2',
      'GADGET w-1',
    ]);
    // Combined with the others.
    expect(within(await trail({ to: middle.toISOString(), actions: ['OPEN_WIDGET'] }))).toEqual(['WIDGET w-1']);
  });

  it('refuses a range that ends before it starts, an entity id without its type, and a malformed action (BAD_USER_INPUT)', async () => {
    expectBadInput(
      await t.gql(TRAIL, { filter: { from: middle.toISOString(), to: start.toISOString() } }, admin),
      'filter.to',
    );
    expectBadInput(await t.gql(TRAIL, { filter: { entityId: 'w-1' } }, admin), 'filter.entityType');
    expectBadInput(await t.gql(TRAIL, { filter: { actions: ['drop table'] } }, admin), 'filter.actions');
  });
});
