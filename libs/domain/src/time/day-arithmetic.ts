import { toUtcDay } from './utc-day.js';

const MS_PER_DAY = 86_400_000;

/** Milliseconds of the day's UTC midnight (the day is a valid `YYYY-MM-DD`). */
function midnight(day: string): number {
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
}

/** Days in a month of a year (`month` 0–11), leap years included. */
function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
}

/** The UTC day `days` whole days after `day` (before it when negative). */
export function addDays(day: string, days: number): string {
  return toUtcDay(new Date(midnight(day) + days * MS_PER_DAY));
}

/**
 * The UTC day `months` calendar months after `day`: the same day of the month, or the last day of
 * the target month when it has fewer days. So 2026-11-30 + 3 months is 2027-02-28, 2027-11-30 + 3
 * months is 2028-02-29 (a leap year), and 2026-01-31 + 1 month is 2026-02-28 — a period counted in
 * months never ends in the month after the one it names.
 */
export function addMonths(day: string, months: number): string {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7)) - 1 + months;
  const targetYear = year + Math.floor(month / 12);
  const targetMonth = ((month % 12) + 12) % 12;
  const dom = Math.min(Number(day.slice(8, 10)), daysInMonth(targetYear, targetMonth));
  return toUtcDay(new Date(Date.UTC(targetYear, targetMonth, dom)));
}

/** Whole days from `from` to `to` (negative when `to` comes first): `daysBetween(d, addDays(d, n)) === n`. */
export function daysBetween(from: string, to: string): number {
  return Math.round((midnight(to) - midnight(from)) / MS_PER_DAY);
}
