import { ReferenceResolver } from '../graphql/reference.resolver.js';
import { Authority } from '../reference/authority.model.js';
import { Criterion } from './criterion.model.js';

// The fields of the catalogue's types that resolve a stored id to the object it names.

export const CriterionReferencesResolver = ReferenceResolver(Criterion, {
  authority: {
    type: () => Authority,
    loader: 'authority',
    id: (c) => c.authorityId,
    description: 'The authority that owns the criterion.',
  },
});
