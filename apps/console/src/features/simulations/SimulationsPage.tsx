// Negotiator: the jurisdiction's simulation runs (/negotiator/simulations) — each with its live
// progress, cancel and rerun; start a run from a sandbridge/scenario@1 file (uploaded or pasted;
// the API's BAD_USER_INPUT problems listed with their JSON path) or build one (New scenario,
// ScenarioBuilderPage); pick up to 10 runs and compare their totals side by side.
import { Button, Center, Checkbox, Group, Loader, Stack, Text } from '@mantine/core';
import { IconPlayerPlay, IconTools } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { SimulationRunsDocument } from '../../gql/graphql';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { PageHeader } from '../../ui/PageHeader';
import { RunsTable } from '../runs/RunsTable';
import { CompareRuns, MAX_COMPARED } from './CompareRuns';
import { RunActions } from './RunActions';
import { RunProgress } from './RunProgress';
import { StartSimulationDialog } from './StartSimulationDialog';

const CONTEXT = { additionalTypenames: ['SimulationRun'] };

export function Component() {
  const [{ data, fetching, error }, reload] = useQuery({
    query: SimulationRunsDocument,
    variables: { first: 100 },
    context: CONTEXT,
  });
  const refresh = useCallback(() => reload({ requestPolicy: 'network-only' }), [reload]);
  const [starting, setStarting] = useState(false);
  const [picked, setPicked] = useState<string[]>([]);
  const [compared, setCompared] = useState<string[]>([]);
  // Newest first (the API lists oldest first).
  const runs = [...(data?.simulationRuns.edges.map((e) => e.node) ?? [])].reverse();

  const toggle = (id: string, on: boolean) =>
    setPicked((ids) => (on ? [...ids, id].slice(0, MAX_COMPARED) : ids.filter((x) => x !== id)));

  return (
    <>
      <PageHeader
        title="Simulations"
        description="What draft agreements would change before they are signed: run a scenario, watch it, read its result as pictures, compare runs."
        actions={
          <>
            <Button component={Link} to="new" variant="default" leftSection={<IconTools size={16} />}>
              New scenario
            </Button>
            <Button leftSection={<IconPlayerPlay size={16} />} onClick={() => setStarting(true)}>
              Start a simulation
            </Button>
          </>
        }
      />
      <StartSimulationDialog opened={starting} onClose={() => setStarting(false)} />
      <ErrorNotice error={error} onRetry={refresh} />
      {fetching && !data ? (
        <Center py="xl">
          <Loader aria-label="Loading the simulations" />
        </Center>
      ) : (
        <Stack>
          {runs.length === 0 ? (
            <Text>No simulation yet: start one from a scenario file.</Text>
          ) : (
            <RunsTable
              label="Simulation runs"
              runs={runs}
              first={[
                {
                  header: 'Compare',
                  cell: (run) => (
                    <Checkbox
                      aria-label={`Compare ${run.name}`}
                      checked={picked.includes(run.id)}
                      disabled={!picked.includes(run.id) && picked.length >= MAX_COMPARED}
                      onChange={(event) => toggle(run.id, event.currentTarget.checked)}
                    />
                  ),
                },
              ]}
              details={[
                { header: 'Population', cell: (run) => `${run.populationKind.toLowerCase()} · ${run.populationSize}` },
              ]}
              page={(run) => run.id}
              progress={(run) => <RunProgress run={run} onFinished={refresh} />}
              actions={(run) => <RunActions run={run} onChanged={refresh} />}
            />
          )}
          <Group>
            <Button variant="default" disabled={picked.length === 0} onClick={() => setCompared(picked)}>
              Compare {picked.length ? `${picked.length} ` : ''}selected (up to {MAX_COMPARED})
            </Button>
          </Group>
          {compared.length > 0 && <CompareRuns ids={compared} />}
        </Stack>
      )}
    </>
  );
}
