import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Category, Comparator, CriterionKind, CriterionStatus, Relation, RiskClass, Stage } from '@sandbridge/domain';
import type { CriterionEntity, CrosswalkEntity } from '@sandbridge/persistence';
import {
  ArrayMaxSize,
  IsEnum,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
} from 'class-validator';
import { Connection } from '../graphql/connection.model.js';

registerEnumType(Stage, { name: 'Stage' });
registerEnumType(Category, { name: 'Category' });
registerEnumType(CriterionKind, {
  name: 'CriterionKind',
  description: 'METRIC: measured against a threshold; EVIDENCE: a document; ATTESTATION: a yes/no statement.',
});
registerEnumType(Comparator, { name: 'Comparator' });
registerEnumType(RiskClass, { name: 'RiskClass' });
registerEnumType(CriterionStatus, { name: 'CriterionStatus' });
registerEnumType(Relation, {
  name: 'Relation',
  description:
    'OSCAL-style correspondence: EQUIVALENT and SUPERSET cover the target fully; SUBSET and INTERSECTS partly.',
});

@ObjectType({
  description: 'One version of an authority’s criterion. Published versions never change; revise to make the next.',
})
export class Criterion {
  @Field(() => ID, { description: 'Ids are per version.' })
  id: string;

  @Field(() => String, { description: 'Stable across versions.' })
  key: string;

  @Field(() => Int)
  version: number;

  @Field(() => String)
  title: string;

  @Field(() => String)
  description: string;

  @Field(() => Stage)
  stage: Stage;

  @Field(() => Category)
  category: Category;

  @Field(() => CriterionKind)
  kind: CriterionKind;

  @Field(() => String, { nullable: true })
  metricKey: string | null;

  @Field(() => String, { nullable: true })
  unit: string | null;

  @Field(() => Comparator, { nullable: true })
  comparator: Comparator | null;

  @Field(() => Float, { nullable: true, description: 'The threshold, or the low bound for BETWEEN.' })
  threshold: number | null;

  @Field(() => Float, { nullable: true, description: 'The high bound for BETWEEN.' })
  thresholdHigh: number | null;

  @Field(() => String, { nullable: true })
  evidenceType: string | null;

  @Field(() => String, { nullable: true })
  statement: string | null;

  @Field(() => [String], { description: 'Sectors it applies to; empty = all.' })
  sectors: string[];

  @Field(() => [RiskClass], { description: 'Risk classes it applies to; empty = all.' })
  riskClasses: RiskClass[];

  @Field(() => CriterionStatus)
  status: CriterionStatus;

  @Field(() => Date, { nullable: true })
  publishedAt: Date | null;

  @Field(() => Date, { nullable: true })
  retiredAt: Date | null;

  authorityId: string;

  static from(e: CriterionEntity): Criterion {
    return Object.assign(new Criterion(), {
      id: e.id,
      key: e.key,
      version: e.version,
      title: e.title,
      description: e.description,
      stage: e.stage as Stage,
      category: e.category as Category,
      kind: e.kind as CriterionKind,
      metricKey: e.metricKey,
      unit: e.unit,
      comparator: e.comparator as Comparator | null,
      threshold: e.threshold,
      thresholdHigh: e.thresholdHigh,
      evidenceType: e.evidenceType,
      statement: e.statement,
      sectors: e.sectors,
      riskClasses: e.riskClasses as RiskClass[],
      status: e.status as CriterionStatus,
      publishedAt: e.publishedAt,
      retiredAt: e.retiredAt,
      authorityId: e.authorityId,
    });
  }
}

@ObjectType()
export class CriterionConnection extends Connection(Criterion) {}

@ObjectType({ description: 'An explicit correspondence from one authority’s criterion to another’s.' })
export class Crosswalk {
  @Field(() => ID)
  id: string;

  @Field(() => Relation)
  relation: Relation;

  @Field(() => String)
  note: string;

  fromCriterionId: string;
  toCriterionId: string;

  static from(e: CrosswalkEntity): Crosswalk {
    return Object.assign(new Crosswalk(), {
      id: e.id,
      relation: e.relation as Relation,
      note: e.note,
      fromCriterionId: e.fromCriterionId,
      toCriterionId: e.toCriterionId,
    });
  }
}

@ObjectType()
export class CrosswalkConnection extends Connection(Crosswalk) {}

