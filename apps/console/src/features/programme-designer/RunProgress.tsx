// A programme run's status and progress, live from programmeSimulationProgress (runs/RunProgress):
// the run's current state at once, then each stored chunk until it finishes; `onFinished` is told once
// it stops.
import {
  ProgrammeSimulationProgressLiveDocument,
  type ProgrammeSimulationProgressLiveSubscription,
  type ProgrammeRunRowFragment,
} from '../../gql/graphql';
import { type LiveProgress, RunProgress } from '../runs/RunProgress';

const LIVE: LiveProgress<ProgrammeSimulationProgressLiveSubscription> = {
  document: ProgrammeSimulationProgressLiveDocument,
  event: (data) => data.programmeSimulationProgress,
};

export function ProgrammeRunProgress(props: {
  run: Pick<ProgrammeRunRowFragment, 'id' | 'name' | 'status' | 'progress' | 'error'>;
  onFinished?: () => void;
}) {
  return <RunProgress {...props} live={LIVE} />;
}
