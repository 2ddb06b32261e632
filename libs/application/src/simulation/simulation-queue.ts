import type { SimulationKind } from '@sandbridge/domain';

/**
 * What the Redis chunk executor and the chunk workers agree on: the queue's name, the job payload
 * and the keys that hold a run's scenario and its cancellation mark. Kept in one place so a worker
 * of one version and an API of the same version can never disagree on a key.
 */

/** BullMQ queue of simulation chunks (BullMQ keys live under `${prefix}:${SIMULATION_QUEUE}:…`). */
export const SIMULATION_QUEUE = 'sandbridge-simulation-chunks';

/** Default key prefix: BullMQ's keys and ours. Tests use their own so they never meet other runs. */
export const DEFAULT_QUEUE_PREFIX = 'sandbridge';

/** Payload of one chunk job: the chunk only — the scenario is stored once per run (scenarioKey). */
export interface ChunkJobData {
  runId: string;
  /** What the run computes; absent (a job queued by an earlier version): RECOGNITION. */
  kind?: SimulationKind;
  chunk: number;
  from: number;
  to: number;
}

/** Job name (BullMQ needs one; every job on this queue is a chunk). */
export const CHUNK_JOB = 'chunk';

/**
 * Run ids become part of job ids and Redis keys: letters, digits, `.`, `_` and `-` only (UUIDs pass).
 * BullMQ refuses a custom job id containing `:` (it reserves it for its own repeatable jobs).
 */
const RUN_ID = /^[A-Za-z0-9._-]{1,128}$/;

export function assertRunId(runId: string): void {
  if (!RUN_ID.test(runId)) {
    throw new Error(`run id must be 1 to 128 letters, digits, '.', '_' or '-' (got ${JSON.stringify(runId)})`);
  }
}

/**
 * The job id of one chunk: enqueueing the same chunk twice is a no-op (BullMQ keeps the first job).
 * `${runId}-${chunk}` rather than `${runId}:${chunk}`: BullMQ 6 rejects ids with one `:`.
 */
export function chunkJobId(runId: string, chunk: number): string {
  return `${runId}-${chunk}`;
}

/** The run a chunk job id belongs to (run ids may contain `-`; the chunk number is after the last one). */
export function runIdOfJob(jobId: string): { runId: string; chunk: number } | null {
  const at = jobId.lastIndexOf('-');
  if (at <= 0) return null;
  const chunk = Number(jobId.slice(at + 1));
  return Number.isSafeInteger(chunk) && chunk >= 0 ? { runId: jobId.slice(0, at), chunk } : null;
}

/** The run's scenario, as JSON, with a TTL: written once per run instead of into every job. */
export function scenarioKey(prefix: string, runId: string): string {
  return `${prefix}:simulation-run:${runId}:scenario`;
}

/** Present once a run is cancelled (or has failed): workers skip its remaining chunks. */
export function cancelledKey(prefix: string, runId: string): string {
  return `${prefix}:simulation-run:${runId}:cancelled`;
}
