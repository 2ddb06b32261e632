import {
  finaliseSimulation,
  finishProgrammeSimulation,
  mergePartials,
  mergeProgrammePartials,
  type ProgrammePartial,
  type ProgrammeScenario,
  readProgrammeScenario,
  type Scenario,
  simulateChunk,
  type SimulationPartial,
  simulateProgrammeReplications,
  SimulationKind,
  DomainError,
} from '@sandbridge/domain';

// What differs between the kinds of simulation run (docs/programme-simulation.md#runs-as-jobs): how a
// chunk is computed, how partials merge, how the stored scenario is read and the result finished.
// Everything else — chunks stored once, progress, cancel, rerun, resume, workers — is the same job
// machinery, so the executors, the worker and the runner dispatch here on the run's kind.

/** A scenario as a chunk computes it: a read recognition scenario or a read programme scenario. */
export type ChunkScenario = Scenario | ProgrammeScenario;
/** What a chunk produces: recognition counts, or programme replications' figures. */
export type ChunkPartial = SimulationPartial | ProgrammePartial;

/** The partial a chunk of this scenario type produces. */
export type PartialOf<S extends ChunkScenario> = S extends ProgrammeScenario ? ProgrammePartial : SimulationPartial;

/** Computes one chunk of a recognition run; the domain's `simulateChunk` unless a test substitutes it. */
export type ChunkComputer = (scenario: Scenario, from: number, to: number) => SimulationPartial;
/** Computes replications [from, to) of a programme run; `simulateProgrammeReplications` unless substituted. */
export type ProgrammeChunkComputer = (scenario: ProgrammeScenario, from: number, to: number) => ProgrammePartial;

/** Substitutes for the domain's chunk functions (tests inject failures or count calls with them). */
export interface ChunkComputers {
  compute?: ChunkComputer;
  computeProgramme?: ProgrammeChunkComputer;
}

/** Units [from, to) of a run of this kind (absent: RECOGNITION, as jobs queued before kinds existed). */
export function computeChunk(
  kind: SimulationKind | undefined,
  scenario: ChunkScenario,
  from: number,
  to: number,
  computers: ChunkComputers = {},
): ChunkPartial {
  return kind === SimulationKind.PROGRAMME
    ? (computers.computeProgramme ?? simulateProgrammeReplications)(scenario as ProgrammeScenario, from, to)
    : (computers.compute ?? simulateChunk)(scenario as Scenario, from, to);
}

/** One partial from several of the same run (both kinds merge associatively). */
export function mergeChunkPartials(kind: SimulationKind | undefined, parts: readonly ChunkPartial[]): ChunkPartial {
  return kind === SimulationKind.PROGRAMME
    ? mergeProgrammePartials(parts as ProgrammePartial[])
    : mergePartials(parts as SimulationPartial[]);
}

/** Whether a value a worker returned has the shape of a partial of this kind. */
export function isChunkPartial(kind: SimulationKind | undefined, value: unknown): value is ChunkPartial {
  if (value === null || typeof value !== 'object') return false;
  return kind === SimulationKind.PROGRAMME
    ? Array.isArray((value as ProgrammePartial).segments)
    : Array.isArray((value as SimulationPartial).variants);
}

/**
 * Reads a programme scenario document; refusals become BAD_USER_INPUT with the reader's JSON path
 * under `root` (`$.designs[1].lead` → `input.scenario.designs[1].lead`).
 */
export function parseProgrammeRunScenario(document: unknown, root: string): ProgrammeScenario {
  const reading = readProgrammeScenario(document);
  if ('errors' in reading)
    throw DomainError.badInput(reading.errors.map((e) => ({ path: e.path.replace(/^\$/, root), message: e.message })));
  return reading.scenario;
}

/** The programme-result@1 document of a programme run from its stored partials (merged in any order). */
export function finishProgrammeRun(
  scenario: ProgrammeScenario,
  partials: readonly ChunkPartial[],
): Record<string, unknown> {
  return finishProgrammeSimulation(scenario, partials as ProgrammePartial[]) as unknown as Record<string, unknown>;
}

/** The simulation-result@1 document of a recognition run from its partials in chunk order. */
export function finishRecognitionRun(scenario: Scenario, partials: readonly ChunkPartial[]) {
  const merged = mergePartials(partials as SimulationPartial[]);
  return { merged, result: finaliseSimulation(scenario, merged) as unknown as Record<string, unknown> };
}
