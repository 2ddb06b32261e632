import { Args, ID, Mutation, Query, Resolver, Subscription } from '@nestjs/graphql';
import {
  AuditService,
  EnrolmentService,
  EventAccess,
  IncidentService,
  TestReportService,
} from '@sandbridge/application';
import { type Actor, DomainError, Role } from '@sandbridge/domain';
import { GraphQLJSON } from 'graphql-scalars';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { PageArgs, toConnection } from '../graphql/connection.model.js';
import { observableIterator } from '../graphql/observable-iterator.js';
import { AuditCheckpointModel } from './audit-checkpoint.model.js';
import { AuditFilterInput } from './audit-filter.input.js';
import { AuditEntry, AuditEntryConnection, AuditVerificationModel } from './audit.model.js';
import { EnrolmentEventModel } from './enrolment-event.model.js';
import { Incident } from './incident.model.js';
import { ReportIncidentInput } from './report-incident.input.js';

@Resolver()
export class CooperationResolver {
  constructor(
    private readonly access: EventAccess,
    private readonly incidents: IncidentService,
    private readonly audit: AuditService,
    private readonly enrolments: EnrolmentService,
    private readonly reports: TestReportService,
  ) {}

  @Subscription(() => EnrolmentEventModel, {
    description:
      'Live events of one programme (graphql-ws; authenticate with connectionParams.authorization). Each event is re-checked against your access rules.',
    resolve: (event: EnrolmentEventModel) => event,
  })
  async enrolmentEvents(@CurrentActor() actor: Actor, @Args('programmeId', { type: () => ID }) programmeId: string) {
    const stream = await this.access.programmeEvents(actor, programmeId);
    if (!stream) throw DomainError.notFound('Programme', programmeId);
    return observableIterator(stream);
  }

  @Mutation(() => Incident, {
    description:
      'The innovator or a targeted authority reports an incident during testing; every participating authority is notified at once.',
  })
  async reportIncident(@CurrentActor() actor: Actor, @Args('input') input: ReportIncidentInput): Promise<Incident> {
    return Incident.from(await this.incidents.report(actor, input));
  }

  @Query(() => AuditEntryConnection, {
    description: 'Administrators: the whole trail; others: the trail of an enrolment they can see.',
  })
  async auditTrail(
    @CurrentActor() actor: Actor,
    @Args() page: PageArgs,
    @Args('filter', { type: () => AuditFilterInput, nullable: true }) filter?: AuditFilterInput,
  ): Promise<AuditEntryConnection> {
    const entries = await this.audit.list(
      actor,
      filter ?? {},
      page,
      async (id) => (await this.enrolments.findById(actor, id)) !== null,
      (id) => this.reports.hiddenFrom(actor, id),
    );
    return toConnection(entries, AuditEntry.from);
  }

  @Roles(Role.ADMIN, Role.REGULATOR)
  @Query(() => AuditCheckpointModel, {
    nullable: true,
    description:
      'Administrators and regulators: the latest signed head of the audit trail (signed after every ' +
      'append), to keep outside the platform. Null while the trail is empty.',
  })
  async auditCheckpoint(@CurrentActor() actor: Actor): Promise<AuditCheckpointModel | null> {
    return this.audit.checkpoint(actor);
  }

  @Roles(Role.ADMIN, Role.REGULATOR)
  @Query(() => AuditVerificationModel, {
    description:
      'Administrators and regulators: recomputes the chain and reports the first broken link. With `checkpoint` (an auditCheckpoint kept ' +
      'earlier) it also reports entries deleted from the end or rewritten up to it; without one, the ' +
      'platform’s own latest checkpoint is used.',
  })
  async verifyAuditTrail(
    @CurrentActor() actor: Actor,
    @Args('checkpoint', {
      type: () => GraphQLJSON,
      nullable: true,
      description:
        'A checkpoint returned by auditCheckpoint, unchanged. One whose signature does not verify is refused (BAD_USER_INPUT).',
    })
    checkpoint?: Record<string, unknown> | null,
  ): Promise<AuditVerificationModel> {
    return this.audit.verify(actor, checkpoint);
  }
}
