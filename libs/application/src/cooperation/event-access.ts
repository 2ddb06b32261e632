import { Injectable } from '@nestjs/common';
import { type Actor } from '@sandbridge/domain';
import { concatMap, filter, map, type Observable } from 'rxjs';
import { EnrolmentService } from '../enrolments/enrolment.service.js';
import { TestReportService } from '../enrolments/test-report.service.js';
import { ProgrammeService } from '../programmes/programme.service.js';
import { EventBus } from './event-bus.js';
import type { EnrolmentEvent } from './events.js';

/**
 * The live stream as one caller may see it: every event is re-checked against the same rules as
 * the queries (the enrolment must be visible now; a report event also needs the report's
 * confidentiality to allow the caller).
 */
@Injectable()
export class EventAccess {
  constructor(
    private readonly bus: EventBus,
    private readonly enrolments: EnrolmentService,
    private readonly reports: TestReportService,
    private readonly programmes: ProgrammeService,
  ) {}

  /** Events of one programme the caller may see; null when the programme itself is not visible. */
  async programmeEvents(actor: Actor, programmeId: string): Promise<Observable<EnrolmentEvent> | null> {
    if (!(await this.programmes.findById(actor, programmeId))) return null;
    return this.bus.events$.pipe(
      filter((event) => event.programmeId === programmeId),
      // concatMap keeps the events in order while each is checked.
      concatMap(async (event) => ({ event, ok: await this.mayReceive(actor, event) })),
      filter(({ ok }) => ok),
      map(({ event }) => event),
    );
  }

  async mayReceive(actor: Actor, event: EnrolmentEvent): Promise<boolean> {
    if (!(await this.enrolments.findById(actor, event.enrolmentId))) return false;
    if (event.reportId && !(await this.reports.findById(actor, event.reportId))) return false;
    return true;
  }
}
