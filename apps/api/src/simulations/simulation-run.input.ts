import { SimulationStatus } from '@sandbridge/domain';
import { Field, ID, InputType } from '@nestjs/graphql';
import './simulation.enums.js';
import { IdOf } from '../graphql/validation.js';

@InputType()
export class SimulationRunIdInput {
  @Field(() => ID)
  @IdOf('simulation run')
  id: string;
}

@InputType()
export class SimulationRunFilterInput {
  @Field(() => SimulationStatus, { nullable: true })
  status?: SimulationStatus | null;
}
