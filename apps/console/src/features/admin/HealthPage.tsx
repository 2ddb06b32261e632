// Platform health (administrator): the database, Redis, the simulation workers and queues, and the
// API process (platformHealth), each with its status in words and a badge; refreshed every few
// seconds, with the time of the last check shown, so a page left open stays true.
import { Badge, Card, Center, Group, Loader, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useQuery } from 'urql';
import { AdminPlatformHealthDocument, type HealthStatus } from '../../gql/graphql';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { PageHeader } from '../../ui/PageHeader';

/** To the second: the page changes every few seconds. */
const CHECKED_AT = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' });

/** How often the page asks again, in ms. */
export const REFRESH_MS = 5_000;

const STATUS: Record<HealthStatus, { label: string; color: string }> = {
  OK: { label: 'OK', color: 'green' },
  DEGRADED: { label: 'Degraded', color: 'yellow' },
  DOWN: { label: 'Down', color: 'red' },
};

function StatusBadge({ status }: { status: HealthStatus }) {
  // The word carries the meaning; the colour only repeats it.
  return (
    <Badge color={STATUS[status].color} variant="light" size="lg">
      {STATUS[status].label}
    </Badge>
  );
}

const count = (n: number | null | undefined) => (n === null || n === undefined ? 'Unknown' : n.toLocaleString('en-GB'));
const ms = (n: number | null | undefined) => (n === null || n === undefined ? '—' : `${n.toLocaleString('en-GB')} ms`);
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toLocaleString('en-GB', { maximumFractionDigits: 0 })} MiB`;

function duration(seconds: number): string {
  const d = Math.floor(seconds / 86_400);
  const h = Math.floor((seconds % 86_400) / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return [d && `${d} d`, (d || h) && `${h} h`, (d || h || m) && `${m} min`, `${s} s`].filter(Boolean).join(' ');
}

function Part({
  id,
  title,
  status,
  problem,
  rows,
}: {
  id: string;
  title: string;
  status: HealthStatus;
  problem: string | null | undefined;
  rows: [string, string][];
}) {
  return (
    <Card withBorder component="section" aria-labelledby={`${id}-heading`}>
      <Group justify="space-between" mb="xs">
        <Text component="h2" fw={600} id={`${id}-heading`}>
          {title}
        </Text>
        <StatusBadge status={status} />
      </Group>
      {problem && (
        <Text size="sm" c={status === 'DOWN' ? 'red.8' : 'yellow.9'} mb="xs">
          {problem}
        </Text>
      )}
      <Table variant="vertical" withRowBorders={false} verticalSpacing={4}>
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th w="55%" fw={400} c="dimmed">
                {label}
              </Table.Th>
              <Table.Td>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

export function Component() {
  const [result, refetch] = useQuery({ query: AdminPlatformHealthDocument, requestPolicy: 'network-only' });
  const [, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => {
      refetch({ requestPolicy: 'network-only' });
      setTick((t) => t + 1);
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [refetch]);
  const health = result.data?.platformHealth;

  return (
    <>
      <PageHeader
        title="Platform health"
        description={`The database, Redis, the simulation workers and this API process, checked every ${REFRESH_MS / 1000} seconds.`}
      />
      <Stack>
        <ErrorNotice error={result.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
        {!health && result.fetching ? (
          <Center py="md">
            <Loader aria-label="Checking the platform" />
          </Center>
        ) : health ? (
          <>
            <Group justify="space-between" role="status" aria-live="polite" aria-atomic>
              <Group gap="xs">
                <Text fw={600}>Overall:</Text>
                <StatusBadge status={health.status} />
              </Group>
              <Text size="sm" c="dimmed" data-testid="last-checked">
                Last checked {CHECKED_AT.format(new Date(health.checkedAt))} UTC
              </Text>
            </Group>
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <Part
                id="database"
                title="Database"
                status={health.database.status}
                problem={health.database.problem}
                rows={[
                  ['Answers', health.database.up ? 'Yes' : 'No'],
                  [
                    'Kind',
                    health.database.kind === 'EMBEDDED' ? 'Embedded (PGlite, in the API process)' : 'PostgreSQL',
                  ],
                  ['Round trip', ms(health.database.roundTripMs)],
                  ['Migrations applied', count(health.database.migrationsApplied)],
                  ['Migrations pending', count(health.database.migrationsPending)],
                ]}
              />
              <Part
                id="redis"
                title="Redis"
                status={health.redis.status}
                problem={health.redis.problem}
                rows={[
                  [
                    'State',
                    health.redis.state === 'NOT_CONFIGURED'
                      ? 'Not configured (REDIS_URL unset): everything runs in the API process'
                      : health.redis.state === 'UP'
                        ? 'Up'
                        : 'Down',
                  ],
                  ['Round trip', ms(health.redis.roundTripMs)],
                ]}
              />
              <Part
                id="workers"
                title="Simulation workers and queues"
                status={health.workers.status}
                problem={health.workers.problem}
                rows={[
                  ['Runs executing in this API process', count(health.workers.runsInThisProcess)],
                  ['Runs queued', count(health.workers.runsQueued)],
                  ['Runs running', count(health.workers.runsRunning)],
                  ['Chunks not stored yet', count(health.workers.chunksRemaining)],
                  ...(health.redis.state === 'NOT_CONFIGURED'
                    ? []
                    : ([
                        ['Worker processes connected', count(health.workers.queueWorkers)],
                        ['Chunks waiting', count(health.workers.chunksWaiting)],
                        ['Chunks running', count(health.workers.chunksRunning)],
                        ['Chunks stalled', count(health.workers.chunksStalled)],
                      ] as [string, string][])),
                ]}
              />
              <Part
                id="process"
                title="API process"
                status={health.process.status}
                problem={null}
                rows={[
                  ['Version', health.process.version],
                  ['Node.js', health.process.nodeVersion],
                  ['Up for', duration(health.process.uptimeSeconds)],
                  ['Resident memory', mib(health.process.rssBytes)],
                  ['Heap in use', mib(health.process.heapUsedBytes)],
                ]}
              />
            </SimpleGrid>
          </>
        ) : null}
      </Stack>
    </>
  );
}
