import { registerEnumType } from '@nestjs/graphql';
import { PlanAction, PlanDecision, SandboxPlanStatus } from '@sandbridge/domain';

// The enums of sandbox plans, registered once; files that use one import this file.
registerEnumType(SandboxPlanStatus, {
  name: 'SandboxPlanStatus',
  description: 'Where one version of a sandbox plan stands (docs/domain.md#sandbox-plans).',
  valuesMap: {
    DRAFT: {
      description: 'Written, not yet proposed (kept by the client: the API records versions from their proposal).',
    },
    PROPOSED: { description: 'Awaiting the approval of every admitting, unsuspended authority.' },
    CHANGES_REQUESTED: {
      description: 'An authority asked for changes (see its approval’s reasons); a new version follows.',
    },
    AGREED: {
      description: 'Approved by every admitting, unsuspended authority: in force until a later version is agreed.',
    },
    SUPERSEDED: { description: 'A later version was agreed, or (never agreed) a later proposal replaced it.' },
  },
});
registerEnumType(PlanDecision, { name: 'PlanDecision', description: 'An authority’s decision on a proposed version.' });
registerEnumType(PlanAction, { name: 'PlanAction', description: 'What can be done to an enrolment’s sandbox plan.' });
