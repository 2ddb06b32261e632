// Recognition in words: outcomes, the engine's checks (docs/domain.md#the-checks), and the ids in its
// explanations turned into names (criteria, authorities, agreements and rules, results). Only how
// things are shown: every outcome and check is the API's (recognitionStatus, recognitionPassport).
import type { RecognitionCheckName, ShownRecognitionOutcome } from '../../gql/graphql';

export const RECOGNITION_OUTCOMES: Record<ShownRecognitionOutcome, { label: string; plural: string; color: string }> = {
  SATISFIED_LOCALLY: { label: 'Satisfied locally', plural: 'Satisfied locally', color: 'green' },
  RECOGNISED: { label: 'Recognised', plural: 'Recognised', color: 'teal' },
  RECOGNISED_WITH_CONDITIONS: { label: 'Recognised with conditions', plural: 'With conditions', color: 'yellow' },
  GAP: { label: 'Gap', plural: 'Gaps', color: 'red' },
  NOT_APPLICABLE: { label: 'Not applicable', plural: 'Not applicable', color: 'gray' },
  WITHHELD: { label: 'Withheld', plural: 'Withheld', color: 'grape' },
};

export const CHECKS: Record<RecognitionCheckName, string> = {
  applicable: 'Applies to the system',
  local: 'Passing result tested here',
  correspondence: 'Corresponds to the criterion',
  coverage: 'Covers it fully',
  agreementInForce: 'Agreement in force',
  scope: "In the rule's scope",
  excluded: 'Not excluded',
  accreditedLab: 'Accredited lab',
  accreditationBody: 'Accreditation body',
  resultAge: 'Result age (days)',
  method: 'Method',
  threshold: 'Threshold',
  passedOwnCriterion: 'Passed its own criterion',
};

/** A result as the recognition case describes it (docs/formats.md#result). */
export interface CaseResult {
  id: string;
  criterion: string;
  testedIn: string;
  testedAt: string;
  value?: number | null;
  passed?: boolean;
  method?: string | null;
  lab?: { accredited?: boolean; accreditationBody?: string | null };
}

interface CaseCriterion {
  id: string;
  authority: string;
  key?: string;
  version?: number;
}

/** The parts of a sandbridge/recognition-case@1 document the explanations name things with. */
export interface CaseNames {
  criteria: CaseCriterion[];
  results: CaseResult[];
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** The case's criteria and results, or empty lists when the document is not what was expected. */
export function readCase(document: unknown): CaseNames {
  if (!isObject(document)) return { criteria: [], results: [] };
  const list = (value: unknown) => (Array.isArray(value) ? value.filter(isObject) : []);
  return {
    criteria: list(document.criteria).filter((c) => typeof c.id === 'string') as unknown as CaseCriterion[],
    results: list(document.results).filter((r) => typeof r.id === 'string') as unknown as CaseResult[],
  };
}

export interface Names {
  /** A criterion's, authority's, agreement's or result's name, by id. */
  of: (id: string) => string | undefined;
  /** An agreement and its rule as words: the agreement's name, with the rule's (`long`) when it has one. */
  rule: (agreementId: string, ruleId: string, long?: boolean) => string;
  result: (id: string) => CaseResult | undefined;
}

export function buildNames({
  authorities,
  criteria,
  caseNames,
  agreements,
}: {
  authorities: { id: string; acronym: string }[];
  /** The target authority's criteria, named by their titles. */
  criteria: { id: string; title: string }[];
  caseNames: CaseNames;
  agreements: { id: string; name: string; rules: { id: string; name: string }[] }[];
}): Names {
  const names = new Map<string, string>();
  for (const a of authorities) names.set(a.id, a.acronym);
  for (const c of caseNames.criteria) {
    const acronym = names.get(c.authority);
    names.set(c.id, `${c.key ?? c.id}${acronym ? ` (${acronym})` : ''}`);
  }
  for (const c of criteria) names.set(c.id, `“${c.title}”`);
  const rules = new Map<string, string>();
  for (const agreement of agreements) {
    names.set(agreement.id, agreement.name);
    for (const rule of agreement.rules) rules.set(rule.id, rule.name);
  }
  const results = new Map(caseNames.results.map((r) => [r.id, r]));
  return {
    of: (id) => names.get(id),
    rule: (agreementId, ruleId, long = false) => {
      const agreement = names.get(agreementId) ?? shortId(agreementId);
      const rule = rules.get(ruleId);
      return long && rule ? `${agreement}, under its rule “${rule}”` : agreement;
    },
    result: (id) => results.get(id),
  };
}

export const shortId = (id: string) => `${id.slice(0, 8)}…`;

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const PAIR = new RegExp(`(${UUID})/(${UUID})`, 'gi');
const ONE = new RegExp(UUID, 'gi');

/** A check's text with the ids in it named: "under <agreement>/<rule>" → "under EU–Singapore mutual recognition …". */
export function humanise(text: string, names: Names): string {
  return text
    .replace(PAIR, (_, agreement: string, rule: string) => names.rule(agreement, rule))
    .replace(ONE, (id) => names.of(id) ?? shortId(id));
}

/** A result the engine considered, in words. */
export function describeResult(result: CaseResult, names: Names): string {
  const criterion = names.of(result.criterion) ?? shortId(result.criterion);
  const value = result.value !== null && result.value !== undefined ? `value ${result.value}, ` : '';
  const lab = result.lab?.accredited
    ? `accredited lab${result.lab.accreditationBody ? ` (${result.lab.accreditationBody})` : ''}`
    : 'lab not accredited';
  return (
    `Tested in ${result.testedIn} on ${result.testedAt} against ${criterion}: ${value}` +
    `${result.passed ? 'passed' : 'did not pass'}; ${lab}${result.method ? `; method ${result.method}` : ''}.`
  );
}

/** A rule's supplementary requirements (null, a text, or { text, criteria }) as a text and the criteria it names. */
export function supplementaryOf(value: unknown): { text: string | null; criteria: string[] } {
  if (typeof value === 'string') return { text: value, criteria: [] };
  if (isObject(value))
    return {
      text: typeof value.text === 'string' ? value.text : null,
      criteria: Array.isArray(value.criteria) ? value.criteria.filter((c): c is string => typeof c === 'string') : [],
    };
  return { text: null, criteria: [] };
}
