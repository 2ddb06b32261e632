import { toUtcDay } from '@sandbridge/domain';
import { DateResolver } from 'graphql-scalars';

/** `Date`: a UTC calendar day, `YYYY-MM-DD` (DESIGN.md §7a). Parsed values arrive as JS Dates. */
export const DateScalar = DateResolver;

/** A parsed `Date` argument as the `YYYY-MM-DD` the services take (null stays null). */
export function utcDay(value: Date | null | undefined): string | null | undefined {
  return value == null ? value : toUtcDay(value);
}
