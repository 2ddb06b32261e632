import { type ArgumentsHost, Catch, Logger } from '@nestjs/common';
import { type GqlExceptionFilter } from '@nestjs/graphql';
import { DomainError, ErrorCode, type ErrorDetails } from '@sandbridge/domain';
import { type GraphQLFormattedError, GraphQLError } from 'graphql';
import { QueryFailedError } from 'typeorm';
import { databaseLimitError, queryLimitDetails, withoutSuggestions } from './query-limits.js';

const logger = new Logger('GraphQLErrors');

/** Apollo's own codes that may reach clients unchanged (docs/architecture.md#api-conventions). */
const APOLLO_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/** graphql-js's message when a request's variables hold more bad values than it reports. */
const TOO_MANY_VARIABLE_ERRORS = 'Too many errors processing variables';
const VARIABLE_ERROR_LIMIT = 50;

const DETAIL_KEYS = [
  'reason',
  'retryAfterSeconds',
  'limit',
  'max',
  'actual',
] as const satisfies readonly (keyof ErrorDetails)[];

/** The HTTP-level meaning of each code, for logs and for clients that look at it. */
function describe(code: ErrorCode): string {
  switch (code) {
    case ErrorCode.BAD_USER_INPUT:
    case ErrorCode.UNAUTHENTICATED:
    case ErrorCode.FORBIDDEN:
    case ErrorCode.NOT_FOUND:
    case ErrorCode.CONFLICT:
    case ErrorCode.INVALID_TRANSITION:
    case ErrorCode.TOO_MANY_REQUESTS:
    case ErrorCode.QUERY_TOO_COMPLEX:
      return code;
    default: {
      // A new code must be mapped here before it compiles.
      const unmapped: never = code;
      return unmapped;
    }
  }
}

export function toGraphQLError(error: DomainError): GraphQLError {
  const extensions: Record<string, unknown> = { code: describe(error.code), ...error.details };
  if (error.code === ErrorCode.BAD_USER_INPUT) extensions.errors = error.errors;
  return new GraphQLError(error.message, { extensions });
}

/**
 * The one place exceptions become GraphQL errors. Domain errors keep their code; a unique or
 * foreign-key violation that slipped past a service's checks is a CONFLICT; anything else is logged
 * here and reaches the client only as INTERNAL_SERVER_ERROR, without stack or SQL.
 */
@Catch()
export class GraphQLErrorFilter implements GqlExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<string>() !== 'graphql') throw exception;
    if (exception instanceof DomainError) return toGraphQLError(exception);
    const limited = databaseLimitError(exception);
    if (limited) return toGraphQLError(limited);
    if (exception instanceof QueryFailedError) {
      const code = (exception.driverError as { code?: string } | undefined)?.code;
      if (code === '23505') return toGraphQLError(DomainError.conflict('This would duplicate an existing record'));
      if (code === '23503')
        return toGraphQLError(DomainError.conflict('This refers to, or is referred to by, another record'));
    }
    if (exception instanceof GraphQLError) return exception;
    logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    return new GraphQLError('Internal server error', { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  }
}

/**
 * Last line of defence, applied to every error in every response: known codes pass with their
 * message (and `errors` for bad input); nothing else (stack traces, SQL, driver details) does.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  // A query over a limit (depth, aliases, … found while parsing or validating) is QUERY_TOO_COMPLEX.
  const limit = queryLimitDetails(error);
  if (limit)
    formatted = {
      ...formatted,
      message: limit.message,
      extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, limit: limit.limit, max: limit.max, actual: limit.actual },
    };
  // Suggestions of field, type and enum names ("Did you mean …?") would map the schema for anyone.
  formatted = { ...formatted, message: withoutSuggestions(formatted.message) };
  const code = formatted.extensions?.code as string | undefined;
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };
  if (code && (Object.values(ErrorCode) as string[]).includes(code)) {
    const extensions: Record<string, unknown> = { code };
    if (code === ErrorCode.BAD_USER_INPUT && !formatted.extensions?.errors) {
      // Apollo's message echoes the whole variable value, a password included: say only what is wrong.
      const problems = variableProblems(formatted.message);
      const message = problems[0].path
        ? `Invalid input: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`
        : formatted.message;
      return { ...base, message, extensions: { code, errors: problems } };
    }
    if (code === ErrorCode.BAD_USER_INPUT) extensions.errors = formatted.extensions?.errors;
    // The refinements of DomainError.details, and only those, pass through.
    for (const key of DETAIL_KEYS)
      if (formatted.extensions?.[key] !== undefined) extensions[key] = formatted.extensions[key];
    return { ...base, extensions };
  }
  if (code && APOLLO_CODES.has(code)) return { ...base, extensions: { code } };
  if (formatted.message.startsWith(TOO_MANY_VARIABLE_ERRORS)) {
    // graphql-js stops coercing variables after 50 bad values (e.g. 51 unknown enum values in one
    // list) and adds this error, without a code; the 50 errors before it carry the paths.
    const message = `too many invalid values: the first ${VARIABLE_ERROR_LIMIT} are listed with their paths`;
    return {
      ...base,
      message: `Invalid input: ${message}`,
      extensions: { code: ErrorCode.BAD_USER_INPUT, errors: [{ path: '', message }] },
    };
  }
  if (code !== 'INTERNAL_SERVER_ERROR')
    logger.error(`Unmapped error: ${String((error as Error)?.stack ?? formatted.message)}`);
  return {
    message: 'Internal server error',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}

/**
 * Apollo reports variables that do not coerce (a wrong enum value, a missing field) as
 * BAD_USER_INPUT without field paths; recover the path from its message.
 */
function variableProblems(message: string): { path: string; message: string }[] {
  const match = /^Variable "\$([^"]+)" got invalid value .*?(?: at "([^"]+)")?; (.*)$/s.exec(message);
  if (!match) {
    const missing =
      /^Variable "\$([^"]+)" of (?:required|non-null) type "[^"]+" (?:was not provided|must not be null)\.?$/.exec(
        message,
      );
    return missing ? [{ path: missing[1], message: 'is required' }] : [{ path: '', message }];
  }
  const [, variable, rawAt, reason] = match;
  // Apollo writes list items as `clauseIds[1]`; every other path here is `clauseIds.1`.
  const at = rawAt?.replace(/\[(\d+)\]/g, '.$1');
  // A missing or unknown field is named only in the reason: `Field "role" of required type …`.
  const field = /^Field "([^"]+)" (?:of required type|is not defined by type) /.exec(reason)?.[1];
  return [{ path: field ? `${at ?? variable}.${field}` : (at ?? variable), message: reason }];
}
