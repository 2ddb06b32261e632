import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '@sandbridge/domain';
import { expectOk, TestApp } from '@sandbridge/testing';

// On a real PostgreSQL outside production without SIGNING_KEY, the key generated at start is kept in
// the database with insert-if-absent: API instances starting together on one database agree on one
// key, so a checkpoint signed by one verifies on another; and appends through several instances at
// once leave the stored checkpoint on the chain's true head (it is written under the chain's lock).

const CHECKPOINT = '{ auditCheckpoint { document { type seq hash at } sha256 signature keyId } }';
const VERIFY =
  'query($checkpoint: JSON) { verifyAuditTrail(checkpoint: $checkpoint) { ok entries firstBroken { seq id reason } } }';
const CREATE_AGREEMENT = 'mutation($input: CreateAgreementInput!) { createAgreement(input: $input) { id } }';
const NEGOTIATOR = 'neg.eu@checkpoint-pg.test';

let first: TestApp;

beforeAll(async () => {
  first = await TestApp.create();
  await first.accountWithToken(NEGOTIATOR, Role.NEGOTIATOR, { jurisdictionCode: 'EU' });
}, 120_000);

afterAll(async () => {
  await first?.close();
});

const kid = async (t: TestApp): Promise<string> =>
  (await t.http().get('/.well-known/sandbridge-keys')).body.keys[0].kid;

describe('the generated signing key on a shared PostgreSQL', () => {
  it('instances starting together agree on one key; one instance’s checkpoint verifies on the other, also after concurrent appends', async () => {
    // As on a database where no instance has started yet.
    await first.dataSource.query('DELETE FROM platform_key');
    const [a, b] = await Promise.all([TestApp.createSecondInstance(first), TestApp.createSecondInstance(first)]);
    try {
      expect(await first.count('platform_key')).toBe(1);
      expect(await kid(a)).toBe(await kid(b));

      const tokens = await Promise.all([a.login(NEGOTIATOR), b.login(NEGOTIATOR)]);
      const admin = await b.adminToken();
      await Promise.all(
        Array.from({ length: 16 }, async (_, i) => {
          const [app, token] = i % 2 ? [a, tokens[0]] : [b, tokens[1]];
          expectOk(
            await app.gql(
              CREATE_AGREEMENT,
              {
                input: {
                  name: `pg-checkpoint-${i}`,
                  kind: 'BILATERAL',
                  parties: ['EU', 'SG'],
                  effectiveFrom: '2026-01-01',
                },
              },
              token,
            ),
          );
        }),
      );
      const checkpoint = expectOk(await a.gql(CHECKPOINT, {}, await a.adminToken())).auditCheckpoint;
      const [head] = await first.dataSource.query(
        'SELECT seq::int AS seq, hash FROM audit_entry ORDER BY seq DESC LIMIT 1',
      );
      expect(checkpoint.document).toMatchObject({ seq: head.seq, hash: head.hash });
      expect(head.seq).toBe(await first.count('audit_entry'));
      expect(checkpoint.keyId).toBe(await kid(b));
      expect(expectOk(await b.gql(VERIFY, { checkpoint }, admin)).verifyAuditTrail).toEqual({
        ok: true,
        entries: head.seq,
        firstBroken: null,
      });
    } finally {
      await b.close();
      await a.close();
    }
  });
});
