import { Clock } from '@sandbridge/common';

/**
 * The application's clock, set by a test: every service that asks the injected Clock for `now`
 * (lifecycle times, deadlines, token expiry, the audit trail) gets the instant set here until
 * `restore()`. The clock is one instance per application, so setting it affects every request from
 * then on. Tokens are checked against it too: sign in again after moving it past their expiry.
 */
export class TestClock {
  private current: number | null = null;

  constructor(private readonly clock: Clock) {}

  /** Sets the time: an instant, or a UTC day (`YYYY-MM-DD`, taken at noon UTC). */
  set(at: Date | string): Date {
    const instant = typeof at === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(at) ? `${at}T12:00:00.000Z` : at;
    const time = new Date(instant).getTime();
    if (Number.isNaN(time)) throw new Error(`TestClock.set: not an instant or a day: ${String(at)}`);
    if (this.current === null)
      Object.defineProperty(this.clock, 'now', {
        value: () => new Date(this.current!),
        configurable: true,
        writable: true,
      });
    this.current = time;
    return new Date(time);
  }

  /** Moves the set time by whole days (from now, when nothing was set yet). */
  advanceDays(days: number): Date {
    return this.set(new Date(this.now().getTime() + days * 86_400_000));
  }

  now(): Date {
    return this.clock.now();
  }

  /** Gives the application its own clock back. */
  restore(): void {
    if (this.current === null) return;
    delete (this.clock as { now?: unknown }).now;
    this.current = null;
  }
}

/** The clock of an application or testing module (anything that resolves providers with `get`). */
export function controlClock(app: { get<T>(type: abstract new (...args: any[]) => T): T }): TestClock {
  return new TestClock(app.get(Clock));
}
