// The programme vocabulary in words (docs/domain.md#programmes).
import type { JointEntryRule, ProgrammeAction, ProgrammeStatus } from '../../gql/graphql';

export const JOINT_ENTRY_RULES: { value: JointEntryRule; label: string; description: string }[] = [
  {
    value: 'EACH_AUTHORITY',
    label: 'Each authority',
    description: 'Each targeted authority decides its own track; testing goes ahead with those that admit.',
  },
  {
    value: 'UNANIMOUS',
    label: 'Unanimous',
    description: 'Every targeted authority must admit; the first decline declines the application.',
  },
  {
    value: 'LEAD_DECIDES',
    label: 'Lead decides',
    description: 'Only the lead authority decides, for every track at once.',
  },
];

export const jointEntryRule = (value: JointEntryRule) => JOINT_ENTRY_RULES.find((r) => r.value === value)!;

export const PROGRAMME_STATUSES: { value: ProgrammeStatus; label: string; color: string }[] = [
  { value: 'DRAFT', label: 'Draft', color: 'yellow' },
  { value: 'OPEN', label: 'Open', color: 'green' },
  { value: 'RUNNING', label: 'Running', color: 'blue' },
  { value: 'CLOSED', label: 'Closed', color: 'gray' },
];

export const programmeStatus = (value: ProgrammeStatus) => PROGRAMME_STATUSES.find((s) => s.value === value)!;

/** The buttons of the lifecycle, in its order. */
export const PROGRAMME_ACTIONS: { action: ProgrammeAction; label: string; done: string }[] = [
  { action: 'OPEN', label: 'Open for applications', done: 'Programme opened for applications' },
  { action: 'START', label: 'Start running', done: 'Programme running' },
  { action: 'CLOSE', label: 'Close', done: 'Programme closed' },
];

/** An application window in words: "1 Mar 2026 – 30 Jun 2026", "from 1 Mar 2026", "not set". */
export function applicationWindow(opens: string | null | undefined, closes: string | null | undefined): string {
  const day = (date: string) =>
    new Date(`${date}T00:00:00Z`).toLocaleDateString(undefined, { dateStyle: 'medium', timeZone: 'UTC' });
  if (opens && closes) return `${day(opens)} – ${day(closes)}`;
  if (opens) return `from ${day(opens)}`;
  if (closes) return `until ${day(closes)}`;
  return 'Not set';
}
