import { Injectable } from '@nestjs/common';
import { AuthorityService, AuthService, JurisdictionService, OrganisationService } from '@sandbridge/application';
import { type Actor, DomainError } from '@sandbridge/domain';
import { Loaders } from './loaders.js';

/** What every resolver sees: the caller (or why there is none) and this request's loaders. */
export interface GraphQLContext {
  actor: Actor | null;
  authError: DomainError | null;
  loaders: Loaders;
  req?: unknown;
}

/** Builds the context once per operation: the token is verified once, not per field. */
@Injectable()
export class GraphQLContextFactory {
  constructor(
    private readonly auth: AuthService,
    private readonly jurisdictions: JurisdictionService,
    private readonly authorities: AuthorityService,
    private readonly organisations: OrganisationService,
  ) {}

  async create(authorization: unknown): Promise<GraphQLContext> {
    const loaders = new Loaders({ jurisdictions: this.jurisdictions, authorities: this.authorities, organisations: this.organisations });
    if (authorization === undefined || authorization === null || authorization === '') return { actor: null, authError: null, loaders };
    const match = typeof authorization === 'string' ? /^Bearer\s+(\S+)$/i.exec(authorization.trim()) : null;
    if (!match) {
      return { actor: null, authError: DomainError.unauthenticated('The authorization header must be "Bearer <token>"'), loaders };
    }
    try {
      return { actor: await this.auth.actorFromToken(match[1]), authError: null, loaders };
    } catch (error) {
      if (error instanceof DomainError) return { actor: null, authError: error, loaders };
      throw error;
    }
  }
}
