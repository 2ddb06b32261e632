import { Field, Int, ObjectType } from '@nestjs/graphql';
import { type WorkItem, WorkItemKind } from '@sandbridge/domain';
import { Connection } from '../graphql/connection.model.js';
import { DateScalar } from '../graphql/scalars.js';
import './deadline.enums.js';

@ObjectType({
  description:
    'One thing that waits for your authority, with the deadline it answers to (docs/domain.md#the-work-queue).',
})
export class WorkQueueItem {
  @Field(() => WorkItemKind)
  kind: WorkItemKind;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'The deadline it answers to (EVIDENCE_EXPIRING: the expiry day); null where the rules set none (report ' +
      'reviews, exit decisions).',
  })
  due: string | null;

  @Field(() => Boolean)
  overdue: boolean;

  @Field(() => Int, { description: 'today − due in days when overdue, else 0.' })
  daysOverdue: number;

  enrolmentId: string;
  authorityId: string;
  reportId: string | null;
  evidenceId: string | null;

  static from(w: WorkItem): WorkQueueItem {
    return Object.assign(new WorkQueueItem(), {
      kind: w.kind,
      due: w.due,
      overdue: w.overdue,
      daysOverdue: w.daysOverdue,
      enrolmentId: w.enrolmentId,
      authorityId: w.authorityId,
      reportId: w.reportId,
      evidenceId: w.evidenceId,
    });
  }
}

@ObjectType()
export class WorkQueueItemConnection extends Connection(WorkQueueItem) {}
