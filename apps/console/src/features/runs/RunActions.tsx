// Cancel a queued or running simulation run; rerun a finished one (the rerun opens on its own page) —
// for both kinds of run, each with its own cancel and rerun mutations.
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { describeError } from '../../api/errors';
import type { SimulationStatus } from '../../gql/graphql';
import { isActive } from './RunProgress';

type RunMutation<Data> = TypedDocumentNode<Data, { input: { id: string } }>;

/** The feature's cancel and rerun mutations, and where the rerun's answer holds the new run's id. */
export type RunMutations<Cancelled, Rerun> = {
  cancel: RunMutation<Cancelled>;
  rerun: RunMutation<Rerun>;
  rerunId: (data: Rerun) => string;
};

export function RunActions<Cancelled, Rerun>({
  run,
  mutations,
  base,
  onChanged,
}: {
  run: { id: string; name: string; status: SimulationStatus };
  mutations: RunMutations<Cancelled, Rerun>;
  /** The runs' page: the rerun opens on `${base}/<id>`. */
  base: string;
  onChanged?: () => void;
}) {
  const navigate = useNavigate();
  const [cancelling, cancel] = useMutation(mutations.cancel);
  const [rerunning, rerun] = useMutation(mutations.rerun);
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
        else if (answer.data) void navigate(`${base}/${mutations.rerunId(answer.data)}`);
      }}
    >
      Rerun
    </Button>
  );
}
