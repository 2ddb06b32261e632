import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import {
  comparisonChartSpec,
  comparisonGroupsOf,
  renderSimulationChartSvg,
  renderSpecSvg,
  scenarioJurisdictions,
} from '@sandbridge/charts';
import {
  type RecordedPopulationFilter,
  SimulationCommandService,
  SimulationQueryService,
} from '@sandbridge/application';
import { type Actor, DomainError, Role } from '@sandbridge/domain';
import { map } from 'rxjs';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { PageArgs, toConnection } from '../graphql/connection.model.js';
import { observableIterator } from '../graphql/observable-iterator.js';
import { utcDay } from '../graphql/scalars.js';
import { RecordedPopulationInput } from './recorded-population.input.js';
import { RecordedPopulationPreview } from './recorded-population.model.js';
import { SimulationRunComparison } from './simulation-comparison.model.js';
import { SimulationRunFilterInput, SimulationRunIdInput } from './simulation-run.input.js';
import { SimulationProgressEventModel, SimulationRun, SimulationRunConnection } from './simulation.model.js';
import { SimulationChartKind } from './simulation.enums.js';
import { cachedSvg, chartKey } from './chart-cache.js';
import { StartSimulationInput } from './start-simulation.input.js';

function recordedFilter(input: RecordedPopulationInput): RecordedPopulationFilter {
  return { ...input, testedFrom: utcDay(input.testedFrom), testedTo: utcDay(input.testedTo) };
}

@Resolver(() => SimulationRun)
export class SimulationResolver {
  constructor(
    private readonly commands: SimulationCommandService,
    private readonly simulations: SimulationQueryService,
  ) {}

  @ResolveField(() => String, {
    nullable: true,
    description:
      'A picture of the result of a COMPLETED run as SVG text (the charts of `sandbridge simulate --svg`, drawn from ' +
      '`result` as you may read it: suppressed figures count 0); null until it is COMPLETED. The same result ' +
      'and kind give the same picture, kept once drawn.',
  })
  async chartSvg(
    @Parent() run: SimulationRun,
    @Args('kind', { type: () => SimulationChartKind }) kind: SimulationChartKind,
  ): Promise<string | null> {
    if (run.status !== 'COMPLETED' || !run.result) return null;
    const result = run.result;
    // The scenario's jurisdictions are on the matrices' axes, recognised or not (as the CLI draws them).
    const jurisdictions = scenarioJurisdictions(run.scenario);
    return cachedSvg(
      chartKey(kind, run.name, jurisdictions, result),
      async () => (await renderSimulationChartSvg(result, kind, run.name, jurisdictions)).svg,
    );
  }

  @Roles(Role.NEGOTIATOR)
  @Mutation(() => SimulationRun, {
    description: 'Queues a simulation for your jurisdiction; follow it with simulationProgress or simulationRun.',
  })
  async startSimulation(
    @CurrentActor() actor: Actor,
    @Args('input') input: StartSimulationInput,
  ): Promise<SimulationRun> {
    const run = await this.commands.start(actor, {
      ...input,
      recordedPopulation: input.recordedPopulation ? recordedFilter(input.recordedPopulation) : null,
      agreementVariants: input.agreementVariants?.map((v) => ({ name: v.name, agreements: v.agreements })) ?? null,
    });
    return SimulationRun.from(this.simulations.view(actor, run));
  }

  @Roles(Role.NEGOTIATOR, Role.ADMIN)
  @Mutation(() => SimulationRun, {
    description: 'Stops a QUEUED or RUNNING run (its negotiators, or an administrator).',
  })
  async cancelSimulation(
    @CurrentActor() actor: Actor,
    @Args('input') input: SimulationRunIdInput,
  ): Promise<SimulationRun> {
    return SimulationRun.from(this.simulations.view(actor, await this.commands.cancel(actor, input.id)));
  }

