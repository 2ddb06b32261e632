import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { AuditEntryEntity } from '@sandbridge/persistence';
import { GraphQLJSON } from 'graphql-scalars';
import { Connection } from '../graphql/connection.model.js';

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
