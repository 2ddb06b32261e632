import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  type RecordedPopulationPreview as Preview,
  type RunComparison,
  type SimulationProgressEvent,
  type SimulationRunView,
  type VariantComparison,
} from '@sandbridge/application';
import {
  type DisclosedBreakdownCell,
  type DisclosedPair,
  type DisclosedTotals,
  MIN_CELL_SYSTEMS,
  MIN_RUN_ORGANISATIONS,
  MIN_RUN_SYSTEMS,
  SimulationStatus,
} from '@sandbridge/domain';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { GraphQLJSON } from 'graphql-scalars';
import { Connection } from '../graphql/connection.model.js';
import { DateScalar } from '../graphql/scalars.js';

registerEnumType(SimulationStatus, {
  name: 'SimulationStatus',
  description: 'QUEUED → RUNNING → COMPLETED | FAILED; QUEUED or RUNNING → CANCELLED.',
});

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
  description: 'A simulation run (DESIGN.md §5): a job over a stored scenario, reproducible with rerunSimulation.',
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
      'The complete sandbridge/scenario@1 document the run computed. For a RECORDED population a negotiator sees `population` as { recorded: filter, systems: n } — the snapshot itself is other tenants’ data.',
  })
  scenario: unknown;

  @Field(() => GraphQLJSON, {
    nullable: true,
    description: `The sandbridge/simulation-result@1 document of a COMPLETED run. For a RECORDED population a negotiator reads it under disclosure control: every cell (totals, deltaVsBaseline, byPair row, marginal entry) carries \`suppressed\`; a cell backed by 1 to ${MIN_CELL_SYSTEMS - 1} distinct AI systems is suppressed, its figures null. Pairs without the negotiator's jurisdiction, and suppressed pairs, are summed into one { origin: "*", recognising: "*" } row.`,
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

const SUPPRESSED = `True when the cell is backed by 1 to ${MIN_CELL_SYSTEMS - 1} distinct AI systems of a recorded population: its figures are then null (disclosure control; negotiators only).`;

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
    'Recognitions of one origin → recognising pair; "*" → "*" sums the pairs without your jurisdiction and the suppressed ones. Figures are null when suppressed.',
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

@ObjectType({
  description: `Counts of a group of recorded systems. For a negotiator, a group of 1 to ${MIN_CELL_SYSTEMS - 1} systems is suppressed: listed, its figures null.`,
})
export class RecordedPopulationCell {
  @Field(() => String, {
    description:
      'The group: a jurisdiction code, a sector, a risk class, "total", or "*" (the suppressed groups together).',
  })
  key: string;

  @Field(() => Boolean, { description: SUPPRESSED })
  suppressed: boolean;

  @Field(() => Int, { nullable: true, description: 'Distinct AI systems.' })
  systems: number | null;

  @Field(() => Int, { nullable: true, description: 'Distinct organisations owning them.' })
  organisations: number | null;

  @Field(() => Int, { nullable: true, description: 'Accepted results (of PUBLIC and PARTICIPANTS reports).' })
  results: number | null;

  @Field(() => Int, { nullable: true, description: 'System–authority targets.' })
  targets: number | null;

  static from(cell: DisclosedBreakdownCell): RecordedPopulationCell {
    return Object.assign(new RecordedPopulationCell(), cell);
  }
}

@ObjectType({
  description: `What a recordedPopulation run would take, as aggregates only — never a system, result or organisation. Built from ACCEPTED results of PUBLIC and PARTICIPANTS reports (never HOME_AUTHORITY); a run needs at least ${MIN_RUN_SYSTEMS} systems from ${MIN_RUN_ORGANISATIONS} organisations.`,
})
export class RecordedPopulationPreview {
  @Field(() => RecordedPopulationCell, { description: 'The whole snapshot (key "total").' })
  total: RecordedPopulationCell;

  @Field(() => Boolean, {
    description: `Whether startSimulation would accept this filter (at least ${MIN_RUN_SYSTEMS} systems from at least ${MIN_RUN_ORGANISATIONS} organisations).`,
  })
  runnable: boolean;

  @Field(() => [RecordedPopulationCell], {
    description: 'By the home jurisdiction of the system’s organisation; "*" last.',
  })
  byHomeJurisdiction: RecordedPopulationCell[];

  @Field(() => [RecordedPopulationCell], { description: 'By sector; "*" last.' })
  bySector: RecordedPopulationCell[];

  @Field(() => [RecordedPopulationCell], { description: 'By risk class; "*" last.' })
  byRiskClass: RecordedPopulationCell[];

  static from(preview: Preview): RecordedPopulationPreview {
    return Object.assign(new RecordedPopulationPreview(), {
      total: RecordedPopulationCell.from(preview.total),
      runnable: preview.runnable,
      byHomeJurisdiction: preview.byHomeJurisdiction.map(RecordedPopulationCell.from),
      bySector: preview.bySector.map(RecordedPopulationCell.from),
      byRiskClass: preview.byRiskClass.map(RecordedPopulationCell.from),
    });
  }
}

const CODE = 'each must be a jurisdiction code';

@InputType({ description: 'Which recorded data to take (absent = all).' })
export class RecordedPopulationInput {
  @Field(() => [String], { nullable: true, description: 'Systems homed in, or tested in, one of these jurisdictions.' })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsString({ each: true, message: CODE })
  @Length(1, 16, { each: true, message: CODE })
  jurisdictions?: string[] | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(40, { each: true })
  sectors?: string[] | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Results tested on or after this day (systems with none in range are left out).',
  })
  testedFrom?: Date | null;

  @Field(() => DateScalar, { nullable: true, description: 'Results tested on or before this day.' })
  testedTo?: Date | null;

  @Field(() => [ID], {
    nullable: true,
    description: 'Target authorities for every system; absent = each system’s enrolment targets.',
  })
  @IsOptional()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true, message: 'each must be an authority id' })
  targets?: string[] | null;
}

@InputType({ description: 'Stored agreements (typically drafts) simulated together as one variant, as if signed.' })
export class AgreementVariantInput {
  @Field(() => String)
  @IsString()
  @Length(1, 200)
  name: string;

  @Field(() => [ID])
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true, message: 'each must be an agreement id' })
  agreements: string[];
}

@InputType()
export class StartSimulationInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  name?: string | null;

  @Field(() => GraphQLJSON, {
    description:
      'A sandbridge/scenario@1 document. Left out, `asOf` is today, `reference` the platform’s, `baseline` the agreements in force; `population` only with recordedPopulation.',
  })
  scenario: unknown;

  @Field(() => RecordedPopulationInput, {
    nullable: true,
    description: `Takes the population from the platform’s recorded data (the scenario then has none): ACCEPTED results of PUBLIC and PARTICIPANTS reports. Refused (BAD_USER_INPUT) below ${MIN_RUN_SYSTEMS} systems or ${MIN_RUN_ORGANISATIONS} organisations.`,
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

@InputType()
export class SimulationRunIdInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be a simulation run id' })
  id: string;
}

@InputType()
export class SimulationRunFilterInput {
  @Field(() => SimulationStatus, { nullable: true })
  status?: SimulationStatus | null;
}
