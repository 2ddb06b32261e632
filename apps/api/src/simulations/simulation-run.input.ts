import { Field, ID, InputType } from '@nestjs/graphql';
import { SimulationStatus } from '@sandbridge/application';
import { IsUUID } from 'class-validator';
import './simulation.enums.js';

@InputType()
export class SimulationRunIdInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'must be a simulation run id' })
  id: string;
}

@InputType()
export class SimulationRunFilterInput {
  @Field(() => SimulationStatus, { nullable: true })
  status?: SimulationStatus | null;
}
