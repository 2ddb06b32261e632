// Runs side by side (compareSimulationRuns, 1 to 10 runs): as a chart (every run's variants as rows of
// bars: criteria by outcome, recognition rate, days and cost saved) and as its table — each run's
// variants as columns, the totals as rows, with the difference from each run's baseline. A run not
// yet done has no columns.
import { Card, Center, Loader, Text, Title } from '@mantine/core';
import { comparisonChartSpec, comparisonGroupsOf } from '@sandbridge/charts';
import { useMemo } from 'react';
import { useQuery } from 'urql';
import { CompareSimulationRunsDocument } from '../../gql/graphql';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Figures } from './Figures';
import { VegaChart } from './VegaChart';
import { figure, signedFigure, TOTALS } from './result';

export const MAX_COMPARED = 10;

export function CompareRuns({ ids }: { ids: string[] }) {
  const [{ data, fetching, error }, reload] = useQuery({ query: CompareSimulationRunsDocument, variables: { ids } });
  const runs = data?.compareSimulationRuns ?? [];
  const columns = runs.flatMap((r, ri) =>
    r.variants.map((v, vi) => ({ key: `r${ri}v${vi}`, label: `${r.run.name}: ${v.name}`, numeric: true })),
  );
  const deltaKeys = new Set([
    'recognised',
    'recognisedWithConditions',
    'gaps',
    'recognitionRate',
    'costSaved',
    'daysSaved',
  ]);
  const rows = TOTALS.map(({ key, label }) => ({
    figure: label,
    ...Object.fromEntries(
      runs.flatMap((r, ri) =>
        r.variants.map((v, vi) => {
          const value = figure(key, v.totals[key]);
          const delta = vi > 0 && deltaKeys.has(key) ? v.deltaVsBaseline[key as keyof typeof v.deltaVsBaseline] : null;
          return [
            `r${ri}v${vi}`,
            typeof delta === 'number' && delta !== 0 ? `${value} (${signedFigure(key, delta)})` : value,
          ];
        }),
      ),
    ),
  }));
  // The spec the API's compareSimulationRunsChartSvg draws, from the runs as this page has them.
  const spec = useMemo(
    () =>
      comparisonChartSpec(
        comparisonGroupsOf(
          (data?.compareSimulationRuns ?? []).map((r) => ({ name: r.run.name, variants: r.variants })),
        ),
      ),
    [data],
  );
  const waiting = runs.filter((r) => r.variants.length === 0).map((r) => r.run.name);

  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        Runs side by side
      </Title>
      <ErrorNotice error={error} onRetry={() => reload({ requestPolicy: 'network-only' })} />
      {fetching && !data ? (
        <Center py="md">
          <Loader size="sm" aria-label="Loading the comparison" />
        </Center>
      ) : (
        <>
          {waiting.length > 0 && <Text size="sm">Not done yet, so left out: {waiting.join(', ')}.</Text>}
          <Text size="sm" c="dimmed" mb="xs">
            In brackets: the difference from that run&apos;s baseline.
          </Text>
          {columns.length > 0 && (
            <VegaChart
              spec={spec}
              label="The compared runs' variants as bars: criteria by outcome, recognition rate, days and cost saved, each with its difference from that run's baseline"
            />
          )}
          <Figures
            caption="Totals of the compared runs"
            columns={[{ key: 'figure', label: 'Figure' }, ...columns]}
            rows={rows}
            file="simulation comparison"
          />
        </>
      )}
    </Card>
  );
}
