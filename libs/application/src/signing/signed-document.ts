import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { FieldProblem } from '@sandbridge/domain';

/**
 * A document the platform signed: `signature` is Ed25519 over the UTF-8 bytes of the RFC 8785
 * canonical JSON of `document` (so key order and whitespace never matter), `sha256` is the hex
 * SHA-256 of the same bytes, `keyId` names the key in the published JWK set.
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
