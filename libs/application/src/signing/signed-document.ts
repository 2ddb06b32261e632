// The signed-document format lives in libs/domain (pure: the CLI verifies offline with it); the
// application re-exports it where its services have always imported it from.
export {
  canonicalBytes,
  type Ed25519PublicJwk,
  type JwkSet,
  jwkSetProblems,
  jwkThumbprint,
  publicKeyOf,
  type SignatureCheck,
  type SignedDocument,
  sha256Hex,
  signedDocumentProblems,
  verifySignedDocument,
} from '@sandbridge/domain';
