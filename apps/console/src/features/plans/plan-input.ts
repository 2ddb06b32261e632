// The plan editor's values and the proposeSandboxPlan input made from them. The values are named as
// the input (docs/console.md#forms-and-the-apis-errors), so the API's `input.timeline.endDay` or
// `input.timeline.milestones.1.day` problems land on their fields; a new version starts from an earlier
// one (an amendment from the version in force, a revision from the version changes were asked on).
import type { Confidentiality, ProposeSandboxPlanInput } from '../../gql/graphql';
import type { Plan } from './plan-fields';

export interface MarkingValues {
  confidentiality: Confidentiality;
  /** The admitting authority the section belongs to (the only reader of a HOME_AUTHORITY one). */
  authorityId: string | null;
  /** Files of the organisation's evidence library the section names (read by whoever may read it). */
  evidenceIds: string[];
}

export interface MilestoneValues {
  day: string;
  title: string;
  /** React's key for the row; not sent. */
  key: string;
}

export interface PlanValues {
  reasons: string;
  timeline: MarkingValues & { startDay: string; endDay: string; milestones: MilestoneValues[] };
  objectives: MarkingValues & { text: string };
  scope: MarkingValues & { text: string };
  requirements: MarkingValues & { criterionIds: string[] };
  personalData: MarkingValues & { processed: boolean; dataProtectionAuthorityId: string | null; description: string };
  safeguards: MarkingValues & { text: string };
  seriousIncidentProcedure: MarkingValues & { text: string };
  /** Whether the version has a real-world-testing plan (the section is optional). */
  withRealWorldTesting: boolean;
  realWorldTesting: MarkingValues & {
    location: string;
    /** NumberInput's value: a number, or a string while empty or half typed. */
    subjects: number | string;
    informedConsent: string;
    durationDays: number | string;
  };
}

let milestoneKeys = 0;
export const milestoneKey = () => `milestone-${++milestoneKeys}`;

type SectionMarking = {
  confidentiality: Confidentiality;
  authority: { id: string } | null;
  evidence?: { id: string }[] | null;
} | null;

const marking = (section: SectionMarking) => ({
  confidentiality: section?.confidentiality ?? ('PUBLIC' as Confidentiality),
  authorityId: section?.authority?.id ?? null,
  evidenceIds: section?.evidence?.map((e) => e.id) ?? [],
});

/**
 * The form's first values: a copy of `from` (an earlier version, read in full by its innovator), or an
 * empty plan over `defaults` (the timeline, the criteria the admitting authorities attached).
 */
export function planValues(
  from: Plan | null,
  defaults: { startDay: string; endDay: string; criterionIds: string[] },
): PlanValues {
  const text = (section: Plan['objectives'] | null) => ({ ...marking(section), text: section?.text ?? '' });
  const rwt = from?.realWorldTesting ?? null;
  const criterionIds = [
    ...new Set([...(from?.requirements.criteria?.map((c) => c.id) ?? []), ...defaults.criterionIds]),
  ];
  return {
    reasons: '',
    timeline: {
      ...marking(from?.timeline ?? null),
      startDay: from?.timeline.startDay ?? defaults.startDay,
      endDay: from?.timeline.endDay ?? defaults.endDay,
      milestones: (from?.timeline.milestones ?? []).map((m) => ({ day: m.day, title: m.title, key: milestoneKey() })),
    },
    objectives: text(from?.objectives ?? null),
    scope: text(from?.scope ?? null),
    requirements: { ...marking(from?.requirements ?? null), criterionIds },
    personalData: {
      ...marking(from?.personalData ?? null),
      processed: from?.personalData.processed ?? false,
      dataProtectionAuthorityId: from?.personalData.dataProtectionAuthority?.id ?? null,
      description: from?.personalData.description ?? '',
    },
    safeguards: text(from?.safeguards ?? null),
    seriousIncidentProcedure: text(from?.seriousIncidentProcedure ?? null),
    withRealWorldTesting: rwt !== null,
    realWorldTesting: {
      ...marking(rwt),
      location: rwt?.location ?? '',
      subjects: rwt?.subjects ?? '',
      informedConsent: rwt?.informedConsent ?? '',
      durationDays: rwt?.durationDays ?? '',
    },
  };
}

const markingInput = (m: MarkingValues) => ({
  confidentiality: m.confidentiality,
  authorityId: m.authorityId || null,
  evidenceIds: m.evidenceIds,
});
const textInput = (s: MarkingValues & { text: string }) => ({ ...markingInput(s), text: s.text.trim() });
const optional = (value: string) => (value.trim() === '' ? null : value.trim());

/** The proposal the values stand for, at the enrolment version read. */
export function planInput(enrolmentId: string, expectedVersion: number, v: PlanValues): ProposeSandboxPlanInput {
  const rwt = v.realWorldTesting;
  return {
    enrolmentId,
    expectedVersion,
    reasons: optional(v.reasons),
    timeline: {
      ...markingInput(v.timeline),
      startDay: v.timeline.startDay,
      endDay: v.timeline.endDay,
      milestones: v.timeline.milestones.map((m) => ({ day: m.day, title: m.title.trim() })),
    },
    objectives: textInput(v.objectives),
    scope: textInput(v.scope),
    requirements: { ...markingInput(v.requirements), criterionIds: v.requirements.criterionIds },
    personalData: {
      ...markingInput(v.personalData),
      processed: v.personalData.processed,
      dataProtectionAuthorityId: v.personalData.processed ? v.personalData.dataProtectionAuthorityId || null : null,
      description: optional(v.personalData.description),
    },
    safeguards: textInput(v.safeguards),
    seriousIncidentProcedure: textInput(v.seriousIncidentProcedure),
    realWorldTesting: v.withRealWorldTesting
      ? {
          ...markingInput(rwt),
          location: rwt.location.trim(),
          subjects: Number(rwt.subjects),
          informedConsent: rwt.informedConsent.trim(),
          durationDays: Number(rwt.durationDays),
        }
      : null,
  };
}

/** Where an API problem's path lands in the form: a criterion named by position lands on the criteria list. */
export function formPath(path: string): string {
  return path
    .replace(/^requirements\.criterionIds\.\d+$/, 'requirements.criterionIds')
    .replace(/^(\w+)\.evidenceIds\.\d+$/, '$1.evidenceIds');
}
