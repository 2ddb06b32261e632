// Regulators and negotiators: your programme design simulations (/regulator/programme-designs,
// /negotiator/programme-designs) — each with its live progress, cancel and rerun — and "New design",
// the designer that starts from a stored programme, a file or observed cohorts.
import { Button, Center, Loader, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useCallback } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { ProgrammeSimulationRunsDocument } from '../../gql/graphql';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { PageHeader } from '../../ui/PageHeader';
import { RunsTable } from '../runs/RunsTable';
import { useDesignsBase } from './base';
import { ProgrammeRunActions } from './RunActions';
import { ProgrammeRunProgress } from './RunProgress';

const CONTEXT = { additionalTypenames: ['ProgrammeSimulationRun'] };

export function Component() {
  const base = useDesignsBase();
  const [{ data, fetching, error }, reload] = useQuery({
    query: ProgrammeSimulationRunsDocument,
    variables: { first: 100 },
    context: CONTEXT,
  });
  const refresh = useCallback(() => reload({ requestPolicy: 'network-only' }), [reload]);
  const runs = data?.programmeSimulationRuns.edges.map((e) => e.node) ?? [];

  return (
    <>
      <PageHeader
        title="Programme designs"
        description="Compare programme designs before a programme opens: who takes part, how entry is decided, places, review and testing times — the funnel each design gives, with its intervals."
        actions={
          <Button component={Link} to={`${base}/new`} leftSection={<IconPlus size={16} />}>
            New design
          </Button>
        }
      />
      <ErrorNotice error={error} onRetry={refresh} />
      {fetching && !data ? (
        <Center py="xl">
          <Loader aria-label="Loading the programme simulations" />
        </Center>
      ) : runs.length === 0 ? (
        <Text>No programme simulation yet: start one with “New design”.</Text>
      ) : (
        <RunsTable
          label="Programme simulation runs"
          runs={runs}
          details={[{ header: 'Replications', cell: (run) => run.replications.toLocaleString('en-GB') }]}
          page={(run) => `${base}/${run.id}`}
          progress={(run) => <ProgrammeRunProgress run={run} onFinished={refresh} />}
          actions={(run) => <ProgrammeRunActions run={run} onChanged={refresh} />}
        />
      )}
    </>
  );
}
