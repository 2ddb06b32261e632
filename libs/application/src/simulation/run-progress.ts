import { SimulationStatus } from '@sandbridge/domain';
import type { SimulationRunEntity, SimulationRunRepository } from '@sandbridge/persistence';
import { Observable } from 'rxjs';
import type { EventBus } from '../cooperation/event-bus.js';
import type { SimulationProgressEvent } from '../cooperation/events.js';
import { FINISHED, progressEventOf } from './simulation-run.js';

const rank = (status: string) => (status === SimulationStatus.QUEUED ? 0 : status === SimulationStatus.RUNNING ? 1 : 2);

/**
 * Progress of one run of any kind: its current state at once, then each change (in order, never
 * backwards), completing after the final state. `mayReceive` re-checks every event against the
 * caller's access rules (an event of another run is never passed to it).
 */
export function runProgress(
  bus: EventBus,
  runs: SimulationRunRepository,
  run: SimulationRunEntity,
  mayReceive: (event: SimulationProgressEvent) => boolean,
): Observable<SimulationProgressEvent> {
  return new Observable<SimulationProgressEvent>((subscriber) => {
    let last: SimulationProgressEvent | null = null;
    let buffered: SimulationProgressEvent[] | null = [];
    const emit = (event: SimulationProgressEvent) => {
      if (subscriber.closed) return;
      if (
        last &&
        !(
          rank(event.status) > rank(last.status) ||
          (rank(event.status) === rank(last.status) && rank(last.status) < 2 && event.done > last.done)
        )
      )
        return;
      last = event;
      subscriber.next(event);
      if (FINISHED.has(event.status)) subscriber.complete();
    };
    // Listening before reading the current state: nothing published in between is lost.
    const live = bus.simulationEvents$.subscribe((event) => {
      if (event.runId !== run.id || !mayReceive(event)) return;
      if (buffered) buffered.push(event);
      else emit(event);
    });
    runs.findById(run.id).then(
      (current) => {
        if (current) emit(progressEventOf(current));
        for (const event of buffered ?? []) emit(event);
        buffered = null;
      },
      (error: unknown) => subscriber.error(error),
    );
    return () => live.unsubscribe();
  });
}
