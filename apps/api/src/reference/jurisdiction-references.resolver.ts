import { ReferenceResolver } from '../graphql/reference.resolver.js';
import { Authority } from './authority.model.js';
import { Jurisdiction } from './jurisdiction.model.js';
import { Organisation } from './organisation.model.js';

// The fields of the reference types that resolve a stored code to the jurisdiction it names.

export const AuthorityReferencesResolver = ReferenceResolver(Authority, {
  jurisdiction: { type: () => Jurisdiction, loader: 'jurisdiction', id: (a) => a.jurisdictionCode },
});

export const OrganisationReferencesResolver = ReferenceResolver(Organisation, {
  homeJurisdiction: { type: () => Jurisdiction, loader: 'jurisdiction', id: (o) => o.homeJurisdictionCode },
});
