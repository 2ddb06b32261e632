import { Injectable } from '@nestjs/common';
import {
  AgreementService,
  AiSystemService,
  AuthorityService,
  DeadlineService,
  EnrolmentService,
  EvidenceService,
  ExitDocumentService,
  IncidentService,
  TestReportService,
  TrackEvaluationService,
  AuthService,
  CriterionService,
  JurisdictionService,
  OrganisationService,
  ProgrammeService,
  SandboxPlanService,
  StandardService,
} from '@sandbridge/application';
import { type Actor, DomainError } from '@sandbridge/domain';
import { SubscriptionSessions, type SubscriptionSocket } from '../auth/subscription-sessions.js';
import { Loaders } from './loaders.js';
import { databaseLimitError } from './query-limits.js';

/** What every resolver sees: the caller (or why there is none) and this request's loaders. */
export interface GraphQLContext {
  actor: Actor | null;
  authError: DomainError | null;
  loaders: Loaders;
  /** The client's address, for the failed sign-in limits (over HTTP Fastify's `request.ip`, which follows TRUST_PROXY). */
  clientAddress: string | null;
  req?: unknown;
}

/**
 * What the context function is handed: over HTTP the Fastify request; over graphql-ws its context,
 * with the connection's parameters and, in `extra`, the socket and the upgrade request.
 */
export interface ContextSource {
  headers?: Record<string, unknown>;
  ip?: string;
  connectionParams?: Readonly<Record<string, unknown>>;
  extra?: { socket?: SubscriptionSocket; request?: { socket?: { remoteAddress?: string } } };
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
    private readonly trackEvaluations: TrackEvaluationService,
    private readonly reports: TestReportService,
    private readonly incidents: IncidentService,
    private readonly agreements: AgreementService,
    private readonly exitDocuments: ExitDocumentService,
    private readonly deadlines: DeadlineService,
    private readonly plans: SandboxPlanService,
    private readonly evidence: EvidenceService,
    private readonly subscriptionSessions: SubscriptionSessions,
  ) {}

  private loaders(actor: Actor | null): Loaders {
    const {
      jurisdictions,
      authorities,
      organisations,
      standards,
      criteria,
      programmes,
      systems,
      enrolments,
      trackEvaluations,
      reports,
      incidents,
      agreements,
      exitDocuments,
      deadlines,
      plans,
      evidence,
    } = this;
    return new Loaders(
      {
        jurisdictions,
        authorities,
        organisations,
        standards,
        criteria,
        programmes,
        systems,
        enrolments,
        trackEvaluations,
        reports,
        incidents,
        agreements,
        exitDocuments,
        deadlines,
        plans,
        evidence,
      },
      actor,
    );
  }

  async create(source: ContextSource): Promise<GraphQLContext> {
    const socket = source.extra?.socket;
    const authorization = source.extra
      ? (source.connectionParams?.authorization ?? source.connectionParams?.Authorization)
      : source.headers?.authorization;
    const clientAddress = (source.extra ? source.extra.request?.socket?.remoteAddress : source.ip) ?? null;
    const anonymous = (authError: DomainError | null): GraphQLContext => ({
      actor: null,
      authError,
      loaders: this.loaders(null),
      clientAddress,
    });
    if (authorization === undefined || authorization === null || authorization === '') return anonymous(null);
    const match = typeof authorization === 'string' ? /^Bearer\s+(\S+)$/i.exec(authorization.trim()) : null;
    if (!match) return anonymous(DomainError.unauthenticated('The authorization header must be "Bearer <token>"'));
    try {
      const session = await this.auth.authenticate(match[1]);
      // A graphql-ws connection outlives the check made here: it is closed when the token expires or the session ends.
      if (socket) this.subscriptionSessions.watch(socket, match[1], session);
      return { actor: session.actor, authError: null, loaders: this.loaders(session.actor), clientAddress };
    } catch (error) {
      if (error instanceof DomainError) return anonymous(error);
      // The session check found every connection busy (or its statement timed out): the caller is told
      // to retry (TOO_MANY_REQUESTS), as any request that waits too long for the database is.
      const limited = databaseLimitError(error);
      if (limited) return anonymous(limited);
      throw error;
    }
  }
}
