// One file (a format reader, long on purpose): every field of simulation-scenario@1 is read and checked
// here, on case-format's readers; one place to compare against docs/formats.md#simulation-scenario.
import { RiskClass } from '../criteria/criteria.js';
import { readAgreement, readReferenceModel, readResult, readSystem } from '../recognition/case-format.js';
import {
  CaseFormatError,
  day,
  field,
  Ids,
  type Json,
  number,
  object,
  optionalList,
  required,
  requiredList,
  string,
} from '../recognition/json-readers.js';
import type { CaseAgreement } from '../recognition/recognition.js';
import { compareIds } from '../recognition/recognition-engine.js';
import {
  BASELINE_NAME,
  type ExplicitPopulation,
  type IntRange,
  SCENARIO_FORMAT,
  type Scenario,
  type ScenarioCost,
  ScenarioFormatError,
  type ScenarioPopulation,
  type ScenarioReference,
  type ScenarioTarget,
  type ScenarioVariant,
  type SyntheticPopulation,
} from './scenario.js';

/** More innovators than this is a typo, not a scenario (and would not fit in an integer-count partial run in reasonable time). */
export const MAX_SYNTHETIC_INNOVATORS = 10_000_000;
/** A test result older than a century is a typo. */
const MAX_RESULT_AGE_DAYS = 36_500;

// Paths are JSON paths rooted at `$`; the case-format readers append `.key` and `[i]` to them.
const ROOT = '$';

function fail(path: string, problem: string): never {
  throw new CaseFormatError(path, problem);
}

function nonNegativeInteger(value: unknown, path: string): number {
  const n = number(value, path);
  if (!Number.isSafeInteger(n) || n < 0) fail(path, 'must be a non-negative integer');
  return n;
}

function rate(o: Json, key: string, path: string): number {
  const at = field(path, key);
  const n = number(required(o, key, path), at);
  if (n < 0 || n > 1) fail(at, 'must be between 0 and 1');
  return n;
}

function range(o: Json, key: string, path: string, max: number): IntRange {
  const at = field(path, key);
  const r = object(required(o, key, path), at);
  const min = nonNegativeInteger(required(r, 'min', at), field(at, 'min'));
  const high = nonNegativeInteger(required(r, 'max', at), field(at, 'max'));
  if (min > high) fail(at, `min (${min}) must not exceed max (${high})`);
  if (high > max) fail(field(at, 'max'), `must be at most ${max}`);
  return { min, max: high };
}

/**
 * A weights object: every weight a non-negative number, with a positive sum unless the object is
 * empty (empty = uniform over the natural domain). `allowed` restricts the keys.
 */
function weights(
  o: Json,
  key: string,
  path: string,
  allowed: ((k: string) => string | null) | null,
): Record<string, number> {
  const at = field(path, key);
  const value = o[key];
  if (value === undefined || value === null) return {};
  const w = object(value, at);
  let sum = 0;
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(w)) {
    const entry = field(at, k);
    const problem = allowed?.(k);
    if (problem) fail(entry, problem);
    const n = number(v, entry);
    if (n < 0) fail(entry, 'must not be negative');
    out[k] = n;
    sum += n;
  }
  if (Object.keys(out).length && !(sum > 0)) fail(at, 'weights must have a positive sum');
  return out;
}

function readCosts(value: unknown, path: string): Record<string, ScenarioCost> {
  const o = object(value, path);
  const costs: Record<string, ScenarioCost> = {};
  for (const [code, entry] of Object.entries(o)) {
    const at = field(path, code);
    const c = object(entry, at);
    const testCost = number(required(c, 'testCost', at), field(at, 'testCost'));
    if (testCost < 0) fail(field(at, 'testCost'), 'must not be negative');
    costs[code] = { testCost, testDays: nonNegativeInteger(required(c, 'testDays', at), field(at, 'testDays')) };
  }
  return costs;
}

