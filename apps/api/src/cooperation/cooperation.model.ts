import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { EnrolmentEventType } from '@sandbridge/application';
import { IncidentSeverity } from '@sandbridge/domain';
import type { AuditEntryEntity, IncidentEntity } from '@sandbridge/persistence';
import { ArrayMaxSize, IsEnum, IsOptional, IsString, IsUUID, Length, Matches, MaxLength } from 'class-validator';
import { GraphQLJSON } from 'graphql-scalars';
import { Connection } from '../graphql/connection.model.js';

registerEnumType(EnrolmentEventType, { name: 'EnrolmentEventType' });
registerEnumType(IncidentSeverity, { name: 'IncidentSeverity' });

@ObjectType({ description: 'Something that happened to an enrolment, delivered after it was committed.' })
export class EnrolmentEventModel {
  @Field(() => ID)
  id: string;

  @Field(() => EnrolmentEventType)
  type: EnrolmentEventType;

  @Field(() => String, { description: 'ISO timestamp.' })
  occurredAt: string;

  @Field(() => ID)
  programmeId: string;

  @Field(() => ID)
  enrolmentId: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The authority that acted (decisions, incidents reported by a regulator).',
  })
  authorityId: string | null;

  @Field(() => String, { nullable: true })
  action: string | null;

  @Field(() => String, { nullable: true })
  fromState: string | null;

  @Field(() => String, { nullable: true })
  toState: string | null;

  @Field(() => ID, { nullable: true })
  reportId: string | null;

  @Field(() => ID, { nullable: true })
  incidentId: string | null;

  @Field(() => String)
  summary: string;
}

@ObjectType({ description: 'An incident during testing (severity, harm, affected jurisdictions).' })
export class Incident {
  @Field(() => ID)
  id: string;

  @Field(() => IncidentSeverity)
  severity: IncidentSeverity;

  @Field(() => String)
  description: string;

  @Field(() => String, { nullable: true })
  harm: string | null;

  @Field(() => [String])
  affectedJurisdictions: string[];

  @Field(() => ID, { nullable: true, description: 'The reporting authority; null when the innovator reported it.' })
  reportingAuthorityId: string | null;

  @Field(() => Date)
  reportedAt: Date;

  static from(e: IncidentEntity): Incident {
    return Object.assign(new Incident(), {
      id: e.id,
      severity: e.severity as IncidentSeverity,
      description: e.description,
      harm: e.harm,
      affectedJurisdictions: e.affectedJurisdictions,
      reportingAuthorityId: e.reportingAuthorityId,
      reportedAt: e.reportedAt,
    });
  }
}

@InputType()
export class ReportIncidentInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be an enrolment id' })
  enrolmentId: string;

  @Field(() => IncidentSeverity)
  @IsEnum(IncidentSeverity)
  severity: IncidentSeverity;

  @Field(() => String)
  @IsString()
  @Length(5, 10000, { message: 'must be 5 to 10000 characters' })
  description: string;

  @Field(() => String, { nullable: true, description: 'The harm caused or risked.' })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  harm?: string | null;

  @Field(() => [String], { description: 'Jurisdiction codes.' })
  @ArrayMaxSize(50)
  @Matches(/^[A-Z]{2,3}(-[A-Z0-9]{1,3})?$/, {
    each: true,
    message: 'each must be a jurisdiction code such as EU or US-CO',
  })
  affectedJurisdictions: string[];
}

@ObjectType({ description: 'One link of the hash-chained audit trail.' })
export class AuditEntry {
  @Field(() => Int, { description: 'Position in the chain.' })
  seq: number;

  @Field(() => ID)
  id: string;

  @Field(() => Date)
  occurredAt: Date;

  @Field(() => String, { nullable: true })
  actorAccountId: string | null;

  @Field(() => String)
  action: string;

  @Field(() => String)
  entityType: string;

  @Field(() => String)
  entityId: string;

  @Field(() => ID, { nullable: true })
  enrolmentId: string | null;

  @Field(() => ID, { nullable: true })
  programmeId: string | null;

  @Field(() => GraphQLJSON)
  data: Record<string, unknown>;

  @Field(() => String)
  prevHash: string;

  @Field(() => String, { description: 'SHA-256 over prevHash and the canonical JSON (RFC 8785) of the content.' })
  hash: string;

  static from(e: AuditEntryEntity): AuditEntry {
    return Object.assign(new AuditEntry(), e);
  }
}

@ObjectType()
export class AuditEntryConnection extends Connection(AuditEntry) {}

@ObjectType()
export class ChainBreakModel {
  @Field(() => Int)
  seq: number;

  @Field(() => ID, {
    nullable: true,
    description: 'Null when the entry is missing altogether (deleted from the end of the chain).',
  })
  id: string | null;

  @Field(() => String)
  reason: string;
}

@ObjectType()
export class AuditVerificationModel {
  @Field(() => Boolean)
  ok: boolean;

  @Field(() => Int, { description: 'Entries verified before the first broken link (all of them when ok).' })
  entries: number;

  @Field(() => ChainBreakModel, { nullable: true })
  firstBroken: ChainBreakModel | null;
}

@InputType()
export class AuditFilterInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'must be an enrolment id' })
  enrolmentId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  actorAccountId?: string | null;
}

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
    'The signed head of the audit trail. Keep the whole object, as returned, outside the platform, and pass it back to verifyAuditTrail(checkpoint:) later: entries deleted from the end or rewritten up to it are then detected. Anyone can check it offline: `signature` is Ed25519 (base64url) over the RFC 8785 canonical JSON of `document`, with the key `keyId` of GET /.well-known/sandbridge-keys.',
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
