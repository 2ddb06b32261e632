/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "mutation ConsoleSignIn($email: String!, $password: String!) {\n  login(email: $email, password: $password) {\n    token\n    expiresAt\n    account {\n      id\n      email\n      displayName\n      role\n      authority {\n        acronym\n        name\n      }\n      organisation {\n        name\n      }\n      jurisdiction {\n        code\n        name\n      }\n    }\n  }\n}\n\nquery DemoAccounts {\n  demoAccounts {\n    email\n    displayName\n    role\n    actsFor\n    password\n  }\n}\n\nmutation SignOutEverywhere {\n  revokeSessions {\n    id\n  }\n}": typeof types.ConsoleSignInDocument,
    "fragment SystemRow on AiSystem {\n  id\n  name\n  sector\n  riskClass\n  intendedPurpose\n}\n\nquery MySystems($first: Int, $after: String) {\n  aiSystems(first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        ...SystemRow\n      }\n    }\n  }\n}\n\nmutation RegisterSystem($input: RegisterAiSystemInput!) {\n  registerAiSystem(input: $input) {\n    ...SystemRow\n  }\n}\n\nmutation UpdateSystem($input: UpdateAiSystemInput!) {\n  updateAiSystem(input: $input) {\n    ...SystemRow\n  }\n}": typeof types.SystemRowFragmentDoc,
};
const documents: Documents = {
    "mutation ConsoleSignIn($email: String!, $password: String!) {\n  login(email: $email, password: $password) {\n    token\n    expiresAt\n    account {\n      id\n      email\n      displayName\n      role\n      authority {\n        acronym\n        name\n      }\n      organisation {\n        name\n      }\n      jurisdiction {\n        code\n        name\n      }\n    }\n  }\n}\n\nquery DemoAccounts {\n  demoAccounts {\n    email\n    displayName\n    role\n    actsFor\n    password\n  }\n}\n\nmutation SignOutEverywhere {\n  revokeSessions {\n    id\n  }\n}": types.ConsoleSignInDocument,
    "fragment SystemRow on AiSystem {\n  id\n  name\n  sector\n  riskClass\n  intendedPurpose\n}\n\nquery MySystems($first: Int, $after: String) {\n  aiSystems(first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        ...SystemRow\n      }\n    }\n  }\n}\n\nmutation RegisterSystem($input: RegisterAiSystemInput!) {\n  registerAiSystem(input: $input) {\n    ...SystemRow\n  }\n}\n\nmutation UpdateSystem($input: UpdateAiSystemInput!) {\n  updateAiSystem(input: $input) {\n    ...SystemRow\n  }\n}": types.SystemRowFragmentDoc,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ConsoleSignIn($email: String!, $password: String!) {\n  login(email: $email, password: $password) {\n    token\n    expiresAt\n    account {\n      id\n      email\n      displayName\n      role\n      authority {\n        acronym\n        name\n      }\n      organisation {\n        name\n      }\n      jurisdiction {\n        code\n        name\n      }\n    }\n  }\n}\n\nquery DemoAccounts {\n  demoAccounts {\n    email\n    displayName\n    role\n    actsFor\n    password\n  }\n}\n\nmutation SignOutEverywhere {\n  revokeSessions {\n    id\n  }\n}"): (typeof documents)["mutation ConsoleSignIn($email: String!, $password: String!) {\n  login(email: $email, password: $password) {\n    token\n    expiresAt\n    account {\n      id\n      email\n      displayName\n      role\n      authority {\n        acronym\n        name\n      }\n      organisation {\n        name\n      }\n      jurisdiction {\n        code\n        name\n      }\n    }\n  }\n}\n\nquery DemoAccounts {\n  demoAccounts {\n    email\n    displayName\n    role\n    actsFor\n    password\n  }\n}\n\nmutation SignOutEverywhere {\n  revokeSessions {\n    id\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment SystemRow on AiSystem {\n  id\n  name\n  sector\n  riskClass\n  intendedPurpose\n}\n\nquery MySystems($first: Int, $after: String) {\n  aiSystems(first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        ...SystemRow\n      }\n    }\n  }\n}\n\nmutation RegisterSystem($input: RegisterAiSystemInput!) {\n  registerAiSystem(input: $input) {\n    ...SystemRow\n  }\n}\n\nmutation UpdateSystem($input: UpdateAiSystemInput!) {\n  updateAiSystem(input: $input) {\n    ...SystemRow\n  }\n}"): (typeof documents)["fragment SystemRow on AiSystem {\n  id\n  name\n  sector\n  riskClass\n  intendedPurpose\n}\n\nquery MySystems($first: Int, $after: String) {\n  aiSystems(first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        ...SystemRow\n      }\n    }\n  }\n}\n\nmutation RegisterSystem($input: RegisterAiSystemInput!) {\n  registerAiSystem(input: $input) {\n    ...SystemRow\n  }\n}\n\nmutation UpdateSystem($input: UpdateAiSystemInput!) {\n  updateAiSystem(input: $input) {\n    ...SystemRow\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;