import { AuthorityService, JurisdictionService, OrganisationService } from '@sandbridge/application';
import type { AuthorityEntity, JurisdictionEntity, OrganisationEntity } from '@sandbridge/persistence';
import DataLoader from 'dataloader';

/** The services loaders batch through; one instance per request (never shared between users). */
export interface LoaderServices {
  jurisdictions: JurisdictionService;
  authorities: AuthorityService;
  organisations: OrganisationService;
}

/** Per-request DataLoaders: a list field costs one query per level, not one per item. */
export class Loaders {
  readonly jurisdiction: DataLoader<string, JurisdictionEntity | null>;
  readonly authority: DataLoader<string, AuthorityEntity | null>;
  readonly authoritiesOfJurisdiction: DataLoader<string, AuthorityEntity[]>;
  readonly organisation: DataLoader<string, OrganisationEntity | null>;

  constructor(services: LoaderServices) {
    this.jurisdiction = new DataLoader((codes) => services.jurisdictions.findByCodes(codes));
    this.authority = new DataLoader((ids) => services.authorities.findByIds(ids));
    this.authoritiesOfJurisdiction = new DataLoader((codes) => services.authorities.findByJurisdictionCodes(codes));
    this.organisation = new DataLoader((ids) => services.organisations.findByIds(ids));
  }
}
