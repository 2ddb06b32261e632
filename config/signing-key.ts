import { createPrivateKey, type KeyObject } from 'node:crypto';

/** PKCS#8 DER prefix of an Ed25519 private key (RFC 8410): the 32-byte seed follows it. */
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/**
 * Reads SIGNING_KEY: an Ed25519 private key as a PKCS#8 PEM (`openssl genpkey -algorithm ed25519`;
 * newlines may be written as `\n` in one line) or as the base64 (or base64url) of its 32-byte seed
 * (`openssl rand -base64 32`). Returns the key as a PKCS#8 PEM, or null when it is neither.
 */
export function parseSigningKey(value: string): string | null {
  const text = value.trim();
  let key: KeyObject;
  try {
    if (text.includes('-----BEGIN')) {
      key = createPrivateKey({ key: text.replace(/\\n/g, '\n'), format: 'pem' });
    } else {
      if (!/^[A-Za-z0-9+/_-]{43}=?$/.test(text)) return null;
      const seed = Buffer.from(text, 'base64');
      if (seed.length !== 32) return null;
      key = createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
    }
  } catch {
    return null;
  }
  if (key.asymmetricKeyType !== 'ed25519') return null;
  return key.export({ format: 'pem', type: 'pkcs8' }).toString();
}
