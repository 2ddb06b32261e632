import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { SESSION_CHECK_COMMENT } from '@sandbridge/persistence';
import { AccountService, AuthorityService, OrganisationService } from '@sandbridge/application';
import type { AppConfig } from '@sandbridge/config';
import { type Actor, Role } from '@sandbridge/domain';
import { print } from 'graphql';
import request from 'supertest';
import { DataSource, type Logger as TypeOrmLogger } from 'typeorm';
import { createApiApp } from '../../../apps/api/src/bootstrap.js';
import { SignInDocument } from './generated/graphql.js';
import { ADMIN, TEST_PASSWORD, testConfig } from './test-config.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';
import type { TypedDocumentNode, UncheckedVariables } from './typed-documents.js';

export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  data?: T | null;
  errors?: {
    message: string;
    path?: string[];
    extensions?: { code?: string; errors?: { path: string; message: string }[]; [k: string]: unknown };
  }[];
}

/**
 * Counts SQL statements sent by TypeORM (for N+1 tests). The token's session check is left out: it
 * is one read or none per request, depending on the session cache, not on the operation.
 */
export class QueryCounter implements TypeOrmLogger {
  readonly queries: string[] = [];
  /** The session checks left out of `queries`. */
  readonly sessionChecks: string[] = [];
  logQuery(query: string): void {
    if (query.startsWith(`/* ${SESSION_CHECK_COMMENT} */`)) this.sessionChecks.push(query);
    else this.queries.push(query);
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
  reset(): void {
    this.queries.length = 0;
    this.sessionChecks.length = 0;
  }
}

/**
 * The API on its own database (one per test file), with helpers to call it over HTTP as a client
 * would, and builders that create data through the services.
 */
export class TestApp {
  private constructor(
    readonly app: NestFastifyApplication,
    readonly config: AppConfig,
    private readonly database: TestDatabase,
  ) {}

  static async create(env: Record<string, string> = {}): Promise<TestApp> {
    return TestApp.start(await createTestDatabase(), env);
  }

  /**
   * The API on a database the caller made (e.g. an embedded one beside DATABASE_URL); closing the
   * application drops that database.
   */
  static async onDatabase(database: TestDatabase, env: Record<string, string> = {}): Promise<TestApp> {
    return TestApp.start(database, env);
  }

  /**
   * Another API instance on `first`'s database (e.g. two instances sharing one Redis): the same test
   * defaults with `env` on top. Real PostgreSQL only — the embedded database belongs to one process.
   * The database stays `first`'s: closing this instance leaves it, closing `first` drops it, so close
   * this one first.
   */
  static async createSecondInstance(first: TestApp, env: Record<string, string> = {}): Promise<TestApp> {
    const { url, dataDir } = first.database;
    if (!url)
      throw new Error(
        'A second API instance needs a real PostgreSQL (DATABASE_URL): the embedded database belongs to one process',
      );
    return TestApp.start({ url, dataDir, drop: async () => {} }, env);
  }

  /**
   * The API restarted on this instance's database, as after a redeploy or a crash: closes this
   * application (its shutdown hooks run) but keeps the database, then starts a new application on
   * it, which owns the database from then on (close the new one; this one is spent). Works on the
   * embedded database too: it is closed before it is opened again.
   */
  async reopen(env: Record<string, string> = {}): Promise<TestApp> {
    await this.app.close();
    return TestApp.start(this.database, env);
  }

  private static async start(database: TestDatabase, env: Record<string, string>): Promise<TestApp> {
    const config = testConfig(database, env);
    try {
      const app = await createApiApp(config, { logger: ['fatal'] });
      return new TestApp(app, config, database);
    } catch (error) {
      await database.drop();
      throw error;
    }
  }

  get dataSource(): DataSource {
    return this.app.get(DataSource);
  }

  get<T>(type: abstract new (...args: any[]) => T): T {
    return this.app.get(type);
  }

  /**
   * POSTs one GraphQL operation to /graphql, as a client would. Given a typed document (generated
   * from libs/testing/src/graphql/*.graphql by `npm run codegen`), the variables are checked against
   * the operation's and the data comes back typed; wrap variables the schema refuses on purpose in
   * `unchecked(…)`. A string is sent as it is (for operations the schema rejects, or one-offs).
   */
  async gql<TData, TVariables>(
    document: TypedDocumentNode<TData, TVariables>,
    variables?: TVariables | UncheckedVariables,
    token?: string,
  ): Promise<GraphQLResponse<TData>>;
  async gql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): Promise<GraphQLResponse<T>>;
  async gql(
    query: string | TypedDocumentNode<unknown, unknown>,
    variables?: unknown,
    token?: string,
  ): Promise<GraphQLResponse<unknown>> {
    const call = request(this.app.getHttpServer()).post('/graphql').set('content-type', 'application/json');
    if (token) call.set('authorization', `Bearer ${token}`);
    const response = await call.send({ query: typeof query === 'string' ? query : print(query), variables });
    return { status: response.status, data: response.body.data, errors: response.body.errors };
  }

  http() {
    return request(this.app.getHttpServer());
  }

  async login(email: string, password: string = TEST_PASSWORD): Promise<string> {
    const response = await this.gql(SignInDocument, { email, password });
    if (!response.data?.login) throw new Error(`login failed for ${email}: ${JSON.stringify(response.errors)}`);
    return response.data.login.token;
  }

  adminToken(): Promise<string> {
    return this.login(ADMIN.email, ADMIN.password);
  }

  /** The system actor used by builders (an administrator). */
  private get adminActor(): Actor {
    return {
      accountId: 'test-builder',
      role: Role.ADMIN,
      authorityId: null,
      organisationId: null,
      jurisdictionCode: null,
    };
  }

  /** Reference authority by acronym and jurisdiction (loaded at start). */
  async authorityId(jurisdictionCode: string, acronym: string): Promise<string> {
    const page = await this.get(AuthorityService).list({ jurisdictionCode }, { first: 100 });
    const found = page.items.find((a) => a.acronym === acronym);
    if (!found) throw new Error(`No reference authority ${acronym} in ${jurisdictionCode}`);
    return found.id;
  }

  async createOrganisation(name: string, homeJurisdictionCode = 'GB'): Promise<string> {
    return (await this.get(OrganisationService).create(this.adminActor, { name, homeJurisdictionCode })).id;
  }

  /** Creates an account of `role` bound to `tenant` and returns its token. */
  async accountWithToken(
    email: string,
    role: Role,
    tenant: { authorityId?: string; organisationId?: string; jurisdictionCode?: string } = {},
  ): Promise<{ id: string; token: string }> {
    const account = await this.get(AccountService).create(this.adminActor, {
      email,
      displayName: email.split('@')[0],
      password: TEST_PASSWORD,
      role,
      ...tenant,
    });
    return { id: account.id, token: await this.login(email) };
  }

  /** Installs a counting logger on the DataSource; returns it. */
  countQueries(): QueryCounter {
    const counter = new QueryCounter();
    (this.dataSource as unknown as { logger: TypeOrmLogger }).logger = counter;
    return counter;
  }

  async count(table: string): Promise<number> {
    const [row] = await this.dataSource.query(`SELECT count(*)::int AS n FROM "${table}"`);
    return row.n;
  }

  async close(): Promise<void> {
    try {
      await this.app.close();
    } finally {
      await this.database.drop();
    }
  }
}
