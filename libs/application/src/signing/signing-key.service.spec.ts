import { createHash, createPublicKey, verify } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import type { AppConfig } from '@sandbridge/common';
import { loadConfig } from '@sandbridge/config';
import type { PlatformKeyRepository } from '@sandbridge/persistence';
import canonicalize from 'canonicalize';
import type { SignedDocument } from './signed-document.js';
import { signedDocumentProblems } from './signed-document.js';
import { SigningKeyService } from './signing-key.service.js';

/** RFC 8032 §7.1 test 1: the seed and public key; RFC 8037 A.3 gives the key's JWK thumbprint. */
const RFC_SEED = Buffer.from('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60', 'hex');
const RFC_PUBLIC = 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a';
const RFC_THUMBPRINT = 'kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k';

/** The platform_key table of one database: insert-if-absent, as the repository does it. */
class FakeKeys {
  readonly stored = new Map<string, string>();
  calls = 0;
  async ensure(purpose: string, candidate: string): Promise<string> {
    this.calls++;
    if (!this.stored.has(purpose)) this.stored.set(purpose, candidate);
    return this.stored.get(purpose)!;
  }
}

async function service(env: Record<string, string> = {}, keys = new FakeKeys()): Promise<SigningKeyService> {
  const config: AppConfig = loadConfig({ NODE_ENV: 'test', ...env });
  const signing = new SigningKeyService(config, keys as unknown as PlatformKeyRepository);
  await signing.onModuleInit();
  return signing;
}

/** Checks a signed document with node:crypto alone, from the published JWK: what an outside party does. */
function verifiedIndependently(
  signed: SignedDocument,
  jwks: { keys: { kid: string; kty: string; crv: string; x: string }[] },
): boolean {
  const jwk = jwks.keys.find((k) => k.kid === signed.keyId);
  if (!jwk) return false;
  const publicKey = createPublicKey({ key: { kty: jwk.kty, crv: jwk.crv, x: jwk.x }, format: 'jwk' });
  const bytes = Buffer.from(canonicalize(signed.document)!, 'utf8');
  return (
    createHash('sha256').update(bytes).digest('hex') === signed.sha256 &&
    verify(null, bytes, publicKey, Buffer.from(signed.signature, 'base64url'))
  );
}

const DOCUMENT = {
  type: 'example',
  seq: 42,
  nested: { b: [1, 'two', null, true], a: 'ü €' },
  at: '2026-01-02T03:04:05.678Z',
};

/** `text` with the character at `at` replaced by another of the same alphabet. */
const flip = (text: string, at: number) => text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1);

