import { Injectable } from '@nestjs/common';
import {
  type Actor,
  calibrate,
  DomainError,
  planChunks,
  PopulationKind,
  type ProgrammeScenario,
  Role,
  SimulationKind,
} from '@sandbridge/domain';
import { AuthorityRepository, type SimulationRunEntity, SimulationRunRepository } from '@sandbridge/persistence';
import type { JsonObject } from '../recognition/case-documents.js';
import { canonical } from '../simulation/canonical-json.js';
import { parseProgrammeRunScenario } from '../simulation/simulation-kinds.js';
import { MAX_CHUNK_SIZE } from '../simulation/simulation-run.js';
import { SimulationRunner } from '../simulation/simulation-runner.js';
import { isOwnProgrammeRun, requireDesigner, requireOwnAuthorityInDesigns } from './programme-simulation-access.js';

/** Replications per chunk unless the caller chooses: progress in steps, partials of a few hundred KB. */
export const DEFAULT_PROGRAMME_CHUNK_SIZE = 500;

export interface StartProgrammeSimulationCommand {
  scenario: unknown;
  name?: string | null;
  chunkSize?: number | null;
}

/**
 * Starting, rerunning and cancelling programme design simulations, and calibrating a scenario from
 * observed funnels (docs/programme-simulation.md#the-api). Runs are simulation runs of kind PROGRAMME,
 * executed by the SimulationRunner like every run: chunks of replications stored once each, merged in
 * any order; the result is the `sandbridge/programme-result@1` the CLI prints for the same file.
 */
@Injectable()
export class ProgrammeSimulationCommandService {
  constructor(
    private readonly runs: SimulationRunRepository,
    private readonly authorities: AuthorityRepository,
    private readonly runner: SimulationRunner,
  ) {}

  async start(actor: Actor, command: StartProgrammeSimulationCommand): Promise<SimulationRunEntity> {
    requireDesigner(actor);
    const chunkSize = command.chunkSize ?? DEFAULT_PROGRAMME_CHUNK_SIZE;
    if (!Number.isInteger(chunkSize) || chunkSize < 1 || chunkSize > MAX_CHUNK_SIZE)
      throw DomainError.badInput([
        { path: 'input.chunkSize', message: `must be an integer from 1 to ${MAX_CHUNK_SIZE}` },
      ]);
    const document = canonical(command.scenario) as JsonObject;
    const scenario = parseProgrammeRunScenario(document, 'input.scenario');
    const jurisdictionCode = await this.jurisdictionOf(actor, scenario);
    return this.runner.enqueue({
      kind: SimulationKind.PROGRAMME,
      name: (command.name ?? '').trim() || 'Programme design simulation',
      createdBy: actor.accountId,
      jurisdictionCode,
      scenario: document,
      // The applicants of a programme scenario are drawn by its seeded generator: no recorded data.
      populationKind: PopulationKind.SYNTHETIC,
      populationFilter: null,
      populationSize: scenario.replications,
      chunkSize,
      chunksTotal: planChunks(scenario.replications, chunkSize).length,
      rerunOf: null,
    });
  }

  /** A new run of the same stored scenario and chunking: the same result, byte for byte. */
  async rerun(actor: Actor, runId: string): Promise<SimulationRunEntity> {
    requireDesigner(actor);
    const original = await this.runs.findById(runId);
    if (!original || !isOwnProgrammeRun(actor, original)) throw DomainError.notFound('Programme simulation run', runId);
    return this.runner.enqueue({
      kind: SimulationKind.PROGRAMME,
      name: original.name,
      createdBy: actor.accountId,
      jurisdictionCode: original.jurisdictionCode,
      scenario: original.scenario,
      populationKind: original.populationKind,
      populationFilter: null,
      populationSize: original.populationSize,
      chunkSize: original.chunkSize,
      chunksTotal: original.chunksTotal,
      rerunOf: original.id,
    });
  }

  /** The starter stops its QUEUED or RUNNING run. */
  cancel(actor: Actor, runId: string): Promise<SimulationRunEntity> {
    requireDesigner(actor);
    return this.runner.cancel(runId, (run) => isOwnProgrammeRun(actor, run));
  }

  /**
   * Observed funnels (`[{ authority, applications, admitted, jurisdiction? }]`) → a runnable
   * programme scenario with the Beta posterior of each authority's screening rate; refusals carry the
   * reader's JSON path under `input.observations`.
   */
  calibrate(actor: Actor, observations: unknown): Record<string, unknown> {
    requireDesigner(actor);
    const calibrated = calibrate(observations);
    if ('errors' in calibrated)
      throw DomainError.badInput(
        calibrated.errors.map((e) => ({ path: e.path.replace(/^\$/, 'input.observations'), message: e.message })),
      );
    return calibrated.document as unknown as Record<string, unknown>;
  }

  /**
   * The jurisdiction a run is filed under: the negotiator's, or the regulator's authority's — after
   * checking that the regulator's authority takes part in every design.
   */
  private async jurisdictionOf(actor: Actor, scenario: ProgrammeScenario): Promise<string> {
    if (actor.role === Role.NEGOTIATOR) return actor.jurisdictionCode!;
    const authority = await this.authorities.findById(actor.authorityId!);
    if (!authority) throw DomainError.forbidden('Your account’s authority no longer exists');
    requireOwnAuthorityInDesigns(scenario, authority, 'input.scenario');
    return authority.jurisdictionCode;
  }
}