function readSynthetic(
  value: unknown,
  path: string,
  reference: ScenarioReference,
  jurisdictions: ReadonlySet<string>,
): SyntheticPopulation {
  const o = object(value, path);
  const seed = number(required(o, 'seed', path), field(path, 'seed'));
  if (!Number.isSafeInteger(seed)) fail(field(path, 'seed'), 'must be an integer');
  const innovators = number(required(o, 'innovators', path), field(path, 'innovators'));
  if (!Number.isSafeInteger(innovators) || innovators < 1)
    fail(field(path, 'innovators'), 'must be a positive integer');
  if (innovators > MAX_SYNTHETIC_INNOVATORS)
    fail(field(path, 'innovators'), `must be at most ${MAX_SYNTHETIC_INNOVATORS}`);
  const riskClasses = Object.values(RiskClass) as string[];
  const population: SyntheticPopulation = {
    seed,
    innovators,
    homeWeights: weights(o, 'homeWeights', path, (k) =>
      jurisdictions.has(k) ? null : `unknown jurisdiction ${JSON.stringify(k)}`,
    ),
    sectorWeights: weights(o, 'sectorWeights', path, null),
    riskClassWeights: weights(o, 'riskClassWeights', path, (k) =>
      riskClasses.includes(k) ? null : `must be one of ${riskClasses.join(', ')}`,
    ),
    targetsPerInnovator: range(o, 'targetsPerInnovator', path, Math.max(reference.authorities.length, 1)),
    passRate: rate(o, 'passRate', path),
    accreditedLabRate: rate(o, 'accreditedLabRate', path),
    resultAgeDays: range(o, 'resultAgeDays', path, MAX_RESULT_AGE_DAYS),
  };
  return population;
}

function readExplicit(o: Json, path: string, authorityIds: Ids, criterionIds: Ids): ExplicitPopulation {
  const systemIds = new Ids('system');
  const systems = requiredList(o, 'systems', path, (item, at) => readSystem(item, at, systemIds));
  const resultIds = new Ids('result');
  const results = requiredList(o, 'results', path, (item, at) =>
    readResult(item, at, systemIds, criterionIds, resultIds),
  );
  const pairs = new Set<string>();
  const targets = requiredList(o, 'targets', path, (item, at): ScenarioTarget => {
    const t = object(item, at);
    const system = systemIds.reference(required(t, 'system', at), field(at, 'system'));
    const authorities = requiredList(t, 'authorities', at, (a, aAt) => {
      const id = authorityIds.reference(a, aAt);
      // The same system–target pair twice would count its figures twice.
      const key = `${system}\u0000${id}`;
      if (pairs.has(key)) fail(aAt, `duplicate target ${JSON.stringify(id)} for system ${JSON.stringify(system)}`);
      pairs.add(key);
      return id;
    });
    return { system, authorities };
  });
  return { systems, results, targets };
}

function readVariant(
  value: unknown,
  path: string,
  baseline: readonly CaseAgreement[],
  names: Set<string>,
): ScenarioVariant {
  const o = object(value, path);
  const name = string(required(o, 'name', path), field(path, 'name'));
  if (name === BASELINE_NAME) fail(field(path, 'name'), `"${BASELINE_NAME}" names the baseline in the result`);
  if (names.has(name)) fail(field(path, 'name'), `duplicate variant name ${JSON.stringify(name)}`);
  names.add(name);
  // Each list is read with its own id registry: within one list an id may appear once.
  const remove = optionalList(o, 'remove', path, string);
  const replace = optionalList(
    o,
    'replace',
    path,
    (
      (ids) => (item: unknown, at: string) =>
        readAgreement(item, at, ids)
    )(new Ids('agreement')),
  );
  const add = optionalList(
    o,
    'add',
    path,
    (
      (ids) => (item: unknown, at: string) =>
        readAgreement(item, at, ids)
    )(new Ids('agreement')),
  );
  const variant: ScenarioVariant = { name, add, remove, replace };
  // Checked by applying it: remove, then replace, then add (see variantAgreements).
  applyVariant(baseline, variant, path);
  return variant;
}

