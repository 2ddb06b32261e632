// A plan version as fields in words, section by section, and two versions compared field by field:
// what the version view shows and what the diff highlights. Lists (milestones, criteria) are compared
// item by item (added, removed); every other field as a whole value. No text diff: a changed text is
// shown whole in both versions, marked as changed.
import type { PlanVersionFragment } from '../../gql/graphql';
import type { LinkedEvidence } from '../evidence/EvidenceLink';
import { shortHash } from '../evidence/words';
import { day } from '../review/words';
import { confidentialityWords, SECTIONS, type SectionKey } from './words';

export type Plan = PlanVersionFragment;

export interface PlanField {
  label: string;
  /** A single value in words (null: a list field, see `items`). */
  value: string | null;
  /** The items of a list field, each in words. */
  items?: string[];
  /** The evidence field's files, to open or download (its items name them in words). */
  evidence?: LinkedEvidence[];
}

export interface SectionView {
  key: SectionKey;
  title: string;
  /** The version has no such section (only the optional real-world-testing plan can be absent). */
  absent: boolean;
  /** Its confidentiality keeps its content from the reader: only its marking is shown. */
  withheld: boolean;
  /** Who may read it, in words. */
  marking: string;
  /** The content's fields, the marking first (empty when absent; the marking alone when withheld). */
  fields: PlanField[];
}

const MARKING = 'Who may read it';

/** One section of a version, in words. */
export function sectionView(plan: Plan, key: SectionKey): SectionView {
  const title = SECTIONS.find((s) => s.key === key)!.title;
  const section = plan[key];
  if (!section) return { key, title, absent: true, withheld: false, marking: '', fields: [] };
  const marking = confidentialityWords(section.confidentiality, section.authority);
  const head: PlanField = { label: MARKING, value: marking };
  if (section.withheld) return { key, title, absent: false, withheld: true, marking, fields: [head] };
  return {
    key,
    title,
    absent: false,
    withheld: false,
    marking,
    fields: [head, ...contentFields(plan, key), ...evidenceField(section.evidence)],
  };
}

/** The files a section names, as a list field (none: no field, as before evidence existed). */
function evidenceField(evidence: readonly LinkedEvidence[]): PlanField[] {
  if (!evidence.length) return [];
  return [
    {
      label: 'Evidence',
      value: null,
      items: evidence.map((e) => `${e.title} (SHA-256 ${shortHash(e.sha256)}…)`),
      evidence: [...evidence],
    },
  ];
}

function contentFields(plan: Plan, key: SectionKey): PlanField[] {
  switch (key) {
    case 'timeline': {
      const t = plan.timeline;
      return [
        { label: 'Start day', value: day(t.startDay) },
        { label: 'End day', value: day(t.endDay) },
        { label: 'Milestones', value: null, items: (t.milestones ?? []).map((m) => `${day(m.day)}: ${m.title}`) },
      ];
    }
    case 'objectives':
    case 'scope':
    case 'safeguards':
    case 'seriousIncidentProcedure':
      return [{ label: 'Text', value: plan[key].text ?? '' }];
    case 'requirements':
      return [
        {
          label: 'Criteria',
          value: null,
          items: (plan.requirements.criteria ?? []).map((c) => `${c.authority.acronym} · ${c.title} (${c.key})`),
        },
      ];
    case 'personalData': {
      const p = plan.personalData;
      const dpa = p.dataProtectionAuthority;
      return [
        { label: 'Personal data processed', value: p.processed ? 'Yes' : 'No' },
        { label: 'Data protection authority', value: dpa ? `${dpa.name} (${dpa.acronym})` : 'None' },
        { label: 'Description', value: p.description ?? '—' },
      ];
    }
    case 'realWorldTesting': {
      const r = plan.realWorldTesting!;
      return [
        { label: 'Where', value: r.location ?? '' },
        { label: 'Subjects', value: r.subjects === null ? '' : String(r.subjects) },
        { label: 'Informed consent', value: r.informedConsent ?? '' },
        { label: 'Duration', value: r.durationDays === null ? '' : `${r.durationDays} days` },
      ];
    }
  }
}

export interface FieldChange {
  label: string;
  before: PlanField | null;
  after: PlanField | null;
  changed: boolean;
  /** List fields: the items only the later version has, and those only the earlier one had. */
  added: string[];
  removed: string[];
}

export interface SectionDiff {
  key: SectionKey;
  title: string;
  before: SectionView;
  after: SectionView;
  /** Any field differs, or the section was added or removed. */
  changed: boolean;
  /** The content of one side is withheld from the reader: only the marking is compared. */
  partial: boolean;
  fields: FieldChange[];
}

/** `before` and `after` compared section by section and field by field. */
export function diffPlans(before: Plan, after: Plan): SectionDiff[] {
  return SECTIONS.map(({ key, title }) => {
    const a = sectionView(before, key);
    const b = sectionView(after, key);
    const labels = [...new Set([...a.fields, ...b.fields].map((f) => f.label))];
    const partial = a.withheld || b.withheld;
    const fields = labels
      // A withheld side has its marking only: its content is not known, so not compared.
      .filter((label) => !partial || label === MARKING)
      .map((label) =>
        compareField(
          label,
          a.fields.find((f) => f.label === label) ?? null,
          b.fields.find((f) => f.label === label) ?? null,
        ),
      );
    return {
      key,
      title,
      before: a,
      after: b,
      changed: a.absent !== b.absent || fields.some((f) => f.changed),
      partial,
      fields,
    };
  });
}

function compareField(label: string, before: PlanField | null, after: PlanField | null): FieldChange {
  const beforeItems = before?.items ?? [];
  const afterItems = after?.items ?? [];
  const added = afterItems.filter((item) => !beforeItems.includes(item));
  const removed = beforeItems.filter((item) => !afterItems.includes(item));
  const changed =
    !before ||
    !after ||
    before.value !== after.value ||
    added.length > 0 ||
    removed.length > 0 ||
    beforeItems.join('\n') !== afterItems.join('\n');
  return { label, before, after, changed, added, removed };
}

/** The pair of versions compared by default: the newest against the one in force, else against the one before it. */
export function defaultComparison(versions: readonly Plan[]): { from: number; to: number } | null {
  const [newest] = versions;
  if (!newest || versions.length < 2) return null;
  const inForce = versions.find((v) => v.inForce);
  const from = inForce && inForce.version !== newest.version ? inForce : versions[1];
  return { from: from.version, to: newest.version };
}
