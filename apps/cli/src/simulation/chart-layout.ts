// The chart's geometry and text moved to @sandbridge/charts (shared with the console); the CLI's
// charts import them from there through this module.
export { cellLabel, compactCount, FONT, wrapText } from '@sandbridge/charts';
