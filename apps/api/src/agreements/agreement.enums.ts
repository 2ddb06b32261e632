import { registerEnumType } from '@nestjs/graphql';
import { AgreementAction, AgreementKind, AgreementStatus, RecognitionMode, RuleEffect } from '@sandbridge/domain';

// The enums of recognition agreements, registered once; files that use one import this file.

registerEnumType(AgreementKind, { name: 'AgreementKind' });
registerEnumType(AgreementStatus, {
  name: 'AgreementStatus',
  description: 'DRAFT → PROPOSED → IN_FORCE (every party approved) ↔ SUSPENDED → TERMINATED.',
});
registerEnumType(RecognitionMode, {
  name: 'RecognitionMode',
  description:
    'CONFORMITY: tested against the target’s requirements; EQUIVALENCE: the origin’s criterion is deemed equivalent.',
});
registerEnumType(RuleEffect, { name: 'RuleEffect' });
registerEnumType(AgreementAction, {
  name: 'AgreementAction',
  description: 'PROPOSE, APPROVE, SUSPEND, RESUME, TERMINATE: one mutation each.',
});
