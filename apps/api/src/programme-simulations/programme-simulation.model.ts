import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import {
  AUTHORITY_FIGURES,
  type DesignResult,
  type Figure,
  PROGRAMME_METRICS,
  type ProgrammeResult,
  SimulationStatus,
} from '@sandbridge/domain';
import type { SimulationRunEntity } from '@sandbridge/persistence';
import { GraphQLJSON } from 'graphql-scalars';
import { Connection } from '../graphql/connection.model.js';
import { SimulationProgress } from '../simulations/simulation.model.js';
import '../simulations/simulation.enums.js';

@ObjectType({ description: 'A figure over replications: the mean and the 5th and 95th percentiles (nearest rank).' })
export class ProgrammeFigure {
  @Field(() => Float)
  mean: number;

  @Field(() => Float)
  p5: number;

  @Field(() => Float)
  p95: number;

  static of(figure: Figure): ProgrammeFigure {
    return Object.assign(new ProgrammeFigure(), { mean: figure.mean, p5: figure.p5, p95: figure.p95 });
  }
}

@ObjectType({ description: 'One metric of a design, with its mean’s difference to the first design’s.' })
export class ProgrammeMetricFigure extends ProgrammeFigure {
  @Field(() => String, {
    description: `One of ${PROGRAMME_METRICS.join(', ')} (docs/programme-simulation.md#figures).`,
  })
  metric: string;

  @Field(() => Float, { description: 'This mean minus the first design’s (0 for the first design).' })
  deltaVsFirst: number;
}

@ObjectType({ description: 'One authority’s entry decisions under a design.' })
export class ProgrammeAuthorityFigures {
  @Field(() => String, { description: 'The authority’s id in the scenario.' })
  authority: string;

  @Field(() => ProgrammeFigure)
  admitted: ProgrammeFigure;

  @Field(() => ProgrammeFigure, { description: 'Declined, capacity-limited tracks included.' })
  declined: ProgrammeFigure;

  @Field(() => ProgrammeFigure)
  capacityLimited: ProgrammeFigure;
}

@ObjectType({ description: 'One design of a completed programme simulation: its metrics and per-authority figures.' })
export class ProgrammeDesignResult {
  @Field(() => String)
  name: string;

  @Field(() => [ProgrammeMetricFigure], { description: 'In the result file’s order.' })
  metrics: ProgrammeMetricFigure[];

  @Field(() => [ProgrammeAuthorityFigures], { description: 'In the design’s participants order.' })
  byAuthority: ProgrammeAuthorityFigures[];

  static from(design: DesignResult): ProgrammeDesignResult {
    return Object.assign(new ProgrammeDesignResult(), {
      name: design.name,
      metrics: PROGRAMME_METRICS.map((metric) =>
        Object.assign(new ProgrammeMetricFigure(), {
          ...ProgrammeFigure.of(design.metrics[metric]),
          metric,
          deltaVsFirst: design.deltaVsFirst[metric],
        }),
      ),
      byAuthority: design.byAuthority.map((a) =>
        Object.assign(new ProgrammeAuthorityFigures(), {
          authority: a.authority,
          ...Object.fromEntries(AUTHORITY_FIGURES.map((key) => [key, ProgrammeFigure.of(a[key])])),
        }),
      ),
    });
  }
}

@ObjectType({
  description:
    'A programme design simulation (docs/programme-simulation.md): a job over a stored programme scenario, ' +
    'visible to its starter only, reproducible with rerunProgrammeSimulation.',
})
export class ProgrammeSimulationRun {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => SimulationStatus)
  status: SimulationStatus;

  @Field(() => Int)
  replications: number;

  @Field(() => Int, { description: 'Replications per chunk.' })
  chunkSize: number;

  @Field(() => SimulationProgress, { description: 'Chunks stored out of the run’s total.' })
  progress: SimulationProgress;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  startedAt: Date | null;

  @Field(() => Date, { nullable: true })
  finishedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Why a FAILED run failed.' })
  error: string | null;

  @Field(() => ID, { nullable: true, description: 'The run this one reproduces.' })
  rerunOf: string | null;

  @Field(() => GraphQLJSON, {
    description: 'The sandbridge/programme-scenario@1 document the run computes (keys sorted).',
  })
  scenario: unknown;

  @Field(() => GraphQLJSON, {
    nullable: true,
    description:
      'The sandbridge/programme-result@1 document of a COMPLETED run: the same bytes as `simulate-programme --json` prints for the same scenario.',
  })
  result: unknown;

  @Field(() => [ProgrammeDesignResult], {
    nullable: true,
    description: 'The result’s designs as typed fields (null until COMPLETED).',
  })
  designs: ProgrammeDesignResult[] | null;

  static from(run: SimulationRunEntity): ProgrammeSimulationRun {
    const result = run.result as ProgrammeResult | null;
    return Object.assign(new ProgrammeSimulationRun(), {
      id: run.id,
      name: run.name,
      status: run.status,
      replications: run.populationSize,
      chunkSize: run.chunkSize,
      progress: SimulationProgress.of(run.chunksDone, run.chunksTotal),
      createdAt: run.createdAt,
      startedAt: run.startedAt,
      finishedAt: run.finishedAt,
      error: run.error,
      rerunOf: run.rerunOf,
      scenario: run.scenario,
      result,
      designs: result ? result.designs.map((d) => ProgrammeDesignResult.from(d)) : null,
    });
  }
}

@ObjectType()
export class ProgrammeSimulationRunConnection extends Connection(ProgrammeSimulationRun) {}
