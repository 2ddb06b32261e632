import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Role } from '@sandbridge/domain';
import {
  admitToTesting,
  buildSandbox,
  expectOk,
  type GraphQLResponse,
  type Sandbox,
  submitTestReport,
  TestApp,
} from '@sandbridge/testing';
import fc from 'fast-check';
import {
  buildSchema,
  getNamedType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from 'graphql';

// Bad input must never become an INTERNAL_SERVER_ERROR, and a refused request must write nothing.
// Every mutation and every query with arguments in the committed schema.gql is called with
// variables generated from its argument types: mostly plausible values (real ids of the right kind,
// known jurisdiction codes, ordinary days) so that requests get past the first check, with hostile
// leaves mixed in (out-of-range and malformed days, huge and negative numbers, NUL, lone
// surrogates, very long text, deeply nested JSON, unknown enum values, empty and long lists), as
// an administrator, a regulator, an innovator and a negotiator. After each request: no error with
// code INTERNAL_SERVER_ERROR (nor an HTTP 500), and when the response has errors, no table's row
// count changed. A new operation is fuzzed as soon as it is in the schema.
//
// Bounded and repeatable: a fixed seed and FUZZ_RUNS runs per operation (default 10); raise
// FUZZ_RUNS (and set FUZZ_SEED) to search longer. fast-check prints the seed and the shrunk
// counterexample on failure.

const RUNS = Number(process.env.FUZZ_RUNS ?? 10);
const SEED = Number(process.env.FUZZ_SEED ?? 20261111);

/** Operations that end the fuzzing callers' own sessions; their inputs are tested where they are built. */
const SESSION_ENDING = new Set(['revokeSessions', 'disableAccount', 'changePassword']);

/** Written in the background by a simulation already started, so not a write of the request at hand. */
const BACKGROUND_TABLES = new Set(['simulation_chunk']);

const schema: GraphQLSchema = buildSchema(readFileSync(new URL('../apps/api/schema.gql', import.meta.url), 'utf8'));
const scenario = JSON.parse(
  readFileSync(new URL('../examples/simulation/small.scenario.json', import.meta.url), 'utf8'),
);
const recognitionExample = JSON.parse(
  readFileSync(new URL('../examples/recognition/p2-equivalence-divergent.case.json', import.meta.url), 'utf8'),
);

let t: TestApp;
let sb: Sandbox;
let callers: Record<string, string>;
let tables: string[];
/** Real ids by kind, so that generated requests reach the services and the database. */
const ids: Record<string, string[]> = {};

// ---------------------------------------------------------------------------------------------
// Values

const CODES = ['GB', 'EU', 'SG', 'JP', 'US-CO'];
/**
 * A JSON value nested `depth` levels deep. Too deep for JSON.stringify (it overflows the stack near
 * 10,000 levels, as the server's own recursive walks would), so the request body is written around
 * it by hand (`body` below).
 */
class Deep {
  constructor(
    readonly shape: 'array' | 'object',
    readonly depth: number,
  ) {}
  json(): string {
    return this.shape === 'array'
      ? `${'['.repeat(this.depth)}1${']'.repeat(this.depth)}`
      : `${'{"a":'.repeat(this.depth)}"x"${'}'.repeat(this.depth)}`;
  }
  [fc.toStringMethod](): string {
    return `Deep(${this.shape}, ${this.depth})`;
  }
}

/** The request body, with each Deep value written out. */
function body(query: string, variables: unknown): string {
  const deep: Deep[] = [];
  const text = JSON.stringify({ query, variables }, (_key, value) =>
    value instanceof Deep ? `\u0000deep${deep.push(value) - 1}\u0000` : value,
  );
  return text.replace(/"\\u0000deep(\d+)\\u0000"/g, (_m, i) => deep[Number(i)].json());
}

const hostileString = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  'Acme\u0000Labs',
  'Acme\uD800Labs',
  '\uDC00',
  'a'.repeat(100_000),
  'NaN',
  'Infinity',
  '-1',
  '1e309',
  '0000-01-01',
  '%',
  '%E0%A4%A',
  "'; DROP TABLE account; --",
  '\u202Etxt.exe',
  '🤖'.repeat(1000),
  'null',
  '__proto__',
);