/**
 * The agreements of one variant: the baseline with `remove` dropped, then `replace` swapped in
 * place, then `add` appended — always from the baseline (variants do not stack). An id that
 * `remove`/`replace` cannot find at that point, or that `add` finds present, is refused.
 */
function applyVariant(baseline: readonly CaseAgreement[], variant: ScenarioVariant, path: string): CaseAgreement[] {
  let agreements = [...baseline];
  const position = (id: string) => agreements.findIndex((a) => a.id === id);
  variant.remove.forEach((id, i) => {
    const at = position(id);
    if (at < 0) fail(`${field(path, 'remove')}[${i}]`, `no agreement ${JSON.stringify(id)} to remove`);
    agreements = agreements.filter((_, k) => k !== at);
  });
  variant.replace.forEach((agreement, i) => {
    const at = position(agreement.id);
    if (at < 0) fail(`${field(path, 'replace')}[${i}].id`, `no agreement ${JSON.stringify(agreement.id)} to replace`);
    agreements[at] = agreement;
  });
  variant.add.forEach((agreement, i) => {
    if (position(agreement.id) >= 0)
      fail(
        `${field(path, 'add')}[${i}].id`,
        `agreement ${JSON.stringify(agreement.id)} is already present (use replace)`,
      );
    agreements.push(agreement);
  });
  return agreements;
}

/** The agreement set of every run: the baseline (named `baseline`) first, then each variant in input order. */
export function agreementSets(s: Scenario): { name: string; agreements: CaseAgreement[] }[] {
  return [
    { name: BASELINE_NAME, agreements: s.baseline.agreements },
    ...s.variants.map((variant, i) => ({
      name: variant.name,
      agreements: applyVariant(s.baseline.agreements, variant, `${ROOT}.variants[${i}]`),
    })),
  ];
}

function readScenario(value: unknown): Scenario {
  const root = object(value, ROOT);
  if (root.format === undefined || root.format === null) fail(field(ROOT, 'format'), 'is required');
  if (root.format !== SCENARIO_FORMAT) fail(field(ROOT, 'format'), `must be "${SCENARIO_FORMAT}"`);
  const asOf = day(required(root, 'asOf', ROOT), field(ROOT, 'asOf'));

  const referencePath = field(ROOT, 'reference');
  const { authorityIds, criterionIds, ...reference } = readReferenceModel(
    object(required(root, 'reference', ROOT), referencePath),
    referencePath,
  );
  const jurisdictions = new Set([
    ...reference.jurisdictions.map((j) => j.code),
    ...reference.authorities.map((a) => a.jurisdiction),
  ]);

  const costsPath = field(ROOT, 'costs');
  const costs = readCosts(required(root, 'costs', ROOT), costsPath);

  const baselinePath = field(ROOT, 'baseline');
  const baselineObject = object(required(root, 'baseline', ROOT), baselinePath);
  const baselineIds = new Ids('agreement');
  const baseline = {
    agreements: optionalList(baselineObject, 'agreements', baselinePath, (item, at) =>
      readAgreement(item, at, baselineIds),
    ),
  };

  const names = new Set<string>();
  const variants = optionalList(root, 'variants', ROOT, (item, at) =>
    readVariant(item, at, baseline.agreements, names),
  );

  const populationPath = field(ROOT, 'population');
  const populationObject = object(required(root, 'population', ROOT), populationPath);
  let population: ScenarioPopulation;
  // Synthetic when it has the key `synthetic` (docs/formats.md#simulation-scenario), else explicit.
  if ('synthetic' in populationObject) {
    const synthetic = readSynthetic(
      populationObject.synthetic,
      field(populationPath, 'synthetic'),
      reference,
      jurisdictions,
    );
    population = { synthetic };
    requireSyntheticCosts(synthetic, reference, costs, costsPath);
  } else {
    const explicit = readExplicit(populationObject, populationPath, authorityIds, criterionIds);
    population = explicit;
    const byId = new Map(reference.authorities.map((a) => [a.id, a]));
    explicit.targets.forEach((target, t) =>
      target.authorities.forEach((authority, k) => {
        const code = byId.get(authority)!.jurisdiction;
        if (!(code in costs))
          fail(
            costsPath,
            `missing ${JSON.stringify(code)}, the jurisdiction of target ${JSON.stringify(authority)} (${populationPath}.targets[${t}].authorities[${k}])`,
          );
      }),
    );
  }
  return { format: SCENARIO_FORMAT, asOf, reference, costs, baseline, variants, population };
}

