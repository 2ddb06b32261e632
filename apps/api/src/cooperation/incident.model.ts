import { IncidentSeverity } from '@sandbridge/domain';
import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { IncidentEntity } from '@sandbridge/persistence';
import './cooperation.enums.js';

@ObjectType({ description: 'An incident during testing (severity, harm, affected jurisdictions).' })
export class Incident {
  @Field(() => ID)
  id: string;

  @Field(() => IncidentSeverity)
  severity: IncidentSeverity;

  @Field(() => String)
  description: string;

  @Field(() => String, { nullable: true })
  harm: string | null;

  @Field(() => [String])
  affectedJurisdictions: string[];

  @Field(() => ID, { nullable: true, description: 'The reporting authority; null when the innovator reported it.' })
  reportingAuthorityId: string | null;

  @Field(() => Date)
  reportedAt: Date;

  static from(e: IncidentEntity): Incident {
    return Object.assign(new Incident(), {
      id: e.id,
      severity: e.severity as IncidentSeverity,
      description: e.description,
      harm: e.harm,
      affectedJurisdictions: e.affectedJurisdictions,
      reportingAuthorityId: e.reportingAuthorityId,
      reportedAt: e.reportedAt,
    });
  }
}
