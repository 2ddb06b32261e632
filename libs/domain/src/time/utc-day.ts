const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `YYYY-MM-DD` of a Date, in UTC (every date in Sandbridge is a UTC calendar day). */
export function toUtcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** True for a real calendar day written `YYYY-MM-DD`. */
export function isUtcDay(value: string): boolean {
  if (!DAY.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && toUtcDay(date) === value;
}
