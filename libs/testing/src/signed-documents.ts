// What an outside party does with a signed document (docs/formats.md#signed-documents): node:crypto
// and an RFC 8785 library, against the JWK set published at GET /.well-known/sandbridge-keys — an
// implementation independent of the platform's own signing code, for the tests that check it.
import { createHash, createPublicKey, verify } from 'node:crypto';
import canonicalize from 'canonicalize';

export type SignedDocument = { document: Record<string, any>; sha256: string; signature: string; keyId: string };
export type Jwks = { keys: { kid: string; kty: string; crv: string; x: string }[] };

/** Whether `signed` is unchanged and signed by a key of `keys`: its SHA-256, its Ed25519 signature, its key id. */
export function verifiedIndependently(signed: SignedDocument, keys: Jwks): boolean {
  const jwk = keys.keys.find((k) => k.kid === signed.keyId);
  if (!jwk) return false;
  const bytes = Buffer.from(canonicalize(signed.document)!, 'utf8');
  let signature: Buffer;
  try {
    signature = Buffer.from(signed.signature, 'base64url');
  } catch {
    return false;
  }
  return (
    createHash('sha256').update(bytes).digest('hex') === signed.sha256 &&
    signature.toString('base64url') === signed.signature &&
    verify(null, bytes, createPublicKey({ key: { kty: jwk.kty, crv: jwk.crv, x: jwk.x }, format: 'jwk' }), signature)
  );
}
