import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@sandbridge/common';
import { AccountRepository } from '@sandbridge/persistence';
import { REFERENCE_JURISDICTIONS } from '../reference/reference-data.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-data.js';
import type { DemoAccount } from './demo-data.types.js';

/** A demo account as the web console's sign-in page lists it. */
export interface DemoAccountListing {
  email: string;
  displayName: string;
  role: DemoAccount['role'];
  /** Whom the account acts for, in words: "Financial Conduct Authority (GB)", an organisation, "EU". */
  actsFor: string;
  /** The demo password (the same for every demo account, published in the README). */
  password: string;
}

/**
 * The demo accounts a person may sign in with (the console's sign-in page lists them): outside
 * production only, and only those present in this database and not disabled — wherever the demo data
 * came from (SEED_DEMO at start, or `npm run seed`). In production: none, whatever the database holds.
 */
@Injectable()
export class DemoAccountDirectory {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly accounts: AccountRepository,
  ) {}

  async list(): Promise<DemoAccountListing[]> {
    if (this.config.env === 'production') return [];
    const present = new Set(
      (await this.accounts.findByEmails(DEMO_ACCOUNTS.map((account) => account.email)))
        .filter((account) => account.disabledAt === null)
        .map((account) => account.email),
    );
    return DEMO_ACCOUNTS.filter((account) => present.has(account.email.toLowerCase())).map((account) => ({
      email: account.email,
      displayName: account.displayName,
      role: account.role,
      actsFor: actsFor(account),
      password: DEMO_PASSWORD,
    }));
  }
}

function actsFor(account: DemoAccount): string {
  if (account.authority) {
    const { jurisdiction, acronym } = account.authority;
    const name = REFERENCE_JURISDICTIONS.find((j) => j.code === jurisdiction)?.authorities.find(
      (a) => a.acronym === acronym,
    )?.name;
    return `${name ?? acronym} (${jurisdiction})`;
  }
  if (account.organisation) return account.organisation;
  if (account.jurisdiction)
    return REFERENCE_JURISDICTIONS.find((j) => j.code === account.jurisdiction)?.name ?? account.jurisdiction;
  return 'the platform';
}
