import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { type RunComparison, type VariantComparison } from '@sandbridge/application';
import { type DisclosedPair, type DisclosedTotals } from '@sandbridge/domain';
import { SimulationRun } from './simulation.model.js';
import { SUPPRESSED } from './suppressed.js';

@ObjectType({
  description:
    'The §8.2 totals of one variant (or their differences from the baseline). Figures are null when suppressed.',
})
export class SimulationTotals {
  @Field(() => Boolean, { description: SUPPRESSED }) suppressed: boolean;
  @Field(() => Int, { nullable: true }) applicable: number | null;
  @Field(() => Int, { nullable: true }) satisfiedLocally: number | null;
  @Field(() => Int, { nullable: true }) recognised: number | null;
  @Field(() => Int, { nullable: true }) recognisedWithConditions: number | null;
  @Field(() => Int, { nullable: true }) gaps: number | null;
  @Field(() => Float, { nullable: true }) recognitionRate: number | null;
  @Field(() => Int, { nullable: true }) testsAvoided: number | null;
  @Field(() => Float, { nullable: true }) costSaved: number | null;
  @Field(() => Int, { nullable: true }) daysSaved: number | null;
  @Field(() => Int, { nullable: true }) marketAccess: number | null;
  @Field(() => Int, { nullable: true }) divergent: number | null;

  static from(totals: DisclosedTotals): SimulationTotals {
    return Object.assign(new SimulationTotals(), totals);
  }
}

@ObjectType({
  description:
    'Recognitions of one origin → recognising pair; "*" → "*" sums the pairs without your jurisdiction ' +
    'and the suppressed ones. Figures are null when suppressed.',
})
export class SimulationPair {
  @Field(() => String) origin: string;
  @Field(() => String) recognising: string;
  @Field(() => Boolean, { description: SUPPRESSED }) suppressed: boolean;
  @Field(() => Int, { nullable: true }) recognised: number | null;
  @Field(() => Int, { nullable: true }) recognisedWithConditions: number | null;
  @Field(() => Int, { nullable: true }) divergent: number | null;

  static from(pair: DisclosedPair): SimulationPair {
    return Object.assign(new SimulationPair(), pair);
  }
}

@ObjectType()
export class SimulationVariantComparison {
  @Field(() => String, { description: '"baseline" first, then the variants in input order.' })
  name: string;

  @Field(() => SimulationTotals)
  totals: SimulationTotals;

  @Field(() => SimulationTotals)
  deltaVsBaseline: SimulationTotals;

  @Field(() => [SimulationPair], { description: 'The origin × recognising matrix (non-zero pairs).' })
  byPair: SimulationPair[];

  static from(v: VariantComparison): SimulationVariantComparison {
    return Object.assign(new SimulationVariantComparison(), {
      name: v.name,
      totals: SimulationTotals.from(v.totals),
      deltaVsBaseline: SimulationTotals.from(v.deltaVsBaseline),
      byPair: v.byPair.map(SimulationPair.from),
    });
  }
}

@ObjectType({ description: 'One run of a comparison; variants are empty until it is COMPLETED.' })
export class SimulationRunComparison {
  @Field(() => SimulationRun)
  run: SimulationRun;

  @Field(() => [SimulationVariantComparison])
  variants: SimulationVariantComparison[];

  static from(c: RunComparison): SimulationRunComparison {
    return Object.assign(new SimulationRunComparison(), {
      run: SimulationRun.from(c.view),
      variants: c.variants.map(SimulationVariantComparison.from),
    });
  }
}
