import { Injectable, Logger } from '@nestjs/common';
import { AuthorityRepository, JurisdictionRepository, TransactionalConnection } from '@sandbridge/persistence';
import { REFERENCE_JURISDICTIONS } from './reference-data.js';

/** Adds the reference jurisdictions and authorities that are missing; idempotent, never overwrites. */
@Injectable()
export class ReferenceDataSeeder {
  private readonly logger = new Logger(ReferenceDataSeeder.name);

  constructor(
    private readonly connection: TransactionalConnection,
    private readonly jurisdictions: JurisdictionRepository,
    private readonly authorities: AuthorityRepository,
  ) {}

  async ensure(): Promise<number> {
    return this.connection.withTransaction(async () => {
      const existingJurisdictions = new Set(
        (await this.jurisdictions.findByCodes(REFERENCE_JURISDICTIONS.map((j) => j.code))).map((j) => j.code),
      );
      const existingAuthorities = new Set(
        (await this.authorities.findByJurisdictionCodes(REFERENCE_JURISDICTIONS.map((j) => j.code))).map(
          (a) => `${a.jurisdictionCode}\u0000${a.name}`,
        ),
      );
      let added = 0;
      for (const { authorities, ...jurisdiction } of REFERENCE_JURISDICTIONS) {
        if (!existingJurisdictions.has(jurisdiction.code)) {
          await this.jurisdictions.insert(jurisdiction);
          added++;
        }
        for (const authority of authorities) {
          if (existingAuthorities.has(`${jurisdiction.code}\u0000${authority.name}`)) continue;
          await this.authorities.insert({ ...authority, jurisdictionCode: jurisdiction.code });
          added++;
        }
      }
      if (added) this.logger.log(`Loaded ${added} reference jurisdictions and authorities`);
      return added;
    });
  }
}
