import fc from 'fast-check';
import { Category, Comparator, CriterionKind, Relation, RiskClass, Stage } from '../criteria/criteria.js';
import { AgreementKind, AgreementStatus, RECOGNITION_CASE_FORMAT, RecognitionMode, RuleEffect } from './recognition.js';

// fast-check generators of raw `sandbridge/recognition-case@1` documents, as a person or another
// program may write them (docs/formats.md#recognition-case): every valid spelling of a default
// (left out, null or written), days as timestamps with offsets, metric fields on kinds that do not
// read them, unknown fields, any string as an id, any finite number (-0 included). Every document
// generated is valid; the round-trip properties read it and check the reader's own output.

export type Raw = Record<string, unknown>;
export type Gen = fc.GeneratorValue;

const pick = <T>(g: Gen, values: readonly T[]): T => g(() => fc.constantFrom(...values));
const coin = (g: Gen): boolean => g(fc.boolean);
const enumValues = <E extends string>(e: Record<string, E>): E[] => Object.values(e);

/** Any non-empty string, often short ASCII so that references collide with ids. */
const idArb = fc.oneof(
  { arbitrary: fc.string({ minLength: 1, maxLength: 4 }), weight: 3 },
  { arbitrary: fc.string({ minLength: 1, maxLength: 8, unit: 'binary' }), weight: 1 },
  { arbitrary: fc.constantFrom('a', 'B', 'é', '𝟘', 'a b', ' ', 'constructor', 'toString'), weight: 1 },
);
/** Strings that also serve as object keys (a scenario's costs and weights): `__proto__` would set a prototype. */
export const keyArb = idArb.filter((id) => id !== '__proto__');

export const ids = (g: Gen, min: number, max: number, arb = idArb): string[] =>
  g(() => fc.uniqueArray(arb, { minLength: min, maxLength: max }));
export const anyNumber = (g: Gen): number => g(fc.double, { noNaN: true, noDefaultInfinity: true });
const strings = (g: Gen, max = 3): string[] => g(() => fc.array(idArb, { maxLength: max }));
const someOf = <T>(g: Gen, values: readonly T[]): T[] => g(() => fc.subarray([...values]));

/** Sets `o[key]`, writing a default value in one of its valid spellings: left out, null, or the default itself. */
export function put(g: Gen, o: Raw, key: string, value: unknown, isDefault: boolean): void {
  if (!isDefault) {
    o[key] = value;
    return;
  }
  const spelling = pick(g, ['absent', 'null', 'value'] as const);
  if (spelling === 'null') o[key] = null;
  if (spelling === 'value') o[key] = value;
}
const putList = (g: Gen, o: Raw, key: string, value: unknown[]) => put(g, o, key, value, value.length === 0);

/** Now and then a field the format does not define (readers ignore it). */
function extra(g: Gen, o: Raw): Raw {
  if (g(fc.integer, { min: 0, max: 5 }) === 0) o[`x-${pick(g, ['note', 'thresholdHigh', 'id2'])}`] = pick(g, [1, 'x']);
  return o;
}

