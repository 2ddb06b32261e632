import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsOptional, Matches, ValidateNested } from 'class-validator';
import { OptionalText, RequiredText } from '../graphql/validation.js';

const CLAUSE_ID = /^[A-Za-z0-9]+:[^\s]{1,90}$/;
const CLAUSE_ID_MESSAGE = 'must look like STANDARD:REF without spaces, e.g. ISO42001:A.6.2.4';

@InputType()
export class ClauseInput {
  @Field(() => String)
  @Matches(CLAUSE_ID, { message: CLAUSE_ID_MESSAGE })
  id: string;

  @Field(() => String)
  @RequiredText(1, 100)
  ref: string;

  @Field(() => String)
  @RequiredText(1, 300)
  title: string;
}

@InputType()
export class CreateStandardInput {
  @Field(() => String)
  @RequiredText(2, 100)
  code: string;

  @Field(() => String)
  @RequiredText(2, 300)
  title: string;

  @Field(() => String)
  @RequiredText(2, 200)
  publisher: string;

  @Field(() => [ClauseInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => ClauseInput)
  clauses?: ClauseInput[] | null;
}

@InputType()
export class AddClauseInput extends ClauseInput {
  @Field(() => String)
  @RequiredText(2, 100)
  standardCode: string;
}

@InputType()
export class StandardFilterInput {
  @Field(() => String, { nullable: true, description: 'Part of the code or title, any case.' })
  @OptionalText(200)
  search?: string | null;
}
