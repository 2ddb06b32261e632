import { registerEnumType } from '@nestjs/graphql';
import { DeadlineKind, WorkItemKind } from '@sandbridge/domain';

// The enums of deadlines and the work queue, registered once; files that use one import this file.
registerEnumType(DeadlineKind, {
  name: 'DeadlineKind',
  description: 'A deadline of the sandbox rules (docs/domain.md#deadlines).',
  valuesMap: {
    ENTRY_DECISION: { description: 'Per track: the entry decision, due 3 calendar months after submission.' },
    PLAN_AGREED: { description: 'The sandbox plan agreed, due 30 days after the first admission.' },
    EXTENSION_REQUEST: {
      description: 'The last day to request an extension: the agreed plan’s end day − 30 days. A limit, never overdue.',
    },
    TESTING_ENDS: { description: 'The agreed plan’s end day; overdue while the enrolment is still testing after it.' },
    EXIT_REPORT_ISSUED: { description: 'Per authority: its exit report issued, due 2 calendar months after the exit.' },
  },
});
registerEnumType(WorkItemKind, {
  name: 'WorkQueueItemKind',
  description: 'What waits for an authority in its work queue (docs/domain.md#the-work-queue).',
  valuesMap: {
    ENTRY_DECISION: { description: 'Its track of a submitted enrolment waits for its review and entry decision.' },
    PLAN_APPROVAL: { description: 'A proposed sandbox plan version waits for its approval.' },
    TEST_REPORT_REVIEW: { description: 'A test report submitted to it waits for its review.' },
    EXIT_DECISION: { description: 'Its track of an enrolment in exit review waits for its exit decision.' },
    EXIT_REPORT_ISSUE: {
      description: 'Its track ended with a final exit decision; its exit report is not issued yet.',
    },
    EVIDENCE_EXPIRING: {
      description:
        'Evidence named by a result of an enrolment testing with it expires within 30 days or before the agreed ' +
        'plan’s end day (or has expired): due on its expiry day.',
    },
  },
});
