import { Field, ID, InputType } from '@nestjs/graphql';
import { RiskClass } from '@sandbridge/domain';
import { IsEnum, IsOptional, Matches } from 'class-validator';
import '../catalogue/catalogue.enums.js';
import { IdOf, OptionalText, RequiredText, SECTOR } from '../graphql/validation.js';

const SECTOR_MESSAGE = 'must be an upper-case word such as FINANCE or HEALTH';

@InputType()
export class RegisterAiSystemInput {
  @Field(() => ID, { nullable: true, description: 'Defaults to your own organisation (administrators must give one).' })
  @IdOf('organisation', { optional: true })
  organisationId?: string | null;

  @Field(() => String)
  @RequiredText(2, 200)
  name: string;

  @Field(() => String)
  @Matches(SECTOR, { message: SECTOR_MESSAGE })
  sector: string;

  @Field(() => String)
  @RequiredText(10, 5000, { message: 'must be 10 to 5000 characters: say what the system is for' })
  intendedPurpose: string;

  @Field(() => RiskClass)
  @IsEnum(RiskClass)
  riskClass: RiskClass;
}

@InputType()
export class UpdateAiSystemInput {
  @Field(() => ID)
  @IdOf('AI system')
  id: string;

  @Field(() => String, { nullable: true })
  @OptionalText(2, 200)
  name?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(SECTOR, { message: SECTOR_MESSAGE })
  sector?: string | null;

  @Field(() => String, { nullable: true })
  @OptionalText(10, 5000, { message: 'must be 10 to 5000 characters: say what the system is for' })
  intendedPurpose?: string | null;

  @Field(() => RiskClass, { nullable: true })
  @IsOptional()
  @IsEnum(RiskClass)
  riskClass?: RiskClass | null;
}

@InputType()
export class AiSystemFilterInput {
  @Field(() => ID, { nullable: true })
  @IdOf('organisation', { optional: true })
  organisationId?: string | null;

  @Field(() => String, { nullable: true })
  @OptionalText(40)
  sector?: string | null;

  @Field(() => RiskClass, { nullable: true })
  riskClass?: RiskClass | null;

  @Field(() => String, { nullable: true })
  @OptionalText(200)
  search?: string | null;
}
