import { createHash, createPublicKey, type KeyObject, verify } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { FieldProblem } from '../errors/domain-error.js';

/**
 * A document the platform signed (docs/formats.md#signed-documents): `signature` is Ed25519 over the
 * UTF-8 bytes of the RFC 8785 canonical JSON of `document` (so key order and whitespace never
 * matter), `sha256` is the hex SHA-256 of the same bytes, `keyId` names the key in the published
 * JWK set.
 */
export interface SignedDocument<T = unknown> {
  document: T;
  sha256: string;
  /** base64url, no padding (64 bytes → 86 characters). */
  signature: string;
  keyId: string;
}

/** A public Ed25519 key as a JWK (RFC 8037). */
export interface Ed25519PublicJwk {
  kty: 'OKP';
  crv: 'Ed25519';
  /** The 32-byte public key, base64url. */
  x: string;
  kid: string;
  alg: 'EdDSA';
  use: 'sig';
}

export interface JwkSet {
  keys: Ed25519PublicJwk[];
}

/** Which part of a signed document failed, and why. */
export type SignatureCheck =
  { valid: true } | { valid: false; path: 'document' | 'sha256' | 'signature' | 'keyId'; reason: string };

/** The bytes that are hashed and signed. Throws a TypeError when `document` is not plain JSON. */
export function canonicalBytes(document: unknown): Buffer {
  let text: string | undefined;
  try {
    text = canonicalize(document);
  } catch (error) {
    throw new TypeError(`not JSON that can be signed: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (text === undefined) throw new TypeError('not JSON that can be signed: undefined');
  return Buffer.from(text, 'utf8');
}

export function sha256Hex(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** RFC 7638 thumbprint of an Ed25519 public key: SHA-256 of its required members in canonical order, base64url. */
export function jwkThumbprint(x: string): string {
  return createHash('sha256')
    .update(JSON.stringify({ crv: 'Ed25519', kty: 'OKP', x }))
    .digest('base64url');
}

/**
 * What is wrong with `value` as a signed document's envelope, with paths relative to it (empty when
 * it has the shape). The document itself is the caller's to check.
 */
export function signedDocumentProblems(value: unknown): FieldProblem[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return [{ path: '', message: 'must be an object {document, sha256, signature, keyId}' }];
  const signed = value as Record<string, unknown>;
  const problems: FieldProblem[] = [];
  if (!('document' in signed)) problems.push({ path: 'document', message: 'is missing' });
  if (typeof signed.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(signed.sha256))
    problems.push({ path: 'sha256', message: 'must be 64 lowercase hex digits' });
  if (typeof signed.signature !== 'string' || !/^[A-Za-z0-9_-]{86}$/.test(signed.signature))
    problems.push({ path: 'signature', message: 'must be a base64url Ed25519 signature (86 characters)' });
  if (typeof signed.keyId !== 'string' || signed.keyId.length < 1 || signed.keyId.length > 128)
    problems.push({ path: 'keyId', message: 'must be a key id of 1 to 128 characters' });
  return problems;
}

/**
 * What is wrong with `value` as a JWK set of Ed25519 public keys (paths relative to it; empty when
 * it is one). Members other than those an Ed25519 public JWK needs are ignored.
 */
export function jwkSetProblems(value: unknown): FieldProblem[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || !Array.isArray((value as JwkSet).keys))
    return [{ path: 'keys', message: 'must be a JWK set: an object {"keys": [...]}' }];
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  for (const [i, key] of ((value as { keys: unknown[] }).keys ?? []).entries()) {
    const k = key as Record<string, unknown> | null;
    const at = (field: string) => `keys[${i}].${field}`;
    if (k === null || typeof k !== 'object' || Array.isArray(k)) {
      problems.push({ path: `keys[${i}]`, message: 'must be a JWK object' });
      continue;
    }
    if (k.kty !== 'OKP') problems.push({ path: at('kty'), message: 'must be "OKP"' });
    if (k.crv !== 'Ed25519') problems.push({ path: at('crv'), message: 'must be "Ed25519"' });
    if (typeof k.x !== 'string' || !/^[A-Za-z0-9_-]{43}$/.test(k.x) || Buffer.from(k.x, 'base64url').length !== 32)
      problems.push({ path: at('x'), message: 'must be a 32-byte public key, base64url (43 characters)' });
    if (typeof k.kid !== 'string' || k.kid.length < 1 || k.kid.length > 128)
      problems.push({ path: at('kid'), message: 'must be a key id of 1 to 128 characters' });
    else if (seen.has(k.kid)) problems.push({ path: at('kid'), message: `repeats the key id ${k.kid}` });
    else seen.add(k.kid);
    if ('d' in k) problems.push({ path: at('d'), message: 'is a private key part: a key set holds public keys only' });
  }
  return problems;
}

/** The public key of a JWK, as node:crypto takes it. */
export function publicKeyOf(jwk: Pick<Ed25519PublicJwk, 'x'>): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: jwk.x }, format: 'jwk' });
}

/**
 * Whether `signed` (a well-formed envelope, see `signedDocumentProblems`) was signed, unchanged, by
 * one of `keys`: the key id must name one of them, the digest must match the canonical bytes of the
 * document, and the signature must verify over those bytes with that key. Only the canonical
 * base64url encoding of the signature is taken: otherwise a changed padding bit would leave the
 * bytes, and the check, unchanged. Pure: needs nothing but the key set.
 */
export function verifySignedDocument(
  signed: SignedDocument,
  keys: JwkSet | readonly (Pick<Ed25519PublicJwk, 'kid' | 'x'> & { publicKey?: KeyObject })[],
): SignatureCheck {
  const list = Array.isArray(keys) ? keys : (keys as JwkSet).keys;
  const jwk = list.find((k) => k.kid === signed.keyId);
  if (!jwk) return { valid: false, path: 'keyId', reason: 'is not the id of a key in the key set' };
  let bytes: Buffer;
  try {
    bytes = canonicalBytes(signed.document);
  } catch (error) {
    return { valid: false, path: 'document', reason: (error as Error).message };
  }
  if (sha256Hex(bytes) !== signed.sha256)
    return {
      valid: false,
      path: 'sha256',
      reason: 'does not match the document (the document or its digest was changed)',
    };
  const signature = Buffer.from(signed.signature, 'base64url');
  let publicKey: KeyObject;
  try {
    publicKey = ('publicKey' in jwk && jwk.publicKey) || publicKeyOf(jwk);
  } catch {
    return { valid: false, path: 'keyId', reason: 'names a key that is not a valid Ed25519 public key' };
  }
  if (
    signature.length !== 64 ||
    signature.toString('base64url') !== signed.signature ||
    !verify(null, bytes, publicKey, signature)
  ) {
    return { valid: false, path: 'signature', reason: 'does not verify with the key it names' };
  }
  return { valid: true };
}
