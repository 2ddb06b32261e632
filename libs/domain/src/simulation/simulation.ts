import type { ChunkSpec, Scenario, SimulationPartial, SimulationResult } from './scenario.js';

/** Number of population units: synthetic → innovators; explicit → number of systems. */
export function populationSize(s: Scenario): number {
  void s;
  throw new Error('not implemented');
}

export function planChunks(size: number, chunkSize: number): ChunkSpec[] {
  void size;
  void chunkSize;
  throw new Error('not implemented');
}

export function simulateChunk(s: Scenario, from: number, to: number): SimulationPartial {
  void s;
  void from;
  void to;
  throw new Error('not implemented');
}

export function mergePartials(parts: readonly SimulationPartial[]): SimulationPartial {
  void parts;
  throw new Error('not implemented');
}

export function finaliseSimulation(s: Scenario, merged: SimulationPartial): SimulationResult {
  void s;
  void merged;
  throw new Error('not implemented');
}

export interface SimulateOptions {
  chunkSize?: number;
  onProgress?: (done: number, total: number) => void;
}

export function simulate(s: Scenario, options: SimulateOptions = {}): SimulationResult {
  void s;
  void options;
  throw new Error('not implemented');
}
