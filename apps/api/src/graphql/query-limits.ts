import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { QueryLimits } from '@sandbridge/config';
import { DomainError, ErrorCode, type ErrorDetails } from '@sandbridge/domain';
import {
  type DocumentNode,
  getNamedType,
  getNullableType,
  GraphQLError,
  type GraphQLSchema,
  isCompositeType,
  isListType,
  Lexer,
  parse,
  Source,
  specifiedRules,
  TokenKind,
  validate,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { type ComplexityEstimator, type ComplexityEstimatorArgs, getComplexity } from 'graphql-query-complexity';
import { QueryFailedError } from 'typeorm';

/**
 * Bounds on one GraphQL operation, checked before anything runs: the parser stops at `tokens`, the
 * validation rules count depth, aliases and directives, and the estimated cost is computed once the
 * variables are known (a list's `first` may be one). Whatever goes over is refused at once with
 * QUERY_TOO_COMPLEX naming the limit, its maximum and what was found.
 */

/** Items a connection returns when `first` is not given, and the most it returns. */
const DEFAULT_PAGE = 20;
const MAX_PAGE = 100;
/** An unpaginated list of objects (a jurisdiction's authorities, a criterion's versions) is counted as this many items. */
const LIST_FACTOR = 10;

/**
 * Fields whose resolution is much dearer than reading a row: they evaluate criteria, recognition or
 * a whole audit chain. Their cost is this plus their children's.
 */
export const EXPENSIVE_FIELDS: Readonly<Record<string, number>> = {
  'Query.recognitionPassport': 5_000,
  'Query.recognitionStatus': 1_000,
  'Query.recognitionCase': 1_000,
  'Query.explainRecognitionCase': 1_000,
  'Query.exitReport': 1_000,
  'Query.previewTestReport': 1_000,
  'Query.programmeFunnel': 1_000,
  // Aggregates every decided entry track of the programme's authorities and reads the agreements.
  'Query.programmeDesignScenario': 1_000,
  // Reads every item waiting for the authority to sort them, whatever the page.
  'Query.workQueue': 100,
  'Query.recordedPopulation': 5_000,
  'Query.compareSimulationRuns': 1_000,
  'Query.compareSimulationRunsChartSvg': 1_000,
  'Query.verifyAuditTrail': 10_000,
  'Query.writtenProof': 100,
  'Query.verifyDocument': 20,
  'EnrolmentTrack.entryEvaluation': 20,
  'EnrolmentTrack.evaluation': 20,
};

/** The error every limit raises: QUERY_TOO_COMPLEX with `limit`, `max` and `actual`. */
export function queryTooComplex(limit: keyof QueryLimits | 'nodes', max: number, actual?: number): GraphQLError {
  const found = actual === undefined ? '' : ` (found ${actual})`;
  return new GraphQLError(`The operation is over the ${limit} limit of ${max}${found}: ask for less in one request`, {
    extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, limit, max, ...(actual === undefined ? {} : { actual }) },
  });
}

/** graphql-armor's rules report through `onReject`; its messages end "limit of N exceeded, found M." */
function reportAs(limit: keyof QueryLimits, max: number) {
  return (context: ValidationContext | null, error: GraphQLError) => {
    const actual = /found (\d+)/.exec(error.message)?.[1];
    context?.reportError(queryTooComplex(limit, max, actual === undefined ? undefined : Number(actual)));
  };
}

/**
 * Depth, aliases and directives: graphql-armor's validation rules, so they run on every document
 * Apollo parses. Its cost rule (no `first`) and token plugin (a second parse) are not used: the
 * cost plugin below and the parser's own `maxTokens` do those.
 */
