import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { type DynamicModule, Inject, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { GraphQLModule, type GraphQLWsSubscriptionsConfig } from '@nestjs/graphql';
import {
  ApplicationModule,
  AuthService,
  DemoSeeder,
  ReferenceDataSeeder,
  SimulationRunner,
} from '@sandbridge/application';
import { APP_CONFIG, type AppConfig, CommonModule } from '@sandbridge/common';
import { PersistenceModule } from '@sandbridge/persistence';
import { AuthGuard } from './auth/auth.guard.js';
import { formatError, GraphQLErrorFilter } from './graphql/errors.js';
import { type ContextSource, GraphQLContextFactory } from './graphql/graphql-context.js';
import { SubscriptionSessions } from './auth/subscription-sessions.js';
import { costLimitPlugin, graphqlWsLimits, queryLimitRules } from './graphql/query-limits.js';
import { DateTimeScalar } from './graphql/scalars.js';
import { InputValidationPipe } from './graphql/validation.pipe.js';
import { HealthController } from './health/health.controller.js';
import { SigningKeysController } from './signing/signing-keys.controller.js';
import { CooperationResolver, EnrolmentIncidentsResolver } from './cooperation/cooperation.resolver.js';
import { AccountResolver } from './identity/account.resolver.js';
import { AuthorityResolver } from './reference/authority.resolver.js';
import { JurisdictionResolver } from './reference/jurisdiction.resolver.js';
import { OrganisationResolver } from './reference/organisation.resolver.js';
import { CriterionResolver } from './catalogue/criterion.resolver.js';
import { CrosswalkResolver } from './catalogue/crosswalk.resolver.js';
import { StandardResolver } from './catalogue/standard.resolver.js';
import {
  ProgrammeParticipantResolver,
  ProgrammeResolver,
  StageCriterionResolver,
} from './programmes/programme.resolver.js';
import { AiSystemResolver } from './systems/ai-system.resolver.js';
import { AgreementResolver } from './agreements/agreement.resolver.js';
import { SimulationResolver } from './simulations/simulation.resolver.js';
import {
  CriterionRecognitionResolver,
  PassportEntryResolver,
  RecognitionResolver,
} from './recognition/recognition.resolver.js';
import {
  CriterionCountResolver,
  CriterionEvaluationResolver,
  EnrolmentResolver,
  EnrolmentTrackResolver,
  EntryResultResolver,
  FunnelAuthorityResolver,
  TestReportResolver,
  TestResultResolver,
} from './enrolments/enrolment.resolver.js';

/** Wires the context factory's dependencies so GraphQLModule can use it. */
@Module({
  imports: [ApplicationModule],
  providers: [GraphQLContextFactory, SubscriptionSessions],
  exports: [GraphQLContextFactory, ApplicationModule],
})
class ApiCoreModule {}

@Module({})
export class AppModule implements OnApplicationBootstrap {
  constructor(
    private readonly auth: AuthService,
    private readonly referenceData: ReferenceDataSeeder,
    private readonly demo: DemoSeeder,
    private readonly simulations: SimulationRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** `config` comes from the environment in production; tests pass their own. */
  static forRoot(config?: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CommonModule.forRoot(config),
        PersistenceModule,
        ApiCoreModule,
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [ApiCoreModule],
          inject: [APP_CONFIG, GraphQLContextFactory],
          useFactory: (appConfig: AppConfig, contexts: GraphQLContextFactory) => ({
            autoSchemaFile: true,
            sortSchema: true,
            // DateTime inputs keep to the days PostgreSQL stores (the Date scalar does the same).
            buildSchemaOptions: { scalarsMap: [{ type: Date, scalar: DateTimeScalar }] },
            graphiql: appConfig.graphql.graphiql,
            introspection: appConfig.graphql.introspection,
            includeStacktraceInErrorResponses: false,
            formatError,
            // Every operation is bounded before it runs (QUERY_TOO_COMPLEX): tokens while parsing,
            // depth, aliases and directives while validating, the estimated cost once variables are known.
            parseOptions: { maxTokens: appConfig.graphql.limits.tokens },
            validationRules: queryLimitRules(appConfig.graphql.limits),
            plugins: [costLimitPlugin(appConfig.graphql.limits.cost)],
            // HTTP: the Authorization header; graphql-ws: connectionParams.authorization (same rules).
            context: (source: ContextSource) => contexts.create(source),
            // graphql-ws takes `parse` and `validate` (Nest passes its options through; its type names fewer).
            subscriptions: { 'graphql-ws': graphqlWsLimits(appConfig.graphql.limits) as GraphQLWsSubscriptionsConfig },
          }),
        }),
      ],
      controllers: [HealthController, SigningKeysController],
      providers: [
        AccountResolver,
        AgreementResolver,
        SimulationResolver,
        RecognitionResolver,
        CriterionRecognitionResolver,
        PassportEntryResolver,
        JurisdictionResolver,
        AuthorityResolver,
        OrganisationResolver,
        StandardResolver,
        CriterionResolver,
        CrosswalkResolver,
        AiSystemResolver,
        ProgrammeResolver,
        ProgrammeParticipantResolver,
        StageCriterionResolver,
        EnrolmentResolver,
        EnrolmentTrackResolver,
        CriterionEvaluationResolver,
        TestReportResolver,
        FunnelAuthorityResolver,
        CriterionCountResolver,
        EntryResultResolver,
        TestResultResolver,
        CooperationResolver,
        EnrolmentIncidentsResolver,
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_PIPE, useClass: InputValidationPipe },
        { provide: APP_FILTER, useClass: GraphQLErrorFilter },
      ],
    };
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.referenceData.ensure();
    await this.auth.ensureAdmin();
    // A new user's `npm start` (embedded database, not production) has something to show.
    if (this.config.seedDemo) await this.demo.seedIfEmpty();
    // Runs a stopped API left unfinished continue here (DESIGN.md §5): the API only, not the CLI.
    await this.simulations.resumeUnfinished();
  }
}
