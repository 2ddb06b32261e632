import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Comparator, CriterionKind, RiskClass } from '../criteria/criteria.js';
import {
  anyNumber,
  type Gen,
  ids,
  keyArb,
  put,
  type Raw,
  rawAgreement,
  rawDay,
  rawReference,
  rawResult,
  rawSystem,
} from '../recognition/case-document.spec-helpers.js';
import { MAX_SYNTHETIC_INNOVATORS, parseScenario, parseScenarioJson } from './scenario-format.js';
import { serialiseScenario } from './scenario-serialise.js';
import { SCENARIO_FORMAT, type Scenario } from './scenario.js';

// The round trip of docs/formats.md#simulation-scenario: what parseScenario returns, written out, reads
// back to exactly the same scenario — as an object and through JSON text.

const EXAMPLES = resolve(process.cwd(), 'examples/simulation');
const examples = readdirSync(EXAMPLES)
  .filter((name) => name.endsWith('.scenario.json'))
  .sort();

const throughText = (s: Scenario) => parseScenarioJson(JSON.stringify(serialiseScenario(s)));

// toEqual, not toStrictEqual: it still tells -0 from 0, but toStrictEqual compares `constructor`s, and an id
// may be the string "constructor" (an own key of `costs`).
function expectRoundTrip(s: Scenario): void {
  expect(parseScenario(serialiseScenario(s))).toEqual(s);
  expect(throughText(s)).toEqual(s);
}

const rate = (g: Gen) => g(fc.double, { min: 0, max: 1, noNaN: true });
const range = (g: Gen, max: number) => {
  const [min, high] = [g(fc.integer, { min: 0, max }), g(fc.integer, { min: 0, max })].sort((a, b) => a - b);
  return { min, max: high };
};

/** A weights object over `keys`: empty (uniform), or non-negative weights with a positive sum. */
function weights(g: Gen, keys: string[]): Raw {
  const chosen = g(() => fc.subarray(keys));
  const w: Raw = Object.fromEntries(chosen.map((k) => [k, Math.abs(anyNumber(g))]));
  if (chosen.length && !Object.values(w).some((v) => (v as number) > 0)) w[chosen[0]] = 1;
  return w;
}

/** A whole raw scenario: the reference, costs for every jurisdiction, variants, an explicit or synthetic population. */
function rawScenario(g: Gen): Raw {
  const reference = rawReference(g);
  const { codes, authorityIds, criterionIds, ...model } = reference;
  const agreement = (id: string) => rawAgreement(g, id, codes, criterionIds);
  const agreementIds = ids(g, 0, 4);
  const variants = ids(
    g,
    0,
    3,
    keyArb.filter((name) => name !== 'baseline'),
  ).map((name) => {
    const remove = g(() => fc.subarray(agreementIds));
    const replace = g(() => fc.subarray(agreementIds.filter((id) => !remove.includes(id))));
    const fresh = ids(g, 0, 2).filter((id) => !agreementIds.includes(id));
    const v: Raw = { name };
    put(g, v, 'remove', remove, remove.length === 0);
    put(g, v, 'replace', replace.map(agreement), replace.length === 0);
    put(g, v, 'add', fresh.map(agreement), fresh.length === 0);
    return v;
  });
  const baseline: Raw = {};
  put(g, baseline, 'agreements', agreementIds.map(agreement), agreementIds.length === 0);
  let population: Raw;
  if (g(fc.boolean)) {
    const synthetic: Raw = {
      seed: g(fc.maxSafeInteger),
      innovators: g(fc.integer, { min: 1, max: MAX_SYNTHETIC_INNOVATORS }),
      targetsPerInnovator: range(g, Math.max(authorityIds.length, 1)),
      passRate: rate(g),
      accreditedLabRate: rate(g),
      resultAgeDays: range(g, 36_500),
    };
    // Homes are the jurisdictions the reference names: listed, or owning an authority.
    const homes = [
      ...new Set([...model.jurisdictions, ...model.authorities].map((o) => (o.code ?? o.jurisdiction) as string)),
    ];
    put(g, synthetic, 'homeWeights', weights(g, homes), true);
    put(g, synthetic, 'sectorWeights', weights(g, ids(g, 0, 3, keyArb)), true);
    put(g, synthetic, 'riskClassWeights', weights(g, Object.values(RiskClass)), true);
    population = { synthetic };
  } else {
    const systemIds = ids(g, 1, 3);
    population = {
      systems: systemIds.map((id) => rawSystem(g, id)),
      results: ids(g, 0, 5).map((id) => rawResult(g, id, systemIds, reference)),
      targets: g(() => fc.subarray(systemIds)).map((system) => ({
        system,
        authorities: g(() => fc.subarray(authorityIds)),
      })),
    };
  }
  const doc: Raw = {
    format: SCENARIO_FORMAT,
    asOf: rawDay(g),
    reference: model,
    costs: Object.fromEntries(
      codes.map((code) => [code, { testCost: Math.abs(anyNumber(g)), testDays: g(fc.integer, { min: 0, max: 999 }) }]),
    ),
    baseline,
    population,
  };
  put(g, doc, 'variants', variants, variants.length === 0);
  return doc;
}

describe('serialiseScenario', () => {
  it.each(examples)('round-trips %s', (name) => {
    expectRoundTrip(parseScenarioJson(readFileSync(join(EXAMPLES, name), 'utf8')));
  });

  it('round-trips every scenario the reader accepts: parse(serialise(s)) deep-equals s', () => {
    fc.assert(
      fc.property(fc.gen(), (g) => {
        const read = parseScenario(rawScenario(g));
        expectRoundTrip(read);
        expect(serialiseScenario(throughText(read))).toEqual(serialiseScenario(read));
      }),
      { numRuns: 200, endOnFailure: true },
    );
  });

  it('writes a BETWEEN threshold of the reference as [low, high]', () => {
    const read = parseScenarioJson(readFileSync(join(EXAMPLES, 'small.scenario.json'), 'utf8'));
    const [first] = read.reference.criteria;
    const between: Scenario = {
      ...read,
      reference: {
        ...read.reference,
        criteria: [
          {
            ...first,
            kind: CriterionKind.METRIC,
            metric: 'm',
            comparator: Comparator.BETWEEN,
            threshold: 0.1,
            thresholdHigh: 0.3,
          },
          ...read.reference.criteria.slice(1),
        ],
      },
    };
    expect(serialiseScenario(between).reference.criteria[0].threshold).toEqual([0.1, 0.3]);
    expectRoundTrip(between);
  });
});
