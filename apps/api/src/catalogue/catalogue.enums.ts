import { registerEnumType } from '@nestjs/graphql';
import { Category, Comparator, CriterionKind, CriterionStatus, Relation, RiskClass, Stage } from '@sandbridge/domain';

// The enums of criteria and crosswalks, registered once; files that use one import this file.

registerEnumType(Stage, { name: 'Stage' });
registerEnumType(Category, { name: 'Category' });
registerEnumType(CriterionKind, {
  name: 'CriterionKind',
  description: 'METRIC: measured against a threshold; EVIDENCE: a document; ATTESTATION: a yes/no statement.',
});
registerEnumType(Comparator, { name: 'Comparator' });
registerEnumType(RiskClass, { name: 'RiskClass' });
registerEnumType(CriterionStatus, { name: 'CriterionStatus' });
registerEnumType(Relation, {
  name: 'Relation',
  description:
    'OSCAL-style correspondence: EQUIVALENT and SUPERSET cover the target fully; SUBSET and INTERSECTS partly.',
});
