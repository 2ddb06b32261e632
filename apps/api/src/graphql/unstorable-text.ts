import type { FieldProblem } from '@sandbridge/domain';
import {
  getNullableType,
  type GraphQLInputType,
  GraphQLID,
  GraphQLString,
  isInputObjectType,
  isListType,
  isScalarType,
} from 'graphql';

/**
 * Text PostgreSQL cannot store as given. It refuses NUL (U+0000) in text outright ("invalid byte
 * sequence for encoding UTF8: 0x00", an INTERNAL_SERVER_ERROR for the client); a lone UTF-16
 * surrogate (which JSON's `\uD800` escapes can produce) is silently stored as U+FFFD, so the
 * record no longer says what was sent and two different names can collide. Both are refused.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, 'g');

export const NUL_MESSAGE = 'must not contain the NUL character (U+0000)';

/**
 * How deep a JSON value (a scenario, a rule's supplementary conditions) may nest. Real documents
 * nest about six levels; a value 10,000 levels deep overflowed the stack of the recursive walks
 * here, in class-transformer and in JSON.stringify, an INTERNAL_SERVER_ERROR. The same bound holds
 * for the GraphQL input around it.
 */
export const MAX_JSON_DEPTH = 64;
export const DEPTH_MESSAGE = `is nested more than ${MAX_JSON_DEPTH} levels deep`;
export const SURROGATE_MESSAGE = 'must not contain a lone UTF-16 surrogate (an unpaired \\uD800–\\uDFFF)';

function textProblem(text: string): string | null {
  if (text.includes('\u0000')) return NUL_MESSAGE;
  if (LONE_SURROGATE.test(text)) return SURROGATE_MESSAGE;
  return null;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date);

/**
 * Every string in a GraphQL argument that PostgreSQL could not store, with the path of each.
 * Paths follow the API's conventions (docs/architecture.md#api-conventions): GraphQL input objects and lists are dotted
 * (`input.lab.name`, `input.clauseIds.1`); inside a JSON scalar they are JSON paths, as the
 * document readers write them (`input.scenario.variants[0].name`). A bad object key is reported on
 * the object that holds it. `type` is the argument's GraphQL type when known; without it every
 * level is walked as GraphQL input (dotted paths).
 */
export function unstorableText(value: unknown, path: string, type?: GraphQLInputType): FieldProblem[] {
  const problems: FieldProblem[] = [];
  walkInput(value, path, type, problems, 0);
  return problems;
}

/** True when the problems include a value nested too deep (nothing else may walk the value then). */
export const tooDeep = (problems: FieldProblem[]) => problems.some((p) => p.message === DEPTH_MESSAGE);

function walkInput(
  value: unknown,
  path: string,
  type: GraphQLInputType | undefined,
  problems: FieldProblem[],
  depth: number,
): void {
  if (value === null || value === undefined) return;
  const bare = type ? getNullableType(type) : undefined;
  if (bare && isScalarType(bare) && bare !== GraphQLString && bare !== GraphQLID) {
    // JSON (and any other custom scalar whose value is a document): walk it as JSON.
    if (!walkJson(value, path, problems, 0)) problems.push({ path, message: DEPTH_MESSAGE });
    return;
  }
  if (depth > MAX_JSON_DEPTH && typeof value === 'object') {
    problems.push({ path, message: DEPTH_MESSAGE });
    return;
  }
  if (typeof value === 'string') {
    const message = textProblem(value);
    if (message) problems.push({ path, message });
    return;
  }
  if (Array.isArray(value)) {
    const item = bare && isListType(bare) ? bare.ofType : undefined;
    value.forEach((v, i) => walkInput(v, join(path, String(i)), item, problems, depth + 1));
    return;
  }
  if (!isRecord(value)) return;
  const fields = bare && isInputObjectType(bare) ? bare.getFields() : undefined;
  for (const [key, v] of Object.entries(value)) {
    checkKey(key, path, problems);
    walkInput(v, join(path, key), fields?.[key]?.type, problems, depth + 1);
  }
}

/** Walks a JSON value for bad text; false (and no further) when it nests deeper than MAX_JSON_DEPTH. */
function walkJson(value: unknown, path: string, problems: FieldProblem[], depth: number): boolean {
  if (typeof value === 'string') {
    const message = textProblem(value);
    if (message) problems.push({ path, message });
    return true;
  }
  if (typeof value !== 'object' || value === null) return true;
  if (depth >= MAX_JSON_DEPTH) return false;
  if (Array.isArray(value)) return value.every((v, i) => walkJson(v, `${path}[${i}]`, problems, depth + 1));
  if (!isRecord(value)) return true;
  return Object.entries(value).every(([key, v]) => {
    checkKey(key, path, problems);
    return walkJson(v, join(path, key), problems, depth + 1);
  });
}

function checkKey(key: string, path: string, problems: FieldProblem[]): void {
  const message = textProblem(key);
  // JSON.stringify escapes both NUL and lone surrogates, so the key is named without repeating them.
  if (message) problems.push({ path, message: `has a key ${JSON.stringify(key)} that ${message}` });
}

/**
 * The value with every lone surrogate (in strings and keys) replaced by U+FFFD, for checks that
 * would throw on one (validator.js's encodeURI). Call only on values within MAX_JSON_DEPTH.
 */
export function withoutLoneSurrogates(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(LONE_SURROGATES, '\uFFFD');
  if (Array.isArray(value)) return value.map(withoutLoneSurrogates);
  if (!isRecord(value)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => [key.replace(LONE_SURROGATES, '\uFFFD'), withoutLoneSurrogates(v)]),
  );
}

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);
