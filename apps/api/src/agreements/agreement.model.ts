import { Field, ID, ObjectType } from '@nestjs/graphql';
import { AgreementAction, agreementActionsFrom, AgreementKind, AgreementStatus } from '@sandbridge/domain';
import type { AgreementHistoryEvent } from '@sandbridge/application';
import type { AgreementApprovalEntity, AgreementEntity } from '@sandbridge/persistence';
import { Connection } from '../graphql/connection.model.js';
import { DateScalar } from '../graphql/scalars.js';
import './agreement.enums.js';

@ObjectType({ description: 'A party’s approval of the proposed agreement.' })
export class AgreementApproval {
  @Field(() => String)
  jurisdictionCode: string;

  @Field(() => ID, { description: 'The negotiator’s account.' })
  approvedByAccountId: string;

  @Field(() => Date)
  approvedAt: Date;

  static from(e: AgreementApprovalEntity): AgreementApproval {
    return Object.assign(new AgreementApproval(), {
      jurisdictionCode: e.jurisdictionCode,
      approvedByAccountId: e.approvedBy,
      approvedAt: e.approvedAt,
    });
  }
}

@ObjectType({
  description:
    'One step of an agreement’s lifecycle, from the audit trail: proposed, approved by a party (the last approval puts it in force), suspended, resumed, terminated.',
})
export class AgreementEvent {
  @Field(() => AgreementAction)
  action: AgreementAction;

  @Field(() => Date)
  at: Date;

  @Field(() => ID, { nullable: true, description: 'The negotiator’s account.' })
  actorAccountId: string | null;

  @Field(() => String, { nullable: true, description: 'The approving party’s jurisdiction code (APPROVE only).' })
  party: string | null;

  @Field(() => AgreementStatus)
  fromStatus: AgreementStatus;

  @Field(() => AgreementStatus, { description: 'IN_FORCE after the last party’s approval.' })
  toStatus: AgreementStatus;

  static from(e: AgreementHistoryEvent): AgreementEvent {
    return Object.assign(new AgreementEvent(), e);
  }
}

@ObjectType({
  description:
    'A recognition agreement between jurisdictions (docs/domain.md#recognition). Public: every signed-in user reads it.',
})
export class Agreement {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => AgreementKind)
  kind: AgreementKind;

  @Field(() => AgreementStatus)
  status: AgreementStatus;

  @Field(() => [String], { description: 'Jurisdiction codes.' })
  parties: string[];

  @Field(() => DateScalar, { nullable: true, description: 'The window is [effectiveFrom, effectiveTo); null = open.' })
  effectiveFrom: string | null;

  @Field(() => DateScalar, { nullable: true })
  effectiveTo: string | null;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date)
  updatedAt: Date;

  @Field(() => [AgreementAction], {
    description:
      'The status changes this status allows (guards aside: rules to propose, your party not yet approved), so clients never guess.',
  })
  get allowedActions(): AgreementAction[] {
    return agreementActionsFrom(this.status);
  }

  static from(e: AgreementEntity): Agreement {
    return Object.assign(new Agreement(), {
      id: e.id,
      name: e.name,
      kind: e.kind as AgreementKind,
      status: e.status as AgreementStatus,
      parties: e.parties,
      effectiveFrom: e.effectiveFrom,
      effectiveTo: e.effectiveTo,
      createdAt: e.createdAt,
      updatedAt: e.updatedAt,
    });
  }
}

@ObjectType()
export class AgreementConnection extends Connection(Agreement) {}
