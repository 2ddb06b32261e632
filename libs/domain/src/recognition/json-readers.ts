import { isDayOutOfRange, isUtcDay, toUtcDay, UTC_DAY_RANGE } from '../time/utc-day.js';
import type { UtcDay } from './recognition.js';

// The JSON readers the file formats are built from (a recognition case, and a scenario, which
// reuses its objects): each checks one value at a JSON path and throws a CaseFormatError naming it.

/**
 * A `sandbridge/recognition-case@1` document that cannot be read. `path` is the JSON path of the
 * first problem (`criteria[3].comparator`), and the message reads `path: problem`.
 */
export class CaseFormatError extends Error {
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(`${path}: ${problem}`);
    this.name = 'CaseFormatError';
  }
}

const TIMESTAMP = /^(\d{4}-\d{2}-\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:([Zz])|([+-])(\d{2}):?(\d{2}))$/;

/**
 * The UTC calendar day of an ISO 8601 day (`2026-06-01`) or timestamp with an offset
 * (`2026-06-01T23:30:00-02:00` is `2026-06-02`); null when the text is neither. A timestamp
 * without an offset names no instant and is refused.
 */
export function parseUtcDay(text: string): UtcDay | null {
  if (isUtcDay(text)) return text;
  const match = TIMESTAMP.exec(text);
  if (!match) return null;
  const [, day, hh, mm, ss = '00', zulu, sign, oh = '00', om = '00'] = match;
  const [hours, minutes, seconds, offsetHours, offsetMinutes] = [hh, mm, ss, oh, om].map(Number);
  if (!isUtcDay(day) || hours > 23 || minutes > 59 || seconds > 59 || offsetHours > 23 || offsetMinutes > 59)
    return null;
  const offset = zulu ? 0 : (sign === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes);
  const local = Date.parse(`${day}T00:00:00Z`) + ((hours * 60 + minutes) * 60 + seconds) * 1000;
  const utc = toUtcDay(new Date(local - offset * 60_000));
  // An offset can move the first or last day out of the range.
  return isUtcDay(utc) ? utc : null;
}

export type Json = Record<string, unknown>;

export const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
export const absent = (value: unknown) => value === undefined || value === null;
export const field = (path: string, key: string) => (path ? `${path}.${key}` : key);

export function fail(path: string, problem: string): never {
  throw new CaseFormatError(path, problem);
}

export function object(value: unknown, path: string): Json {
  if (!isObject(value)) fail(path, 'must be an object');
  return value;
}

export function required(o: Json, key: string, path: string): unknown {
  const value = o[key];
  if (absent(value)) fail(field(path, key), 'is required');
  return value;
}

export function string(value: unknown, path: string): string {
  if (typeof value !== 'string') fail(path, 'must be a string');
  return value;
}

export function optionalString(o: Json, key: string, path: string): string | null {
  return absent(o[key]) ? null : string(o[key], field(path, key));
}

export function number(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(path, 'must be a number');
  // -0 reads as 0 (the same number to every check): JSON.stringify writes it as 0, and a read document must
  // survive its own round trip through JSON text.
  return value + 0;
}

export function boolean(o: Json, key: string, path: string, fallback: boolean): boolean {
  const value = o[key];
  if (absent(value)) return fallback;
  if (typeof value !== 'boolean') fail(field(path, key), 'must be a boolean');
  return value;
}

export function oneOf<E extends string>(values: Record<string, E>) {
  const allowed = Object.values(values);
  return (value: unknown, path: string): E => {
    if (typeof value !== 'string' || !(allowed as string[]).includes(value))
      fail(path, `must be one of ${allowed.join(', ')}`);
    return value as E;
  };
}

export function list<T>(value: unknown, path: string, item: (value: unknown, path: string) => T): T[] {
  if (!Array.isArray(value)) fail(path, 'must be an array');
  return value.map((entry, i) => item(entry, `${path}[${i}]`));
}

export const requiredList = <T>(o: Json, key: string, path: string, item: (value: unknown, path: string) => T): T[] =>
  list(required(o, key, path), field(path, key), item);
export const optionalList = <T>(o: Json, key: string, path: string, item: (value: unknown, path: string) => T): T[] =>
  absent(o[key]) ? [] : list(o[key], field(path, key), item);

export function day(value: unknown, path: string): UtcDay {
  const parsed = typeof value === 'string' ? parseUtcDay(value) : null;
  if (parsed === null && typeof value === 'string' && isDayOutOfRange(value))
    fail(path, `must be a day ${UTC_DAY_RANGE}`);
  if (parsed === null) fail(path, 'must be an ISO 8601 date (YYYY-MM-DD) or a timestamp with an offset');
  return parsed;
}

export const optionalDay = (o: Json, key: string, path: string): UtcDay | null =>
  absent(o[key]) ? null : day(o[key], field(path, key));

/** Ids must be unique where other objects (or the output) name them. */
export class Ids {
  private readonly seen = new Map<string, string>();
  constructor(private readonly what: string) {}

  add(id: string, path: string): void {
    const first = this.seen.get(id);
    if (first !== undefined) fail(`${path}.id`, `duplicate id ${JSON.stringify(id)} (also ${first})`);
    this.seen.set(id, path);
  }

  reference(value: unknown, path: string): string {
    const id = string(value, path);
    if (!this.seen.has(id)) fail(path, `unknown ${this.what} ${JSON.stringify(id)}`);
    return id;
  }
}
