import { Field, ID, InputType } from '@nestjs/graphql';
import { RiskClass } from '@sandbridge/domain';
import { IsEnum, IsOptional, IsString, IsUUID, Length, Matches, MaxLength } from 'class-validator';
import '../catalogue/catalogue.enums.js';

const SECTOR = /^[A-Z][A-Z0-9_]{1,39}$/;
const SECTOR_MESSAGE = 'must be an upper-case word such as FINANCE or HEALTH';

@InputType()
export class RegisterAiSystemInput {
  @Field(() => ID, { nullable: true, description: 'Defaults to your own organisation (administrators must give one).' })
  @IsOptional()
  @IsUUID('all', { message: 'must be an organisation id' })
  organisationId?: string | null;

  @Field(() => String)
  @IsString()
  @Length(2, 200)
  name: string;

  @Field(() => String)
  @Matches(SECTOR, { message: SECTOR_MESSAGE })
  sector: string;

  @Field(() => String)
  @IsString()
  @Length(10, 5000, { message: 'must be 10 to 5000 characters: say what the system is for' })
  intendedPurpose: string;

  @Field(() => RiskClass)
  @IsEnum(RiskClass)
  riskClass: RiskClass;
}

@InputType()
export class UpdateAiSystemInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be an AI system id' })
  id: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(2, 200)
  name?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(SECTOR, { message: SECTOR_MESSAGE })
  sector?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(10, 5000, { message: 'must be 10 to 5000 characters: say what the system is for' })
  intendedPurpose?: string | null;

  @Field(() => RiskClass, { nullable: true })
  @IsOptional()
  @IsEnum(RiskClass)
  riskClass?: RiskClass | null;
}

@InputType()
export class AiSystemFilterInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'must be an organisation id' })
  organisationId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  sector?: string | null;

  @Field(() => RiskClass, { nullable: true })
  riskClass?: RiskClass | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string | null;
}