  @Roles(Role.NEGOTIATOR)
  @Mutation(() => SimulationRun, {
    description: 'A new run of the same stored scenario and chunking: the same result.',
  })
  async rerunSimulation(
    @CurrentActor() actor: Actor,
    @Args('input') input: SimulationRunIdInput,
  ): Promise<SimulationRun> {
    return SimulationRun.from(this.simulations.view(actor, await this.commands.rerun(actor, input.id)));
  }

  @Roles(Role.NEGOTIATOR, Role.ADMIN)
  @Query(() => SimulationRun, {
    nullable: true,
    description: 'A run of your jurisdiction (administrators: any run); null when there is none.',
  })
  async simulationRun(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<SimulationRun | null> {
    const run = await this.simulations.findById(actor, id);
    return run && SimulationRun.from(this.simulations.view(actor, run));
  }

  @Roles(Role.NEGOTIATOR, Role.ADMIN)
  @Query(() => SimulationRunConnection, {
    description: 'Runs of your jurisdiction (administrators: all), oldest first.',
  })
  async simulationRuns(
    @CurrentActor() actor: Actor,
    @Args() page: PageArgs,
    @Args('filter', { type: () => SimulationRunFilterInput, nullable: true }) filter?: SimulationRunFilterInput,
  ): Promise<SimulationRunConnection> {
    return toConnection(await this.simulations.list(actor, filter ?? {}, page), (run) =>
      SimulationRun.from(this.simulations.view(actor, run)),
    );
  }

  @Roles(Role.NEGOTIATOR, Role.ADMIN)
  @Query(() => [SimulationRunComparison], {
    description:
      'Runs side by side (1 to 10, in the order given): per variant the totals, delta vs baseline and pair matrix.',
  })
  async compareSimulationRuns(
    @CurrentActor() actor: Actor,
    @Args('ids', { type: () => [ID] }) ids: string[],
  ): Promise<SimulationRunComparison[]> {
    return (await this.simulations.compare(actor, ids)).map(SimulationRunComparison.from);
  }

  @Roles(Role.NEGOTIATOR, Role.ADMIN)
  @Query(() => String, {
    description:
      'compareSimulationRuns as one picture (SVG text): every COMPLETED run’s variants as rows — criteria by ' +
      'outcome, recognition rate, days and cost saved, each with its difference from that run’s baseline.',
  })
  async compareSimulationRunsChartSvg(
    @CurrentActor() actor: Actor,
    @Args('ids', { type: () => [ID] }) ids: string[],
  ): Promise<string> {
    const groups = comparisonGroupsOf(
      (await this.simulations.compare(actor, ids)).map((c) => ({ name: c.view.run.name, variants: c.variants })),
    );
    return cachedSvg(
      chartKey('COMPARISON', groups),
      async () => (await renderSpecSvg(comparisonChartSpec(groups))).svg,
    );
  }

  @Roles(Role.NEGOTIATOR, Role.ADMIN)
  @Query(() => RecordedPopulationPreview, {
    description:
      'Aggregates of the recorded data a recordedPopulation run would take (no rows; small groups suppressed for negotiators).',
  })
  async recordedPopulation(
    @CurrentActor() actor: Actor,
    @Args('filter', { type: () => RecordedPopulationInput, nullable: true }) filter?: RecordedPopulationInput,
  ): Promise<RecordedPopulationPreview> {
    return RecordedPopulationPreview.from(
      await this.simulations.recordedPopulation(actor, filter ? recordedFilter(filter) : {}),
    );
  }

  @Roles(Role.NEGOTIATOR, Role.ADMIN)
  @Subscription(() => SimulationProgressEventModel, {
    description:
      'The run’s current state, then each change until it finishes (graphql-ws; authenticate with connectionParams.authorization).',
    resolve: (event: SimulationProgressEventModel) => event,
  })
  async simulationProgress(@CurrentActor() actor: Actor, @Args('runId', { type: () => ID }) runId: string) {
    const stream = await this.simulations.progress(actor, runId);
    if (!stream) throw DomainError.notFound('Simulation run', runId);
    return observableIterator(stream.pipe(map(SimulationProgressEventModel.from)));
  }
}
