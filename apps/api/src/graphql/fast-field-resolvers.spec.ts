import { describe, expect, it } from '@jest/globals';
import { GqlParamtype } from '@nestjs/graphql/dist/enums/gql-paramtype.enum.js';
import {
  FIELD_RESOLVER_MIDDLEWARE_METADATA,
  PARAM_ARGS_METADATA,
  RESOLVER_PROPERTY_METADATA,
} from '@nestjs/graphql/dist/graphql.constants.js';
import { RESOLVERS } from '../resolvers.js';

/**
 * The field resolvers that take GraphQL arguments: `@Args` is what declares an argument in the
 * schema, so these keep their parameter decorators (and Nest's per-call wrapper).
 */
const TAKE_ARGUMENTS = [
  'EnrolmentTrackResolver.evaluation',
  'ProgrammeFieldsResolver.criteria',
  'ProgrammeParticipantResolver.criteria',
  'SimulationResolver.chartSvg',
];

type Method = (...args: unknown[]) => unknown;

/** Every `@ResolveField` method of every registered resolver class, as `Class.method`. */
function fieldResolvers(): { name: string; params: Record<string, unknown> | undefined; method: Method }[] {
  const found = [];
  for (const resolver of RESOLVERS as unknown as (new () => object)[]) {
    const seen = new Set<string>();
    for (let proto = resolver.prototype; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
      for (const key of Object.getOwnPropertyNames(proto)) {
        const method = (resolver.prototype as Record<string, unknown>)[key];
        if (key === 'constructor' || seen.has(key) || typeof method !== 'function') continue;
        seen.add(key);
        if (Reflect.getMetadata(RESOLVER_PROPERTY_METADATA, method) !== true) continue;
        const params = Reflect.getMetadata(PARAM_ARGS_METADATA, resolver, key) as Record<string, unknown> | undefined;
        found.push({ name: `${resolver.name}.${key}`, params, method: method as Method });
      }
    }
  }
  return found;
}

// @nestjs/graphql hands a field resolver with no parameter metadata (and no field middleware) to
// GraphQL as it is; one with parameter decorators (@Parent, @Context, @Info, @CurrentActor, ...) is
// wrapped in Nest's ExternalContextCreator — param factories and global pipes — on every call, once
// per item of every list (ResolversExplorerService.canUseFastFieldResolver). Field resolvers take
// GraphQL's own positional signature (parent, args, context, info) instead: see reference.resolver.ts.
describe('field resolvers', () => {
  const resolvers = fieldResolvers();

  it('are found (the registered resolver classes define some)', () => {
    expect(resolvers.length).toBeGreaterThan(20);
  });

  it('use no parameter decorators unless they take GraphQL arguments', () => {
    const decorated = resolvers.filter((r) => r.params && Object.keys(r.params).length > 0).map((r) => r.name);
    expect(decorated.sort()).toEqual([...TAKE_ARGUMENTS].sort());
  });

  it('that keep their decorators do declare an argument', () => {
    for (const name of TAKE_ARGUMENTS) {
      const params = resolvers.find((r) => r.name === name)?.params ?? {};
      expect([name, Object.keys(params).some((key) => key.startsWith(`${GqlParamtype.ARGS}:`))]).toEqual([name, true]);
    }
  });

  it('use no field middleware (which would also take them off the fast path)', () => {
    const withMiddleware = resolvers
      .filter(
        (r) => (Reflect.getMetadata(FIELD_RESOLVER_MIDDLEWARE_METADATA, r.method) as unknown[] | undefined)?.length,
      )
      .map((r) => r.name);
    expect(withMiddleware).toEqual([]);
  });
});
