// The API's BAD_USER_INPUT problems for a scenario (paths under input.scenario, input.name and
// input.recordedPopulation, docs/formats.md#errors) placed at the builder's fields: a key per field
// the builder shows; the rest are listed in the alert with their path.
import type { CombinedError } from 'urql';
import { type FieldProblem, fieldProblems, sentence } from '../../../api/errors';

export interface PlacedProblems {
  /** Field key → message: `name`, `asOf`, `costs`, `costs.EU`, `variants.1.name`, `variants.1`, `synthetic.passRate`, `recorded.testedTo`… */
  at: Record<string, string>;
  unplaced: FieldProblem[];
}

const RULES: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^input\.name$/, () => 'name'],
  [/^input\.scenario\.asOf$/, () => 'asOf'],
  [/^input\.scenario\.variants\[(\d+)\]\.name$/, (m) => `variants.${m[1]}.name`],
  [/^input\.scenario\.variants\[(\d+)\]/, (m) => `variants.${m[1]}`],
  [/^input\.scenario\.costs\.([^.[]+)/, (m) => `costs.${m[1]}`],
  [/^input\.scenario\.costs$/, () => 'costs'],
  [/^input\.scenario\.population\.synthetic\.([A-Za-z]+)/, (m) => `synthetic.${m[1]}`],
  [/^input\.recordedPopulation\.([A-Za-z]+)/, (m) => `recorded.${m[1]}`],
];

/** `shown`: the field keys the page has now (a problem for a field it lacks is listed instead). */
export function placeProblems(error: CombinedError | undefined, shown: (key: string) => boolean): PlacedProblems {
  const at: Record<string, string> = {};
  const unplaced: FieldProblem[] = [];
  for (const problem of fieldProblems(error)) {
    const key = RULES.map(([re, to]) => {
      const m = problem.path.match(re);
      return m ? to(m) : null;
    }).find((k) => k !== null);
    if (key && shown(key) && !at[key]) at[key] = sentence(problem.message);
    else unplaced.push(problem);
  }
  return { at, unplaced };
}
