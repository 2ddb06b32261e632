const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The first and last day Sandbridge accepts. Four-digit years only, and none before 1000: year
 * 0000 does not exist for PostgreSQL (it refused such a day as "date out of range" after the API
 * had accepted it), years beyond 9999 have no `YYYY-MM-DD` spelling, and no agreement window,
 * test period or as-of day of a regulatory sandbox lies that far back.
 */
export const FIRST_UTC_DAY = '1000-01-01';
export const LAST_UTC_DAY = '9999-12-31';
export const UTC_DAY_RANGE = `between ${FIRST_UTC_DAY} and ${LAST_UTC_DAY}`;

/**
 * True for text that starts like a day (`YYYY-MM-DD`, or ISO's expanded `±YYYYYY-MM-DD`) in a
 * year out of range, so that the refusal can say what is wrong with it.
 */
export function isDayOutOfRange(value: string): boolean {
  const match = /^([+-]\d{6}|\d{4,})-\d{2}-\d{2}/.exec(value);
  return match !== null && (match[1].length !== 4 || match[1] < FIRST_UTC_DAY.slice(0, 4));
}

/** `YYYY-MM-DD` of a Date, in UTC (every date in Sandbridge is a UTC calendar day). */
export function toUtcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** True for a real calendar day written `YYYY-MM-DD`, from FIRST_UTC_DAY to LAST_UTC_DAY. */
export function isUtcDay(value: string): boolean {
  if (!DAY.test(value) || value < FIRST_UTC_DAY || value > LAST_UTC_DAY) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && toUtcDay(date) === value;
}
