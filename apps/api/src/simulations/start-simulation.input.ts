import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { MIN_RUN_ORGANISATIONS, MIN_RUN_SYSTEMS } from '@sandbridge/domain';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsInt, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { GraphQLJSON } from 'graphql-scalars';
import { RecordedPopulationInput } from './recorded-population.input.js';
import { IdOf, OptionalText, RequiredText } from '../graphql/validation.js';

@InputType({ description: 'Stored agreements (typically drafts) simulated together as one variant, as if signed.' })
export class AgreementVariantInput {
  @Field(() => String)
  @RequiredText(1, 200)
  name: string;

  @Field(() => [ID])
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IdOf('agreement', { each: true })
  agreements: string[];
}

@InputType()
export class StartSimulationInput {
  @Field(() => String, { nullable: true })
  @OptionalText(200)
  name?: string | null;

  @Field(() => GraphQLJSON, {
    description:
      'A sandbridge/scenario@1 document. Left out, `asOf` is today, `reference` the platform’s, `baseline` ' +
      'the agreements in force; `population` only with recordedPopulation.',
  })
  scenario: unknown;

  @Field(() => RecordedPopulationInput, {
    nullable: true,
    description:
      `Takes the population from the platform’s recorded data (the scenario then has none): ACCEPTED ` +
      `results of PUBLIC and PARTICIPANTS reports. Refused (BAD_USER_INPUT) below ${MIN_RUN_SYSTEMS} ` +
      `systems or ${MIN_RUN_ORGANISATIONS} organisations.`,
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => RecordedPopulationInput)
  recordedPopulation?: RecordedPopulationInput | null;

  @Field(() => [AgreementVariantInput], {
    nullable: true,
    description: 'Appended variants: stored agreements as if signed (IN_FORCE).',
  })
  @IsOptional()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => AgreementVariantInput)
  agreementVariants?: AgreementVariantInput[] | null;

  @Field(() => Int, { nullable: true, description: 'Population units per chunk (default 500).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000)
  chunkSize?: number | null;
}
