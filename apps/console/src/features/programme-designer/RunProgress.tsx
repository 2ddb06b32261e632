// A programme run's status and progress, live: programmeSimulationProgress answers the run's current
// state at once, then each stored chunk until it finishes; `onFinished` is told once it stops.
import { Badge, Group, Progress, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useSubscription } from 'urql';
import { ProgrammeSimulationProgressLiveDocument, type ProgrammeRunRowFragment } from '../../gql/graphql';
import { isActive, STATUS } from '../simulations/RunProgress';

export function ProgrammeRunProgress({
  run,
  onFinished,
}: {
  run: Pick<ProgrammeRunRowFragment, 'id' | 'name' | 'status' | 'progress' | 'error'>;
  onFinished?: () => void;
}) {
  const [live] = useSubscription({
    query: ProgrammeSimulationProgressLiveDocument,
    variables: { runId: run.id },
    pause: !isActive(run.status),
  });
  const event = live.data?.programmeSimulationProgress;
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
