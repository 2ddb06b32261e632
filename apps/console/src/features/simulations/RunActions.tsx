// Cancel a queued or running run; rerun a finished one (the rerun opens on its own page): runs/RunActions
// with the simulation mutations.
import {
  CancelSimulationDocument,
  type CancelSimulationMutation,
  RerunSimulationDocument,
  type RerunSimulationMutation,
  type SimulationRunRowFragment,
} from '../../gql/graphql';
import { RunActions as SharedRunActions, type RunMutations } from '../runs/RunActions';

const MUTATIONS: RunMutations<CancelSimulationMutation, RerunSimulationMutation> = {
  cancel: CancelSimulationDocument,
  rerun: RerunSimulationDocument,
  rerunId: (data) => data.rerunSimulation.id,
};

export function RunActions(props: {
  run: Pick<SimulationRunRowFragment, 'id' | 'name' | 'status'>;
  onChanged?: () => void;
}) {
  return <SharedRunActions {...props} mutations={MUTATIONS} base="/negotiator/simulations" />;
}
