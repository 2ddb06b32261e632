import type { Comparator, CriterionKind, CriterionSpec } from '@sandbridge/domain';
import type { CriterionEntity } from '@sandbridge/persistence';

/** A stored criterion as the pure evaluation reads it. */
export function toCriterionSpec(c: CriterionEntity): CriterionSpec {
  return {
    id: c.id,
    kind: c.kind as CriterionKind,
    comparator: c.comparator as Comparator | null,
    threshold: c.threshold,
    thresholdHigh: c.thresholdHigh,
    unit: c.unit,
    sectors: c.sectors,
    riskClasses: c.riskClasses,
  };
}
