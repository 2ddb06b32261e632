import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AuditService } from '@sandbridge/application';
import { GENESIS_HASH } from '@sandbridge/domain';
import { AuditRepository, TransactionalConnection } from '@sandbridge/persistence';
import { BUILDER, TestModule } from '@sandbridge/testing';

// The audit trail on the file's own database: AuditService.append chains entries through
// AuditRepository under the chain's advisory lock, stores the signed head in the same transaction,
// and verify walks the stored rows back — catching an edited or a missing entry.

describe('AuditRepository and the audit chain', () => {
  let m: TestModule;
  let audit: AuditService;
  let repo: AuditRepository;
  let connection: TransactionalConnection;

  beforeAll(async () => {
    m = await TestModule.create();
    audit = m.get(AuditService);
    repo = m.get(AuditRepository);
    connection = m.get(TransactionalConnection);
  });
  afterAll(async () => {
    await m?.close();
  });

  const record = (action = 'TEST_ACTION') => ({
    action,
    entityType: 'TEST',
    entityId: randomUUID(),
    data: { note: 'medium tier', nested: { b: 2, a: 1 } },
  });

  it('appends entries in sequence, each chained to the one before, and keeps the signed head in step', async () => {
    const before = await repo.last();
    const first = await audit.append(BUILDER, record());
    const second = await audit.append(null, record());
    expect(first.seq).toBe((before?.seq ?? 0) + 1);
    expect(first.prevHash).toBe(before?.hash ?? GENESIS_HASH);
    expect(second).toMatchObject({ seq: first.seq + 1, prevHash: first.hash, actorAccountId: null });
    expect(first.actorAccountId).toBe(BUILDER.accountId);
    expect(await repo.last()).toMatchObject({ seq: second.seq, hash: second.hash });
    expect(await repo.checkpoint()).toMatchObject({ seq: second.seq, hash: second.hash });
    // jsonb may reorder the keys; the stored data is the same value.
    expect((await repo.last())?.data).toEqual({ note: 'medium tier', nested: { a: 1, b: 2 } });
  });

  it('joins the caller’s transaction: a rollback takes the entry and the head with it', async () => {
    const head = await repo.last();
    const checkpoint = await repo.checkpoint();
    await expect(
      connection.withTransaction(async () => {
        await audit.append(BUILDER, record('ROLLED_BACK'));
        throw new Error('the change it records failed');
      }),
    ).rejects.toThrow(/failed/);
    expect((await repo.last())?.seq).toBe(head?.seq);
    expect(await repo.checkpoint()).toEqual(checkpoint);
  });

  it('serialises concurrent appends: no sequence number twice, no fork', async () => {
    const head = (await repo.last())?.seq ?? 0;
    await Promise.all(Array.from({ length: 6 }, (_, i) => audit.append(BUILDER, record(`CONCURRENT_${i}`))));
    const added = await repo.batch(head, 100);
    expect(added.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6].map((i) => head + i));
    for (let i = 1; i < added.length; i++) expect(added[i].prevHash).toBe(added[i - 1].hash);
  });

  it('reads the chain in batches, in order', async () => {
    const all = await repo.batch(0, 1000);
    expect(all.map((e) => e.seq)).toEqual(all.map((_, i) => i + 1));
    expect((await repo.batch(2, 3)).map((e) => e.seq)).toEqual([3, 4, 5]);
    expect(await repo.batch(all.length, 10)).toEqual([]);
  });

  it('verify passes on the stored chain, finds an edited entry, and finds one cut from the end', async () => {
    const total = (await repo.last())!.seq;
    expect(await audit.verify(BUILDER)).toEqual({ ok: true, entries: total, firstBroken: null });

    const [{ data }] = await m.query('SELECT data::text AS data FROM audit_entry WHERE seq = 3');
    await m.query(`UPDATE audit_entry SET data = jsonb_set(data, '{note}', '"edited"') WHERE seq = 3`);
    expect(await audit.verify(BUILDER)).toMatchObject({ ok: false, entries: 2, firstBroken: { seq: 3 } });
    await m.query('UPDATE audit_entry SET data = $1::jsonb WHERE seq = 3', [data]);
    expect((await audit.verify(BUILDER)).ok).toBe(true);

    // The stored checkpoint vouches for the last entry: deleting it is caught.
    await m.query('DELETE FROM audit_entry WHERE seq = $1', [total]);
    expect(await audit.verify(BUILDER)).toMatchObject({ ok: false, entries: total - 1, firstBroken: { seq: total } });
  });

  it('pages entries by sequence, leaving out hidden entities; a non-UUID enrolment matches nothing', async () => {
    const hidden = await audit.append(BUILDER, record('HIDDEN'));
    const shown = await audit.append(BUILDER, record('SHOWN'));
    const page = await repo.page({}, { first: 100 }, [hidden.entityId]);
    const seqs = page.items.map((e) => e.seq);
    expect(seqs).toContain(shown.seq);
    expect(seqs).not.toContain(hidden.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect((await repo.page({ enrolmentId: 'not-a-uuid' }, { first: 10 })).items).toEqual([]);
  });
});