const KEY = /^[a-z0-9][a-z0-9._-]{0,99}$/;
const SECTOR = /^[A-Z][A-Z0-9_]{1,39}$/;

@InputType({ isAbstract: true })
abstract class CriterionFieldsInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'METRIC: the measured quantity, e.g. `accuracy_under_noise`.' })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9_.]{0,99}$/, { message: 'must be a lower-case metric key such as accuracy_under_noise' })
  metricKey?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 50)
  unit?: string | null;

  @Field(() => Comparator, { nullable: true })
  @IsOptional()
  @IsEnum(Comparator)
  comparator?: Comparator | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  threshold?: number | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  thresholdHigh?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(2, 200)
  evidenceType?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(2, 2000)
  statement?: string | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(30)
  @Matches(SECTOR, { each: true, message: 'each sector must be an upper-case word such as FINANCE' })
  sectors?: string[] | null;

  @Field(() => [RiskClass], { nullable: true })
  @IsOptional()
  @IsEnum(RiskClass, { each: true })
  riskClasses?: RiskClass[] | null;

  @Field(() => [String], { nullable: true, description: 'Clause ids, e.g. `ISO42001:A.6.2.4`.' })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  clauseIds?: string[] | null;
}

@InputType()
export class CreateCriterionInput extends CriterionFieldsInput {
  @Field(() => ID, { nullable: true, description: 'Defaults to your own authority (administrators must give one).' })
  @IsOptional()
  @IsUUID('all', { message: 'must be an authority id' })
  authorityId?: string | null;

  @Field(() => String, { description: 'Stable key, e.g. `testing.robustness-noise`.' })
  @Matches(KEY, { message: 'must be lower-case letters, digits, dots, dashes or underscores' })
  key: string;

  @Field(() => String)
  @IsString()
  @Length(2, 300)
  title: string;

  @Field(() => Stage)
  @IsEnum(Stage)
  stage: Stage;

  @Field(() => Category)
  @IsEnum(Category)
  category: Category;

  @Field(() => CriterionKind)
  @IsEnum(CriterionKind)
  kind: CriterionKind;
}

@InputType({ description: 'Only a DRAFT version can be edited.' })
export class UpdateCriterionInput extends CriterionFieldsInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be a criterion id' })
  id: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(2, 300)
  title?: string | null;

  @Field(() => Stage, { nullable: true })
  @IsOptional()
  @IsEnum(Stage)
  stage?: Stage | null;

  @Field(() => Category, { nullable: true })
  @IsOptional()
  @IsEnum(Category)
  category?: Category | null;

  @Field(() => CriterionKind, { nullable: true })
  @IsOptional()
  @IsEnum(CriterionKind)
  kind?: CriterionKind | null;
}

@InputType()
export class CriterionIdInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be a criterion id' })
  id: string;
}

@InputType()
export class CriterionFilterInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'must be an authority id' })
  authorityId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(16)
  jurisdictionCode?: string | null;

  @Field(() => Stage, { nullable: true })
  stage?: Stage | null;

  @Field(() => Category, { nullable: true })
  category?: Category | null;

  @Field(() => CriterionKind, { nullable: true })
  kind?: CriterionKind | null;

  @Field(() => CriterionStatus, { nullable: true })
  status?: CriterionStatus | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  key?: string | null;

  @Field(() => String, { nullable: true, description: 'Criteria referencing this clause id.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  clauseId?: string | null;

  @Field(() => String, { nullable: true, description: 'Part of the key or title, any case.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string | null;
}

@InputType()
export class CreateCrosswalkInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be a criterion id' })
  fromCriterionId: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'must be a criterion id' })
  toCriterionId: string;

  @Field(() => Relation)
  @IsEnum(Relation)
  relation: Relation;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string | null;
}

@InputType()
export class CrosswalkFilterInput {
  @Field(() => ID, { nullable: true, description: 'Crosswalks with this criterion at either end.' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a criterion id' })
  criterionId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Crosswalks touching this authority’s criteria.' })
  @IsOptional()
  @IsUUID('all', { message: 'must be an authority id' })
  authorityId?: string | null;

  @Field(() => Relation, { nullable: true })
  relation?: Relation | null;
}

@InputType()
export class DeleteCrosswalkInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be a crosswalk id' })
  id: string;
}
