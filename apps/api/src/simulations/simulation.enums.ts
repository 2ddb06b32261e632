import { SimulationStatus } from '@sandbridge/domain';
import { registerEnumType } from '@nestjs/graphql';

// The enums of simulations, registered once; files that use one import this file.

registerEnumType(SimulationStatus, {
  name: 'SimulationStatus',
  description: 'QUEUED → RUNNING → COMPLETED | FAILED; QUEUED or RUNNING → CANCELLED.',
});

/** Which picture of a run's result `SimulationRun.chartSvg` draws. */
export const SimulationChartKind = {
  MATRICES_RECOGNISED: 'MATRICES_RECOGNISED',
  MATRICES_WITH_CONDITIONS: 'MATRICES_WITH_CONDITIONS',
  MATRICES_DIVERGENT: 'MATRICES_DIVERGENT',
  MARGINAL: 'MARGINAL',
  TOTALS: 'TOTALS',
  SAVINGS: 'SAVINGS',
} as const;
export type SimulationChartKind = (typeof SimulationChartKind)[keyof typeof SimulationChartKind];

registerEnumType(SimulationChartKind, {
  name: 'SimulationChartKind',
  description:
    'A picture of a simulation result: the origin × recognising matrices per variant counting criteria recognised ' +
    '(without conditions), recognised with conditions, or divergent — each above the totals as bars — or each ' +
    'agreement’s marginal value as bars; or per variant the totals (criteria by outcome, recognition rate), or ' +
    'the days and cost saved, each bar with its difference from the baseline (TOTALS, SAVINGS).',
});
