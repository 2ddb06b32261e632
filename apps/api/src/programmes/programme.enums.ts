import { registerEnumType } from '@nestjs/graphql';
import { JointEntryRule, ProgrammeAction, ProgrammeStatus } from '@sandbridge/domain';

// The enums of programmes, registered once; files that use one import this file.

registerEnumType(JointEntryRule, {
  name: 'JointEntryRule',
  description: 'How the authorities’ entry decisions combine (docs/domain.md#programmes-and-the-enrolment-lifecycle).',
});
registerEnumType(ProgrammeStatus, { name: 'ProgrammeStatus' });
registerEnumType(ProgrammeAction, {
  name: 'ProgrammeAction',
  description: 'OPEN: DRAFT → OPEN; START: OPEN → RUNNING; CLOSE: RUNNING → CLOSED.',
});
