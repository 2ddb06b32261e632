import { Args, ID, Int, Mutation, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import { type FunnelResult, renderProgrammeFunnelSvg } from '@sandbridge/charts';
import {
  ProgrammeDesignScenarioService,
  ProgrammeSimulationCommandService,
  ProgrammeSimulationQueryService,
} from '@sandbridge/application';
import { type Actor, DomainError, Role } from '@sandbridge/domain';
import { GraphQLJSON } from 'graphql-scalars';
import { map } from 'rxjs';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { PageArgs, toConnection } from '../graphql/connection.model.js';
import { observableIterator } from '../graphql/observable-iterator.js';
import { SimulationRunIdInput } from '../simulations/simulation-run.input.js';
import { SimulationProgressEventModel } from '../simulations/simulation.model.js';
import { CalibrateProgrammeInput, StartProgrammeSimulationInput } from './programme-simulation.input.js';
import { ProgrammeSimulationRun, ProgrammeSimulationRunConnection } from './programme-simulation.model.js';

/** Programme design simulations (docs/programme-simulation.md#the-api): regulators and negotiators. */
@Resolver(() => ProgrammeSimulationRun)
export class ProgrammeSimulationResolver {
  constructor(
    private readonly commands: ProgrammeSimulationCommandService,
    private readonly queries: ProgrammeSimulationQueryService,
    private readonly designs: ProgrammeDesignScenarioService,
  ) {}

  @ResolveField(() => String, {
    nullable: true,
    description:
      'The funnel of every design of a COMPLETED run (applications, admitted, cross-border, exited; means with ' +
      'their 5–95 % intervals) as SVG text: the chart of `simulate-programme --svg`, titled with the run’s name; null until COMPLETED.',
  })
  async chartSvg(run: ProgrammeSimulationRun): Promise<string | null> {
    if (run.status !== 'COMPLETED' || !run.result) return null;
    return renderProgrammeFunnelSvg(run.result as FunnelResult, run.name);
  }

  @Roles(Role.REGULATOR, Role.NEGOTIATOR)
  @Mutation(() => ProgrammeSimulationRun, {
    description:
      'Queues a programme design simulation; follow it with programmeSimulationProgress or programmeSimulationRun.',
  })
  async startProgrammeSimulation(
    @CurrentActor() actor: Actor,
    @Args('input') input: StartProgrammeSimulationInput,
  ): Promise<ProgrammeSimulationRun> {
    return ProgrammeSimulationRun.from(await this.commands.start(actor, input));
  }

  @Roles(Role.REGULATOR, Role.NEGOTIATOR)
  @Mutation(() => ProgrammeSimulationRun, { description: 'Stops your QUEUED or RUNNING programme simulation.' })
  async cancelProgrammeSimulation(
    @CurrentActor() actor: Actor,
    @Args('input') input: SimulationRunIdInput,
  ): Promise<ProgrammeSimulationRun> {
    return ProgrammeSimulationRun.from(await this.commands.cancel(actor, input.id));
  }

  @Roles(Role.REGULATOR, Role.NEGOTIATOR)
  @Mutation(() => ProgrammeSimulationRun, {
    description: 'A new run of the same stored scenario and chunking: the same result, byte for byte.',
  })
  async rerunProgrammeSimulation(
    @CurrentActor() actor: Actor,
    @Args('input') input: SimulationRunIdInput,
  ): Promise<ProgrammeSimulationRun> {
    return ProgrammeSimulationRun.from(await this.commands.rerun(actor, input.id));
  }

  @Roles(Role.REGULATOR, Role.NEGOTIATOR)
  @Mutation(() => GraphQLJSON, {
    description:
      'Observed funnels in, a runnable sandbridge/programme-scenario@1 out: each authority’s screening rate is the ' +
      'Beta(1 + admitted, 1 + declined) posterior mean, its 90% interval in the `calibration` field.',
  })
  calibrateProgramme(@CurrentActor() actor: Actor, @Args('input') input: CalibrateProgrammeInput): unknown {
    return this.commands.calibrate(actor, input.observations);
  }

  @Roles(Role.REGULATOR, Role.NEGOTIATOR)
  @Query(() => ProgrammeSimulationRun, { nullable: true, description: 'One of your runs; null when there is none.' })
  async programmeSimulationRun(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<ProgrammeSimulationRun | null> {
    const run = await this.queries.findById(actor, id);
    return run && ProgrammeSimulationRun.from(run);
  }

  @Roles(Role.REGULATOR, Role.NEGOTIATOR)
  @Query(() => ProgrammeSimulationRunConnection, { description: 'Your programme simulations, newest first.' })
  async programmeSimulationRuns(
    @CurrentActor() actor: Actor,
    @Args() page: PageArgs,
  ): Promise<ProgrammeSimulationRunConnection> {
    return toConnection(await this.queries.list(actor, page), (run) => ProgrammeSimulationRun.from(run));
  }

  @Roles(Role.REGULATOR, Role.NEGOTIATOR)
  @Query(() => GraphQLJSON, {
    description:
      'A stored programme you may read as a runnable sandbridge/programme-scenario@1: its design and two variants ' +
      '(recognised results accepted or not; the other joint-entry rule), screening rates calibrated from the ' +
      'platform’s decided entry tracks — an authority with fewer than 5 decided enrolments gets the prior Beta(1, 1).',
  })
  programmeDesignScenario(
    @CurrentActor() actor: Actor,
    @Args('programmeId', { type: () => ID }) programmeId: string,
    @Args('replications', { type: () => Int, nullable: true, description: '1–10,000 (default 1,000).' })
    replications?: number | null,
    @Args('applicants', { type: () => Int, nullable: true, description: 'Default: three per cohort place.' })
    applicants?: number | null,
  ): Promise<unknown> {
    return this.designs.scenarioOf(actor, programmeId, { replications, applicants });
  }

  @Roles(Role.REGULATOR, Role.NEGOTIATOR)
  @Subscription(() => SimulationProgressEventModel, {
    description:
      'The run’s current state, then each change until it finishes (graphql-ws; authenticate with connectionParams.authorization).',
    resolve: (event: SimulationProgressEventModel) => event,
  })
  async programmeSimulationProgress(@CurrentActor() actor: Actor, @Args('runId', { type: () => ID }) runId: string) {
    const stream = await this.queries.progress(actor, runId);
    if (!stream) throw DomainError.notFound('Programme simulation run', runId);
    return observableIterator(stream.pipe(map(SimulationProgressEventModel.from)));
  }
}
