import { type Type } from '@nestjs/common';
import { ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLContext } from './graphql-context.js';
import type { ByIdLoader, RowOf } from './loaders.js';

/** A field that resolves an id its parent holds to the model it names, through a by-id loader. */
export type Reference<P> = {
  [K in ByIdLoader]: {
    /** The model class (a thunk, so model files never need each other at load time). */
    type: () => Type<unknown> & { from(row: RowOf<K>): unknown };
    loader: K;
    id: (parent: P) => string;
    description?: string;
  };
}[ByIdLoader];

/**
 * A resolver class for the reference fields of `parent`, one line each:
 *
 *     export const StageCriterionReferencesResolver = ReferenceResolver(StageCriterion, {
 *       criterion: { type: () => Criterion, loader: 'criterion', id: (s) => s.criterionId },
 *     });
 *
 * Each field is non-null, loaded through the request's DataLoader (batched) with `loaders.one`: an id
 * that resolves to nothing is a DanglingReferenceError (INTERNAL_SERVER_ERROR), not a null or a crash
 * deep inside a model's `from`. Register the class in resolvers.ts like any other resolver.
 */
export function ReferenceResolver<P>(parent: Type<P>, fields: Record<string, Reference<P>>): Type<unknown> {
  class References {}
  for (const [name, field] of Object.entries(fields)) {
    // The union of the field's shapes does not narrow by `loader`: the declared type checked each one.
    const model = field.type as () => { from(row: unknown): unknown };
    // GraphQL's own signature (parent, args, context), no parameter decorators: with none, Nest hands
    // the method to GraphQL as it is (its fast field-resolver path) instead of wrapping it in its
    // per-call parameter factories and pipes, which ran once per item of every list. Field resolvers
    // run no guards, interceptors or filters either way (fieldResolverEnhancers is not set).
    const resolve = async (row: P, _args: unknown, ctx: GraphQLContext) =>
      model().from(await ctx.loaders.one(field.loader, field.id(row)));
    Object.defineProperty(References.prototype, name, { value: resolve, writable: true, configurable: true });
    const descriptor = Object.getOwnPropertyDescriptor(References.prototype, name)!;
    ResolveField(name, field.type, { description: field.description })(References.prototype, name, descriptor);
  }
  Object.defineProperty(References, 'name', { value: `${parent.name}ReferencesResolver` });
  Resolver(() => parent)(References);
  return References;
}
