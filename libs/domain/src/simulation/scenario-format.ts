import type { Scenario } from './scenario.js';

/**
 * Validates a parsed JSON value as `sandbridge/scenario@1` (DESIGN.md §8.2), throwing a
 * ScenarioFormatError naming the JSON path of the first problem.
 */
export function parseScenario(value: unknown): Scenario {
  void value;
  throw new Error('not implemented');
}

/** Parses JSON text, then reads it as {@link parseScenario} does. */
export function parseScenarioJson(text: string): Scenario {
  return parseScenario(JSON.parse(text));
}
