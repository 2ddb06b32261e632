// One programme design simulation (/…/programme-designs/:id): its live progress, cancel and rerun, the
// scenario as a file, and once done the funnel of every design — applications, admitted, cross-border,
// exited — as the API's chart (means with their 5–95 % intervals) beside the same figures as a table,
// then the design's other figures and its authorities; every table downloads as CSV and JSON.
import { Anchor, Card, Center, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useClient, useQuery } from 'urql';
import {
  type ProgrammeSimulationRunDetailQuery,
  ProgrammeSimulationRunChartDocument,
  ProgrammeSimulationRunDetailDocument,
} from '../../gql/graphql';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { PageHeader } from '../../ui/PageHeader';
import { DownloadScenarioButton } from '../runs/DownloadScenarioButton';
import { Figures } from '../simulations/Figures';
import { useDesignsBase } from './base';
import { ProgrammeRunActions } from './RunActions';
import { ProgrammeRunProgress } from './RunProgress';
import { percent, plain } from './scenario';

type Designs = NonNullable<NonNullable<ProgrammeSimulationRunDetailQuery['programmeSimulationRun']>['designs']>;

/** The funnel's stages, as the chart draws them (libs/charts programme-funnel-spec.ts). */
const FUNNEL = [
  { metric: 'applications', label: 'Applications' },
  { metric: 'admitted', label: 'Admitted (reached testing)' },
  { metric: 'crossBorder', label: 'Cross-border (admitted by ≥ 2)' },
  { metric: 'exitedWithOne', label: 'Exited with ≥ 1 authorisation' },
  { metric: 'exitedWithTwo', label: 'Exited with ≥ 2 authorisations' },
];
const OTHER = [
  { metric: 'decisionDaysP50', label: 'Days to entry decision, median' },
  { metric: 'decisionDaysP90', label: 'Days to entry decision, 90th percentile' },
  { metric: 'overdueShare', label: 'Tracks decided after 3 months' },
  { metric: 'utilisation', label: 'Cohort utilisation (peak)' },
];
const SHARES = new Set(['overdueShare', 'utilisation']);
const show = (metric: string, n: number) => (SHARES.has(metric) ? percent(n) : plain(n));
const signed = (metric: string, n: number) => {
  if (n === 0) return '0';
  const text = SHARES.has(metric) ? `${(n * 100).toFixed(1)} pt` : plain(n);
  return n > 0 ? `+${text}` : text;
};

const COLUMNS = [
  { key: 'design', label: 'Design' },
  { key: 'stage', label: 'Figure' },
  { key: 'mean', label: 'Mean', numeric: true },
  { key: 'p5', label: '5th percentile', numeric: true },
  { key: 'p95', label: '95th percentile', numeric: true },
  { key: 'delta', label: 'Mean vs design 1', numeric: true },
];

function rowsOf(designs: Designs, stages: { metric: string; label: string }[]) {
  return designs.flatMap((d, i) =>
    stages.map(({ metric, label }) => {
      const f = d.metrics.find((m) => m.metric === metric)!;
      return {
        design: `${i + 1}. ${d.name}`,
        stage: label,
        mean: show(metric, f.mean),
        p5: show(metric, f.p5),
        p95: show(metric, f.p95),
        delta: i === 0 ? '' : signed(metric, f.deltaVsFirst),
      };
    }),
  );
}

export function Component() {
  const { id = '' } = useParams();
  const base = useDesignsBase();
  const [{ data, fetching, error }, reload] = useQuery({
    query: ProgrammeSimulationRunDetailDocument,
    variables: { id },
  });
  const run = data?.programmeSimulationRun;
  const refresh = useCallback(() => reload({ requestPolicy: 'network-only' }), [reload]);

  return (
    <>
      <PageHeader
        title={run ? `Programme design: ${run.name}` : 'Programme design'}
        description={
          <Anchor component={Link} to={base}>
            All programme designs
          </Anchor>
        }
        actions={
          run && (
            <>
              <DownloadScenarioButton scenario={run.scenario} name={run.name} extension=".programme-scenario.json" />
              <ProgrammeRunActions run={run} onChanged={refresh} />
            </>
          )
        }
      />
      <ErrorNotice error={error} onRetry={refresh} />
      {fetching && !data ? (
        <Center py="xl">
          <Loader aria-label="Loading the programme simulation" />
        </Center>
      ) : !run ? (
        !error && <Text>Not found, or not yours to see.</Text>
      ) : (
        <Stack>
          <ProgrammeRunProgress run={run} onFinished={refresh} />
          <Text size="sm" c="dimmed">
            {run.replications.toLocaleString('en-GB')} replications · started{' '}
            {new Date(run.createdAt).toLocaleString('en-GB')}
            {run.rerunOf ? ' · a rerun' : ''}
          </Text>
          {run.status === 'COMPLETED' && run.designs ? (
            <Result runId={run.id} name={run.name} designs={run.designs} />
          ) : null}
        </Stack>
      )}
    </>
  );
}

