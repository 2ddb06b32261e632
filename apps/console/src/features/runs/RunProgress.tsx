// A simulation run's status and progress, live, for both kinds of run (a population simulation, a
// programme design): the feature's progress subscription answers the run's current state at once, then
// each change until it finishes. `onFinished` is told once the run stops (to reload its result).
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { Badge, Group, Progress, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useSubscription } from 'urql';
import type { SimulationStatus } from '../../gql/graphql';

export const STATUS: Record<SimulationStatus, { label: string; color: string }> = {
  QUEUED: { label: 'Queued', color: 'gray' },
  RUNNING: { label: 'Running', color: 'blue' },
  COMPLETED: { label: 'Done', color: 'green' },
  FAILED: { label: 'Failed', color: 'red' },
  CANCELLED: { label: 'Cancelled', color: 'orange' },
};

export const isActive = (status: SimulationStatus) => status === 'QUEUED' || status === 'RUNNING';

type RunState = {
  status: SimulationStatus;
  progress: { done: number; total: number; fraction: number };
  error: string | null;
};

/** The feature's progress subscription and where its answer holds the run's state. */
export type LiveProgress<Data> = {
  document: TypedDocumentNode<Data, { runId: string }>;
  event: (data: Data) => RunState;
};

export function RunProgress<Data>({
  run,
  live: feed,
  onFinished,
}: {
  run: RunState & { id: string; name: string };
  live: LiveProgress<Data>;
  onFinished?: () => void;
}) {
  const [live] = useSubscription({
    query: feed.document,
    variables: { runId: run.id },
    pause: !isActive(run.status),
  });
  const event = live.data && feed.event(live.data);
  const status = event?.status ?? run.status;
  const progress = event?.progress ?? run.progress;
  const error = event?.error ?? run.error;
  const told = useRef(false);
  useEffect(() => {
    if (event && !isActive(event.status) && !told.current) {
      told.current = true;
      onFinished?.();
    }
  }, [event, onFinished]);

  const percent = Math.round(progress.fraction * 100);
  return (
    <Group gap="sm" wrap="nowrap" data-run-status={status}>
      <Badge variant="light" color={STATUS[status].color}>
        {STATUS[status].label}
      </Badge>
      <Progress.Root size="lg" w={140}>
        <Progress.Section
          value={percent}
          color={STATUS[status].color}
          aria-label={`Progress of ${run.name}`}
          aria-valuetext={`${progress.done} of ${progress.total} chunks (${percent} %)`}
        />
      </Progress.Root>
      <Text size="xs" c="dimmed">
        {progress.done}/{progress.total}
      </Text>
      {error && (
        <Text size="xs" c="red">
          {error}
        </Text>
      )}
    </Group>
  );
}
