import {
  type Actor,
  AgreementAction,
  type AgreementKind,
  type AgreementTerms,
  DomainError,
  type DraftRuleConditions,
  Role,
  type RuleDraft,
} from '@sandbridge/domain';
import type { AgreementRuleEntity } from '@sandbridge/persistence';

export interface AgreementFields {
  name: string;
  kind: AgreementKind;
  parties: string[];
  /** UTC days `YYYY-MM-DD`; null = open. */
  effectiveFrom?: string | null;
  effectiveTo?: string | null;
}

/** Absent (or null, for required fields) = unchanged; null clears an optional field. */
export type UpdateAgreementCommand = { id: string } & { [K in keyof AgreementFields]?: AgreementFields[K] | null };

export interface RuleFields extends RuleDraft {
  name?: string | null;
  conditions?: DraftRuleConditions | null;
}

export type AddRuleCommand = RuleFields & { agreementId: string };
/** Replaces every field of the rule. */
export type UpdateRuleCommand = RuleFields & { id: string };

export const AGREEMENT_REQUIRED_FIELDS = new Set(['name', 'kind', 'parties']);

export const AUDIT_ACTIONS: Record<AgreementAction, string> = {
  [AgreementAction.PROPOSE]: 'PROPOSE_AGREEMENT',
  [AgreementAction.APPROVE]: 'APPROVE_AGREEMENT',
  [AgreementAction.SUSPEND]: 'SUSPEND_AGREEMENT',
  [AgreementAction.RESUME]: 'RESUME_AGREEMENT',
  [AgreementAction.TERMINATE]: 'TERMINATE_AGREEMENT',
};

export function termsOf(f: {
  kind: AgreementKind;
  parties: string[];
  effectiveFrom?: string | null;
  effectiveTo?: string | null;
}): AgreementTerms {
  return {
    kind: f.kind,
    parties: [...f.parties],
    effectiveFrom: f.effectiveFrom ?? null,
    effectiveTo: f.effectiveTo ?? null,
  };
}

export function draftOf(rule: AgreementRuleEntity): RuleDraft {
  return { ...rule, conditions: rule.conditions as DraftRuleConditions | null };
}

export function partyJurisdiction(actor: Actor): string {
  if (actor.role !== Role.NEGOTIATOR || !actor.jurisdictionCode)
    throw DomainError.forbidden(`Only negotiators draft and steer agreements; you are ${actor.role}`);
  return actor.jurisdictionCode;
}
