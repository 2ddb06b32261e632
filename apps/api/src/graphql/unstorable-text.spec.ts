import { describe, expect, it } from '@jest/globals';
import {
  GraphQLBoolean,
  GraphQLID,
  GraphQLInputObjectType,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLString,
} from 'graphql';
import { DateResolver, GraphQLJSON } from 'graphql-scalars';
import {
  DEPTH_MESSAGE,
  MAX_JSON_DEPTH,
  NUL_MESSAGE,
  SURROGATE_MESSAGE,
  tooDeep,
  unstorableText,
} from './unstorable-text.js';

const NUL = 'a\u0000b';
const HIGH = 'a\uD800b';
const LOW = 'a\uDC00b';

const Lab = new GraphQLInputObjectType({
  name: 'Lab',
  fields: { name: { type: new GraphQLNonNull(GraphQLString) }, accredited: { type: GraphQLBoolean } },
});
const Input = new GraphQLInputObjectType({
  name: 'Input',
  fields: {
    name: { type: GraphQLString },
    id: { type: GraphQLID },
    count: { type: GraphQLInt },
    day: { type: DateResolver },
    lab: { type: Lab },
    labs: { type: new GraphQLList(new GraphQLNonNull(Lab)) },
    tags: { type: new GraphQLList(GraphQLString) },
    scenario: { type: GraphQLJSON },
  },
});

describe('unstorableText', () => {
  it('accepts ordinary text, valid surrogate pairs (emoji) and non-text values', () => {
    expect(
      unstorableText(
        {
          name: 'Zürich 🤖 — ok',
          id: '42',
          count: 3,
          day: new Date(),
          lab: { name: 'Lab', accredited: true },
          tags: ['x'],
          scenario: { a: ['🤖', 1, null, { b: true }] },
        },
        'input',
        Input,
      ),
    ).toEqual([]);
    expect(unstorableText(null, 'input', Input)).toEqual([]);
    expect(unstorableText('plain', 'email')).toEqual([]);
  });

  it('names a NUL in a plain string argument by the argument', () => {
    expect(unstorableText(NUL, 'email')).toEqual([{ path: 'email', message: NUL_MESSAGE }]);
  });

  it('finds lone high and low surrogates, but not a pair', () => {
    expect(unstorableText(HIGH, 'code')).toEqual([{ path: 'code', message: SURROGATE_MESSAGE }]);
    expect(unstorableText(LOW, 'code')).toEqual([{ path: 'code', message: SURROGATE_MESSAGE }]);
    expect(unstorableText('\uDC00\uD800', 'code')).toEqual([{ path: 'code', message: SURROGATE_MESSAGE }]); // reversed pair
    expect(unstorableText('x\uD83E', 'code')).toEqual([{ path: 'code', message: SURROGATE_MESSAGE }]); // cut at the end
    expect(unstorableText('\uD83E\uDD16', 'code')).toEqual([]);
  });

  it('uses dotted paths through GraphQL input objects and lists, and reports every problem', () => {
    const value = {
      name: NUL,
      id: LOW,
      lab: { name: NUL, accredited: false },
      labs: [{ name: 'ok' }, { name: HIGH }],
      tags: ['ok', NUL],
    };
    expect(unstorableText(value, 'input', Input)).toEqual([
      { path: 'input.name', message: NUL_MESSAGE },
      { path: 'input.id', message: SURROGATE_MESSAGE },
      { path: 'input.lab.name', message: NUL_MESSAGE },
      { path: 'input.labs.1.name', message: SURROGATE_MESSAGE },
      { path: 'input.tags.1', message: NUL_MESSAGE },
    ]);
  });

  it('uses JSON paths inside a JSON scalar, values and keys alike', () => {
    const scenario = {
      variants: [{ name: 'ok' }, { name: NUL, remove: ['x', HIGH] }],
      costs: { [NUL]: 1, GB: { note: LOW } },
    };
    expect(unstorableText({ scenario }, 'input', Input)).toEqual([
      { path: 'input.scenario.variants[1].name', message: NUL_MESSAGE },
      { path: 'input.scenario.variants[1].remove[1]', message: SURROGATE_MESSAGE },
      { path: 'input.scenario.costs', message: `has a key "a\\u0000b" that ${NUL_MESSAGE}` },
      { path: 'input.scenario.costs.GB.note', message: SURROGATE_MESSAGE },
    ]);
    // A JSON scalar may be a bare string too.
    expect(unstorableText({ scenario: NUL }, 'input', Input)).toEqual([
      { path: 'input.scenario', message: NUL_MESSAGE },
    ]);
  });

  it('walks values of unknown type (an ArgsType, a list argument) as GraphQL input', () => {
    expect(unstorableText({ first: 5, after: NUL }, '')).toEqual([{ path: 'after', message: NUL_MESSAGE }]);
    expect(unstorableText(['a', NUL], 'ids')).toEqual([{ path: 'ids.1', message: NUL_MESSAGE }]);
    expect(unstorableText({ nested: { [HIGH]: 'v' } }, 'filter')).toEqual([
      { path: 'filter.nested', message: `has a key "a\\ud800b" that ${SURROGATE_MESSAGE}` },
    ]);
  });

  // A JSON value 10,000 levels deep overflowed the stack of this walk (RangeError, an
  // INTERNAL_SERVER_ERROR); it is refused at the JSON value's path once deeper than the bound.
  it('refuses a JSON value nested deeper than MAX_JSON_DEPTH at its own path, without overflowing', () => {
    const nest = (depth: number, leaf: unknown = 1) => {
      let value: unknown = leaf;
      for (let i = 0; i < depth; i += 1) value = i % 2 ? [value] : { a: value };
      return value;
    };
    expect(unstorableText({ scenario: nest(MAX_JSON_DEPTH) }, 'input', Input)).toEqual([]);
    const deep = unstorableText({ scenario: nest(MAX_JSON_DEPTH + 1), name: NUL }, 'input', Input);
    expect(deep).toEqual([
      { path: 'input.scenario', message: DEPTH_MESSAGE },
      { path: 'input.name', message: NUL_MESSAGE },
    ]);
    expect(tooDeep(deep)).toBe(true);
    expect(unstorableText({ scenario: nest(10_000) }, 'input', Input)).toEqual([
      { path: 'input.scenario', message: DEPTH_MESSAGE },
    ]);
    // Without a type, every level is GraphQL input: the same bound, at the level that exceeds it.
    const untyped = unstorableText(nest(10_000, 'x'), 'input');
    expect(untyped).toHaveLength(1);
    expect(untyped[0].message).toBe(DEPTH_MESSAGE);
  });
});
