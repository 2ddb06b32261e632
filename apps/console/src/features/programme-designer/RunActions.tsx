// Cancel a queued or running programme run; rerun a finished one (the rerun opens on its own page):
// runs/RunActions with the programme simulation mutations.
import {
  CancelProgrammeSimulationDocument,
  type CancelProgrammeSimulationMutation,
  type ProgrammeRunRowFragment,
  RerunProgrammeSimulationDocument,
  type RerunProgrammeSimulationMutation,
} from '../../gql/graphql';
import { RunActions, type RunMutations } from '../runs/RunActions';
import { useDesignsBase } from './base';

const MUTATIONS: RunMutations<CancelProgrammeSimulationMutation, RerunProgrammeSimulationMutation> = {
  cancel: CancelProgrammeSimulationDocument,
  rerun: RerunProgrammeSimulationDocument,
  rerunId: (data) => data.rerunProgrammeSimulation.id,
};

export function ProgrammeRunActions(props: {
  run: Pick<ProgrammeRunRowFragment, 'id' | 'name' | 'status'>;
  onChanged?: () => void;
}) {
  const base = useDesignsBase();
  return <RunActions {...props} mutations={MUTATIONS} base={base} />;
}
