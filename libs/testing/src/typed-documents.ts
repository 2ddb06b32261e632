import type { TypedDocumentNode } from '@graphql-typed-document-node/core';

export type { TypedDocumentNode };

const UNCHECKED: unique symbol = Symbol('unchecked variables');

/** Variables sent as they are, whatever the operation declares: see `unchecked`. */
export type UncheckedVariables = Record<string, unknown> & { readonly [UNCHECKED]: true };

/**
 * Marks variables the schema or the validators must refuse — bad input sent on purpose — so that a
 * typed document accepts them. The mark is a symbol key, which JSON leaves out: the server sees
 * exactly `variables`.
 */
export function unchecked(variables: Record<string, unknown>): UncheckedVariables {
  return { ...variables, [UNCHECKED]: true };
}
