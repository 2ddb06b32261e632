import { Injectable } from '@nestjs/common';
import { type Actor, DomainError, EnrolmentState, type FieldProblem, IncidentSeverity, Role } from '@sandbridge/domain';
import {
  type IncidentEntity,
  IncidentRepository,
  JurisdictionRepository,
  TransactionalConnection,
} from '@sandbridge/persistence';
import { EnrolmentService } from '../enrolments/enrolment.service.js';
import { AuditService } from './audit.service.js';
import { EventBus } from './event-bus.js';
import { EnrolmentEventType } from './events.js';

export interface ReportIncidentCommand {
  enrolmentId: string;
  severity: IncidentSeverity;
  description: string;
  harm?: string | null;
  affectedJurisdictions: string[];
}

/** States in which the system is being tested (an incident can happen and be reported). */
const IN_TESTING = [EnrolmentState.TESTING, EnrolmentState.EXIT_REVIEW, EnrolmentState.SUSPENDED];

/** Incidents during testing, shared with every participating authority through the event stream at once. */
@Injectable()
export class IncidentService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly incidents: IncidentRepository,
    private readonly jurisdictions: JurisdictionRepository,
    private readonly enrolments: EnrolmentService,
    private readonly audit: AuditService,
    private readonly events: EventBus,
  ) {}

  /** For DataLoader: incidents of each enrolment (the enrolment's visibility is the caller's check). */
  async ofEnrolments(enrolmentIds: readonly string[]): Promise<IncidentEntity[][]> {
    const all = await this.incidents.ofEnrolments(enrolmentIds);
    return enrolmentIds.map((id) => all.filter((i) => i.enrolmentId === id));
  }

  /** The enrolling innovator or a regulator of a targeted authority reports; the enrolment must be in testing. */
  report(actor: Actor, command: ReportIncidentCommand): Promise<IncidentEntity> {
    return this.connection.withTransaction(async () => {
      const { enrolment, tracks } = await this.enrolments.load(actor, command.enrolmentId);
      const isInnovator = actor.role === Role.INNOVATOR && actor.organisationId === enrolment.organisationId;
      const isTargeted = actor.role === Role.REGULATOR && tracks.some((t) => t.authorityId === actor.authorityId);
      if (!isInnovator && !isTargeted)
        throw DomainError.forbidden(
          'Only the enrolling organisation or a targeted authority reports incidents on this enrolment',
        );
      if (!IN_TESTING.includes(enrolment.state)) {
        throw DomainError.invalidTransition(
          `Incidents are reported during testing; the enrolment is ${enrolment.state}`,
        );
      }
      const codes = [...new Set(command.affectedJurisdictions)];
      const known = new Set((await this.jurisdictions.findByCodes(codes)).map((j) => j.code));
      const problems: FieldProblem[] = codes
        .filter((c) => !known.has(c))
        .map((c) => ({
          path: `input.affectedJurisdictions.${command.affectedJurisdictions.indexOf(c)}`,
          message: `is not a known jurisdiction (${c})`,
        }));
      if (problems.length) throw DomainError.badInput(problems);
      const incident = await this.incidents.insert({
        enrolmentId: enrolment.id,
        programmeId: enrolment.programmeId,
        reportedBy: actor.accountId,
        reportingAuthorityId: isTargeted ? actor.authorityId : null,
        severity: command.severity,
        description: command.description,
        harm: command.harm ?? null,
        affectedJurisdictions: codes.sort(),
      });
      await this.audit.append(actor, {
        action: 'REPORT_INCIDENT',
        entityType: 'INCIDENT',
        entityId: incident.id,
        enrolmentId: enrolment.id,
        programmeId: enrolment.programmeId,
        data: {
          severity: incident.severity,
          affectedJurisdictions: incident.affectedJurisdictions,
          reportingAuthorityId: incident.reportingAuthorityId,
        },
      });
      this.events.publish({
        type: EnrolmentEventType.INCIDENT_REPORTED,
        programmeId: enrolment.programmeId,
        enrolmentId: enrolment.id,
        organisationId: enrolment.organisationId,
        actorAccountId: actor.accountId,
        authorityId: incident.reportingAuthorityId,
        incidentId: incident.id,
        summary: `${incident.severity} incident: ${incident.description.slice(0, 120)}`,
      });
      return incident;
    });
  }
}
