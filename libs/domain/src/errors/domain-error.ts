/** Error codes a client must handle; the API maps each to `extensions.code` (DESIGN.md §7a). */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  INVALID_TRANSITION = 'INVALID_TRANSITION',
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
  ) {
    super(message);
    this.name = 'DomainError';
  }

  static badInput(errors: FieldProblem[], message = 'Invalid input'): DomainError {
    return new DomainError(ErrorCode.BAD_USER_INPUT, errors.length ? `${message}: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}` : message, errors);
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
  static invalidTransition(message: string): DomainError {
    return new DomainError(ErrorCode.INVALID_TRANSITION, message);
  }
}
