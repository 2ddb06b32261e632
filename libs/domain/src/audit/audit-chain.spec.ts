import { describe, expect, it } from '@jest/globals';
import {
  AUDIT_CHECKPOINT_TYPE,
  chainHash,
  checkpointDocument,
  checkpointDocumentProblems,
  findBreak,
  GENESIS_HASH,
  missingEnd,
  type StoredAuditEntry,
} from './audit-chain.js';

/** A valid chain of `n` entries. */
function chain(n: number): StoredAuditEntry[] {
  const entries: StoredAuditEntry[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const content = {
      seq,
      id: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
      occurredAt: new Date(Date.UTC(2026, 0, 1, 0, 0, seq)).toISOString(),
      actorAccountId: null,
      action: 'TEST',
      entityType: 'THING',
      entityId: `thing-${seq}`,
      enrolmentId: null,
      programmeId: null,
      data: { n: seq },
    };
    const hash = chainHash(prevHash, content);
    entries.push({ ...content, prevHash, hash });
    prevHash = hash;
  }
  return entries;
}

/** `entries` with the content of entry `seq` changed and every hash from there recomputed. */
function rewritten(entries: StoredAuditEntry[], seq: number): StoredAuditEntry[] {
  const out: StoredAuditEntry[] = [];
  let prevHash = GENESIS_HASH;
  for (const { prevHash: _p, hash: _h, ...content } of entries) {
    const changed = content.seq === seq ? { ...content, data: { n: -1 } } : content;
    const hash = chainHash(prevHash, changed);
    out.push({ ...changed, prevHash, hash });
    prevHash = hash;
  }
  return out;
}

describe('audit chain checkpoints', () => {
  it('a chain rewritten and re-hashed is consistent in itself; the anchor at a later entry catches it', () => {
    const original = chain(5);
    const anchor = { seq: 4, hash: original[3].hash };
    const forged = rewritten(original, 2);
    expect(findBreak(forged, GENESIS_HASH, 1)).toBeNull();
    expect(findBreak(forged, GENESIS_HASH, 1, anchor)).toMatchObject({
      seq: 4,
      id: original[3].id,
      reason: expect.stringMatching(/checkpoint/),
    });
    expect(findBreak(original, GENESIS_HASH, 1, anchor)).toBeNull();
    // Rewritten only after the anchor: what the anchor vouches for is intact.
    expect(findBreak(rewritten(original, 5), GENESIS_HASH, 1, anchor)).toBeNull();
  });

  it('a break before the anchor is reported first', () => {
    const entries = chain(5);
    entries[1] = { ...entries[1], data: { n: 99 } };
    expect(findBreak(entries, GENESIS_HASH, 1, { seq: 4, hash: 'f'.repeat(64) })).toMatchObject({
      seq: 2,
      reason: expect.stringMatching(/content/),
    });
  });

  it('a chain that ends before the anchor lost its end', () => {
    expect(missingEnd(5, { seq: 5, hash: 'a'.repeat(64) })).toBeNull();
    expect(missingEnd(7, { seq: 5, hash: 'a'.repeat(64) })).toBeNull();
    expect(missingEnd(4, { seq: 5, hash: 'a'.repeat(64) })).toEqual({
      seq: 5,
      id: null,
      reason: expect.stringMatching(/entry 5 is missing/),
    });
    expect(missingEnd(0, { seq: 3, hash: 'a'.repeat(64) })?.reason).toMatch(/entries 1 to 3 are missing/);
  });

  it('a checkpoint document has exactly type, seq, hash and at', () => {
    const document = checkpointDocument({ seq: 3, hash: 'a'.repeat(64), occurredAt: '2026-01-01T00:00:00.000Z' });
    expect(document).toEqual({
      type: AUDIT_CHECKPOINT_TYPE,
      seq: 3,
      hash: 'a'.repeat(64),
      at: '2026-01-01T00:00:00.000Z',
    });
    expect(checkpointDocumentProblems(document)).toEqual([]);
    expect(checkpointDocumentProblems(null).map((p) => p.path)).toEqual(['']);
    expect(
      checkpointDocumentProblems({ ...document, seq: 1.5, hash: 'A'.repeat(64), more: 1 }).map((p) => p.path),
    ).toEqual(['more', 'seq', 'hash']);
    expect(checkpointDocumentProblems({ ...document, type: 'other', at: 7 }).map((p) => p.path)).toEqual([
      'type',
      'at',
    ]);
  });
});