function Result({ runId, name, designs }: { runId: string; name: string; designs: Designs }) {
  const byAuthority = designs.flatMap((d, i) =>
    d.byAuthority.map((a) => ({
      design: `${i + 1}. ${d.name}`,
      authority: a.authority,
      admitted: `${plain(a.admitted.mean)} (${plain(a.admitted.p5)} – ${plain(a.admitted.p95)})`,
      declined: `${plain(a.declined.mean)} (${plain(a.declined.p5)} – ${plain(a.declined.p95)})`,
      capacityLimited: `${plain(a.capacityLimited.mean)} (${plain(a.capacityLimited.p5)} – ${plain(a.capacityLimited.p95)})`,
    })),
  );
  return (
    <Stack gap="lg">
      <Card withBorder>
        <Title order={2} size="h4" mb="xs">
          The funnel per design
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          Each figure is the mean over the replications, with the interval holding 90 % of them (5th – 95th percentile).
        </Text>
        <SimpleGrid cols={{ base: 1, xl: 2 }}>
          <FunnelChart
            runId={runId}
            label={`The funnel of each design of ${name}: applications, admitted, cross-border and exited, as bars of the mean with the 5–95 % interval; the figures are in the table “Funnel per design”`}
          />
          <Figures
            caption="Funnel per design"
            columns={COLUMNS}
            rows={rowsOf(designs, FUNNEL)}
            file={`${name} funnel`}
          />
        </SimpleGrid>
      </Card>
      <Card withBorder>
        <Title order={2} size="h4" mb="xs">
          Waiting and places
        </Title>
        <Figures
          caption="Waiting and places per design"
          columns={COLUMNS}
          rows={rowsOf(designs, OTHER)}
          file={`${name} waiting`}
        />
      </Card>
      <Card withBorder>
        <Title order={2} size="h4" mb="xs">
          Entry decisions per authority
        </Title>
        <Figures
          caption="Entry decisions per authority"
          columns={[
            { key: 'design', label: 'Design' },
            { key: 'authority', label: 'Authority' },
            { key: 'admitted', label: 'Admitted (5–95 %)', numeric: true },
            { key: 'declined', label: 'Declined (5–95 %)', numeric: true },
            { key: 'capacityLimited', label: 'Of which capacity-limited', numeric: true },
          ]}
          rows={byAuthority}
          file={`${name} authorities`}
          hidden
        />
      </Card>
    </Stack>
  );
}

/**
 * The API's picture of the funnel (ProgrammeSimulationRun.chartSvg: vega, drawn on the server since
 * the console's content security policy forbids `Function`), as an image named by `label`.
 */
function FunnelChart({ runId, label }: { runId: string; label: string }) {
  const client = useClient();
  const box = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<'drawing' | 'drawn' | 'failed'>('drawing');
  useEffect(() => {
    let cancelled = false;
    setState('drawing');
    void client
      .query(ProgrammeSimulationRunChartDocument, { id: runId })
      .toPromise()
      .then((answer) => {
        const svg = answer.data?.programmeSimulationRun?.chartSvg;
        if (cancelled || !box.current) return;
        if (!svg) return setState('failed');
        box.current.innerHTML = svg;
        const drawn = box.current.querySelector('svg');
        drawn?.setAttribute('aria-hidden', 'true');
        drawn?.setAttribute('focusable', 'false');
        if (drawn) Object.assign(drawn.style, { maxWidth: '100%', height: 'auto' });
        setState('drawn');
      });
    return () => {
      cancelled = true;
    };
  }, [client, runId]);
  return (
    <div>
      {state === 'drawing' && (
        <Center py="md">
          <Loader size="sm" aria-label={`Drawing: ${label}`} />
        </Center>
      )}
      {state === 'failed' && <Text c="red">The chart could not be drawn; its figures are in the table.</Text>}
      <div ref={box} role="img" aria-label={label} data-chart-state={state} />
    </div>
  );
}
