/** Error codes a client must handle; the API maps each to `extensions.code` (docs/architecture.md#api-conventions). */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  INVALID_TRANSITION = 'INVALID_TRANSITION',
  /** A rate limit was hit (failed sign-ins); `retryAfterSeconds` says when to try again. */
  TOO_MANY_REQUESTS = 'TOO_MANY_REQUESTS',
  /** The operation is over a bound (depth, aliases, tokens, cost, size) and was not run. */
  QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX',
}

/**
 * Machine-readable refinements of a code, sent as `extensions` beside it: `reason` is a stable
 * token clients branch on (`COHORT_FULL`, `STALE_VERSION`, …), `retryAfterSeconds` goes with
 * TOO_MANY_REQUESTS, `limit`/`value` name the bound a QUERY_TOO_COMPLEX operation crossed.
 */
export interface ErrorDetails {
  reason?: string;
  retryAfterSeconds?: number;
  limit?: string;
  max?: number;
  actual?: number;
}

/** One problem with one input field: `path` is the dotted path from the operation's arguments. */
export interface FieldProblem {
  path: string;
  message: string;
}

/** A failure the caller must handle. Carries a stable code and, for bad input, the field problems. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly errors: FieldProblem[] = [],
    readonly details: ErrorDetails = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }

  static badInput(errors: FieldProblem[], message = 'Invalid input'): DomainError {
    return new DomainError(
      ErrorCode.BAD_USER_INPUT,
      errors.length ? `${message}: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}` : message,
      errors,
    );
  }
  static unauthenticated(message = 'Sign in first: missing, invalid or expired token'): DomainError {
    return new DomainError(ErrorCode.UNAUTHENTICATED, message);
  }
  static forbidden(message = 'You are not allowed to do this'): DomainError {
    return new DomainError(ErrorCode.FORBIDDEN, message);
  }
  static notFound(what: string, id: string): DomainError {
    return new DomainError(ErrorCode.NOT_FOUND, `${what} ${JSON.stringify(id)} does not exist`);
  }
  static conflict(message: string): DomainError {
    return new DomainError(ErrorCode.CONFLICT, message);
  }
  static invalidTransition(message: string, reason?: string): DomainError {
    return new DomainError(ErrorCode.INVALID_TRANSITION, message, [], reason ? { reason } : {});
  }
  static tooManyRequests(message: string, retryAfterSeconds: number): DomainError {
    return new DomainError(ErrorCode.TOO_MANY_REQUESTS, message, [], {
      retryAfterSeconds: Math.max(1, Math.ceil(retryAfterSeconds)),
    });
  }
  static queryTooComplex(message: string, details: ErrorDetails = {}): DomainError {
    return new DomainError(ErrorCode.QUERY_TOO_COMPLEX, message, [], details);
  }
}
