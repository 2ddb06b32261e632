import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

/** The `prevHash` of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** What an audit entry's hash covers (with the previous entry's hash). */
export interface AuditContent {
  seq: number;
  id: string;
  /** ISO 8601 with milliseconds, UTC. */
  occurredAt: string;
  actorAccountId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  enrolmentId: string | null;
  programmeId: string | null;
  data: Record<string, unknown>;
}

/**
 * SHA-256 over the previous hash and the canonical JSON (RFC 8785) of the content: the database may
 * reorder a JSON column's keys, canonical JSON does not care.
 */
export function chainHash(prevHash: string, content: AuditContent): string {
  return createHash('sha256').update(`${prevHash}\n${canonicalize(content)}`).digest('hex');
}

export interface StoredAuditEntry extends AuditContent {
  prevHash: string;
  hash: string;
}

export type ChainBreak = { seq: number; id: string; reason: string };

/**
 * Checks a run of consecutive entries that follows `expectedPrev`: each must name the previous
 * hash and hash to what it stores. Returns the first broken link, or null.
 */
export function findBreak(entries: StoredAuditEntry[], expectedPrev: string, expectedSeq: number): ChainBreak | null {
  let prev = expectedPrev;
  let seq = expectedSeq;
  for (const entry of entries) {
    if (entry.seq !== seq) return { seq: entry.seq, id: entry.id, reason: `expected entry ${seq} here, found ${entry.seq} (an entry is missing)` };
    if (entry.prevHash !== prev) return { seq: entry.seq, id: entry.id, reason: 'its previous-hash does not match the entry before it' };
    const { prevHash: _p, hash, ...content } = entry;
    if (chainHash(entry.prevHash, content) !== hash) return { seq: entry.seq, id: entry.id, reason: 'its content does not match its hash (edited after it was written)' };
    prev = hash;
    seq++;
  }
  return null;
}
