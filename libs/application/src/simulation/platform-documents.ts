import { AgreementStatus } from '@sandbridge/domain';
import type { AgreementEntity, AgreementRuleEntity, CriterionEntity } from '@sandbridge/persistence';

/** JSON as the scenario files hold it (DESIGN.md §8). */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/**
 * Canonical JSON: object keys sorted (UTF-16 order) at every depth, arrays kept in order, undefined
 * members dropped. A stored scenario is canonical and every run computes from its canonical form,
 * so the first run and every rerun see exactly the same document, however the client wrote it.
 */
export function canonical(value: unknown): JsonValue {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    const out: JsonObject = {};
    for (const key of Object.keys(value).sort()) {
      const item = (value as Record<string, unknown>)[key];
      if (item !== undefined) out[key] = canonical(item);
    }
    return out;
  }
  return value as JsonValue;
}

/** A stored criterion version as a §8.1 criterion. */
export function criterionDocument(c: CriterionEntity, clauses: string[]): JsonObject {
  return {
    id: c.id,
    authority: c.authorityId,
    key: c.key,
    version: c.version,
    stage: c.stage,
    category: c.category,
    kind: c.kind,
    metric: c.metricKey,
    comparator: c.comparator,
    // The file format writes a BETWEEN threshold as [low, high] (DESIGN.md §8.1).
    threshold: c.comparator === 'BETWEEN' ? [c.threshold, c.thresholdHigh] : c.threshold,
    sectors: c.sectors,
    riskClasses: c.riskClasses,
    clauses,
  };
}

/**
 * A stored agreement as a §8.1 agreement. `asIfSigned` gives it status IN_FORCE: the engine counts
 * only agreements in force, so a draft is simulated "as if signed" this way (DESIGN.md §5).
 */
export function agreementDocument(a: AgreementEntity, rules: readonly AgreementRuleEntity[], asIfSigned = false): JsonObject {
  return {
    id: a.id,
    kind: a.kind,
    parties: a.parties,
    status: asIfSigned ? AgreementStatus.IN_FORCE : a.status,
    effectiveFrom: a.effectiveFrom,
    effectiveTo: a.effectiveTo,
    rules: rules.map((r) => ({
      id: r.id,
      origins: r.origins,
      recognising: r.recognising,
      categories: r.categories,
      stages: r.stages,
      sectors: r.sectors,
      riskClasses: r.riskClasses,
      criteria: r.criteria,
      effectiveFrom: r.effectiveFrom,
      effectiveTo: r.effectiveTo,
      mode: r.mode,
      effect: r.effect,
      conditions: r.conditions as JsonValue,
      supplementary: (r.supplementary ?? null) as JsonValue,
    })),
  };
}
