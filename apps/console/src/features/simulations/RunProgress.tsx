// A run's status and progress, live from the simulationProgress subscription (runs/RunProgress).
// `onFinished` is told once the run stops (to reload its result).
import {
  SimulationProgressLiveDocument,
  type SimulationProgressLiveSubscription,
  type SimulationRunRowFragment,
} from '../../gql/graphql';
import { type LiveProgress, RunProgress as LiveRunProgress } from '../runs/RunProgress';

const LIVE: LiveProgress<SimulationProgressLiveSubscription> = {
  document: SimulationProgressLiveDocument,
  event: (data) => data.simulationProgress,
};

export function RunProgress(props: {
  run: Pick<SimulationRunRowFragment, 'id' | 'name' | 'status' | 'progress' | 'error'>;
  onFinished?: () => void;
}) {
  return <LiveRunProgress {...props} live={LIVE} />;
}
