import { Field, ID, ObjectType } from '@nestjs/graphql';
import { RiskClass } from '@sandbridge/domain';
import type { AiSystemEntity } from '@sandbridge/persistence';
import '../catalogue/catalogue.enums.js';
import { Connection } from '../graphql/connection.model.js';

@ObjectType({ description: 'An AI system an organisation enrols in sandbox programmes.' })
export class AiSystem {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => String)
  sector: string;

  @Field(() => String)
  intendedPurpose: string;

  @Field(() => RiskClass)
  riskClass: RiskClass;

  organisationId: string;

  static from(e: AiSystemEntity): AiSystem {
    return Object.assign(new AiSystem(), {
      id: e.id,
      name: e.name,
      sector: e.sector,
      intendedPurpose: e.intendedPurpose,
      riskClass: e.riskClass as RiskClass,
      organisationId: e.organisationId,
    });
  }
}

@ObjectType()
export class AiSystemConnection extends Connection(AiSystem) {}
