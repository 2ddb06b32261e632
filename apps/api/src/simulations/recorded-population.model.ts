import { Field, Int, ObjectType } from '@nestjs/graphql';
import { type RecordedPopulationPreview as Preview } from '@sandbridge/application';
import {
  type DisclosedBreakdownCell,
  MIN_CELL_SYSTEMS,
  MIN_RUN_ORGANISATIONS,
  MIN_RUN_SYSTEMS,
} from '@sandbridge/domain';
import { SUPPRESSED } from './suppressed.js';

@ObjectType({
  description:
    `Counts of a group of recorded systems. For a negotiator, a group of 1 to ${MIN_CELL_SYSTEMS - 1} ` +
    `systems is suppressed: listed, its figures null.`,
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
  description:
    `What a recordedPopulation run would take, as aggregates only — never a system, result or ` +
    `organisation. Built from ACCEPTED results of PUBLIC and PARTICIPANTS reports (never ` +
    `HOME_AUTHORITY); a run needs at least ${MIN_RUN_SYSTEMS} systems from ${MIN_RUN_ORGANISATIONS} ` +
    `organisations.`,
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
