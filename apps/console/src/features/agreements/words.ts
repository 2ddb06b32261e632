// The agreement vocabulary in words (docs/domain.md#recognition): statuses, actions, modes, effects,
// and a rule as one readable sentence per part.
import type {
  AgreementAction,
  AgreementRuleFieldsFragment,
  AgreementStatus,
  RecognitionMode,
  RuleEffect,
} from '../../gql/graphql';
import { CATEGORIES, STAGES } from '../criteria/words';
import { RISK_CLASSES } from '../systems/risk-classes';

export const AGREEMENT_STATUSES: { value: AgreementStatus; label: string; color: string }[] = [
  { value: 'DRAFT', label: 'Draft', color: 'yellow' },
  { value: 'PROPOSED', label: 'Proposed', color: 'blue' },
  { value: 'IN_FORCE', label: 'In force', color: 'green' },
  { value: 'SUSPENDED', label: 'Suspended', color: 'orange' },
  { value: 'TERMINATED', label: 'Terminated', color: 'gray' },
];

export const agreementStatus = (status: AgreementStatus) =>
  AGREEMENT_STATUSES.find((s) => s.value === status) ?? { value: status, label: status, color: 'gray' };

/** The actions, in the order the detail page offers them, with what each does. */
export const ACTIONS: { action: AgreementAction; label: string; confirm: string; color?: string }[] = [
  {
    action: 'PROPOSE',
    label: 'Propose',
    confirm:
      'The draft goes to every party for approval; its rules can no longer be edited. Once every party has approved, it is in force.',
  },
  {
    action: 'APPROVE',
    label: 'Approve',
    confirm: 'Your jurisdiction approves the proposed agreement. The last party’s approval puts it in force.',
  },
  {
    action: 'SUSPEND',
    label: 'Suspend',
    confirm: 'While suspended, no result is recognised through this agreement. It can be resumed.',
    color: 'orange',
  },
  { action: 'RESUME', label: 'Resume', confirm: 'The agreement is in force again.' },
  {
    action: 'TERMINATE',
    label: 'Terminate',
    confirm: 'Termination is final: no result is recognised through this agreement any more.',
    color: 'red',
  },
];

export const MODES: { value: RecognitionMode; label: string; description: string }[] = [
  {
    value: 'CONFORMITY',
    label: 'Conformity',
    description: 'The result is accepted when it meets the recognising criterion as tested.',
  },
  {
    value: 'EQUIVALENCE',
    label: 'Equivalence',
    description: 'The result is accepted when the origin’s criterion is judged equivalent to the recognising one.',
  },
];

export const EFFECTS: { value: RuleEffect; label: string }[] = [
  { value: 'RECOGNISE', label: 'Recognise' },
  { value: 'RECOGNISE_WITH_CONDITIONS', label: 'Recognise with supplementary tests' },
  { value: 'EXCLUDE', label: 'Exclude' },
];

/** A day window `[from, to)` in words. */
export function windowText(from?: string | null, to?: string | null): string {
  if (!from && !to) return 'Open-ended';
  if (from && !to) return `From ${from}`;
  if (!from && to) return `Until ${to} (exclusive)`;
  return `${from} to ${to} (exclusive)`;
}

const list = (values: string[]) =>
  values.length <= 1 ? (values[0] ?? '') : `${values.slice(0, -1).join(', ')} and ${values[values.length - 1]}`;
const labelOf = (options: { value: string; label: string }[], v: string) =>
  options.find((o) => o.value === v)?.label ?? v;

/** A rule as readable lines: who recognises whom, in which scope, how, and on what conditions. */
export function ruleSentences(rule: AgreementRuleFieldsFragment): string[] {
  const lines: string[] = [];
  const origins = list(rule.origins);
  const recognising = list(rule.recognising);
  if (rule.effect === 'EXCLUDE') lines.push(`${recognising} does not recognise results tested in ${origins}.`);
  else
    lines.push(
      `${recognising} recognises results tested in ${origins}${rule.effect === 'RECOGNISE_WITH_CONDITIONS' ? ', with supplementary tests' : ''}, by ${rule.mode === 'EQUIVALENCE' ? 'equivalence' : 'conformity'}.`,
    );
  const scope: string[] = [];
  scope.push(
    rule.categories.length
      ? `categories ${list(rule.categories.map((c) => labelOf(CATEGORIES, c)))}`
      : 'every category',
  );
  scope.push(rule.stages.length ? `stages ${list(rule.stages.map((s) => labelOf(STAGES, s)))}` : 'every stage');
  scope.push(rule.sectors.length ? `sectors ${list(rule.sectors)}` : 'every sector');
  scope.push(
    rule.riskClasses.length
      ? `risk classes ${list(rule.riskClasses.map((r) => labelOf(RISK_CLASSES, r)))}`
      : 'every risk class',
  );
  if (rule.criteria.length) scope.push(`${rule.criteria.length} named criteria only`);
  lines.push(`Scope: ${scope.join('; ')}.`);
  if (rule.effectiveFrom || rule.effectiveTo)
    lines.push(`Window: ${windowText(rule.effectiveFrom, rule.effectiveTo)}.`);
  const c = rule.conditions;
  const conditions: string[] = [];
  if (c?.requireAccreditedLab) conditions.push('tested by an accredited lab');
  if (c?.accreditationBodies?.length) conditions.push(`accredited by ${list(c.accreditationBodies)}`);
  if (c?.maxResultAgeDays != null) conditions.push(`at most ${c.maxResultAgeDays} days old`);
  if (c?.acceptedMethods?.length) conditions.push(`by the methods ${list(c.acceptedMethods)}`);
  if (c?.minMargin) conditions.push(`passing by a margin of at least ${c.minMargin}`);
  if (conditions.length) lines.push(`Conditions: ${conditions.join('; ')}.`);
  const s = rule.supplementary as string | { text: string; criteria: string[] } | null | undefined;
  if (s) lines.push(`Supplementary tests: ${typeof s === 'string' ? s : s.text}`);
  return lines;
}
