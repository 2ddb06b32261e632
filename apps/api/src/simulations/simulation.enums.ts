import { registerEnumType } from '@nestjs/graphql';
import { SimulationStatus } from '@sandbridge/application';

// The enums of simulations, registered once; files that use one import this file.

registerEnumType(SimulationStatus, {
  name: 'SimulationStatus',
  description: 'QUEUED → RUNNING → COMPLETED | FAILED; QUEUED or RUNNING → CANCELLED.',
});
