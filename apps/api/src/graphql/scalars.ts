import { isDayOutOfRange, isUtcDay, toUtcDay, UTC_DAY_RANGE } from '@sandbridge/domain';
import { GraphQLISODateTime } from '@nestjs/graphql';
import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { DateResolver } from 'graphql-scalars';

/**
 * Refuses a day outside 1000-01-01..9999-12-31 (FIRST_UTC_DAY, LAST_UTC_DAY). graphql-scalars' Date accepts any four-digit
 * year, year 0000 included, which PostgreSQL does not have: such a day passed every check and
 * failed in the database ("date out of range"), an INTERNAL_SERVER_ERROR instead of a refusal.
 */
function inRange(day: string): void {
  if (isDayOutOfRange(day)) {
    throw new GraphQLError(`${typeName(day)} must be a day ${UTC_DAY_RANGE}`);
  }
}

const typeName = (value: string) => `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;

/**
 * `Date`: a UTC calendar day, `YYYY-MM-DD` (docs/architecture.md#api-conventions), from 1000-01-01 to 9999-12-31.
 * Parsed values arrive as JS Dates. Same name and description as graphql-scalars' `Date`, whose
 * parsing it reuses once the range is checked.
 */
export const DateScalar = new GraphQLScalarType({
  ...DateResolver.toConfig(),
  parseValue(value: unknown) {
    if (typeof value === 'string') inRange(value);
    return DateResolver.parseValue(value);
  },
  parseLiteral(ast: ValueNode, variables?: Record<string, unknown> | null) {
    if (ast.kind === Kind.STRING) inRange(ast.value);
    return DateResolver.parseLiteral(ast, variables);
  },
});

/**
 * `DateTime`: an instant, ISO 8601 with a time zone. Nest's own scalar (same name and
 * description) with the same range of days on input: `new Date()` takes years PostgreSQL cannot
 * store and six-digit expanded years, and would hand them on as valid instants.
 */
export const DateTimeScalar = new GraphQLScalarType<Date | null, string | null>({
  ...GraphQLISODateTime.toConfig(),
  parseValue: parseDateTime,
  parseLiteral(ast: ValueNode): Date {
    if (ast.kind !== Kind.STRING && ast.kind !== Kind.INT)
      throw new GraphQLError('DateTime must be an ISO 8601 string with a time zone', { nodes: ast });
    return parseDateTime(ast.kind === Kind.INT ? Number(ast.value) : ast.value);
  },
});

function parseDateTime(value: unknown): Date {
  if (typeof value !== 'string' && typeof value !== 'number')
    throw new GraphQLError('DateTime must be an ISO 8601 string with a time zone');
  const parsed = new Date(value);
  if (Number.isNaN(parsed.getTime())) throw new GraphQLError(`${typeName(String(value))} is not a valid DateTime`);
  if (!isUtcDay(toUtcDay(parsed)))
    throw new GraphQLError(`${typeName(String(value))} must be an instant on a day ${UTC_DAY_RANGE}`);
  return parsed;
}

/** A parsed `Date` argument as the `YYYY-MM-DD` the services take (null stays null). */
export function utcDay(value: Date | null | undefined): string | null | undefined {
  return value == null ? value : toUtcDay(value);
}
