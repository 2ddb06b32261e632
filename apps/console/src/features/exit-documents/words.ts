// Exit documents in words: the authority-written sections, who may read each, the versions' states.
import type { Confidentiality } from '../../gql/graphql';

/** The sections an authority writes in its exit report, as the API names them. */
export const SECTIONS = [
  {
    name: 'keyIssues',
    label: 'Key regulatory issues and how they were resolved',
    description: 'The regulatory questions the testing raised, and how each was answered.',
  },
  {
    name: 'seriousIncidents',
    label: 'Serious incidents',
    description:
      'The serious (high or critical) incidents in general; how each one ended is written below. Required when there were any.',
  },
  {
    name: 'lessonsLearned',
    label: 'Lessons learned',
    description: 'What the authority and the participant learned, for later participants and other authorities.',
  },
] as const;

export type SectionName = (typeof SECTIONS)[number]['name'];

/** Who may read a section of an exit report (the participant always does). */
export const SECTION_READERS: { value: Confidentiality; label: string; description: string }[] = [
  {
    value: 'PUBLIC',
    label: 'Public',
    description: 'Everyone: it is in the public copy, published once the participant consents.',
  },
  {
    value: 'PARTICIPANTS',
    label: 'Programme participants',
    description: 'The participant and every authority of the programme; never published.',
  },
  {
    value: 'HOME_AUTHORITY',
    label: 'Your authority',
    description: 'Your authority and the participant only; never published.',
  },
];

export const readersLabel = (value: Confidentiality): string =>
  SECTION_READERS.find((r) => r.value === value)?.label ?? value;

/** What becomes public when the participant consents (docs/console.md, the exit documents). */
export const WHAT_IS_PUBLISHED =
  'The public copy of the report: the exit criteria and decisions, with every test report, result and ' +
  'section marked for programme participants or for one authority left out, and no withheld value. ' +
  'It is signed, like the full report, and anyone can read it in the public registry without signing in.';

/** "2026-03-05T10:11:12.000Z" → "5 Mar 2026". */
export function dayOf(value: string | null | undefined): string {
  if (!value) return '—';
  return new Date(value).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}
