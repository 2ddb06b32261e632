import { registerEnumType } from '@nestjs/graphql';
import { EnrolmentEventType } from '@sandbridge/application';
import { IncidentSeverity } from '@sandbridge/domain';

// The enums of cooperation (events and incidents), registered once; files that use one import this file.

registerEnumType(EnrolmentEventType, { name: 'EnrolmentEventType' });
registerEnumType(IncidentSeverity, { name: 'IncidentSeverity' });