/** A day as written: `YYYY-MM-DD`, or a timestamp with an offset that falls on that UTC day. */
export function rawDay(g: Gen): string {
  const time =
    Date.UTC(g(fc.integer, { min: 1900, max: 2200 }), 0, 1) + g(fc.integer, { min: 0, max: 364 }) * 86_400_000;
  const day = new Date(time).toISOString().slice(0, 10);
  if (coin(g)) return day;
  const instant = time + g(fc.integer, { min: 0, max: 86_399 }) * 1000;
  const offset = g(fc.integer, { min: -14 * 60, max: 14 * 60 });
  const local = new Date(instant + offset * 60_000).toISOString().slice(0, 19);
  if (offset === 0 && coin(g)) return `${local}Z`;
  const pad = (n: number) => String(n).padStart(2, '0');
  const sign = offset < 0 ? '-' : '+';
  return `${local}${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
}
const putDay = (g: Gen, o: Raw, key: string) => put(g, o, key, coin(g) ? null : rawDay(g), true);

export interface RawReference {
  jurisdictions: Raw[];
  authorities: Raw[];
  criteria: Raw[];
  crosswalks: Raw[];
  /** For the generators of what refers to them. */
  codes: string[];
  authorityIds: string[];
  criterionIds: string[];
}

function rawCriterion(g: Gen, id: string, authorities: string[]): Raw {
  const kind = pick(g, enumValues(CriterionKind));
  const c: Raw = {
    id,
    authority: pick(g, authorities),
    stage: pick(g, enumValues(Stage)),
    category: pick(g, enumValues(Category)),
    kind,
  };
  const key = coin(g) ? id : g(() => idArb);
  put(g, c, 'key', key, key === id);
  const version = coin(g) ? 1 : g(fc.integer, { min: 1, max: 1_000_000 });
  put(g, c, 'version', version, version === 1);
  if (kind === CriterionKind.METRIC) {
    const comparator = pick(g, enumValues(Comparator));
    c.metric = g(() => idArb);
    c.comparator = comparator;
    const [low, high] = [anyNumber(g), anyNumber(g)].sort((a, b) => a - b);
    c.threshold = comparator === Comparator.BETWEEN ? [low, coin(g) ? low : high] : low;
  } else if (coin(g)) {
    // Not read on other kinds, whatever they hold.
    Object.assign(c, { metric: null, comparator: 'NONSENSE', threshold: [3, 1] });
  }
  putList(g, c, 'sectors', strings(g));
  putList(g, c, 'riskClasses', someOf(g, enumValues(RiskClass)));
  putList(g, c, 'clauses', strings(g));
  return extra(g, c);
}

export function rawReference(g: Gen): RawReference {
  const codes = ids(g, 1, 4, keyArb);
  const authorityIds = ids(g, 1, 4);
  const authorities = authorityIds.map((id) => extra(g, { id, jurisdiction: pick(g, codes) }));
  const criterionIds = ids(g, 1, 6);
  const criteria = criterionIds.map((id) => rawCriterion(g, id, authorityIds));
  const crosswalks = g(() => fc.array(fc.constant(null), { maxLength: 4 })).map(() =>
    extra(g, { from: pick(g, criterionIds), to: pick(g, criterionIds), relation: pick(g, enumValues(Relation)) }),
  );
  // Listed jurisdictions may be fewer than the authorities' (the reader does not require them).
  const jurisdictions = someOf(g, codes).map((code) => extra(g, { code }));
  return { jurisdictions, authorities, criteria, crosswalks, codes, authorityIds, criterionIds };
}

function rawConditions(g: Gen): unknown {
  if (coin(g)) return pick(g, [undefined, null, {}]);
  const c: Raw = {};
  put(g, c, 'requireAccreditedLab', coin(g), false);
  putList(g, c, 'accreditationBodies', strings(g));
  put(g, c, 'maxResultAgeDays', coin(g) ? null : Math.abs(anyNumber(g)), true);
  putList(g, c, 'acceptedMethods', strings(g));
  const margin = coin(g) ? 0 : Math.abs(anyNumber(g));
  put(g, c, 'minMargin', margin, margin === 0);
  return c;
}

function rawRule(g: Gen, id: string, codes: string[], criterionIds: string[]): Raw {
  const effect = pick(g, enumValues(RuleEffect));
  const r: Raw = { id, origins: someOf(g, codes), recognising: someOf(g, codes), effect };
  if (effect === RuleEffect.EXCLUDE) {
    // Scope only: mode and conditions are not read.
    if (coin(g)) Object.assign(r, { mode: pick(g, [null, 'NONSENSE', RecognitionMode.EQUIVALENCE]), conditions: 7 });
  } else {
    r.mode = pick(g, enumValues(RecognitionMode));
    const conditions = rawConditions(g);
    if (conditions !== undefined) r.conditions = conditions;
  }
  putList(g, r, 'categories', someOf(g, enumValues(Category)));
  putList(g, r, 'stages', someOf(g, enumValues(Stage)));
  putList(g, r, 'sectors', strings(g));
  putList(g, r, 'riskClasses', someOf(g, enumValues(RiskClass)));
  putList(g, r, 'criteria', someOf(g, criterionIds));
  putDay(g, r, 'effectiveFrom');
  putDay(g, r, 'effectiveTo');
  const supplementary = pick(g, ['none', 'text', 'object'] as const);
  if (supplementary === 'none') put(g, r, 'supplementary', null, true);
  if (supplementary === 'text') r.supplementary = g(fc.string);
  if (supplementary === 'object') {
    const s: Raw = { text: g(fc.string) };
    putList(g, s, 'criteria', someOf(g, criterionIds));
    r.supplementary = s;
  }
  return extra(g, r);
}

export function rawAgreement(g: Gen, id: string, codes: string[], criterionIds: string[]): Raw {
  const a: Raw = {
    id,
    status: pick(g, enumValues(AgreementStatus)),
    rules: ids(g, 0, 3).map((rule) => rawRule(g, rule, codes, criterionIds)),
  };
  put(g, a, 'kind', coin(g) ? null : pick(g, enumValues(AgreementKind)), true);
  putList(g, a, 'parties', someOf(g, codes));
  putDay(g, a, 'effectiveFrom');
  putDay(g, a, 'effectiveTo');
  return extra(g, a);
}

export function rawSystem(g: Gen, id: string): Raw {
  const s: Raw = { id };
  put(g, s, 'sector', coin(g) ? null : g(() => idArb), true);
  put(g, s, 'riskClass', coin(g) ? null : pick(g, enumValues(RiskClass)), true);
  return extra(g, s);
}

export function rawResult(g: Gen, id: string, systems: string[], reference: RawReference): Raw {
  const r: Raw = {
    id,
    system: pick(g, systems),
    criterion: pick(g, reference.criterionIds),
    testedIn: coin(g) ? pick(g, reference.codes) : g(() => idArb),
    testedAt: rawDay(g),
  };
  put(g, r, 'value', coin(g) ? null : anyNumber(g), true);
  const passed = coin(g);
  put(g, r, 'passed', passed, !passed);
  put(g, r, 'method', coin(g) ? null : g(() => idArb), true);
  if (coin(g)) {
    const lab: Raw = {};
    const accredited = coin(g);
    put(g, lab, 'accredited', accredited, !accredited);
    put(g, lab, 'accreditationBody', coin(g) ? null : g(() => idArb), true);
    r.lab = lab;
  } else {
    put(g, r, 'lab', null, true);
  }
  return extra(g, r);
}

/** A whole raw recognition case. */
export function rawCase(g: Gen): Raw {
  const reference = rawReference(g);
  const { codes, authorityIds, criterionIds, ...model } = reference;
  const systemIds = ids(g, 1, 3);
  const doc: Raw = {
    format: RECOGNITION_CASE_FORMAT,
    asOf: rawDay(g),
    authorities: model.authorities,
    criteria: model.criteria,
    systems: systemIds.map((id) => rawSystem(g, id)),
    results: ids(g, 0, 6).map((id) => rawResult(g, id, systemIds, reference)),
    queries: g(() => fc.array(fc.constant(null), { maxLength: 4 })).map(() => ({
      system: pick(g, systemIds),
      authority: pick(g, authorityIds),
    })),
  };
  putList(g, doc, 'jurisdictions', model.jurisdictions);
  putList(g, doc, 'crosswalks', model.crosswalks);
  putList(
    g,
    doc,
    'agreements',
    ids(g, 0, 3).map((id) => rawAgreement(g, id, codes, criterionIds)),
  );
  return extra(g, doc);
}