const DAYS = ['2026-01-01', '2026-03-01', '2026-06-30', '2027-01-01', '2028-12-31'];
const hostileDay = fc.oneof(
  fc.constantFrom('0000-01-01', '0999-12-31'),
  fc.constantFrom(
    '0000-01-01',
    '0001-01-01',
    '0999-12-31',
    '1000-01-01',
    '9999-12-31',
    '10000-01-01',
    '+010000-01-01',
    '-000001-01-01',
    '-0001-01-01',
    '275760-09-13',
    '2026-02-30',
    '2026-13-01',
    '2026-1-1',
    '2026-01-01T00:00:00Z',
    '1969-12-31',
    '',
    'NaN',
  ),
);
const hostileDateTime = fc.constantFrom(
  '0000-01-01T00:00:00Z',
  '10000-01-01T00:00:00Z',
  '-000001-01-01T00:00:00Z',
  '2026-02-30T00:00:00Z',
  '2026-01-01',
  'NaN',
);
const hostileInt = fc.constantFrom(-1, -2147483648, 2147483647, 2147483648, 1e15, -1e15, 0.5, 1e308);
const hostileFloat = fc.constantFrom(-1, 1e308, -1e308, 5e-324, -0, 2 ** 53 + 1, 1e-300);
const hostileJson = fc.oneof(
  fc.constant(null),
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(
    new Deep('array', 10_000),
    new Deep('object', 10_000),
    new Deep('array', 65),
    new Deep('object', 200),
  ),
  fc.constant({ '\u0000': 1 }),
  fc.constant('x'.repeat(100_000)),
);

function idsFor(field: string, parent: string): string[] {
  const name = field.toLowerCase();
  const kind = Object.keys(ids).find(
    (k) => name.startsWith(k.toLowerCase()) || (name === 'id' && parent.toLowerCase().includes(k.toLowerCase())),
  );
  return kind ? ids[kind] : Object.values(ids).flat();
}

/** A string that would pass for this field, guessed from its name. */
function plausibleString(field: string, parent: string): fc.Arbitrary<string> {
  const name = field.toLowerCase();
  if (name.includes('email')) return fc.nat(1_000_000).map((n) => `fuzz.${n}@fuzz.test`);
  if (name.includes('password')) return fc.constantFrom('a-long-fuzz-password-7', 'short');
  if (
    name === 'code' ||
    name.includes('jurisdiction') ||
    ['testedin', 'parties', 'origins', 'recognising'].includes(name)
  )
    return fc.constantFrom(...CODES);
  if (name.includes('sector')) return fc.constantFrom('FINANCE', 'HEALTH');
  if (name.includes('sha256')) return fc.constant('a'.repeat(64));
  if (name.includes('idempotency')) return fc.uuid();
  if (name === 'after' || name === 'before') return fc.constant('');
  if (name === 'id' || name.endsWith('id') || name.endsWith('ids'))
    return fc.constantFrom(...idsFor(field, parent), randomUUID());
  return fc.string({ minLength: 1, maxLength: 20 }).map((text) => `Fuzz ${text}`);
}

function plausibleScalar(type: string, field: string, parent: string): fc.Arbitrary<unknown> {
  switch (type) {
    case 'ID':
    case 'String':
      return plausibleString(field, parent);
    case 'Int':
      return field === 'first' ? fc.integer({ min: 1, max: 100 }) : fc.integer({ min: 0, max: 400 });
    case 'Float':
      return fc.double({ min: 0, max: 1, noNaN: true });
    case 'Boolean':
      return fc.boolean();
    case 'Date':
      return fc.constantFrom(...DAYS);
    case 'DateTime':
      return fc.constant('2026-01-01T00:00:00.000Z');
    case 'JSON':
      return field === 'scenario' ? fc.constant(scenario) : fc.constantFrom(null, { text: 'Fuzz' }, 'Fuzz');
    default:
      return fc.string();
  }
}

function hostileScalar(type: string): fc.Arbitrary<unknown> {
  switch (type) {
    case 'Int':
      return hostileInt;
    case 'Float':
      return hostileFloat;
    case 'Boolean':
      return fc.constantFrom('true', 0, 1);
    case 'Date':
      return hostileDay;
    case 'DateTime':
      return hostileDateTime;
    case 'JSON':
      return hostileJson;
    default:
      return hostileString;
  }
}

