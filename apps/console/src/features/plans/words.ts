// Sandbox plans in words: a version's status, the sections, their confidentiality levels (who may read
// a section, said plainly), the authorities' decisions, and the refusals a plan action can meet.
import type { Confidentiality, PlanAction, PlanDecision, SandboxPlanStatus } from '../../gql/graphql';

export const PLAN_STATUS: Record<SandboxPlanStatus, { label: string; color: string; meaning: string }> = {
  DRAFT: { label: 'Draft', color: 'gray', meaning: 'Written, not yet proposed.' },
  PROPOSED: { label: 'Proposed', color: 'blue', meaning: 'Awaiting the approval of every admitting authority.' },
  CHANGES_REQUESTED: {
    label: 'Changes requested',
    color: 'orange',
    meaning: 'An authority asked for changes: a revised version is proposed next.',
  },
  AGREED: { label: 'Agreed', color: 'green', meaning: 'Approved by every admitting authority.' },
  SUPERSEDED: { label: 'Superseded', color: 'gray', meaning: 'Replaced by a later version.' },
};

export const DECISIONS: Record<PlanDecision, { label: string; color: string }> = {
  APPROVED: { label: 'Approved', color: 'green' },
  CHANGES_REQUESTED: { label: 'Changes requested', color: 'orange' },
};

/** The sections of a plan, in the order they are shown and edited (as the API's input names them). */
export const SECTIONS = [
  { key: 'timeline', title: 'Timeline' },
  { key: 'objectives', title: 'Objectives' },
  { key: 'scope', title: 'Scope' },
  { key: 'requirements', title: 'Requirements in scope' },
  { key: 'personalData', title: 'Personal data' },
  { key: 'safeguards', title: 'Safeguards' },
  { key: 'seriousIncidentProcedure', title: 'Serious-incident procedure' },
  { key: 'realWorldTesting', title: 'Real-world testing' },
] as const;
export type SectionKey = (typeof SECTIONS)[number]['key'];

export const CONFIDENTIALITY: { value: Confidentiality; label: string; meaning: string }[] = [
  {
    value: 'PUBLIC',
    label: 'Public',
    meaning: 'Every authority may read it, and it may appear in a published exit report.',
  },
  {
    value: 'PARTICIPANTS',
    label: 'Programme authorities',
    meaning: "Only the programme's participating authorities may read it; never published.",
  },
  {
    value: 'HOME_AUTHORITY',
    label: 'One authority',
    meaning: 'Only the admitting authority named for the section may read it; never published.',
  },
];

/** "Public", "Programme authorities", "Only FCA". */
export function confidentialityWords(level: Confidentiality, authority?: { acronym: string } | null): string {
  if (level === 'HOME_AUTHORITY') return authority ? `Only ${authority.acronym}` : 'One authority';
  return CONFIDENTIALITY.find((c) => c.value === level)?.label ?? level;
}

export const meaningOf = (level: Confidentiality) => CONFIDENTIALITY.find((c) => c.value === level)?.meaning ?? '';

/** Titles for the refusals a plan action (or a report without an agreed plan) is met with (`extensions.reason`). */
export const REFUSALS: Record<string, string> = {
  EXTENSION_TOO_LATE: 'Too late for an extension',
  PLAN_NOT_AGREED: 'No sandbox plan is agreed yet',
  PLAN_SUPERSEDED: 'A later version of the plan was agreed',
  NO_ADMITTED_TRACK: 'No authority to agree a plan with',
  PLAN_NOT_PROPOSED: 'This version is no longer open for decision',
  TRACK_NOT_ADMITTED: 'Your authority’s track is not admitted',
  ALREADY_DECIDED: 'Your authority has decided already',
};

export const ACTION_LABELS: Record<PlanAction, string> = {
  PROPOSE: 'Propose',
  APPROVE: 'Approve',
  REQUEST_CHANGES: 'Request changes',
  REQUEST_EXTENSION: 'Request an extension',
};

/** `day` (YYYY-MM-DD) moved by `days` whole UTC days. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return '';
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Extensions are asked for no later than this many days before the agreed end day. */
export const EXTENSION_NOTICE_DAYS = 30;
