// A run's status and progress, live: the simulationProgress subscription answers the run's current
// state at once, then each change until it finishes. `onFinished` is told once the run stops (to
// reload its result).
import { Badge, Group, Progress, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useSubscription } from 'urql';
import {
  SimulationProgressLiveDocument,
  type SimulationRunRowFragment,
  type SimulationStatus,
} from '../../gql/graphql';

export const STATUS: Record<SimulationStatus, { label: string; color: string }> = {
  QUEUED: { label: 'Queued', color: 'gray' },
  RUNNING: { label: 'Running', color: 'blue' },
  COMPLETED: { label: 'Done', color: 'green' },
  FAILED: { label: 'Failed', color: 'red' },
  CANCELLED: { label: 'Cancelled', color: 'orange' },
};

export const isActive = (status: SimulationStatus) => status === 'QUEUED' || status === 'RUNNING';

export function RunProgress({
  run,
  onFinished,
}: {
  run: Pick<SimulationRunRowFragment, 'id' | 'name' | 'status' | 'progress' | 'error'>;
  onFinished?: () => void;
}) {
  const [live] = useSubscription({
    query: SimulationProgressLiveDocument,
    variables: { runId: run.id },
    pause: !isActive(run.status),
  });
  const event = live.data?.simulationProgress;
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
