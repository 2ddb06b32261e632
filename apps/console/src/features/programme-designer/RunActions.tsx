// Cancel a queued or running programme run; rerun a finished one (the rerun opens on its own page).
import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { describeError } from '../../api/errors';
import {
  CancelProgrammeSimulationDocument,
  type ProgrammeRunRowFragment,
  RerunProgrammeSimulationDocument,
} from '../../gql/graphql';
import { isActive } from '../simulations/RunProgress';
import { useDesignsBase } from './base';

export function ProgrammeRunActions({
  run,
  onChanged,
}: {
  run: Pick<ProgrammeRunRowFragment, 'id' | 'name' | 'status'>;
  onChanged?: () => void;
}) {
  const navigate = useNavigate();
  const base = useDesignsBase();
  const [cancelling, cancel] = useMutation(CancelProgrammeSimulationDocument);
  const [rerunning, rerun] = useMutation(RerunProgrammeSimulationDocument);
  const failed = (title: string, error: Parameters<typeof describeError>[0]) =>
    notifications.show({ color: 'red', title, message: describeError(error).message });

  return isActive(run.status) ? (
    <Button
      variant="default"
      color="red"
      loading={cancelling.fetching}
      aria-label={`Cancel ${run.name}`}
      onClick={async () => {
        const answer = await cancel({ input: { id: run.id } });
        if (answer.error) failed('Not cancelled', answer.error);
        else onChanged?.();
      }}
    >
      Cancel
    </Button>
  ) : (
    <Button
      variant="default"
      loading={rerunning.fetching}
      aria-label={`Rerun ${run.name}`}
      onClick={async () => {
        const answer = await rerun({ input: { id: run.id } });
        if (answer.error) failed('Not rerun', answer.error);
        else if (answer.data) void navigate(`${base}/${answer.data.rerunProgrammeSimulation.id}`);
      }}
    >
      Rerun
    </Button>
  );
}
