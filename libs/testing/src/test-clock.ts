import { Clock } from '@sandbridge/common';

/**
 * What the application's Clock says, set by a test: every service asks the one Clock provider for
 * `now` (audit entries, tokens, plan deadlines), so a spec can stand on any UTC day — e.g. the day
 * exactly 30 days before a plan's end. Tokens are checked against it too: set it before signing in,
 * and give the app a long JWT_TTL_SECONDS when the test moves it by days.
 */
export class ClockControl {
  private readonly original: () => Date;

  constructor(private readonly clock: Clock) {
    this.original = clock.now.bind(clock);
  }

  /** From now on the clock says `instant` (it stands still until set again or reset). */
  set(instant: Date | string): void {
    const at = new Date(instant).getTime();
    if (Number.isNaN(at)) throw new Error(`Not an instant: ${String(instant)}`);
    this.clock.now = () => new Date(at);
  }

  /** Noon (UTC) of `day` (`YYYY-MM-DD`): the middle of that day, whatever the time zone of the machine. */
  setDay(day: string): void {
    this.set(`${day}T12:00:00.000Z`);
  }

  /** Back to the system's time. */
  reset(): void {
    this.clock.now = this.original;
  }
}

/** The control of an application's (or a testing module's) Clock. */
export function controlClock(app: { get<T>(type: abstract new (...args: never[]) => T): T }): ClockControl {
  return new ClockControl(app.get(Clock));
}
