import { Field, Int, ObjectType } from '@nestjs/graphql';
import { type Deadline as DeadlineRow, DeadlineKind } from '@sandbridge/domain';
import { DateScalar } from '../graphql/scalars.js';
import './deadline.enums.js';

@ObjectType({
  description:
    'A deadline as it stands today (UTC days), computed on every read: a missed one changes no state (docs/domain.md#deadlines).',
})
export class Deadline {
  @Field(() => DeadlineKind)
  kind: DeadlineKind;

  @Field(() => DateScalar)
  due: string;

  @Field(() => Boolean, { description: 'Open and past due (today > due). Never for a met deadline or a limit.' })
  overdue: boolean;

  @Field(() => Int, { description: 'today − due in days when overdue, else 0.' })
  daysOverdue: number;

  @Field(() => DateScalar, { nullable: true, description: 'The day it was met (null while open).' })
  metOn: string | null;

  /** Resolved to the Authority it concerns (deadline-fields.resolver.ts); null for the enrolment's own. */
  authorityId: string | null;

  static from(d: DeadlineRow): Deadline {
    return Object.assign(new Deadline(), {
      kind: d.kind,
      due: d.due,
      overdue: d.overdue,
      daysOverdue: d.daysOverdue,
      metOn: d.metOn,
      authorityId: d.authorityId,
    });
  }
}

@ObjectType({ description: 'How many deadlines of one kind are overdue today.' })
export class OverdueCount {
  @Field(() => DeadlineKind)
  kind: DeadlineKind;

  @Field(() => Int)
  count: number;
}
