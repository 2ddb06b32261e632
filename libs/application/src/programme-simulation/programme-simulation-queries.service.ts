import { Injectable } from '@nestjs/common';
import { type Actor, type Page, type PageRequest, SimulationKind } from '@sandbridge/domain';
import { type SimulationRunEntity, SimulationRunRepository } from '@sandbridge/persistence';
import type { Observable } from 'rxjs';
import { EventBus } from '../cooperation/event-bus.js';
import type { SimulationProgressEvent } from '../cooperation/events.js';
import { runProgress } from '../simulation/run-progress.js';
import { isOwnProgrammeRun, requireDesigner } from './programme-simulation-access.js';

/** Reading programme design simulation runs: each is its starter's alone. */
@Injectable()
export class ProgrammeSimulationQueryService {
  constructor(
    private readonly runs: SimulationRunRepository,
    private readonly bus: EventBus,
  ) {}

  async findById(actor: Actor, runId: string): Promise<SimulationRunEntity | null> {
    requireDesigner(actor);
    const run = await this.runs.findById(runId);
    return run && isOwnProgrammeRun(actor, run) ? run : null;
  }

  /** The caller's own runs, newest first. */
  list(actor: Actor, page: PageRequest): Promise<Page<SimulationRunEntity>> {
    requireDesigner(actor);
    return this.runs.page({ kind: SimulationKind.PROGRAMME, createdBy: actor.accountId }, page, 'DESC');
  }

  /** The run's state at once, then each change until it finishes; null when it is not the caller's. */
  async progress(actor: Actor, runId: string): Promise<Observable<SimulationProgressEvent> | null> {
    const run = await this.findById(actor, runId);
    if (!run) return null;
    // Re-checked per event: the event's run must be one the caller started.
    return runProgress(this.bus, this.runs, run, (event) => event.createdBy === actor.accountId);
  }
}
