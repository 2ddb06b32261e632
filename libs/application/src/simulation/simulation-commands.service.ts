import { Injectable } from '@nestjs/common';
import { Clock } from '@sandbridge/common';
import {
  type Actor,
  DomainError,
  MIN_RUN_ORGANISATIONS,
  MIN_RUN_SYSTEMS,
  planChunks,
  PopulationKind,
  populationSize,
  SimulationKind,
} from '@sandbridge/domain';
import { type SimulationRunEntity, SimulationRunRepository, TransactionalConnection } from '@sandbridge/persistence';
import type { JsonObject } from '../recognition/case-documents.js';
import { canonical } from './canonical-json.js';
import { ScenarioAssembler } from './scenario-assembler.js';
import type { RecordedSystemFacts, ScenarioRequest } from './scenario-request.js';
import {
  canSeeRun,
  DEFAULT_CHUNK_SIZE,
  MAX_CHUNK_SIZE,
  MAX_CHUNKS,
  starterJurisdiction,
  parseRunScenario,
  requireRunReader,
} from './simulation-run.js';
import { SimulationRunner } from './simulation-runner.js';

export interface StartSimulationCommand extends ScenarioRequest {
  name?: string | null;
  chunkSize?: number | null;
}

/**
 * Starting, rerunning and cancelling simulation runs (docs/domain.md#simulation): each is stored,
 * then executed after the commit by the SimulationRunner.
 */
@Injectable()
export class SimulationCommandService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly runs: SimulationRunRepository,
    private readonly assembler: ScenarioAssembler,
    private readonly runner: SimulationRunner,
    private readonly clock: Clock,
  ) {}

  async start(actor: Actor, command: StartSimulationCommand): Promise<SimulationRunEntity> {
    const jurisdiction = starterJurisdiction(actor);
    const chunkSize = command.chunkSize ?? DEFAULT_CHUNK_SIZE;
    if (!Number.isInteger(chunkSize) || chunkSize < 1 || chunkSize > MAX_CHUNK_SIZE) {
      throw DomainError.badInput([
        { path: 'input.chunkSize', message: `must be an integer from 1 to ${MAX_CHUNK_SIZE}` },
      ]);
    }
    const name = (command.name ?? '').trim() || 'Simulation';
    const assembled = await this.assembler.assemble(command);
    const document = canonical(assembled.document) as JsonObject;
    const scenario = parseRunScenario(document, 'input.scenario');
    const size = populationSize(scenario);
    if (assembled.recorded) refuseSmallPopulation(assembled.recorded, 'input.recordedPopulation');
    if (size === 0)
      throw DomainError.badInput([
        { path: 'input.scenario.population', message: 'has no systems or innovators to simulate' },
      ]);
    const chunksTotal = planChunks(size, chunkSize).length;
    if (chunksTotal > MAX_CHUNKS)
      throw DomainError.badInput([
        { path: 'input.chunkSize', message: `makes ${chunksTotal} chunks; at most ${MAX_CHUNKS} (use larger chunks)` },
      ]);
    const filter =
      assembled.populationKind === PopulationKind.RECORDED
        ? (canonical(command.recordedPopulation) as JsonObject)
        : null;
    return this.runner.enqueue({
      kind: SimulationKind.RECOGNITION,
      name,
      createdBy: actor.accountId,
      jurisdictionCode: jurisdiction,
      scenario: document,
      populationKind: assembled.populationKind,
      populationFilter: filter,
      populationSize: size,
      chunkSize,
      chunksTotal,
      rerunOf: null,
    });
  }

  /** A new run of the same stored scenario and chunking: the result is identical. */
  async rerun(actor: Actor, runId: string): Promise<SimulationRunEntity> {
    const jurisdiction = starterJurisdiction(actor);
    const original = await this.runs.findById(runId);
    if (!original || original.kind !== SimulationKind.RECOGNITION || original.jurisdictionCode !== jurisdiction)
      throw DomainError.notFound('Simulation run', runId);
    // A recorded run stored before the minimum sizes existed is not reproduced (organisations were not counted then; every run started since had enough).
    if (original.populationKind === PopulationKind.RECORDED && original.populationSize < MIN_RUN_SYSTEMS) {
      throw DomainError.badInput([
        {
          path: 'input.id',
          message: `its recorded population has fewer than ${MIN_RUN_SYSTEMS} systems: disclosure control refuses to run it`,
        },
      ]);
    }
    return this.runner.enqueue({
      kind: SimulationKind.RECOGNITION,
      name: original.name,
      createdBy: actor.accountId,
      jurisdictionCode: jurisdiction,
      scenario: original.scenario,
      populationKind: original.populationKind,
      populationFilter: original.populationFilter,
      populationSize: original.populationSize,
      chunkSize: original.chunkSize,
      chunksTotal: original.chunksTotal,
      rerunOf: original.id,
    });
  }

  /** The starter, a negotiator of the run's jurisdiction or an administrator stops a QUEUED or RUNNING run. */
  async cancel(actor: Actor, runId: string): Promise<SimulationRunEntity> {
    requireRunReader(actor);
    return this.runner.cancel(runId, (run) => canSeeRun(actor, run));
  }
}

/**
 * Disclosure control refuses a recorded run over fewer than MIN_RUN_SYSTEMS systems or from fewer
 * than MIN_RUN_ORGANISATIONS organisations: its figures would describe a few systems, or one
 * organisation's portfolio. The message names the thresholds, not the counts.
 */
function refuseSmallPopulation(facts: readonly RecordedSystemFacts[], path: string): void {
  const organisations = new Set(facts.map((f) => f.organisationId)).size;
  if (facts.length < MIN_RUN_SYSTEMS || organisations < MIN_RUN_ORGANISATIONS) {
    throw DomainError.badInput([
      {
        path,
        message: `selects too little recorded data: a simulation over recorded data needs at least ${MIN_RUN_SYSTEMS} AI systems from at least ${MIN_RUN_ORGANISATIONS} organisations (widen the filter)`,
      },
    ]);
  }
}