/** A value of this type that should get past the first checks (optional fields sometimes left out). */
function plausible(type: GraphQLInputType, field: string, parent: string, depth = 0): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return plausible(type.ofType, field, parent, depth);
  if (isListType(type))
    return fc.array(plausible(type.ofType, field, parent, depth + 1), { minLength: 1, maxLength: 3 });
  if (isEnumType(type)) return fc.constantFrom(...type.getValues().map((v) => v.name));
  if (isInputObjectType(type)) {
    if (depth > 4) return fc.constant({});
    const fields = Object.values(type.getFields());
    const shape = Object.fromEntries(fields.map((f) => [f.name, plausible(f.type, f.name, type.name, depth + 1)]));
    return fc.record(shape, { requiredKeys: fields.filter((f) => isNonNullType(f.type)).map((f) => f.name) });
  }
  if (isScalarType(type)) return plausibleScalar(type.name, field, parent);
  return fc.constant(null);
}

/** Something this slot should refuse (or at least survive): see the lists of values above. */
function hostile(type: GraphQLInputType, field: string, parent: string): fc.Arbitrary<unknown> {
  if (isNonNullType(type))
    return fc.oneof(
      { arbitrary: hostile(type.ofType, field, parent), weight: 9 },
      { arbitrary: fc.constant(null), weight: 1 },
    );
  if (isListType(type)) {
    const item = type.ofType;
    const unknownEnum = isEnumType(getNamedType(item))
      ? [fc.array(fc.constantFrom('NOT_A_VALUE', 'nope'), { minLength: 51, maxLength: 60 })]
      : [];
    return fc.oneof(
      fc.constant([]),
      fc.array(plausible(item, field, parent), { minLength: 51, maxLength: 60 }),
      ...unknownEnum,
    );
  }
  if (isEnumType(type))
    return fc.constantFrom(
      'NOT_A_VALUE',
      '',
      type.getValues()[0].name.toLowerCase(),
      `${type.getValues()[0].name}\u0000`,
      1,
    );
  if (isInputObjectType(type)) return fc.constantFrom({}, 'not an object', [{}]);
  if (isScalarType(type)) return hostileScalar(type.name);
  return fc.constant(null);
}

interface Slot {
  path: (string | number)[];
  type: GraphQLInputType;
  field: string;
  parent: string;
}

/** Every place in a generated value a hostile value can go: each field given, each list item. */
function slots(
  value: unknown,
  type: GraphQLInputType,
  field: string,
  parent: string,
  path: (string | number)[],
  into: Slot[],
): Slot[] {
  into.push({ path, type, field, parent });
  const bare = isNonNullType(type) ? type.ofType : type;
  if (Array.isArray(value) && isListType(bare))
    value.forEach((item, i) => slots(item, bare.ofType, field, parent, [...path, i], into));
  else if (value && typeof value === 'object' && isInputObjectType(bare)) {
    const fields = bare.getFields();
    for (const [key, v] of Object.entries(value))
      if (fields[key]) slots(v, fields[key].type, key, bare.name, [...path, key], into);
    // An optional field left out can be given too.
    for (const f of Object.values(fields))
      if (!(f.name in value)) into.push({ path: [...path, f.name], type: f.type, field: f.name, parent: bare.name });
  }
  return into;
}

function replaced(
  value: Record<string, unknown>,
  path: (string | number)[],
  replacement: unknown,
): Record<string, unknown> {
  const copy = structuredClone(value);
  let at: any = copy;
  for (const key of path.slice(0, -1)) at = at[key];
  at[path[path.length - 1]] = replacement;
  return copy;
}

/**
 * Valid variables for the operations whose inputs a generator rarely gets right (parties that
 * include the caller's jurisdiction, a report for an admitted enrolment…), so that hostile values
 * meet the code behind the first checks. Built when called: the ids exist by then.
 */
