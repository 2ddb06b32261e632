import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('AuditCheckpointDocument', {
  description: 'What an audit checkpoint vouches for: entry `seq` of the trail has hash `hash`.',
})
export class AuditCheckpointDocumentModel {
  @Field(() => String, {
    description: 'Always "sandbridge.audit-checkpoint" (the platform key signs other documents too).',
  })
  type: string;

  @Field(() => Int, { description: 'The head entry’s position in the chain.' })
  seq: number;

  @Field(() => String, { description: 'The head entry’s hash.' })
  hash: string;

  @Field(() => String, {
    description: 'When the head entry was written (ISO 8601, milliseconds, UTC), exactly as signed.',
  })
  at: string;
}

@ObjectType('AuditCheckpoint', {
  description:
    'The signed head of the audit trail. Keep the whole object, as returned, outside the platform, and ' +
    'pass it back to verifyAuditTrail(checkpoint:) later: entries deleted from the end or rewritten up ' +
    'to it are then detected. Anyone can check it offline: `signature` is Ed25519 (base64url) over the ' +
    'RFC 8785 canonical JSON of `document`, with the key `keyId` of GET /.well-known/sandbridge-keys.',
})
export class AuditCheckpointModel {
  @Field(() => AuditCheckpointDocumentModel)
  document: AuditCheckpointDocumentModel;

  @Field(() => String, { description: 'SHA-256 (hex) of the canonical JSON of `document`.' })
  sha256: string;

  @Field(() => String, { description: 'Ed25519 signature over the canonical JSON of `document`, base64url.' })
  signature: string;

  @Field(() => String, { description: 'The `kid` of the signing key in GET /.well-known/sandbridge-keys.' })
  keyId: string;
}
