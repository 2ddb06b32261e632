// One simulation run (/negotiator/simulations/:id): its live progress, then its result as pictures —
// per variant the totals and deltas against the baseline, the origin × recognising matrices
// (recognised; with conditions; divergent), each agreement's marginal value, and the days and cost
// saved, as bars. Every chart has its figures as a table, and CSV and JSON downloads.
import { Anchor, Card, Center, Group, Loader, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { scenarioJurisdictions, type SimulationChartKind, simulationChartSpecOf } from '@sandbridge/charts';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { SimulationRunDetailDocument } from '../../gql/graphql';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { PageHeader } from '../../ui/PageHeader';
import { DownloadScenarioButton } from '../runs/DownloadScenarioButton';
import { Figures } from './Figures';
import { count, figure, signedFigure, type SimulationResultDoc, TOTALS } from './result';
import { RunActions } from './RunActions';
import { RunProgress } from './RunProgress';
import { loadVega, VegaChart } from './VegaChart';

const MEASURES: { value: SimulationChartKind; label: string }[] = [
  { value: 'MATRICES_RECOGNISED', label: 'Recognised' },
  { value: 'MATRICES_WITH_CONDITIONS', label: 'With conditions' },
  { value: 'MATRICES_DIVERGENT', label: 'Divergent' },
];

export function Component() {
  const { id = '' } = useParams();
  // vega loads while the run does: a COMPLETED run's charts are drawn as soon as its result arrives.
  useEffect(() => void loadVega().catch(() => undefined), []);
  const [{ data, fetching, error }, reload] = useQuery({ query: SimulationRunDetailDocument, variables: { id } });
  const run = data?.simulationRun;
  const refresh = useCallback(() => reload({ requestPolicy: 'network-only' }), [reload]);

  return (
    <>
      <PageHeader
        title={run ? `Simulation: ${run.name}` : 'Simulation'}
        description={
          <Anchor component={Link} to="/negotiator/simulations">
            All simulations
          </Anchor>
        }
        actions={
          run && (
            <>
              <DownloadScenarioButton scenario={run.scenario} name={run.name} extension=".scenario.json" />
              <RunActions run={run} onChanged={refresh} />
            </>
          )
        }
      />
      <ErrorNotice error={error} onRetry={refresh} />
      {fetching && !data ? (
        <Center py="xl">
          <Loader aria-label="Loading the simulation" />
        </Center>
      ) : !run ? (
        !error && <Text>Not found, or not yours to see.</Text>
      ) : (
        <Stack>
          <RunProgress run={run} onFinished={refresh} />
          <Text size="sm" c="dimmed">
            {run.populationKind.toLowerCase()} population of {run.populationSize} · started{' '}
            {new Date(run.createdAt).toLocaleString('en-GB')}
          </Text>
          {run.status === 'COMPLETED' && run.result ? (
            <ResultView result={run.result as SimulationResultDoc} scenario={run.scenario} name={run.name} />
          ) : null}
        </Stack>
      )}
    </>
  );
}

function ResultView({ result, scenario, name }: { result: SimulationResultDoc; scenario: unknown; name: string }) {
  // When the result arrived (this view's first render): each chart's data-render-ms counts from here.
  const [arrived] = useState(() => performance.now());
  const [measure, setMeasure] = useState<SimulationChartKind>('MATRICES_RECOGNISED');
  const measureLabel = MEASURES.find((m) => m.value === measure)!.label;
  // The specs the API's chartSvg and the CLI draw (@sandbridge/charts), from the result as the page has
  // it: the matrices titled with the run's name, on the scenario's jurisdictions.
  const jurisdictions = useMemo(() => scenarioJurisdictions(scenario), [scenario]);
  const totalsSpec = useMemo(() => simulationChartSpecOf(result, 'TOTALS'), [result]);
  const savingsSpec = useMemo(() => simulationChartSpecOf(result, 'SAVINGS'), [result]);
  const marginalSpec = useMemo(() => simulationChartSpecOf(result, 'MARGINAL'), [result]);
  const matricesSpec = useMemo(
    () => simulationChartSpecOf(result, measure, name, jurisdictions),
    [result, measure, name, jurisdictions],
  );
  const bars = useMemo(
    () =>
      result.variants.flatMap((v) =>
        v.marginal.map((m) => ({ variant: v.name, agreement: m.agreement, value: m.recognised ?? 0 })),
      ),
    [result],
  );

  const totalsRows = TOTALS.map(({ key, label }) => ({
    figure: label,
    ...Object.fromEntries(
      result.variants.flatMap((v, i) => [
        [`v${i}`, figure(key, v.totals[key])],
        [`d${i}`, i === 0 ? '' : signedFigure(key, v.deltaVsBaseline[key])],
      ]),
    ),
  }));
  const totalsColumns = [
    { key: 'figure', label: 'Figure' },
    ...result.variants.flatMap((v, i) => [
      { key: `v${i}`, label: v.name, numeric: true },
      ...(i === 0 ? [] : [{ key: `d${i}`, label: `${v.name}: vs baseline`, numeric: true }]),
    ]),
  ];
  const pairRows = result.variants.flatMap((v) =>
    v.byPair.map((p) => ({
      variant: v.name,
      origin: p.origin,
      recognising: p.recognising,
      recognised: count(p.recognised),
      recognisedWithConditions: count(p.recognisedWithConditions),
      divergent: count(p.divergent),
    })),
  );
  const marginalRows = result.variants.flatMap((v) =>
    v.marginal.map((m) => ({
      variant: v.name,
      agreement: m.agreement,
      recognised: count(m.recognised),
      testsAvoided: count(m.testsAvoided),
      costSaved: count(m.costSaved),
    })),
  );

  const savingsRows = result.variants.map((v, i) => ({
    variant: v.name,
    daysSaved: figure('daysSaved', v.totals.daysSaved),
    daysDelta: i === 0 ? '' : signedFigure('daysSaved', v.deltaVsBaseline.daysSaved),
    costSaved: figure('costSaved', v.totals.costSaved),
    costDelta: i === 0 ? '' : signedFigure('costSaved', v.deltaVsBaseline.costSaved),
  }));

  return (
    <Stack gap="lg">
      <Card withBorder>
        <Title order={2} size="h4" mb="xs">
          Totals per variant, and the difference from the baseline
        </Title>
        <Text size="sm" c="dimmed" mb="xs">
          As of {result.asOf}.
        </Text>
        <VegaChart
          spec={totalsSpec}
          since={arrived}
          label="Criteria recognised, recognised with conditions and gaps, and the recognition rate, per variant as bars, each with its difference from the baseline"
        />
        <Figures caption="Totals per variant" columns={totalsColumns} rows={totalsRows} file={`${name} totals`} />
      </Card>

      <Card withBorder>
        <Title order={2} size="h4" mb="xs">
          Days and cost saved
        </Title>
        <VegaChart
          spec={savingsSpec}
          since={arrived}
          label="Days saved and cost saved per variant as bars, each with its difference from the baseline"
        />
        <Figures
          caption="Days and cost saved per variant"
          columns={[
            { key: 'variant', label: 'Variant' },
            { key: 'daysSaved', label: 'Days saved', numeric: true },
            { key: 'daysDelta', label: 'Days: vs baseline', numeric: true },
            { key: 'costSaved', label: 'Cost saved', numeric: true },
            { key: 'costDelta', label: 'Cost: vs baseline', numeric: true },
          ]}
          rows={savingsRows}
          file={`${name} savings`}
          hidden
        />
      </Card>

      <Card withBorder>
        <Group justify="space-between" mb="xs">
          <Title order={2} size="h4">
            Origin × recognising jurisdiction, per variant
          </Title>
          <SegmentedControl
            aria-label="What the matrices count"
            value={measure}
            onChange={(value) => setMeasure(value as SimulationChartKind)}
            data={MEASURES}
          />
        </Group>
        <VegaChart
          spec={matricesSpec}
          since={arrived}
          label={`Matrices of criteria ${measureLabel.toLowerCase()} by origin and recognising jurisdiction, one per variant, then each variant's totals as bars`}
        />
        <Figures
          caption="Recognitions per origin and recognising jurisdiction"
          columns={[
            { key: 'variant', label: 'Variant' },
            { key: 'origin', label: 'Origin' },
            { key: 'recognising', label: 'Recognising' },
            { key: 'recognised', label: 'Recognised', numeric: true },
            { key: 'recognisedWithConditions', label: 'With conditions', numeric: true },
            { key: 'divergent', label: 'Divergent', numeric: true },
          ]}
          rows={pairRows}
          file={`${name} pairs`}
          hidden
        />
      </Card>

      <Card withBorder>
        <Title order={2} size="h4" mb="xs">
          Each agreement&apos;s marginal value
        </Title>
        {bars.length ? (
          <VegaChart
            spec={marginalSpec}
            since={arrived}
            label="Criteria recognised thanks to each agreement, per variant, as bars"
          />
        ) : (
          <Text size="sm">No agreement in force in any variant.</Text>
        )}
        <Figures
          caption="Marginal value of each agreement"
          columns={[
            { key: 'variant', label: 'Variant' },
            { key: 'agreement', label: 'Agreement' },
            { key: 'recognised', label: 'Recognised', numeric: true },
            { key: 'testsAvoided', label: 'Tests avoided', numeric: true },
            { key: 'costSaved', label: 'Cost saved', numeric: true },
          ]}
          rows={marginalRows}
          file={`${name} marginal`}
          hidden
        />
      </Card>
    </Stack>
  );
}
