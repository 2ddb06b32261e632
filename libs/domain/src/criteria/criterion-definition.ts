import type { FieldProblem } from '../errors/domain-error.js';
import { Comparator, CriterionKind } from './criteria.js';

/** What a criterion measures or requires; the kind decides which fields must be present. */
export interface CriterionDefinition {
  kind: CriterionKind;
  metricKey?: string | null;
  unit?: string | null;
  comparator?: Comparator | null;
  threshold?: number | null;
  thresholdHigh?: number | null;
  evidenceType?: string | null;
  statement?: string | null;
}

/**
 * Checks that a definition is complete and consistent for its kind (docs/domain.md#reference-data): a METRIC has a
 * metric key, unit, comparator and threshold(s) — two, low < high, for BETWEEN; an EVIDENCE names a
 * document type; an ATTESTATION has its statement. Fields of another kind must be empty.
 * Returns the problems with paths under `prefix` (none = valid).
 */
export function checkCriterionDefinition(definition: CriterionDefinition, prefix = 'input'): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const at = (field: string, message: string) => problems.push({ path: `${prefix}.${field}`, message });
  const given = (value: unknown) => value !== null && value !== undefined && value !== '';
  const metricFields = ['metricKey', 'unit', 'comparator', 'threshold', 'thresholdHigh'] as const;
  switch (definition.kind) {
    case CriterionKind.METRIC: {
      for (const field of ['metricKey', 'unit', 'comparator', 'threshold'] as const) {
        if (!given(definition[field])) at(field, 'is required for a METRIC criterion');
      }
      if (definition.comparator === Comparator.BETWEEN) {
        if (!given(definition.thresholdHigh)) at('thresholdHigh', 'is required for BETWEEN');
        else if (given(definition.threshold) && definition.thresholdHigh! <= definition.threshold!) {
          at('thresholdHigh', 'must be greater than threshold');
        }
      } else if (given(definition.thresholdHigh)) {
        at('thresholdHigh', 'is only for the BETWEEN comparator');
      }
      for (const field of ['threshold', 'thresholdHigh'] as const) {
        if (given(definition[field]) && !Number.isFinite(definition[field])) at(field, 'must be a finite number');
      }
      if (given(definition.evidenceType)) at('evidenceType', 'is only for an EVIDENCE criterion');
      if (given(definition.statement)) at('statement', 'is only for an ATTESTATION criterion');
      break;
    }
    case CriterionKind.EVIDENCE:
      if (!given(definition.evidenceType)) at('evidenceType', 'is required for an EVIDENCE criterion');
      for (const field of metricFields) if (given(definition[field])) at(field, 'is only for a METRIC criterion');
      if (given(definition.statement)) at('statement', 'is only for an ATTESTATION criterion');
      break;
    case CriterionKind.ATTESTATION:
      if (!given(definition.statement)) at('statement', 'is required for an ATTESTATION criterion');
      for (const field of metricFields) if (given(definition[field])) at(field, 'is only for a METRIC criterion');
      if (given(definition.evidenceType)) at('evidenceType', 'is only for an EVIDENCE criterion');
      break;
  }
  return problems;
}