const EXAMPLES: Record<string, () => Record<string, unknown>> = {
  createAgreement: () => ({
    input: {
      name: `Fuzz ${randomUUID()}`,
      kind: 'BILATERAL',
      parties: ['GB', 'SG'],
      effectiveFrom: '2026-01-01',
      effectiveTo: '2028-01-01',
    },
  }),
  updateAgreement: () => ({ input: { id: ids.agreement[0], effectiveFrom: '2026-01-01', effectiveTo: '2028-01-01' } }),
  addAgreementRule: () => ({
    input: {
      agreementId: ids.agreement[0],
      origins: ['SG'],
      recognising: ['GB'],
      mode: 'CONFORMITY',
      effect: 'RECOGNISE',
      effectiveFrom: '2026-01-01',
      effectiveTo: '2027-01-01',
    },
  }),
  updateAgreementRule: () => ({
    input: {
      id: ids.rule[0],
      origins: ['SG'],
      recognising: ['GB'],
      mode: 'CONFORMITY',
      effect: 'RECOGNISE_WITH_CONDITIONS',
      supplementary: { text: 'Fuzz' },
      effectiveFrom: '2026-01-01',
    },
  }),
  createProgramme: () => ({
    input: {
      name: `Fuzz ${randomUUID()}`,
      cohortCapacity: 5,
      maxTestingDays: 90,
      jointEntryRule: 'EACH_AUTHORITY',
      applicationOpens: '2026-01-01',
      applicationCloses: '2026-06-30',
    },
  }),
  updateProgramme: () => ({
    input: { id: ids.programme[0], applicationOpens: '2026-01-01', applicationCloses: '2026-06-30' },
  }),
  submitTestReport: () => ({
    input: {
      enrolmentId: ids.enrolment[0],
      submittedTo: ids.authority[0],
      testedIn: 'GB',
      periodStart: '2026-01-05',
      periodEnd: '2026-03-27',
      lab: { name: 'Fuzz Lab', accredited: true, accreditationBody: 'UKAS' },
      method: { id: 'ISO/IEC 23894:2023 §6.4', version: '2023' },
      confidentiality: 'PARTICIPANTS',
      idempotencyKey: randomUUID(),
      results: [{ criterionId: ids.testingCriterion[0], value: 0.91 }],
    },
  }),
  createAccount: () => ({
    input: {
      email: `fuzz.${randomUUID()}@fuzz.test`,
      displayName: 'Fuzz',
      password: 'a-long-fuzz-password-7',
      role: 'NEGOTIATOR',
      jurisdictionCode: 'GB',
    },
  }),
  createCriterion: () => ({
    input: {
      key: `fuzz.${randomUUID()}`,
      title: 'Fuzz',
      stage: 'TESTING',
      category: 'ROBUSTNESS',
      kind: 'METRIC',
      metricKey: 'fuzz',
      comparator: 'GTE',
      threshold: 0.5,
      riskClasses: ['HIGH'],
    },
  }),
  startSimulation: () => ({ input: { name: 'Fuzz', scenario } }),
  recordedPopulation: () => ({ filter: { testedFrom: '2026-01-01', testedTo: '2026-12-31', jurisdictions: ['GB'] } }),
  recognitionPassport: () => ({ aiSystemId: ids.aiSystem[0], asOf: '2026-06-01' }),
  recognitionStatus: () => ({ aiSystemId: ids.aiSystem[0], authorityId: ids.authority[0], asOf: '2026-06-01' }),
  recognitionCase: () => ({ aiSystemId: ids.aiSystem[0], authorityId: ids.authority[0], asOf: '2026-06-01' }),
  explainRecognitionCase: () => ({ case: recognitionExample, asOf: '2026-06-01', keepCaseAgreements: true }),
};

/**
 * The variables of one call: plausible values throughout, and (four times in five) one slot —
 * an argument, a field, a list item — replaced by a hostile value.
 */
function argsFor(operation: string, args: readonly GraphQLArgument[]): fc.Arbitrary<Record<string, unknown>> {
  const shape = Object.fromEntries(args.map((a) => [a.name, plausible(a.type, a.name, '')]));
  const generated = fc.record(shape, { requiredKeys: args.filter((a) => isNonNullType(a.type)).map((a) => a.name) });
  const example = EXAMPLES[operation];
  const base = example
    ? fc.oneof(
        generated,
        fc.constant(null).map(() => example()),
      )
    : generated;
  return base.chain((vars) => {
    const all: Slot[] = [];
    for (const a of args) {
      if (a.name in vars) slots(vars[a.name], a.type, a.name, '', [a.name], all);
      else all.push({ path: [a.name], type: a.type, field: a.name, parent: '' });
    }
    // Slots whose values reach the database or a recursive walk in their own form are picked more often.
    const weighted = all.flatMap((slot) =>
      Array.from({ length: RISKY.has(getNamedType(slot.type).name) ? 4 : 1 }, () => slot),
    );
    return fc.oneof(
      { arbitrary: fc.constant(vars), weight: 1 },
      {
        arbitrary: fc
          .constantFrom(...weighted)
          .chain((slot) => hostile(slot.type, slot.field, slot.parent).map((h) => replaced(vars, slot.path, h))),
        weight: 4,
      },
    );
  });
}

const RISKY = new Set(['Date', 'DateTime', 'JSON']);

