import {
  type Actor,
  DomainError,
  ErrorCode,
  parseScenario,
  Role,
  type Scenario,
  SimulationKind,
  SimulationStatus,
} from '@sandbridge/domain';
import type { SimulationRunEntity } from '@sandbridge/persistence';
import type { SimulationProgressEvent } from '../cooperation/events.js';
import { canonical } from './canonical-json.js';

export const FINISHED = new Set<string>([
  SimulationStatus.COMPLETED,
  SimulationStatus.FAILED,
  SimulationStatus.CANCELLED,
]);

export const DEFAULT_CHUNK_SIZE = 500;
export const MAX_CHUNK_SIZE = 100_000;
/** More chunks than this only adds bookkeeping (one row and one event per chunk). */
export const MAX_CHUNKS = 10_000;

/** A run's current state as a progress event. */
export function progressEventOf(run: SimulationRunEntity): SimulationProgressEvent {
  return {
    runId: run.id,
    jurisdictionCode: run.jurisdictionCode,
    createdBy: run.createdBy,
    status: run.status,
    done: run.chunksDone,
    total: run.chunksTotal,
    error: run.error,
    occurredAt: (run.finishedAt ?? run.startedAt ?? run.createdAt).toISOString(),
  };
}

/** Reads a scenario document; format problems become BAD_USER_INPUT under `root` (`$` → `input.scenario`). */
export function parseRunScenario(document: unknown, root: string): Scenario {
  try {
    return parseScenario(canonical(document));
  } catch (error) {
    if (error instanceof DomainError && error.code === ErrorCode.BAD_USER_INPUT) {
      throw DomainError.badInput(error.errors.map((e) => ({ path: e.path.replace(/^\$/, root), message: e.message })));
    }
    throw error;
  }
}

/**
 * Who (docs/domain.md#simulation): negotiators start, cancel and rerun runs for their jurisdiction
 * and read its runs; administrators read and cancel every run but start none (a run belongs to a
 * jurisdiction, which an administrator does not act for); innovators and regulators have no access.
 */
export function starterJurisdiction(actor: Actor): string {
  if (actor.role !== Role.NEGOTIATOR || !actor.jurisdictionCode)
    throw DomainError.forbidden(`Only negotiators run simulations; you are ${actor.role}`);
  return actor.jurisdictionCode;
}

export function requireRunReader(actor: Actor): void {
  if (actor.role !== Role.ADMIN) starterJurisdiction(actor);
}

/** A recognition run (programme runs have their own rules: programme-simulation-access.ts). */
export function canSeeRun(actor: Actor, run: SimulationRunEntity): boolean {
  return (
    run.kind === SimulationKind.RECOGNITION &&
    (actor.role === Role.ADMIN || (actor.role === Role.NEGOTIATOR && run.jurisdictionCode === actor.jurisdictionCode))
  );
}
