import { AccountEntity } from './account.entity.js';
import { AuthorityEntity } from './authority.entity.js';
import { JurisdictionEntity } from './jurisdiction.entity.js';
import { OrganisationEntity } from './organisation.entity.js';

export { AccountEntity, AuthorityEntity, JurisdictionEntity, OrganisationEntity };

/** Every entity, listed explicitly (no globs: they break under ESM and bundling). */
export const ENTITIES = [JurisdictionEntity, AuthorityEntity, OrganisationEntity, AccountEntity];
