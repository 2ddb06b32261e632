import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import type { ClauseEntity, StandardEntity } from '@sandbridge/persistence';
import { ArrayMaxSize, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { Connection } from '../graphql/connection.model.js';

@ObjectType({ description: 'A clause of a standard; criteria reference clauses by id.' })
export class Clause {
  @Field(() => ID, { description: 'Global clause id, e.g. `ISO42001:A.6.2.4`.' })
  id: string;

  @Field(() => String, { description: 'Reference inside the standard, e.g. `A.6.2.4`.' })
  ref: string;

  @Field(() => String)
  title: string;

  standardId: string;

  static from(entity: ClauseEntity): Clause {
    return Object.assign(new Clause(), {
      id: entity.id,
      ref: entity.ref,
      title: entity.title,
      standardId: entity.standardId,
    });
  }
}

@ObjectType({
  description: 'A standard or requirements catalogue (ISO/IEC 42001, NIST AI RMF, EU AI Act, AI Verify…).',
})
export class Standard {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  code: string;

  @Field(() => String)
  title: string;

  @Field(() => String)
  publisher: string;

  static from(entity: StandardEntity): Standard {
    return Object.assign(new Standard(), {
      id: entity.id,
      code: entity.code,
      title: entity.title,
      publisher: entity.publisher,
    });
  }
}

@ObjectType()
export class StandardConnection extends Connection(Standard) {}

const CLAUSE_ID = /^[A-Za-z0-9]+:[^\s]{1,90}$/;
const CLAUSE_ID_MESSAGE = 'must look like STANDARD:REF without spaces, e.g. ISO42001:A.6.2.4';

@InputType()
export class ClauseInput {
  @Field(() => String)
  @Matches(CLAUSE_ID, { message: CLAUSE_ID_MESSAGE })
  id: string;

  @Field(() => String)
  @IsString()
  @Length(1, 100)
  ref: string;

  @Field(() => String)
  @IsString()
  @Length(1, 300)
  title: string;
}

@InputType()
export class CreateStandardInput {
  @Field(() => String)
  @IsString()
  @Length(2, 100)
  code: string;

  @Field(() => String)
  @IsString()
  @Length(2, 300)
  title: string;

  @Field(() => String)
  @IsString()
  @Length(2, 200)
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
  @IsString()
  @Length(2, 100)
  standardCode: string;
}
