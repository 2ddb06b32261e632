import { createHash, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { chainHash, Role } from '@sandbridge/domain';
import { expectBadInput, expectError, expectOk, TestApp } from '@sandbridge/testing';
import canonicalize from 'canonicalize';

// The end of the audit trail is anchored by a signed checkpoint: the platform signs the head
// {seq, hash, at} with its Ed25519 key after every append; whoever keeps a checkpoint outside the
// platform can later prove that entries were deleted from the end, or rewritten up to it — which the
// hash chain alone cannot show, as a chain cut short is still a valid chain. The public key is
// published at GET /.well-known/sandbridge-keys for anyone to check a signature offline.

const CHECKPOINT = '{ auditCheckpoint { document { type seq hash at } sha256 signature keyId } }';
const VERIFY =
  'query($checkpoint: JSON) { verifyAuditTrail(checkpoint: $checkpoint) { ok entries firstBroken { seq id reason } } }';
const CREATE_AGREEMENT = 'mutation($input: CreateAgreementInput!) { createAgreement(input: $input) { id } }';

interface Checkpoint {
  document: { type: string; seq: number; hash: string; at: string };
  sha256: string;
  signature: string;
  keyId: string;
}
interface Verification {
  ok: boolean;
  entries: number;
  firstBroken: { seq: number; id: string | null; reason: string } | null;
}
interface Jwk {
  kty: string;
  crv: string;
  x: string;
  kid: string;
}

let t: TestApp;
let admin: string;
let negotiator: { email: string; token: string };
let regulator: { email: string; token: string };
let innovator: string;
let appended = 0;

/** One audit entry, through the API (a negotiator drafts an agreement). */
async function append(): Promise<void> {
  appended++;
  expectOk(
    await t.gql(
      CREATE_AGREEMENT,
      {
        input: {
          name: `checkpoint-draft-${appended}`,
          kind: 'BILATERAL',
          parties: ['EU', 'SG'],
          effectiveFrom: '2026-01-01',
        },
      },
      negotiator.token,
    ),
  );
}

const checkpoint = async (token = admin): Promise<Checkpoint | null> =>
  expectOk(await t.gql<{ auditCheckpoint: Checkpoint | null }>(CHECKPOINT, {}, token)).auditCheckpoint;
const verifyTrail = async (cp?: unknown): Promise<Verification> =>
  expectOk(await t.gql<{ verifyAuditTrail: Verification }>(VERIFY, cp === undefined ? {} : { checkpoint: cp }, admin))
    .verifyAuditTrail;
const head = async (): Promise<{ seq: number; id: string; hash: string; occurred_at: Date }> =>
  (
    await t.dataSource.query('SELECT seq::int AS seq, id, hash, occurred_at FROM audit_entry ORDER BY seq DESC LIMIT 1')
  )[0];

async function publishedKeys(): Promise<{ keys: Jwk[] }> {
  const response = await t.http().get('/.well-known/sandbridge-keys');
  expect(response.status).toBe(200);
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  return response.body;
}

/** What an outside party does with a stored checkpoint: node:crypto and the published JWK, nothing of Sandbridge. */
function verifiesOffline(cp: Checkpoint, jwks: { keys: Jwk[] }): boolean {
  const jwk = jwks.keys.find((k) => k.kid === cp.keyId);
  if (!jwk) return false;
  const bytes = Buffer.from(canonicalize(cp.document)!, 'utf8');
  const key = createPublicKey({ key: { kty: jwk.kty, crv: jwk.crv, x: jwk.x }, format: 'jwk' });
  return (
    createHash('sha256').update(bytes).digest('hex') === cp.sha256 &&
    verify(null, bytes, key, Buffer.from(cp.signature, 'base64url'))
  );
}

beforeAll(async () => {
  t = await TestApp.create();
  admin = await t.adminToken();
  negotiator = {
    email: 'neg.eu@checkpoint.test',
    token: (await t.accountWithToken('neg.eu@checkpoint.test', Role.NEGOTIATOR, { jurisdictionCode: 'EU' })).token,
  };
  const authorityId = await t.authorityId('EU', 'AI Office');
  regulator = {
    email: 'reg.eu@checkpoint.test',
    token: (await t.accountWithToken('reg.eu@checkpoint.test', Role.REGULATOR, { authorityId })).token,
  };
  innovator = (
    await t.accountWithToken('inn@checkpoint.test', Role.INNOVATOR, {
      organisationId: await t.createOrganisation('Checkpoint Ltd'),
    })
  ).token;
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('the platform signing key', () => {
  it('GET /.well-known/sandbridge-keys serves the public Ed25519 key as a JWK set, to anyone, and never the private part', async () => {
    const jwks = await publishedKeys();
    expect(jwks.keys).toHaveLength(1);
    const [jwk] = jwks.keys;
    expect(Object.keys(jwk).sort()).toEqual(['alg', 'crv', 'kid', 'kty', 'use', 'x']);
    expect(jwk).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig' });
    expect(Buffer.from(jwk.x, 'base64url')).toHaveLength(32);
    // The id is the key's RFC 7638 thumbprint.
    expect(jwk.kid).toBe(
      createHash('sha256')
        .update(JSON.stringify({ crv: 'Ed25519', kty: 'OKP', x: jwk.x }))
        .digest('base64url'),
    );
    const [{ private_key: stored }] = await t.dataSource.query(
      `SELECT private_key FROM platform_key WHERE purpose = 'signing'`,
    );
    expect(JSON.stringify(jwks)).not.toContain(stored.split('\n')[1]);
  });
});

describe('auditCheckpoint', () => {
  it('is null while the trail is empty, then the signed head after every append, checkable offline', async () => {
    expect(await t.count('audit_entry')).toBe(0);
    expect(await checkpoint()).toBeNull();
    const jwks = await publishedKeys();
    for (let i = 1; i <= 3; i++) {
      await append();
      const cp = (await checkpoint())!;
      const last = await head();
      expect(cp.document).toEqual({
        type: 'sandbridge.audit-checkpoint',
        seq: last.seq,
        hash: last.hash,
        at: last.occurred_at.toISOString(),
      });
      expect(cp.document.seq).toBe(i);
      expect(cp.keyId).toBe(jwks.keys[0].kid);
      expect(verifiesOffline(cp, jwks)).toBe(true);
    }
  });

  it('is for administrators and regulators (to keep outside the platform); not innovators or negotiators', async () => {
    expect(await checkpoint(regulator.token)).toEqual(await checkpoint(admin));
    for (const token of [innovator, negotiator.token]) expectError(await t.gql(CHECKPOINT, {}, token), 'FORBIDDEN');
    expectError(await t.gql(CHECKPOINT, {}), 'UNAUTHENTICATED');
  });
});

describe('verifyAuditTrail(checkpoint:)', () => {
  it('detects entries deleted from the end, which the chain alone cannot show', async () => {
    const earlier = (await checkpoint())!;
    await append();
    await append();
    await append();
    const kept = (await checkpoint())!; // what a regulator stored outside the platform
    const total = await t.count('audit_entry');
    expect(kept.document.seq).toBe(total);
    expect(await verifyTrail(kept)).toEqual({ ok: true, entries: total, firstBroken: null });
    expect(await verifyTrail(earlier)).toEqual({ ok: true, entries: total, firstBroken: null });

    // The two newest entries deleted by SQL.
    await t.dataSource.query('DELETE FROM audit_entry WHERE seq > $1', [total - 2]);
    // The platform's own checkpoint row still names the old head: caught even without a kept checkpoint.
    expect(await verifyTrail()).toMatchObject({ ok: false, entries: total - 2, firstBroken: { seq: total, id: null } });
    // Whoever deleted the entries removes that row too: the chain alone now looks intact…
    await t.dataSource.query('DELETE FROM audit_checkpoint');
    expect(await verifyTrail()).toEqual({ ok: true, entries: total - 2, firstBroken: null });
    // …but not against the checkpoint kept outside.
    const result = await verifyTrail(kept);
    expect(result).toMatchObject({ ok: false, entries: total - 2, firstBroken: { seq: total, id: null } });
    expect(result.firstBroken!.reason).toMatch(/ends at entry \d+.*missing/);
    // An earlier checkpoint vouches only for what is still there.
    expect(await verifyTrail(earlier)).toEqual({ ok: true, entries: total - 2, firstBroken: null });

    // New entries continue the cut chain: the kept checkpoint's entry now has another hash.
    await append();
    await append();
    expect((await checkpoint())!.document.seq).toBe(total);
    const after = await verifyTrail(kept);
    expect(after).toMatchObject({ ok: false, entries: total - 1, firstBroken: { seq: total, id: (await head()).id } });
    expect(after.firstBroken!.reason).toMatch(/checkpoint/);
    expect(await verifyTrail()).toEqual({ ok: true, entries: total, firstBroken: null });
  });

  it('detects an entry rewritten and re-hashed up to the checkpoint (a chain consistent in itself)', async () => {
    const kept = (await checkpoint())!;
    const last = await head();
    const [row] = await t.dataSource.query(
      `SELECT seq::int AS seq, id, occurred_at, actor_account_id, action, entity_type, entity_id, enrolment_id, programme_id, data, prev_hash FROM audit_entry WHERE seq = $1`,
      [last.seq],
    );
    const content = {
      seq: row.seq,
      id: row.id,
      occurredAt: row.occurred_at.toISOString(),
      actorAccountId: row.actor_account_id,
      action: row.action,
      entityType: row.entity_type,
      entityId: row.entity_id,
      enrolmentId: row.enrolment_id,
      programmeId: row.programme_id,
      data: { ...row.data, name: 'rewritten' },
    };
    expect(chainHash(row.prev_hash, { ...content, data: row.data })).toBe(last.hash); // the recipe is right
    await t.dataSource.query('UPDATE audit_entry SET data = $1::jsonb, hash = $2 WHERE seq = $3', [
      JSON.stringify(content.data),
      chainHash(row.prev_hash, content),
      last.seq,
    ]);
    await t.dataSource.query('DELETE FROM audit_checkpoint');
    expect(await verifyTrail()).toEqual({ ok: true, entries: last.seq, firstBroken: null });
    const result = await verifyTrail(kept);
    expect(result).toMatchObject({ ok: false, entries: last.seq - 1, firstBroken: { seq: last.seq, id: last.id } });
    expect(result.firstBroken!.reason).toMatch(/checkpoint/);
  });

  it('signs the chain’s head again when the stored checkpoint is missing or does not verify, never the stored row’s figures', async () => {
    const current = await head();
    await t.dataSource.query('DELETE FROM audit_checkpoint');
    const signed = (await checkpoint())!;
    expect(signed.document).toMatchObject({ seq: current.seq, hash: current.hash });
    expect(await t.count('audit_checkpoint')).toBe(1);
    await t.dataSource.query(`UPDATE audit_checkpoint SET seq = seq - 1, hash = repeat('a', 64)`);
    expect(await checkpoint()).toEqual(signed);
    expect(verifiesOffline(signed, await publishedKeys())).toBe(true);
  });

  it('refuses a checkpoint that is forged, altered or malformed, naming the field (BAD_USER_INPUT)', async () => {
    const kept = (await checkpoint())!;
    const refused = async (cp: unknown, ...paths: string[]) =>
      expectBadInput(await t.gql(VERIFY, { checkpoint: cp }, admin), ...paths);

    // Moved forward or back: the digest no longer matches; digest recomputed: the signature does not.
    await refused({ ...kept, document: { ...kept.document, seq: kept.document.seq - 1 } }, 'checkpoint.sha256');
    const document = { ...kept.document, seq: kept.document.seq - 1 };
    await refused(
      { ...kept, document, sha256: createHash('sha256').update(canonicalize(document)!).digest('hex') },
      'checkpoint.signature',
    );
    await refused(
      { ...kept, signature: (kept.signature[5] === 'A' ? 'B' : 'A') + kept.signature.slice(1) },
      'checkpoint.signature',
    );
    await refused({ ...kept, keyId: `${kept.keyId}x` }, 'checkpoint.keyId');
    // Signed by another key under the platform's key id.
    const { privateKey } = generateKeyPairSync('ed25519');
    await refused(
      { ...kept, signature: sign(null, Buffer.from(canonicalize(kept.document)!), privateKey).toString('base64url') },
      'checkpoint.signature',
    );
    // Malformed.
    await refused('a string', 'checkpoint');
    await refused({ document: kept.document }, 'checkpoint.sha256', 'checkpoint.signature', 'checkpoint.keyId');
    await refused({ ...kept, document: { ...kept.document, extra: { deep: [1] } } }, 'checkpoint.document.extra');
    await refused(
      { ...kept, document: { ...kept.document, type: 'sandbridge.exit-report', seq: 0 } },
      'checkpoint.document.type',
      'checkpoint.document.seq',
    );
    await refused({ ...kept, document: [kept.document] }, 'checkpoint.document');

    // Administrators and regulators verify; innovators and negotiators may not.
    expect(
      expectOk(await t.gql<{ verifyAuditTrail: Verification }>(VERIFY, { checkpoint: kept }, regulator.token))
        .verifyAuditTrail,
    ).toMatchObject({ ok: true });
    for (const token of [innovator, negotiator.token])
      expectError(await t.gql(VERIFY, { checkpoint: kept }, token), 'FORBIDDEN');
  });
});

describe('the generated key (embedded database, no SIGNING_KEY)', () => {
  it('is kept in the database: after a restart the same key is published and earlier checkpoints still verify', async () => {
    const before = await publishedKeys();
    const kept = (await checkpoint())!;
    t = await t.reopen();
    admin = await t.adminToken();
    negotiator = { ...negotiator, token: await t.login(negotiator.email) };
    expect(await publishedKeys()).toEqual(before);
    expect(await verifyTrail(kept)).toMatchObject({ ok: true });
    await append();
    const next = (await checkpoint())!;
    expect(next.keyId).toBe(kept.keyId);
    expect(next.document.seq).toBe(kept.document.seq + 1);
    expect(verifiesOffline(next, before)).toBe(true);
  });
});
