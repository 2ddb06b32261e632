import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import type { EvidenceEntity } from '@sandbridge/persistence';
import { Connection } from '../graphql/connection.model.js';
import { DateScalar } from '../graphql/scalars.js';

/** Where a file is downloaded (GET, with the same Bearer token). */
export function evidenceDownloadPath(id: string): string {
  return `/evidence/${id}`;
}

@ObjectType({
  description:
    'A file that backs results, entry evidence and plan sections: stored once, addressed by SHA-256, never changed; its metadata belongs to its owner (an organisation or an authority).',
})
export class Evidence {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: 'Hex SHA-256 of the bytes.' })
  sha256: string;

  @Field(() => Float, { description: 'Bytes.' })
  size: number;

  @Field(() => String, { description: 'The media type checked against the content (never the client’s claim).' })
  mediaType: string;

  @Field(() => String, { description: 'The uploader’s file name, sanitised: metadata only.' })
  filename: string;

  @Field(() => String)
  title: string;

  @Field(() => DateScalar, { description: 'The day the evidence speaks for.' })
  effectiveDay: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'The last day it may be relied on; null: it does not expire.',
  })
  expiryDay: string | null;

  @Field(() => Date)
  uploadedAt: Date;

  @Field(() => String, { description: 'GET it with the Bearer token (`?inline=1` shows a PDF or an image inline).' })
  downloadPath: string;

  @Field(() => Int, { description: 'Raised by every metadata change: send it as `expectedVersion`.' })
  version: number;

  organisationId: string | null;
  authorityId: string | null;
  supersedesId: string | null;
  /** The stored row, for field resolvers that ask the service about it. */
  row: EvidenceEntity;

  static from(e: EvidenceEntity): Evidence {
    return Object.assign(new Evidence(), {
      id: e.id,
      sha256: e.sha256,
      size: e.size,
      mediaType: e.mediaType,
      filename: e.filename,
      title: e.title,
      effectiveDay: e.effectiveDay,
      expiryDay: e.expiryDay,
      uploadedAt: e.uploadedAt,
      downloadPath: evidenceDownloadPath(e.id),
      version: e.version,
      organisationId: e.organisationId,
      authorityId: e.authorityId,
      supersedesId: e.supersedesId,
      row: e,
    });
  }
}

@ObjectType()
export class EvidenceConnection extends Connection(Evidence) {}
