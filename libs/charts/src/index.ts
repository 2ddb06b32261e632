// @sandbridge/charts: the vega specs of the simulation charts, as plain data. The CLI (`simulate
// --svg`) and the console's Simulations page both import them, so a chart is defined once.
export * from './chart-result.js';
export * from './chart-layout.js';
export * from './chart-matrices.js';
export * from './chart-totals.js';
export * from './simulation-chart-spec.js';
export * from './marginal-chart-spec.js';
export * from './bar-panels-spec.js';
export * from './totals-chart-spec.js';
export * from './simulation-chart-of.js';
export * from './simulation-svg.js';
export * from './programme-funnel-spec.js';
