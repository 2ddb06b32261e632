import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject, sign, verify } from 'node:crypto';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@sandbridge/common';
import { PlatformKeyRepository } from '@sandbridge/persistence';
import {
  canonicalBytes,
  type Ed25519PublicJwk,
  type JwkSet,
  jwkThumbprint,
  type SignatureCheck,
  type SignedDocument,
  sha256Hex,
} from './signed-document.js';

interface LoadedKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  jwk: Ed25519PublicJwk;
}

/**
 * The platform's one Ed25519 signing key: signs documents others must be able to check offline
 * (audit checkpoints, exit documents) against the public key published as a JWK set.
 *
 * The key is SIGNING_KEY when configured (required in production). Otherwise one is generated on
 * the first start and kept in the database (insert-if-absent), so that restarts and every instance
 * on that database sign with the same key and earlier signatures keep verifying.
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
    this.key = { privateKey, publicKey, jwk: { kty: 'OKP', crv: 'Ed25519', x, kid, alg: 'EdDSA', use: 'sig' } };
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
   * Whether `signed` is a document this platform signed, unchanged: the key id must be ours, the
   * digest must match the document and the signature both. Takes a well-formed envelope (see
   * `signedDocumentProblems`).
   */
  verify(signed: SignedDocument): SignatureCheck {
    const key = this.loaded;
    if (signed.keyId !== key.jwk.kid)
      return { valid: false, path: 'keyId', reason: 'is not the id of a key this platform signs with' };
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
    // Only the canonical encoding: otherwise a changed padding bit would leave the bytes, and the check, unchanged.
    if (
      signature.length !== 64 ||
      signature.toString('base64url') !== signed.signature ||
      !verify(null, bytes, key.publicKey, signature)
    ) {
      return { valid: false, path: 'signature', reason: 'does not verify with the platform key' };
    }
    return { valid: true };
  }

  /** The public key(s), for GET /.well-known/sandbridge-keys. */
  publicJwks(): JwkSet {
    return { keys: [{ ...this.loaded.jwk }] };
  }
}
