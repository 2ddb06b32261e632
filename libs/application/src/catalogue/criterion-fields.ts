import type { Category, Comparator, CriterionKind, RiskClass, Stage } from '@sandbridge/domain';
import type { CriterionEntity } from '@sandbridge/persistence';

export interface CriterionFields {
  title: string;
  description?: string | null;
  stage: Stage;
  category: Category;
  kind: CriterionKind;
  metricKey?: string | null;
  unit?: string | null;
  comparator?: Comparator | null;
  threshold?: number | null;
  thresholdHigh?: number | null;
  evidenceType?: string | null;
  statement?: string | null;
  sectors?: string[] | null;
  riskClasses?: RiskClass[] | null;
  clauseIds?: string[] | null;
}

export interface CreateCriterionCommand extends CriterionFields {
  /** Defaults to the regulator's own authority; an administrator must name one. */
  authorityId?: string | null;
  key: string;
}

/**
 * Absent (or null, for required fields) = unchanged; null clears an optional field. With
 * `expectedRevision`, a draft edited since (another revision) is refused with CONFLICT.
 */
export type UpdateCriterionCommand = { id: string; expectedRevision?: number | null } & {
  [K in keyof CriterionFields]?: CriterionFields[K] | null;
};

const REQUIRED_FIELDS = new Set(['title', 'stage', 'category', 'kind']);

/** The fields an update changes: given ones, except nulls for fields that cannot be empty. */
export function definedOnly(value: UpdateCriterionCommand): Partial<CriterionFields> {
  return Object.fromEntries(
    Object.entries(value).filter(
      ([key, v]) =>
        v !== undefined &&
        key !== 'id' &&
        key !== 'expectedRevision' &&
        key !== 'clauseIds' &&
        !(v === null && REQUIRED_FIELDS.has(key)),
    ),
  ) as Partial<CriterionFields>;
}

/** A stored criterion's editable fields. */
export function criterionFieldsOf(c: CriterionEntity): CriterionFields {
  return {
    title: c.title,
    description: c.description,
    stage: c.stage,
    category: c.category,
    kind: c.kind,
    metricKey: c.metricKey,
    unit: c.unit,
    comparator: c.comparator,
    threshold: c.threshold,
    thresholdHigh: c.thresholdHigh,
    evidenceType: c.evidenceType,
    statement: c.statement,
    sectors: c.sectors,
    riskClasses: c.riskClasses,
  };
}

/** The columns the fields set (sectors and risk classes deduplicated and sorted). */
export function criterionColumns(f: CriterionFields) {
  return {
    title: f.title,
    description: f.description ?? '',
    stage: f.stage,
    category: f.category,
    kind: f.kind,
    metricKey: f.metricKey ?? null,
    unit: f.unit ?? null,
    comparator: f.comparator ?? null,
    threshold: f.threshold ?? null,
    thresholdHigh: f.thresholdHigh ?? null,
    evidenceType: f.evidenceType ?? null,
    statement: f.statement ?? null,
    sectors: [...new Set(f.sectors ?? [])].sort(),
    riskClasses: [...new Set(f.riskClasses ?? [])].sort(),
  };
}
