import { AgreementStatus, Comparator } from '@sandbridge/domain';
import type {
  AgreementEntity,
  AgreementRuleEntity,
  AuthorityEntity,
  CriterionEntity,
  CrosswalkEntity,
} from '@sandbridge/persistence';

// The platform's stored reference data and agreements as the objects of a
// `sandbridge/recognition-case@1` document (docs/formats.md#recognition-case), which a `sandbridge/scenario@1`
// reuses (§8.2). One mapping for every document the product writes — the recognition case of a
// status or passport answer and a simulation's reference and agreements — so they cannot drift.

/** JSON as the case and scenario files hold it (docs/formats.md). */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** A stored authority as a §8.1 authority. */
export function authorityDocument(a: AuthorityEntity): JsonObject {
  return { id: a.id, jurisdiction: a.jurisdictionCode };
}

/** A stored criterion version as a §8.1 criterion, with the ids of its clauses. */
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
    // The file format writes a BETWEEN threshold as [low, high] (docs/formats.md#recognition-case).
    threshold: c.comparator === Comparator.BETWEEN ? [c.threshold, c.thresholdHigh] : c.threshold,
    sectors: c.sectors,
    riskClasses: c.riskClasses,
    clauses,
  };
}

/** A stored crosswalk as a §8.1 crosswalk. */
export function crosswalkDocument(x: CrosswalkEntity): JsonObject {
  return { from: x.fromCriterionId, to: x.toCriterionId, relation: x.relation };
}

/**
 * A stored agreement with its rules as a §8.1 agreement. `asIfSigned` gives it status IN_FORCE: the
 * engine counts only agreements in force, so a draft is simulated "as if signed" this way (§5).
 */
export function agreementDocument(
  a: AgreementEntity,
  rules: readonly AgreementRuleEntity[],
  asIfSigned = false,
): JsonObject {
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
      // Stored as given: null means no conditions (§4), and the engine reads the object whole.
      conditions: r.conditions as JsonValue,
      // §8.1: null (the default), a string, or { text, criteria }.
      supplementary: (r.supplementary ?? null) as JsonValue,
    })),
  };
}