/**
 * Every authority a synthetic innovator can target must have its jurisdiction priced: those abroad
 * from at least one home the weights can draw (when innovators target anything at all).
 */
function requireSyntheticCosts(
  p: SyntheticPopulation,
  reference: ScenarioReference,
  costs: Record<string, ScenarioCost>,
  costsPath: string,
): void {
  if (p.targetsPerInnovator.max === 0) return;
  const homes = homeDomain(p, reference)
    .filter(([, w]) => w > 0)
    .map(([code]) => code);
  for (const authority of reference.authorities) {
    if (!homes.some((home) => home !== authority.jurisdiction)) continue;
    if (!(authority.jurisdiction in costs))
      fail(
        costsPath,
        `missing ${JSON.stringify(authority.jurisdiction)}, the jurisdiction of possible target ${JSON.stringify(authority.id)}`,
      );
  }
}

/**
 * The home jurisdictions a synthetic population draws from, with their weights, by code: the
 * `homeWeights` given, or (empty) every jurisdiction of the reference — listed or owning an
 * authority — with weight 1.
 */
export function homeDomain(p: SyntheticPopulation, reference: ScenarioReference): [string, number][] {
  if (Object.keys(p.homeWeights).length) return sortedEntries(p.homeWeights);
  const codes = new Set([
    ...reference.jurisdictions.map((j) => j.code),
    ...reference.authorities.map((a) => a.jurisdiction),
  ]);
  return [...codes].sort(compareIds).map((code) => [code, 1]);
}

// Ids order as the recognition engine orders them (UTF-16 code units, docs/domain.md#recognition).
export { compareIds };

/** A weights object's entries by key, so JSON key order never changes a draw. */
export const sortedEntries = (w: Record<string, number>): [string, number][] =>
  Object.entries(w).sort(([a], [b]) => compareIds(a, b));

/**
 * Validates a parsed JSON value as `sandbridge/scenario@1` (docs/formats.md#simulation-scenario): fills in the defaults,
 * reduces dates to UTC days, ignores unknown fields, and refuses — with a {@link ScenarioFormatError}
 * naming the JSON path of the first problem (`$.variants[0].remove[1]`) — an unknown format, a
 * missing required field, a wrong type, an unknown enum value, a dangling reference (results,
 * crosswalks, targets), a duplicate id, a variant that `add`s an id already present or
 * `replace`s/`remove`s one it cannot find, `costs` missing a target's jurisdiction, and synthetic
 * parameters out of range (negative weights or a zero sum, min > max, rates outside [0, 1],
 * innovators not in 1…{@link MAX_SYNTHETIC_INNOVATORS}).
 *
 * Required: `format`, `asOf`, `reference` (with `authorities`, `criteria`), `costs`, `baseline`,
 * `population`. Optional: `variants` ([]), a variant's `add`/`remove`/`replace` ([]), the
 * baseline's `agreements` ([]), the synthetic weights ({} = uniform over the natural domain:
 * jurisdictions of the reference, sectors named by its criteria, every risk class).
 */
export function parseScenario(value: unknown): Scenario {
  try {
    return readScenario(value);
  } catch (error) {
    if (error instanceof CaseFormatError) throw new ScenarioFormatError([{ path: error.path, message: error.problem }]);
    throw error;
  }
}

/** Parses JSON text, then reads it as {@link parseScenario} does; text that is not JSON is refused at `$`. */
export function parseScenarioJson(text: string): Scenario {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ScenarioFormatError([
      { path: ROOT, message: `not valid JSON (${error instanceof Error ? error.message : String(error)})` },
    ]);
  }
  return parseScenario(value);
}
