// The API's errors in words (docs/architecture.md#api-conventions: every error carries a stable
// `extensions.code`; clients branch on the code, never on the message), and BAD_USER_INPUT's
// `extensions.errors: [{ path, message }]` mapped onto the form fields they name.
import type { CombinedError } from 'urql';

/** The codes the API sends (Apollo's own for invalid documents aside). */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'INVALID_TRANSITION'
  | 'TOO_MANY_REQUESTS'
  | 'QUERY_TOO_COMPLEX'
  | 'INTERNAL_SERVER_ERROR';

/** What each code means for the person using the console: a title for an alert. */
export const ERROR_WORDS: Record<ErrorCode, string> = {
  BAD_USER_INPUT: 'Some of what you entered needs correcting',
  UNAUTHENTICATED: 'Your session has ended: sign in again',
  FORBIDDEN: 'Your role does not allow this',
  NOT_FOUND: 'Not found, or not yours to see',
  CONFLICT: 'Someone else changed this',
  INVALID_TRANSITION: 'Not possible in its current state',
  TOO_MANY_REQUESTS: 'Too many attempts: wait a moment and try again',
  QUERY_TOO_COMPLEX: 'This asks for too much at once',
  INTERNAL_SERVER_ERROR: 'Something went wrong on the server',
};

/** One problem of a BAD_USER_INPUT error: `path` names the argument, e.g. `input.name`, `input.results.0.value`. */
export interface FieldProblem {
  path: string;
  message: string;
}

interface Extensions {
  code?: string;
  errors?: FieldProblem[];
  reason?: string;
  retryAfterSeconds?: number;
}

const extensionsOf = (error: CombinedError | undefined): Extensions[] =>
  (error?.graphQLErrors ?? []).map((e) => (e.extensions ?? {}) as Extensions);

/** The first error's code; 'NETWORK' when the API could not be reached or answered no GraphQL. */
export function errorCode(error: CombinedError | undefined): ErrorCode | 'NETWORK' | string | undefined {
  if (!error) return undefined;
  if (error.networkError && !error.graphQLErrors.length) return 'NETWORK';
  return extensionsOf(error)[0]?.code ?? 'INTERNAL_SERVER_ERROR';
}

/** A title and a sentence for an error, for an alert or a notification. */
export function describeError(error: CombinedError): { code: string; title: string; message: string } {
  const code = errorCode(error) ?? 'INTERNAL_SERVER_ERROR';
  if (code === 'NETWORK')
    return { code, title: 'The server could not be reached', message: 'Check your connection and try again.' };
  const first = error.graphQLErrors[0];
  const extensions = extensionsOf(error)[0] ?? {};
  const title = ERROR_WORDS[code as ErrorCode] ?? 'The server refused this';
  let message = first?.message ?? '';
  if (code === 'TOO_MANY_REQUESTS' && extensions.retryAfterSeconds)
    message = `Try again in ${extensions.retryAfterSeconds} s.`;
  if (code === 'INTERNAL_SERVER_ERROR') message = 'The error was logged on the server. Try again later.';
  return { code, title, message };
}

/** The reason an INVALID_TRANSITION refusal gives: its message, and its stable token when it has one. */
export function transitionReason(error: CombinedError | undefined): { message: string; reason?: string } | null {
  if (errorCode(error) !== 'INVALID_TRANSITION') return null;
  return { message: error!.graphQLErrors[0].message, reason: extensionsOf(error)[0].reason };
}

/** Every field problem of a BAD_USER_INPUT error (none for other errors). */
export function fieldProblems(error: CombinedError | undefined): FieldProblem[] {
  return extensionsOf(error).flatMap((e) => (e.code === 'BAD_USER_INPUT' ? (e.errors ?? []) : []));
}

/** "must be 2 to 200 characters" → "Must be 2 to 200 characters". */
export const sentence = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** The bit of a Mantine form that takes server errors (useForm's return value has it). */
export interface FieldErrorTarget {
  setFieldError: (path: string, error: string) => void;
  getValues: () => object;
}

/**
 * Puts each problem of a BAD_USER_INPUT error at the form field it names: the API's path less
 * `prefix` (`input.` by default: mutations take one `input` object) is the form's path, so
 * `input.lab.name` lands on the field `lab.name` and `input.results.2.value` on `results.2.value` —
 * name the form's values as the mutation's input. Returns the problems no field took (show them in
 * the form's alert, with ErrorNotice's `unplaced`).
 */
export function applyFieldErrors(
  form: FieldErrorTarget,
  error: CombinedError | undefined,
  prefix = 'input.',
): FieldProblem[] {
  const unplaced: FieldProblem[] = [];
  const values = form.getValues();
  for (const problem of fieldProblems(error)) {
    const path = problem.path.startsWith(prefix) ? problem.path.slice(prefix.length) : null;
    if (path !== null && hasPath(values, path)) form.setFieldError(path, sentence(problem.message));
    else unplaced.push(problem);
  }
  return unplaced;
}

function hasPath(values: object, path: string): boolean {
  let at: unknown = values;
  for (const step of path.split('.')) {
    if (at === null || typeof at !== 'object' || !(step in at)) return false;
    at = (at as Record<string, unknown>)[step];
  }
  return true;
}
