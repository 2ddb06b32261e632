import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import { DomainError, type Role } from '@sandbridge/domain';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { PUBLIC_KEY, ROLES_KEY } from './auth.decorators.js';

/**
 * Global guard: every GraphQL operation needs a valid token unless marked @Public(), and the
 * caller's role must be among @Roles() when given. HTTP routes (health) are public by design.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType<GqlContextType>() !== 'graphql') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const { actor, authError } = GqlExecutionContext.create(context).getContext<GraphQLContext>();
    if (!actor) throw authError ?? DomainError.unauthenticated();
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(actor.role)) {
      throw DomainError.forbidden(`This needs the role ${roles.join(' or ')}; you are ${actor.role}`);
    }
    return true;
  }
}
