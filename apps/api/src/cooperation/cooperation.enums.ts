import { registerEnumType } from '@nestjs/graphql';
import { EnrolmentEventType, IncidentSeverity } from '@sandbridge/application';

// The enums of cooperation (events and incidents), registered once; files that use one import this file.

registerEnumType(EnrolmentEventType, { name: 'EnrolmentEventType' });
registerEnumType(IncidentSeverity, { name: 'IncidentSeverity' });
