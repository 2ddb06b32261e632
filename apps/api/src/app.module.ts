import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
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
import { RESOLVERS } from './resolvers.js';

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
            // GraphiQL is bundled with the app (apps/console, served by web-console.ts); Nest's loads from a CDN.
            graphiql: false,
            introspection: appConfig.graphql.introspection,
            includeStacktraceInErrorResponses: false,
            formatError,
            // Every operation is bounded before it runs (QUERY_TOO_COMPLEX): tokens while parsing,
            // depth, aliases and directives while validating, the estimated cost once variables are known.
            parseOptions: { maxTokens: appConfig.graphql.limits.tokens },
            validationRules: queryLimitRules(appConfig.graphql.limits),
            // No type or field sets cache hints, so Apollo's cache-control plugin (on by default) only
            // wrapped every field's resolver to compute a policy nobody reads; without it no plugin
            // hooks willResolveField and Apollo leaves the resolvers unwrapped.
            plugins: [costLimitPlugin(appConfig.graphql.limits.cost), ApolloServerPluginCacheControlDisabled()],
            // HTTP: the Authorization header; graphql-ws: connectionParams.authorization (same rules).
            context: (source: ContextSource) => contexts.create(source),
            // graphql-ws takes `parse` and `validate` (Nest passes its options through; its type names fewer).
            subscriptions: { 'graphql-ws': graphqlWsLimits(appConfig.graphql.limits) as GraphQLWsSubscriptionsConfig },
          }),
        }),
      ],
      controllers: [HealthController, SigningKeysController],
      providers: [
        ...RESOLVERS,
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
    // Runs a stopped API left unfinished continue here (docs/domain.md#simulation): the API only, not the CLI.
    await this.simulations.resumeUnfinished();
  }
}
