import { Field, ID, InputType } from '@nestjs/graphql';
import { AgreementKind } from '@sandbridge/domain';
import { ArrayMaxSize, IsEnum, IsOptional, IsString, Length } from 'class-validator';
import { DateScalar } from '../graphql/scalars.js';
import './agreement.enums.js';
import { IdOf, OptionalText, RequiredText } from '../graphql/validation.js';

const CODE = 'each must be a jurisdiction code';

@InputType()
export class CreateAgreementInput {
  @Field(() => String)
  @RequiredText(3, 200)
  name: string;

  @Field(() => AgreementKind)
  @IsEnum(AgreementKind)
  kind: AgreementKind;

  @Field(() => [String], { description: 'Jurisdiction codes; yours among them.' })
  @ArrayMaxSize(50)
  @IsString({ each: true, message: CODE })
  @Length(1, 16, { each: true, message: CODE })
  parties: string[];

  @Field(() => DateScalar, { nullable: true })
  effectiveFrom?: Date | null;

  @Field(() => DateScalar, { nullable: true })
  effectiveTo?: Date | null;
}

@InputType()
export class UpdateAgreementInput {
  @Field(() => ID)
  @IdOf('agreement')
  id: string;

  @Field(() => String, { nullable: true })
  @OptionalText(3, 200)
  name?: string | null;

  @Field(() => AgreementKind, { nullable: true })
  @IsOptional()
  @IsEnum(AgreementKind)
  kind?: AgreementKind | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsString({ each: true, message: CODE })
  @Length(1, 16, { each: true, message: CODE })
  parties?: string[] | null;

  @Field(() => DateScalar, { nullable: true, description: 'null clears it (open).' })
  effectiveFrom?: Date | null;

  @Field(() => DateScalar, { nullable: true, description: 'null clears it (open).' })
  effectiveTo?: Date | null;
}

@InputType()
export class AgreementIdInput {
  @Field(() => ID)
  @IdOf('agreement')
  id: string;
}