/** The operation's text: every argument a variable, and the result's own leaf fields selected. */
function operationText(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>): string {
  const vars = field.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const call = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const named = getNamedType(field.type);
  let selection = '';
  if (isObjectType(named)) {
    const leaves = Object.values((named as GraphQLObjectType).getFields())
      .filter((f) => isLeafType(getNamedType(f.type)) && f.args.every((a) => !isNonNullType(a.type)))
      .map((f) => f.name);
    selection = ` { __typename ${leaves.join(' ')} }`;
  } else if (!isLeafType(named)) {
    selection = ' { __typename }';
  }
  return `${kind}${vars ? `(${vars})` : ''} { ${field.name}${call ? `(${call})` : ''}${selection} }`;
}

// ---------------------------------------------------------------------------------------------
// Observation

async function rowCounts(): Promise<Record<string, number>> {
  const sql = `SELECT ${tables.map((name) => `(SELECT count(*)::int FROM "${name}") AS "${name}"`).join(', ')}`;
  return (await t.dataSource.query(sql))[0];
}

function describeCall(operation: string, variables: unknown): string {
  const text = JSON.stringify(variables, (_k, v) =>
    v instanceof Deep
      ? String(v[fc.toStringMethod]())
      : typeof v === 'string' && v.length > 200
        ? `${v.slice(0, 40)}…(${v.length} chars)`
        : v,
  );
  return `${operation} ${text.length > 2000 ? `${text.slice(0, 2000)}…` : text}`;
}

/** FUZZ_KEEP_GOING=1 lists every failure found instead of stopping at the first (for exploring). */
const keepGoing = process.env.FUZZ_KEEP_GOING === '1';
const found = new Set<string>();
const stats = new Set<string>();
function fail(message: string): void {
  if (!keepGoing) throw new Error(message);
  found.add(message);
}

async function send(text: string, variables: Record<string, unknown>, token: string): Promise<GraphQLResponse> {
  const res = await t
    .http()
    .post('/graphql')
    .set('content-type', 'application/json')
    .set('authorization', `Bearer ${token}`)
    .send(body(text, variables));
  return { status: res.status, data: res.body.data, errors: res.body.errors };
}

/** The row counts as of the last refused call (null after a call that may have written). */
let counts: Record<string, number> | null = null;

const CALLERS = ['admin', 'regulator', 'innovator', 'negotiator'];
const REFUSED_CALLER = new Set(['FORBIDDEN', 'UNAUTHENTICATED', 'NOT_FOUND']);

/**
 * Sends the call as `first`, then, while the caller is refused (FORBIDDEN, or NOT_FOUND for what
 * it cannot see), as the next role: the hostile value should meet the code of a caller that may
 * make the call. Checks every response on the way.
 */
async function call(operation: string, text: string, variables: Record<string, unknown>, first: string): Promise<void> {
  const start = CALLERS.indexOf(first);
  for (let i = 0; i < CALLERS.length; i += 1) {
    const caller = CALLERS[(start + i) % CALLERS.length];
    const before = (counts ??= await rowCounts());
    let response: GraphQLResponse;
    try {
      response = await send(text, variables, callers[caller]);
    } catch (error) {
      fail(`${caller} ${describeCall(operation, variables)}: the request failed: ${String(error)}`);
      return;
    }
    const codes = (response.errors ?? []).map((e) => e.extensions?.code);
    if (keepGoing)
      stats.add(
        `${operation}\t${codes.join(',') || 'OK'}\t${codes.length ? response.errors![0].message.slice(0, 100) : ''}`,
      );
    if (response.status >= 500 || codes.includes('INTERNAL_SERVER_ERROR')) {
      fail(
        `${caller} ${describeCall(operation, variables)}: HTTP ${response.status}, ${JSON.stringify(response.errors?.map((e) => [e.extensions?.code, e.message]))}`,
      );
    }
    // A refused request leaves the counts as they were, so its "after" is the next call's "before".
    counts = null;
    if (response.errors?.length) {
      const after = (counts = await rowCounts());
      const changed = tables.filter((name) => !BACKGROUND_TABLES.has(name) && before[name] !== after[name]);
      if (changed.length)
        fail(
          `${caller} ${describeCall(operation, variables)}: refused with ${codes.join(', ')} but wrote to ${changed.join(', ')}`,
        );
    }
    if (!codes.every((code) => REFUSED_CALLER.has(code as string)) || !codes.length) return;
  }
}

// ---------------------------------------------------------------------------------------------