export function queryLimitRules(limits: QueryLimits): ValidationRule[] {
  const common = { propagateOnRejection: false, exposeLimits: true } as const;
  const armor = new ApolloArmor({
    // `__schema` (GraphiQL's and codegen's introspection) is deep by nature and exempt; fragments
    // count by the fields they hold, not as a level of their own.
    maxDepth: {
      ...common,
      n: limits.depth,
      ignoreIntrospection: true,
      flattenFragments: true,
      onReject: [reportAs('depth', limits.depth)],
    },
    // Every alias counts, `__typename` ones too (700,000 of them were a denial of service).
    maxAliases: { ...common, n: limits.aliases, allowList: [], onReject: [reportAs('aliases', limits.aliases)] },
    maxDirectives: { ...common, n: limits.directives, onReject: [reportAs('directives', limits.directives)] },
    costLimit: { enabled: false },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  });
  return armor.protect().validationRules as ValidationRule[];
}

/**
 * The same bounds for operations over graphql-ws (subscriptions), which do not pass through
 * Apollo's pipeline: graphql-ws parses and validates with these instead.
 */
export function graphqlWsLimits(limits: QueryLimits) {
  const rules = [...specifiedRules, ...queryLimitRules(limits)];
  return {
    parse: (source: string) => parse(source, { maxTokens: limits.tokens }),
    validate: (schema: GraphQLSchema, document: DocumentNode) =>
      validate(schema, document, rules).map((error) =>
        error.extensions.code === ErrorCode.QUERY_TOO_COMPLEX
          ? error
          : new GraphQLError(withoutSuggestions(error.message), {
              nodes: error.nodes,
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
            }),
      ),
  };
}

/**
 * The estimated cost of one field: 1 plus its children, a connection `first` (default 20, at most
 * 100) times its children, an unpaginated list of objects 10 times, expensive fields more.
 */
export const costEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }: ComplexityEstimatorArgs) => {
  const own = EXPENSIVE_FIELDS[`${type.name}.${field.name}`] ?? 1;
  const named = getNamedType(field.type);
  if ('first' in args || field.args.some((a) => a.name === 'first')) {
    const first = typeof args.first === 'number' ? args.first : DEFAULT_PAGE;
    return own + Math.min(Math.max(first, 0), MAX_PAGE) * childComplexity;
  }
  // A connection's `edges` are already counted `first` times by the connection field.
  if (type.name.endsWith('Connection') && field.name === 'edges') return own + childComplexity;
  if (isListType(getNullableType(field.type)) && isCompositeType(named)) return own + LIST_FACTOR * childComplexity;
  return own + childComplexity;
};

/** Most selections the cost estimate walks (fragments are walked at every spread). */
const MAX_NODES = 20_000;

/**
 * The cost limit as an Apollo plugin: the estimate needs the variables (`first: $n`), which
 * validation rules never see (Apollo caches a validated document for any variables).
 */
export function costLimitPlugin(maxCost: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema, operationName }) {
          const cost = cachedCost(schema, document, request.variables ?? {}, operationName ?? undefined);
          if (cost !== null && cost > maxCost) throw withStatus400(queryTooComplex('cost', maxCost, cost));
        },
      };
    },
  };
}

/**
 * Estimates kept per parsed document (Apollo hands the same DocumentNode for the same query text, so
 * a client repeating its queries pays the walk once per set of variables): up to
 * COSTS_PER_DOCUMENT sets of small variables each; large variables are estimated afresh.
 */
const costs = new WeakMap<DocumentNode, Map<string, number | null>>();
const COSTS_PER_DOCUMENT = 32;
const MAX_KEY_LENGTH = 2_048;

function cachedCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
  operationName?: string,
): number | null {
  const key = costKey(variables, operationName);
  if (key === null) return estimateCost(schema, document, variables, operationName);
  let known = costs.get(document);
  if (!known) costs.set(document, (known = new Map()));
  if (known.has(key)) return known.get(key)!;
  const cost = estimateCost(schema, document, variables, operationName);
  if (known.size < COSTS_PER_DOCUMENT) known.set(key, cost);
  return cost;
}

/** The cache key of small variables; null for large ones (or ones JSON cannot write, e.g. nested too deep). */
function costKey(variables: Record<string, unknown>, operationName?: string): string | null {
  let json: string;
  try {
    json = JSON.stringify(variables);
  } catch {
    return null;
  }
  return json.length > MAX_KEY_LENGTH ? null : `${operationName ?? ''}\u0000${json}`;
}

function estimateCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
  operationName?: string,
): number | null {
  try {
    return getComplexity({
      schema,
      query: document,
      variables,
      operationName,
      estimators: [costEstimator],
      maxQueryNodes: MAX_NODES,
    });
  } catch (error) {
    if (error instanceof GraphQLError && /maximum allowed number of nodes/.test(error.message))
      throw withStatus400(queryTooComplex('nodes', MAX_NODES));
    // Variables that do not coerce: execution refuses them with BAD_USER_INPUT before anything runs.
    return null;
  }
}

/** Apollo answers 500 to errors thrown by plugins unless told otherwise; a refused query is the client's. */
function withStatus400(error: GraphQLError): GraphQLError {
  Object.assign(error.extensions, { http: { status: 400 } });
  return error;
}

/**
 * True when `query` has more than `max` lexical tokens, found by lexing no further than that: a
 * cheap check before Apollo hashes and parses a huge document (a 16 MB one takes it ~0.2 s).
 * Documents that do not lex are left to the parser, which reports them.
 */
export function overTokenLimit(query: unknown, max: number): boolean {
  // Every token is at least one character long.
  if (typeof query !== 'string' || query.length <= max) return false;
  const lexer = new Lexer(new Source(query));
  try {
    for (let n = 0; n <= max; n++) if (lexer.advance().kind === TokenKind.EOF) return false;
  } catch {
    return false;
  }
  return true;
}

/** The parser's own refusal when a document has more than `maxTokens` tokens (graphql 16 writes "more that"). */
const TOKEN_LIMIT = /^Syntax Error: Document contains more tha[nt] (\d+) tokens\. Parsing aborted\.$/;

/**
 * The limit a refused operation went over, or null: our own rules' errors arrive wrapped by Apollo
 * (as GRAPHQL_VALIDATION_FAILED with the original inside), the token limit as a parse error.
 */
export function queryLimitDetails(error: unknown): (ErrorDetails & { message: string }) | null {
  const original = (error as { originalError?: unknown } | null)?.originalError ?? error;
  if (original instanceof GraphQLError && original.extensions?.code === ErrorCode.QUERY_TOO_COMPLEX) {
    const { limit, max, actual } = original.extensions as ErrorDetails;
    return { message: original.message, limit, max, actual };
  }
  const tokens = original instanceof GraphQLError ? TOKEN_LIMIT.exec(original.message) : null;
  if (tokens) {
    const refused = queryTooComplex('tokens', Number(tokens[1]));
    return { message: refused.message, limit: 'tokens', max: Number(tokens[1]) };
  }
  return null;
}

/**
 * graphql-js suggests names it knows ("Did you mean "recognitionPassport"?", "… the enum value
 * "ADMIN"?"): a map of the schema for anyone, introspection off or not. Dropped for every caller.
 */
export function withoutSuggestions(message: string): string {
  return message.replace(/\s*Did you mean [^?]*\?/g, '');
}

/**
 * The database's own limits, as the client's errors rather than INTERNAL_SERVER_ERROR: a statement
 * cancelled by `statement_timeout` (SQLSTATE 57014) is QUERY_TOO_COMPLEX; no free connection within
 * the pool's wait is TOO_MANY_REQUESTS (try again shortly). Null for anything else.
 */
export function databaseLimitError(exception: unknown): DomainError | null {
  if (
    exception instanceof QueryFailedError &&
    (exception.driverError as { code?: string } | undefined)?.code === '57014'
  ) {
    return DomainError.queryTooComplex('A database statement ran over its time limit: ask for less in one request', {
      limit: 'statementTimeout',
    });
  }
  // pg-pool's message when `connectionTimeoutMillis` passes with every connection busy.
  if (exception instanceof Error && /timeout exceeded when trying to connect/i.test(exception.message)) {
    return DomainError.tooManyRequests('The server is busy: try again shortly', 1);
  }
  return null;
}
