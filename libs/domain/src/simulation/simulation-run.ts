/** Where a simulation run stands (docs/domain.md#simulation). */
export enum SimulationStatus {
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  COMPLETED = 'COMPLETED',
  FAILED = 'FAILED',
  CANCELLED = 'CANCELLED',
}

/**
 * Where a run's population comes from: listed in the scenario, generated from its synthetic
 * parameters, or an anonymised snapshot of recorded data (read under disclosure control).
 */
export enum PopulationKind {
  EXPLICIT = 'EXPLICIT',
  SYNTHETIC = 'SYNTHETIC',
  RECORDED = 'RECORDED',
}

/**
 * What a simulation run computes: a recognition scenario (`sandbridge/scenario@1`, chunked over its
 * population) or a programme design scenario (`sandbridge/programme-scenario@1`, chunked over its
 * replications). Both run as the same kind of job.
 */
export enum SimulationKind {
  RECOGNITION = 'RECOGNITION',
  PROGRAMME = 'PROGRAMME',
}
