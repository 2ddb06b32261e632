import { SimulationStatus } from '@sandbridge/domain';
import { registerEnumType } from '@nestjs/graphql';

// The enums of simulations, registered once; files that use one import this file.

registerEnumType(SimulationStatus, {
  name: 'SimulationStatus',
  description: 'QUEUED → RUNNING → COMPLETED | FAILED; QUEUED or RUNNING → CANCELLED.',
});
