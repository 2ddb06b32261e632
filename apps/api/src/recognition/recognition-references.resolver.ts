import { Criterion } from '../catalogue/criterion.model.js';
import { ReferenceResolver } from '../graphql/reference.resolver.js';
import { Authority } from '../reference/authority.model.js';
import { PassportEntry } from './recognition-passport.model.js';
import { CriterionRecognition } from './recognition-status.model.js';

// The fields of the recognition types that resolve a stored id to the object it names.

export const PassportEntryReferencesResolver = ReferenceResolver(PassportEntry, {
  authority: { type: () => Authority, loader: 'authority', id: (e) => e.authorityId },
});

export const CriterionRecognitionReferencesResolver = ReferenceResolver(CriterionRecognition, {
  criterion: { type: () => Criterion, loader: 'criterion', id: (r) => r.criterionId },
});
