import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Actor, Role } from '@sandbridge/domain';
import type { GraphQLContext } from '../graphql/graphql-context.js';

export const PUBLIC_KEY = 'sandbridge:public';
export const ROLES_KEY = 'sandbridge:roles';

/** Reachable without signing in (login, health). Everything else needs a valid token. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** Only these roles; tenant checks (which authority, organisation, jurisdiction) live in the services. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** The signed-in caller (the guard has made sure there is one). */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const actor = GqlExecutionContext.create(context).getContext<GraphQLContext>().actor;
  if (!actor) throw new Error('CurrentActor used on an operation without authentication');
  return actor;
});