beforeAll(async () => {
  t = await TestApp.create();
  sb = await buildSandbox(t, {
    authorities: [
      ['GB', 'FCA'],
      ['SG', 'MAS'],
    ],
  });
  const [FCA, MAS] = sb.authorities;
  const tag = randomUUID().slice(0, 8);
  const negotiator = await t.accountWithToken(`neg.${tag}@fuzz.test`, Role.NEGOTIATOR, { jurisdictionCode: 'GB' });
  callers = {
    admin: await t.adminToken(),
    regulator: FCA.regulator.token,
    innovator: sb.innovator.token,
    negotiator: negotiator.token,
  };

  // A little of everything, so that ids of each kind exist and stateful operations have targets.
  const enrolment = await admitToTesting(t, sb, FCA);
  const report = await submitTestReport(t, sb, {
    enrolmentId: enrolment.id,
    submittedTo: FCA.id,
    testedIn: 'GB',
    periodEnd: '2026-03-27',
    results: [{ criterionId: FCA.criteria.TESTING[0], value: 0.91 }],
  });
  const agreement = expectOk(
    await t.gql(
      'mutation($input: CreateAgreementInput!) { createAgreement(input: $input) { id } }',
      { input: { name: `Fuzz MRA ${tag}`, kind: 'BILATERAL', parties: ['GB', 'SG'] } },
      negotiator.token,
    ),
  ).createAgreement.id;
  const withRule = expectOk(
    await t.gql(
      'mutation($input: AddAgreementRuleInput!) { addAgreementRule(input: $input) { rules { id } } }',
      {
        input: {
          agreementId: agreement,
          origins: ['SG'],
          recognising: ['GB'],
          mode: 'CONFORMITY',
          effect: 'RECOGNISE',
        },
      },
      negotiator.token,
    ),
  ).addAgreementRule;
  const run = expectOk(
    await t.gql(
      'mutation($input: StartSimulationInput!) { startSimulation(input: $input) { id } }',
      { input: { name: 'Fuzz', scenario } },
      negotiator.token,
    ),
  ).startSimulation.id;
  const accounts = await t.dataSource.query('SELECT id FROM account');
  const standards = await t.dataSource.query('SELECT code FROM standard LIMIT 3');

  Object.assign(ids, {
    programme: [sb.programmeId],
    authority: [FCA.id, MAS.id],
    aiSystem: [sb.systemId],
    enrolment: [enrolment.id],
    report: [report.id],
    testReport: [report.id],
    result: report.results.map((r) => r.id),
    agreementRule: withRule.rules.map((r: { id: string }) => r.id),
    rule: withRule.rules.map((r: { id: string }) => r.id),
    agreement: [agreement],
    criterion: [...FCA.criteria.ENTRY, ...FCA.criteria.TESTING, ...MAS.criteria.EXIT],
    testingCriterion: FCA.criteria.TESTING,
    fromCriterion: FCA.criteria.TESTING,
    toCriterion: MAS.criteria.TESTING,
    organisation: [sb.innovator.organisationId],
    simulationRun: [run],
    run: [run],
    account: accounts.map((a: { id: string }) => a.id),
    standard: standards.map((s: { code: string }) => s.code),
  });

  tables = (
    await t.dataSource.query(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT LIKE '%migration%' ORDER BY 1`,
    )
  ).map((r: { name: string }) => r.name);
}, 120_000);

afterAll(async () => {
  if (keepGoing) process.stderr.write(`${[...stats].sort().join('\n')}\n`);
  if (found.size) process.stderr.write(`${found.size} failures:\n${[...found].join('\n')}\n`);
  await t?.close();
});

const operations = (['mutation', 'query'] as const).flatMap((kind) => {
  const root = kind === 'mutation' ? schema.getMutationType() : schema.getQueryType();
  return Object.values(root?.getFields() ?? {})
    .filter((field) => field.args.length > 0 && !SESSION_ENDING.has(field.name))
    .map((field) => ({ kind, field }));
});

describe('fuzzed arguments: never INTERNAL_SERVER_ERROR, nothing written when refused', () => {
  it('the schema has operations to fuzz', () => {
    expect(operations.length).toBeGreaterThan(40);
  });

  it.each(operations.map(({ kind, field }) => [`${kind} ${field.name}`, kind, field] as const))(
    '%s',
    async (_label, kind, field) => {
      const text = operationText(kind, field);
      await fc.assert(
        fc.asyncProperty(
          argsFor(field.name, field.args),
          fc.constantFrom('admin', 'regulator', 'innovator', 'negotiator'),
          async (variables, caller) => {
            await call(field.name, text, variables, caller);
          },
        ),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
    },
  );
});
