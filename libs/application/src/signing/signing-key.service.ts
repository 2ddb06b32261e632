import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@sandbridge/common';
import { PlatformKeyRepository } from '@sandbridge/persistence';
import {
  canonicalBytes,
  type Ed25519PublicJwk,
  type JwkSet,
  jwkThumbprint,
  publicKeyOf,
  type SignatureCheck,
  type SignedDocument,
  sha256Hex,
  verifySignedDocument,
} from './signed-document.js';

interface LoadedKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  jwk: Ed25519PublicJwk;
  /** Earlier keys' public parts (SIGNING_RETIRED_KEYS): still published and trusted for what they signed. */
  retired: (Ed25519PublicJwk & { publicKey: KeyObject })[];
}

/**
 * The platform's one Ed25519 signing key: signs documents others must be able to check offline
 * (audit checkpoints, exit documents) against the public key published as a JWK set.
 *
 * The key is SIGNING_KEY when configured (required in production). Otherwise one is generated on
 * the first start and kept in the database (insert-if-absent), so that restarts and every instance
 * on that database sign with the same key and earlier signatures keep verifying. After a key change,
 * the earlier keys' public parts (SIGNING_RETIRED_KEYS) are published beside it and still verify
 * what they signed; only the current key signs.
 */
@Injectable()
export class SigningKeyService implements OnModuleInit {
  private key: LoadedKey | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly keys: PlatformKeyRepository,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.load();
  }

  /** Loads (or, outside production without SIGNING_KEY, generates and stores) the key. */
  async load(): Promise<void> {
    if (this.key) return;
    let pem = this.config.signing.privateKeyPem;
    if (!pem) {
      if (this.config.env === 'production') throw new Error('SIGNING_KEY is required when NODE_ENV=production');
      const candidate = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
      pem = await this.keys.ensure('signing', candidate);
    }
    const privateKey = createPrivateKey(pem);
    if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('The platform signing key must be an Ed25519 key');
    const publicKey = createPublicKey(privateKey);
    const { x } = publicKey.export({ format: 'jwk' });
    if (!x) throw new Error('The platform signing key has no public part');
    const kid = this.config.signing.keyId ?? jwkThumbprint(x);
    const retired = [];
    for (const old of this.config.signing.retiredKeys ?? []) {
      if (old.kid === kid) {
        // The current key listed again (a key set copied after the change): nothing to add.
        if (old.x === x) continue;
        throw new Error(`SIGNING_RETIRED_KEYS: the key id ${old.kid} is the current signing key's, with another key`);
      }
      if (old.x === x) continue;
      retired.push({ ...old, publicKey: publicKeyOf(old) });
    }
    this.key = {
      privateKey,
      publicKey,
      jwk: { kty: 'OKP', crv: 'Ed25519', x, kid, alg: 'EdDSA', use: 'sig' },
      retired,
    };
  }

  private get loaded(): LoadedKey {
    if (!this.key) throw new Error('The signing key is not loaded yet (SigningKeyService.load runs at module init)');
    return this.key;
  }

  get keyId(): string {
    return this.loaded.jwk.kid;
  }

  /** Signs the canonical JSON of `document`. Throws a TypeError when it is not plain JSON. */
  sign<T>(document: T): SignedDocument<T> {
    const bytes = canonicalBytes(document);
    return {
      document,
      sha256: sha256Hex(bytes),
      signature: sign(null, bytes, this.loaded.privateKey).toString('base64url'),
      keyId: this.keyId,
    };
  }

  /**
   * Whether `signed` is a document this platform signed, unchanged: the key id must be the current
   * key's or a retired one's, the digest must match the document and the signature both. Takes a
   * well-formed envelope (see `signedDocumentProblems`).
   */
  verify(signed: SignedDocument): SignatureCheck {
    const key = this.loaded;
    const check = verifySignedDocument(signed, [{ ...key.jwk, publicKey: key.publicKey }, ...key.retired]);
    if (!check.valid && check.path === 'keyId')
      return { valid: false, path: 'keyId', reason: 'is not the id of a key this platform signs or signed with' };
    return check;
  }

  /** The public key(s), for GET /.well-known/sandbridge-keys. */
  publicJwks(): JwkSet {
    const { jwk, retired } = this.loaded;
    return {
      keys: [{ ...jwk }, ...retired.map(({ kty, crv, x, kid, alg, use }) => ({ kty, crv, x, kid, alg, use }))],
    };
  }
}
