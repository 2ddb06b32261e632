import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { Category, Comparator, CriterionKind, CriterionStatus, RiskClass, Stage } from '@sandbridge/domain';
import type { CriterionEntity } from '@sandbridge/persistence';
import { Connection } from '../graphql/connection.model.js';
import './catalogue.enums.js';

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

  @Field(() => Int, {
    description:
      'Counts the edits of this version, from 1: send it back as `expectedRevision` with updateCriterion (optimistic locking).',
  })
  revision: number;

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
      revision: e.revision,
      publishedAt: e.publishedAt,
      retiredAt: e.retiredAt,
      authorityId: e.authorityId,
    });
  }
}

@ObjectType()
export class CriterionConnection extends Connection(Criterion) {}
