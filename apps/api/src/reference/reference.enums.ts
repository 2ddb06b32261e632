import { registerEnumType } from '@nestjs/graphql';
import { RegulatoryApproach } from '@sandbridge/domain';

// The enums of reference data, registered once; files that use one import this file.

registerEnumType(RegulatoryApproach, {
  name: 'RegulatoryApproach',
  description: 'How a jurisdiction regulates AI (docs/domain.md#reference-data).',
});