describe('SigningKeyService', () => {
  it('signs and verifies a round trip; an outside party verifies it with node:crypto from the published JWK', async () => {
    const signing = await service();
    const signed = signing.sign(DOCUMENT);
    expect(signed.document).toBe(DOCUMENT);
    expect(signed.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(signed.signature).toMatch(/^[A-Za-z0-9_-]{86}$/);
    expect(signed.keyId).toBe(signing.keyId);
    expect(signedDocumentProblems(signed)).toEqual([]);
    expect(signing.verify(signed)).toEqual({ valid: true });
    // Through JSON, as it travels.
    expect(signing.verify(JSON.parse(JSON.stringify(signed)))).toEqual({ valid: true });
    const jwks = signing.publicJwks();
    expect(jwks).toEqual({
      keys: [
        {
          kty: 'OKP',
          crv: 'Ed25519',
          x: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
          kid: signing.keyId,
          alg: 'EdDSA',
          use: 'sig',
        },
      ],
    });
    expect(verifiedIndependently(signed, jwks)).toBe(true);
  });

  it('signs the canonical form: key order and whitespace do not matter', async () => {
    const signing = await service();
    const reordered = JSON.parse(
      `{ "at": "${DOCUMENT.at}", "nested": {"a": "ü €", "b": [1, "two", null, true]}, "seq": 42,   "type": "example" }`,
    );
    expect(JSON.stringify(reordered)).not.toBe(JSON.stringify(DOCUMENT));
    const signed = signing.sign(DOCUMENT);
    // Ed25519 is deterministic: the same canonical bytes give the same signature.
    expect(signing.sign(reordered)).toEqual({ ...signed, document: reordered });
    expect(signing.verify({ ...signed, document: reordered })).toEqual({ valid: true });
    expect(signed.sha256).toBe(
      createHash('sha256')
        .update(
          '{"at":"2026-01-02T03:04:05.678Z","nested":{"a":"ü €","b":[1,"two",null,true]},"seq":42,"type":"example"}',
        )
        .digest('hex'),
    );
  });

  it('detects one changed byte in the document, the digest, the signature or the key id', async () => {
    const signing = await service();
    const signed = signing.sign(DOCUMENT);
    const jwks = signing.publicJwks();
    const changedDocument = { ...signed, document: { ...DOCUMENT, seq: 43 } };
    expect(signing.verify(changedDocument)).toMatchObject({ valid: false, path: 'sha256' });
    expect(verifiedIndependently(changedDocument, jwks)).toBe(false);
    // The digest recomputed to match the changed document: the signature still gives it away.
    const rehashed = {
      ...changedDocument,
      sha256: createHash('sha256').update(canonicalize(changedDocument.document)!).digest('hex'),
    };
    expect(signing.verify(rehashed)).toMatchObject({ valid: false, path: 'signature' });
    expect(verifiedIndependently(rehashed, jwks)).toBe(false);
    expect(
      signing.verify({ ...signed, sha256: (signed.sha256[0] === '0' ? '1' : '0') + signed.sha256.slice(1) }),
    ).toMatchObject({ valid: false, path: 'sha256' });
    // Every position of the signature, including the last character's otherwise unused bits.
    for (let at = 0; at < signed.signature.length; at++) {
      const tampered = { ...signed, signature: flip(signed.signature, at) };
      expect({ at, check: signing.verify(tampered) }).toMatchObject({ at, check: { valid: false, path: 'signature' } });
    }
    expect(signing.verify({ ...signed, keyId: flip(signed.keyId, 0) })).toMatchObject({ valid: false, path: 'keyId' });
    expect(verifiedIndependently({ ...signed, keyId: flip(signed.keyId, 0) }, jwks)).toBe(false);
    expect(signing.verify({ ...signed, signature: Buffer.alloc(64).toString('base64url') })).toMatchObject({
      valid: false,
      path: 'signature',
    });
  });

  it('refuses to sign what is not JSON, and reports it when verifying', async () => {
    const signing = await service();
    expect(() => signing.sign({ n: Number.NaN })).toThrow(TypeError);
    expect(() => signing.sign(undefined)).toThrow(TypeError);
    expect(signing.verify({ ...signing.sign({ a: 1 }), document: { n: Number.POSITIVE_INFINITY } })).toMatchObject({
      valid: false,
      path: 'document',
    });
  });

  it('names what is wrong with a signed document’s envelope', () => {
    expect(signedDocumentProblems(null)).toEqual([{ path: '', message: expect.any(String) }]);
    expect(signedDocumentProblems([]).map((p) => p.path)).toEqual(['']);
    expect(signedDocumentProblems({ sha256: 'x', signature: 'y', keyId: '' }).map((p) => p.path)).toEqual([
      'document',
      'sha256',
      'signature',
      'keyId',
    ]);
  });

  it('uses SIGNING_KEY when configured: the RFC 8032 key has the RFC 8037 thumbprint as its id, unless SIGNING_KEY_ID names it', async () => {
    const keys = new FakeKeys();
    const signing = await service({ SIGNING_KEY: RFC_SEED.toString('base64') }, keys);
    const [jwk] = signing.publicJwks().keys;
    expect(Buffer.from(jwk.x, 'base64url').toString('hex')).toBe(RFC_PUBLIC);
    expect(jwk.kid).toBe(RFC_THUMBPRINT);
    expect(keys.calls).toBe(0); // a configured key is never stored
    const named = await service({ SIGNING_KEY: RFC_SEED.toString('base64'), SIGNING_KEY_ID: 'sandbridge-2026' });
    expect(named.keyId).toBe('sandbridge-2026');
    expect(named.sign(DOCUMENT).signature).toBe(signing.sign(DOCUMENT).signature);
  });

  it('without SIGNING_KEY (not production) generates one key, stored once: every instance on the database signs with it', async () => {
    const keys = new FakeKeys();
    const first = await service({}, keys);
    const second = await service({}, keys);
    expect(keys.stored.size).toBe(1);
    expect(second.keyId).toBe(first.keyId);
    expect(second.verify(first.sign(DOCUMENT))).toEqual({ valid: true });
    // Another database, another key: its signatures do not verify here.
    const other = await service();
    expect(other.keyId).not.toBe(first.keyId);
    expect(first.verify({ ...other.sign(DOCUMENT), keyId: first.keyId })).toMatchObject({
      valid: false,
      path: 'signature',
    });
  });

  it('after a key change, publishes the retired keys beside the current one and still verifies what they signed', async () => {
    const before = await service({ SIGNING_KEY: RFC_SEED.toString('base64') });
    const signedBefore = before.sign(DOCUMENT);
    const served = JSON.stringify(before.publicJwks());
    const after = await service({ SIGNING_KEY: Buffer.alloc(32, 3).toString('base64'), SIGNING_RETIRED_KEYS: served });
    const jwks = after.publicJwks();
    expect(jwks.keys.map((k) => k.kid)).toEqual([after.keyId, RFC_THUMBPRINT]);
    expect(after.verify(signedBefore)).toEqual({ valid: true });
    expect(verifiedIndependently(signedBefore, jwks)).toBe(true);
    // Only the current key signs; a retired key's id on a new signature gives it away.
    expect(after.sign(DOCUMENT).keyId).toBe(after.keyId);
    expect(after.verify({ ...after.sign(DOCUMENT), keyId: RFC_THUMBPRINT })).toMatchObject({
      valid: false,
      path: 'signature',
    });
    // The current key listed again among the retired ones adds nothing.
    const again = await service({ SIGNING_KEY: RFC_SEED.toString('base64'), SIGNING_RETIRED_KEYS: served });
    expect(again.publicJwks().keys).toHaveLength(1);
    // Another key under the current key's id is refused at start.
    const clash = JSON.stringify({ keys: [{ ...before.publicJwks().keys[0], kid: 'sandbridge-now' }] });
    await expect(
      service({
        SIGNING_KEY: Buffer.alloc(32, 3).toString('base64'),
        SIGNING_KEY_ID: 'sandbridge-now',
        SIGNING_RETIRED_KEYS: clash,
      }),
    ).rejects.toThrow(/SIGNING_RETIRED_KEYS/);
  });

  it('never generates a key in production', async () => {
    const keys = new FakeKeys();
    const config = { ...loadConfig({ NODE_ENV: 'test' }), env: 'production' } as AppConfig;
    await expect(
      new SigningKeyService(config, keys as unknown as PlatformKeyRepository).onModuleInit(),
    ).rejects.toThrow(/SIGNING_KEY/);
    expect(keys.calls).toBe(0);
  });
});
