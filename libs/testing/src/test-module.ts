import { ApplicationModule, AuthorityService, ReferenceDataSeeder } from '@sandbridge/application';
import { CommonModule } from '@sandbridge/common';
import { type AppConfig } from '@sandbridge/config';
import { type Actor, Role } from '@sandbridge/domain';
import { PersistenceModule } from '@sandbridge/persistence';
import { Test, type TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { testConfig } from './test-config.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

/** The actor builders act as: an administrator with no account behind it. */
export const BUILDER: Actor = {
  accountId: 'test-builder',
  role: Role.ADMIN,
  authorityId: null,
  organisationId: null,
  jurisdictionCode: null,
};

/**
 * The medium tier's fixture: the services and repositories (ApplicationModule over PersistenceModule)
 * in a Nest testing module on the file's own database — the embedded one, or a fresh PostgreSQL
 * database when DATABASE_URL is set — with the reference data loaded. No HTTP, no GraphQL: specs call
 * a repository or a service as the layer above does, and read the rows it wrote.
 */
export class TestModule {
  private constructor(
    readonly module: TestingModule,
    readonly config: AppConfig,
    private readonly database: TestDatabase,
  ) {}

  /** `overrides` replace the module's own providers, e.g. `{ provide: Clock, useValue: fixedClock }`. */
  static async create(
    options: { env?: Record<string, string>; overrides?: { provide: unknown; useValue: unknown }[] } = {},
  ): Promise<TestModule> {
    const database = await createTestDatabase();
    const config = testConfig(database, options.env);
    let module: TestingModule | undefined;
    try {
      let builder = Test.createTestingModule({
        imports: [CommonModule.forRoot(config), PersistenceModule, ApplicationModule],
      });
      for (const { provide, useValue } of options.overrides ?? [])
        builder = builder.overrideProvider(provide).useValue(useValue);
      module = await builder.compile();
      await module.init();
      await module.get(ReferenceDataSeeder).ensure();
      return new TestModule(module, config, database);
    } catch (error) {
      await module?.close();
      await database.drop();
      throw error;
    }
  }

  get<T>(type: abstract new (...args: any[]) => T): T {
    return this.module.get(type);
  }

  get dataSource(): DataSource {
    return this.module.get(DataSource);
  }

  /** Rows of a plain SQL query, to check what a repository wrote without going through it. */
  query<T = Record<string, any>>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.dataSource.query(sql, params);
  }

  /** Reference authority by acronym and jurisdiction. */
  async authorityId(jurisdictionCode: string, acronym: string): Promise<string> {
    const page = await this.get(AuthorityService).list({ jurisdictionCode }, { first: 100 });
    const found = page.items.find((a) => a.acronym === acronym);
    if (!found) throw new Error(`No reference authority ${acronym} in ${jurisdictionCode}`);
    return found.id;
  }

  /** Closes the module (the DataSource with it), then drops the database. */
  async close(): Promise<void> {
    try {
      await this.module.close();
    } finally {
      await this.database.drop();
    }
  }
}
