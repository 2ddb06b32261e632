import { Criterion } from '../catalogue/criterion.model.js';
import { ReferenceResolver } from '../graphql/reference.resolver.js';
import { Authority } from '../reference/authority.model.js';
import { ProgrammeParticipant } from './programme-participant.model.js';
import { Programme } from './programme.model.js';
import { StageCriterion } from './stage-criterion.model.js';

// The fields of the programme area's types that resolve a stored id to the object it names.

export const ProgrammeReferencesResolver = ReferenceResolver(Programme, {
  leadAuthority: { type: () => Authority, loader: 'authority', id: (p) => p.leadAuthorityId },
});

export const ProgrammeParticipantReferencesResolver = ReferenceResolver(ProgrammeParticipant, {
  authority: { type: () => Authority, loader: 'authority', id: (p) => p.authorityId },
});

export const StageCriterionReferencesResolver = ReferenceResolver(StageCriterion, {
  // Attached criteria are ACTIVE or RETIRED, so every caller may see them.
  criterion: { type: () => Criterion, loader: 'criterion', id: (s) => s.criterionId },
  authority: { type: () => Authority, loader: 'authority', id: (s) => s.authorityId },
});
