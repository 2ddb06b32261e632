import { ReferenceResolver } from '../graphql/reference.resolver.js';
import { Organisation } from '../reference/organisation.model.js';
import { AiSystem } from './ai-system.model.js';

// The fields of an AI system that resolve a stored id to the object it names.

export const AiSystemReferencesResolver = ReferenceResolver(AiSystem, {
  organisation: { type: () => Organisation, loader: 'organisation', id: (s) => s.organisationId },
});
