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
  return createHash('sha256')
    .update(`${prevHash}\n${canonicalize(content)}`)
    .digest('hex');
}

export interface StoredAuditEntry extends AuditContent {
  prevHash: string;
  hash: string;
}

/** The first broken link: `id` is null when the entry is missing altogether (cut from the end). */
export type ChainBreak = { seq: number; id: string | null; reason: string };

/** What a checkpoint vouches for: entry `seq` of the chain has hash `hash`. */
export interface ChainAnchor {
  seq: number;
  hash: string;
}

/**
 * Checks a run of consecutive entries that follows `expectedPrev`: each must name the previous
 * hash and hash to what it stores, and the entry at `anchor.seq` (a signed checkpoint) must have the
 * anchor's hash — a chain rewritten and re-hashed up to there is consistent in itself, but differs
 * from what was signed. Returns the first broken link, or null.
 */
export function findBreak(
  entries: StoredAuditEntry[],
  expectedPrev: string,
  expectedSeq: number,
  anchor?: ChainAnchor,
): ChainBreak | null {
  let prev = expectedPrev;
  let seq = expectedSeq;
  for (const entry of entries) {
    if (entry.seq !== seq)
      return {
        seq: entry.seq,
        id: entry.id,
        reason: `expected entry ${seq} here, found ${entry.seq} (an entry is missing)`,
      };
    if (entry.prevHash !== prev)
      return { seq: entry.seq, id: entry.id, reason: 'its previous-hash does not match the entry before it' };
    const { prevHash: _p, hash, ...content } = entry;
    if (chainHash(entry.prevHash, content) !== hash)
      return {
        seq: entry.seq,
        id: entry.id,
        reason: 'its content does not match its hash (edited after it was written)',
      };
    if (anchor && entry.seq === anchor.seq && hash !== anchor.hash) {
      return {
        seq: entry.seq,
        id: entry.id,
        reason: 'its hash differs from the signed checkpoint’s: the chain was rewritten up to here',
      };
    }
    prev = hash;
    seq++;
  }
  return null;
}

/** After the whole chain checked out: a chain that ends before the checkpoint's entry lost its end. */
export function missingEnd(lastSeq: number, anchor: ChainAnchor): ChainBreak | null {
  if (lastSeq >= anchor.seq) return null;
  const missing = lastSeq + 1 === anchor.seq ? `entry ${anchor.seq} is` : `entries ${lastSeq + 1} to ${anchor.seq} are`;
  return {
    seq: anchor.seq,
    id: null,
    reason: `the chain ends at entry ${lastSeq}, but the signed checkpoint covers entry ${anchor.seq}: ${missing} missing (deleted from the end)`,
  };
}

/** The `type` of a signed audit checkpoint: the same key signs other documents too. */
export const AUDIT_CHECKPOINT_TYPE = 'sandbridge.audit-checkpoint';

/** The signed head of the chain: entry `seq`, its hash, and when it was written. */
export interface AuditCheckpointDocument {
  type: typeof AUDIT_CHECKPOINT_TYPE;
  seq: number;
  hash: string;
  /** The head entry's `occurredAt` (ISO 8601 with milliseconds, UTC). */
  at: string;
}

export function checkpointDocument(head: { seq: number; hash: string; occurredAt: string }): AuditCheckpointDocument {
  return { type: AUDIT_CHECKPOINT_TYPE, seq: head.seq, hash: head.hash, at: head.occurredAt };
}

const CHECKPOINT_FIELDS = ['at', 'hash', 'seq', 'type'];

/**
 * What is wrong with `value` as a checkpoint document, as `path: message` pairs relative to it
 * (empty when it is one). Only these four flat fields are accepted, so nothing else gets hashed.
 */
export function checkpointDocumentProblems(value: unknown): { path: string; message: string }[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return [{ path: '', message: 'must be an object {type, seq, hash, at}' }];
  const doc = value as Record<string, unknown>;
  const problems: { path: string; message: string }[] = [];
  const extra = Object.keys(doc).filter((key) => !CHECKPOINT_FIELDS.includes(key));
  if (extra.length) problems.push({ path: extra[0].slice(0, 64), message: 'is not a field of an audit checkpoint' });
  if (doc.type !== AUDIT_CHECKPOINT_TYPE)
    problems.push({ path: 'type', message: `must be "${AUDIT_CHECKPOINT_TYPE}"` });
  if (!Number.isSafeInteger(doc.seq) || (doc.seq as number) < 1)
    problems.push({ path: 'seq', message: 'must be a positive integer' });
  if (typeof doc.hash !== 'string' || !/^[0-9a-f]{64}$/.test(doc.hash))
    problems.push({ path: 'hash', message: 'must be 64 lowercase hex digits' });
  if (typeof doc.at !== 'string' || doc.at.length > 32)
    problems.push({ path: 'at', message: 'must be an ISO timestamp' });
  return problems;
}
