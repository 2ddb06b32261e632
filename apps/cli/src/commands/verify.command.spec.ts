import { describe, expect, it } from '@jest/globals';
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import canonicalize from 'canonicalize';
import { verify } from './verify.command.js';

// `verify` offline: a document signed here with a fresh Ed25519 key (the way the platform signs:
// Ed25519 over the RFC 8785 canonical JSON), checked against a JWK set file, without the platform.

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const KID = 'test-key';
const KEYS = {
  keys: [{ kty: 'OKP', crv: 'Ed25519', x: publicKey.export({ format: 'jwk' }).x, kid: KID, alg: 'EdDSA', use: 'sig' }],
};

function signed<T extends object>(document: T, keyId = KID) {
  const bytes = Buffer.from(canonicalize(document)!, 'utf8');
  return {
    document,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    signature: sign(null, bytes, privateKey).toString('base64url'),
    keyId,
  };
}

const PROOF = signed({
  format: 'sandbridge/written-proof@1',
  id: '5b0f2a54-7d43-4d1e-9e55-0a0f3c1d2e3f',
  completed: true,
  requirements: [{ key: 'exit.final-report', outcome: 'MET' }],
});

function fakeIo(files: Record<string, string>, stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: {
      readFile: async (path: string) => {
        if (!(path in files)) throw new Error(`ENOENT: no such file ${path}`);
        return files[path];
      },
      readStdin: async () => stdin,
      stdout: async (text: string) => void out.push(text),
      stderr: (text: string) => void err.push(text),
    },
    stdout: () => out.join(''),
    stderr: () => err.join(''),
  };
}

const run = async (args: string[], files: Record<string, string>, stdin?: string) => {
  const io = fakeIo({ 'keys.json': JSON.stringify(KEYS), ...files }, stdin);
  const code = await verify(args, io.io);
  return { code, stdout: io.stdout(), stderr: io.stderr() };
};

describe('verify (offline)', () => {
  it('says valid, with exit code 0 and one JSON document on stdout, for a document signed by a key of the set', async () => {
    const r = await run(['--keys', 'keys.json', 'proof.json'], { 'proof.json': JSON.stringify(PROOF, null, 2) });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      valid: true,
      keyId: KID,
      sha256: PROOF.sha256,
      format: 'sandbridge/written-proof@1',
      id: '5b0f2a54-7d43-4d1e-9e55-0a0f3c1d2e3f',
    });
    expect(r.stderr).toBe(`verify: valid — sandbridge/written-proof@1 signed by key ${KID}, unchanged\n`);
    // Key order and white space do not matter (the canonical form is signed); stdin works, --keys=… too.
    const reordered = `{"keyId":"${KID}","signature":"${PROOF.signature}","sha256":"${PROOF.sha256}","document":${JSON.stringify(
      Object.fromEntries(Object.entries(PROOF.document).reverse()),
    )}}`;
    expect((await run(['--keys=keys.json', '-'], {}, reordered)).code).toBe(0);
  });

  it('detects one changed byte in the document, the signature or the key id (exit code 1, naming the part)', async () => {
    const text = JSON.stringify(PROOF);
    const changedDocument = text.replace('"completed":true', '"completed":false');
    const flip = (value: string, at: number) =>
      value.slice(0, at) + (value[at] === 'A' ? 'B' : 'A') + value.slice(at + 1);
    const changedSignature = JSON.stringify({ ...PROOF, signature: flip(PROOF.signature, 5) });
    const changedKeyId = JSON.stringify({ ...PROOF, keyId: 'test-kez' });
    const rehashed = JSON.stringify(
      (() => {
        const document = { ...PROOF.document, completed: false };
        return { ...PROOF, document, sha256: signed(document).sha256 };
      })(),
    );
    for (const [content, path] of [
      [changedDocument, 'sha256'],
      [rehashed, 'signature'],
      [changedSignature, 'signature'],
      [changedKeyId, 'keyId'],
    ] as const) {
      const r = await run(['--keys', 'keys.json', 'x.json'], { 'x.json': content });
      expect({ path, code: r.code, result: JSON.parse(r.stdout) }).toMatchObject({
        path,
        code: 1,
        result: { valid: false, path },
      });
      expect(r.stderr).toMatch(new RegExp(`^verify: NOT valid — ${path}: `));
    }
    // Signed by another key under the same id: the signature gives it away.
    const other = generateKeyPairSync('ed25519').privateKey;
    const bytes = Buffer.from(canonicalize(PROOF.document)!, 'utf8');
    const forged = { ...PROOF, signature: sign(null, bytes, other).toString('base64url') };
    expect((await run(['--keys', 'keys.json', 'f.json'], { 'f.json': JSON.stringify(forged) })).code).toBe(1);
  });

  it('refuses what is not a signed document, not a key set, unreadable, or bad usage, with exit code 2', async () => {
    const cases: [string[], Record<string, string>, RegExp][] = [
      [['--keys', 'keys.json', 'x.json'], { 'x.json': '{ nope' }, /^verify: x\.json: not valid JSON/],
      [
        ['--keys', 'keys.json', 'x.json'],
        { 'x.json': '{"document":{}}' },
        /^verify: x\.json: sha256: .*not a signed document/,
      ],
      [['--keys', 'keys.json', 'x.json'], { 'x.json': '[]' }, /^verify: x\.json: \(root\): must be an object/],
      [
        ['--keys', 'bad.json', 'x.json'],
        { 'bad.json': '{"keys":[{"kty":"RSA"}]}', 'x.json': '{}' },
        /^verify: bad\.json: keys\[0\]\.kty: /,
      ],
      [
        ['--keys', 'bad.json', 'x.json'],
        { 'bad.json': JSON.stringify({ keys: [{ ...KEYS.keys[0], d: KEYS.keys[0].x }] }), 'x.json': '{}' },
        /private key part/,
      ],
      [['--keys', 'missing.json', 'x.json'], { 'x.json': '{}' }, /^verify: cannot read missing\.json/],
      [['--keys', 'keys.json', 'missing.json'], {}, /^verify: cannot read missing\.json/],
      [['x.json'], {}, /^verify: name the key set with --keys/],
      [['--keys'], {}, /^verify: --keys needs/],
      [['--keys', 'keys.json'], {}, /^verify: name one signed document/],
      [['--keys', 'keys.json', 'a.json', 'b.json'], {}, /^verify: name one signed document/],
      [['--keys', '-', '-'], {}, /^verify: the key set and the document cannot both come from stdin/],
      [['--verbose', '--keys', 'keys.json', 'a.json'], {}, /^verify: unknown option --verbose/],
    ];
    for (const [args, files, message] of cases) {
      const r = await run(args, files);
      expect({ args, code: r.code, stdout: r.stdout }).toEqual({ args, code: 2, stdout: '' });
      expect(r.stderr).toMatch(message);
    }
    const help = await run(['--help'], {});
    expect(help.code).toBe(0);
    expect(help.stderr).toContain('Usage: sandbridge verify --keys KEYS.json FILE');
  });
});
