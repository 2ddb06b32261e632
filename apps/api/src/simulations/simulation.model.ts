import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { type SimulationProgressEvent, type SimulationRunView } from '@sandbridge/application';
import { MIN_CELL_SYSTEMS, SimulationStatus } from '@sandbridge/domain';
import { GraphQLJSON } from 'graphql-scalars';
import { Connection } from '../graphql/connection.model.js';
import './simulation.enums.js';

@ObjectType({ description: 'Chunks stored out of the run’s total.' })
export class SimulationProgress {
  @Field(() => Int)
  done: number;

  @Field(() => Int)
  total: number;

  @Field(() => Float, { description: 'done / total, from 0 to 1.' })
  fraction: number;

  static of(done: number, total: number): SimulationProgress {
    return Object.assign(new SimulationProgress(), { done, total, fraction: total === 0 ? 0 : done / total });
  }
}

@ObjectType({
  description:
    'A simulation run (docs/domain.md#simulation): a job over a stored scenario, reproducible with rerunSimulation.',
})
export class SimulationRun {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => SimulationStatus)
  status: SimulationStatus;

  @Field(() => String, { description: 'The jurisdiction whose negotiator started it; its negotiators share it.' })
  jurisdictionCode: string;

  @Field(() => String, {
    description: 'EXPLICIT, SYNTHETIC, or RECORDED (an anonymised snapshot of the platform’s data).',
  })
  populationKind: string;

  @Field(() => Int, { description: 'Population units: systems (explicit, recorded) or innovators (synthetic).' })
  populationSize: number;

  @Field(() => SimulationProgress)
  progress: SimulationProgress;

  @Field(() => Int)
  chunkSize: number;

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
    description:
      'The complete sandbridge/scenario@1 document the run computed. For a RECORDED population a ' +
      'negotiator sees `population` as { recorded: filter, systems: n } — the snapshot itself is other ' +
      'tenants’ data.',
  })
  scenario: unknown;

  @Field(() => GraphQLJSON, {
    nullable: true,
    description:
      `The sandbridge/simulation-result@1 document of a COMPLETED run. For a RECORDED population a ` +
      `negotiator reads it under disclosure control: every cell (totals, deltaVsBaseline, byPair row, ` +
      `marginal entry) carries \`suppressed\`; a cell backed by 1 to ${MIN_CELL_SYSTEMS - 1} distinct AI ` +
      `systems is suppressed, its figures null. Pairs without the negotiator's jurisdiction, and ` +
      `suppressed pairs, are summed into one { origin: "*", recognising: "*" } row.`,
  })
  result: unknown;

  static from(view: SimulationRunView): SimulationRun {
    const { run } = view;
    return Object.assign(new SimulationRun(), {
      id: run.id,
      name: run.name,
      status: run.status as SimulationStatus,
      jurisdictionCode: run.jurisdictionCode,
      populationKind: run.populationKind,
      populationSize: run.populationSize,
      progress: SimulationProgress.of(run.chunksDone, run.chunksTotal),
      chunkSize: run.chunkSize,
      createdAt: run.createdAt,
      startedAt: run.startedAt,
      finishedAt: run.finishedAt,
      error: run.error,
      rerunOf: run.rerunOf,
      scenario: view.scenario,
      result: view.result,
    });
  }
}

@ObjectType()
export class SimulationRunConnection extends Connection(SimulationRun) {}

@ObjectType({ description: 'A progress event of one run (after commit, from whichever instance runs it).' })
export class SimulationProgressEventModel {
  @Field(() => ID)
  runId: string;

  @Field(() => SimulationStatus)
  status: SimulationStatus;

  @Field(() => SimulationProgress)
  progress: SimulationProgress;

  @Field(() => String, { nullable: true })
  error: string | null;

  @Field(() => Date)
  occurredAt: Date;

  static from(event: SimulationProgressEvent): SimulationProgressEventModel {
    return Object.assign(new SimulationProgressEventModel(), {
      runId: event.runId,
      status: event.status as SimulationStatus,
      progress: SimulationProgress.of(event.done, event.total),
      error: event.error,
      occurredAt: new Date(event.occurredAt),
    });
  }
}
