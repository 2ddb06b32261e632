import { Field, InputType, Int } from '@nestjs/graphql';
import { IsDefined, IsInt, IsOptional, Max, Min } from 'class-validator';
import { GraphQLJSON } from 'graphql-scalars';
import { OptionalText } from '../graphql/validation.js';

@InputType()
export class StartProgrammeSimulationInput {
  @Field(() => GraphQLJSON, {
    description:
      'A sandbridge/programme-scenario@1 document (docs/programme-simulation.md). Refusals are BAD_USER_INPUT ' +
      'with the JSON path, e.g. input.scenario.designs[1].lead. A regulator’s authority must take part in every design.',
  })
  @IsDefined()
  scenario: unknown;

  @Field(() => String, { nullable: true })
  @OptionalText(200)
  name?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Replications per chunk (default 500); the result does not depend on it.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000)
  chunkSize?: number | null;
}

@InputType()
export class CalibrateProgrammeInput {
  @Field(() => GraphQLJSON, {
    description: 'Observed funnels: [{ authority, applications, admitted, jurisdiction? }] (e.g. published cohorts).',
  })
  @IsDefined()
  observations: unknown;
}
