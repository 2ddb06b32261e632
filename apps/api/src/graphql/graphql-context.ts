import { Injectable } from '@nestjs/common';
import {
  AgreementService,
  AiSystemService,
  AuthorityService,
  EnrolmentService,
  IncidentService,
  TestReportService,
  AuthService,
  CriterionService,
  JurisdictionService,
  OrganisationService,
  ProgrammeService,
  StandardService,
} from '@sandbridge/application';
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
    private readonly standards: StandardService,
    private readonly criteria: CriterionService,
    private readonly programmes: ProgrammeService,
    private readonly systems: AiSystemService,
    private readonly enrolments: EnrolmentService,
    private readonly reports: TestReportService,
    private readonly incidents: IncidentService,
    private readonly agreements: AgreementService,
  ) {}

  private loaders(actor: Actor | null): Loaders {
    const { jurisdictions, authorities, organisations, standards, criteria, programmes, systems, enrolments, reports, incidents, agreements } = this;
    return new Loaders({ jurisdictions, authorities, organisations, standards, criteria, programmes, systems, enrolments, reports, incidents, agreements }, actor);
  }

  async create(authorization: unknown): Promise<GraphQLContext> {
    if (authorization === undefined || authorization === null || authorization === '') return { actor: null, authError: null, loaders: this.loaders(null) };
    const match = typeof authorization === 'string' ? /^Bearer\s+(\S+)$/i.exec(authorization.trim()) : null;
    if (!match) {
      return { actor: null, authError: DomainError.unauthenticated('The authorization header must be "Bearer <token>"'), loaders: this.loaders(null) };
    }
    try {
      const actor = await this.auth.actorFromToken(match[1]);
      return { actor, authError: null, loaders: this.loaders(actor) };
    } catch (error) {
      if (error instanceof DomainError) return { actor: null, authError: error, loaders: this.loaders(null) };
      throw error;
    }
  }
}
