import { Injectable } from '@nestjs/common';
import { Clock } from '@sandbridge/common';
import {
  type Actor,
  AgreementAction,
  AgreementStatus,
  type AgreementTerms,
  criteriaNamedBy,
  decideAgreementTransition,
  DomainError,
  type FieldProblem,
  isAgreementEditable,
  isUuid,
  normaliseSupplementary,
  type Page,
  type PageRequest,
  validateAgreementTerms,
  validateRule,
} from '@sandbridge/domain';
import {
  type AgreementApprovalEntity,
  type AgreementEntity,
  type AgreementFilter,
  AgreementRepository,
  type AgreementRuleEntity,
  AuditRepository,
  CriterionRepository,
  JurisdictionRepository,
  TransactionalConnection,
} from '@sandbridge/persistence';
import { AuditService } from '../cooperation/audit.service.js';
import {
  type AddRuleCommand,
  type AgreementFields,
  AUDIT_ACTIONS,
  draftOf,
  partyJurisdiction,
  AGREEMENT_REQUIRED_FIELDS,
  type RuleFields,
  termsOf,
  type UpdateAgreementCommand,
  type UpdateRuleCommand,
} from './agreement-fields.js';

/**
 * Recognition agreements (docs/domain.md#recognition): negotiators of the parties draft them and their rules,
 * then propose, approve (every party), suspend, resume and terminate. Agreements are public
 * instruments: every signed-in user reads them. Every change is in the audit trail.
 */
/** One step of an agreement's lifecycle, as the audit trail recorded it. */
export interface AgreementHistoryEvent {
  action: AgreementAction;
  at: Date;
  actorAccountId: string | null;
  /** The approving party (APPROVE only). */
  party: string | null;
  fromStatus: AgreementStatus;
  toStatus: AgreementStatus;
}

@Injectable()
export class AgreementService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly agreements: AgreementRepository,
    private readonly jurisdictions: JurisdictionRepository,
    private readonly criteria: CriterionRepository,
    private readonly audit: AuditService,
    private readonly auditEntries: AuditRepository,
    private readonly clock: Clock,
  ) {}

  findById(id: string): Promise<AgreementEntity | null> {
    return this.agreements.findById(id);
  }

  list(filter: AgreementFilter, page: PageRequest): Promise<Page<AgreementEntity>> {
    return this.agreements.page(filter, page);
  }

  /** For DataLoader: the rules of each agreement. */
  async rulesOf(agreementIds: readonly string[]): Promise<AgreementRuleEntity[][]> {
    const rows = await this.agreements.rulesOf(agreementIds);
    return agreementIds.map((id) => rows.filter((r) => r.agreementId === id));
  }

  /** For DataLoader: the approvals of each agreement's current proposal. */
  async approvalsOf(agreementIds: readonly string[]): Promise<AgreementApprovalEntity[][]> {
    const rows = await this.agreements.approvalsOf(agreementIds);
    return agreementIds.map((id) => rows.filter((r) => r.agreementId === id));
  }

  /**
   * For DataLoader: each agreement's lifecycle so far (proposed, each party's approval — the last
   * one putting it in force — suspended, resumed, terminated), oldest first, read from the audit
   * trail in one statement. The caller has already been allowed to see the agreements.
   */
  async historyOf(agreementIds: readonly string[]): Promise<AgreementHistoryEvent[][]> {
    const entries = await this.auditEntries.ofEntities(
      'AGREEMENT',
      agreementIds.filter(isUuid),
      Object.values(AUDIT_ACTIONS),
    );
    const actionOf = new Map(Object.entries(AUDIT_ACTIONS).map(([action, code]) => [code, action as AgreementAction]));
    return agreementIds.map((id) =>
      entries
        .filter((e) => e.entityId === id)
        .map((e) => ({
          action: actionOf.get(e.action)!,
          at: e.occurredAt,
          actorAccountId: e.actorAccountId,
          party: typeof e.data.party === 'string' ? e.data.party : null,
          fromStatus: e.data.from as AgreementStatus,
          toStatus: e.data.to as AgreementStatus,
        })),
    );
  }

  create(actor: Actor, command: AgreementFields): Promise<AgreementEntity> {
    const party = partyJurisdiction(actor);
    return this.connection.withTransaction(async () => {
      const terms = termsOf(command);
      await this.checkTerms(terms);
      if (!terms.parties.includes(party))
        throw DomainError.forbidden(`A negotiator drafts agreements its own jurisdiction (${party}) is party to`);
      const agreement = await this.agreements.insert({
        name: command.name,
        status: AgreementStatus.DRAFT,
        createdBy: actor.accountId,
        ...terms,
      });
      await this.record(actor, 'CREATE_AGREEMENT', agreement, { name: agreement.name, ...terms });
      return agreement;
    });
  }

  update(actor: Actor, command: UpdateAgreementCommand): Promise<AgreementEntity> {
    return this.connection.withTransaction(async () => {
      const agreement = await this.editable(actor, command.id);
      const changes = Object.fromEntries(
        Object.entries(command).filter(
          ([k, v]) => v !== undefined && k !== 'id' && !(v === null && AGREEMENT_REQUIRED_FIELDS.has(k)),
        ),
      );
      const merged = { ...termsOf(agreement), name: agreement.name, ...changes } as AgreementFields;
      const terms = termsOf(merged);
      await this.checkTerms(terms);
      if (!terms.parties.includes(actor.jurisdictionCode!))
        throw DomainError.forbidden('A negotiator cannot remove its own jurisdiction from the parties');
      // The rules already drafted must still hold under the new terms.
      const [rules] = await this.rulesOf([agreement.id]);
      const problems = new Map<string, string>();
      for (const rule of rules) {
        const label = rule.name || rule.id;
        for (const p of validateRule(draftOf(rule), terms, new Set(rule.criteria), 'rule')) {
          let field =
            p.path === 'rule.origins' || p.path === 'rule.recognising' ? 'parties' : p.path.replace('rule.', '');
          if (field !== 'parties' && field !== 'effectiveFrom' && field !== 'effectiveTo') continue;
          // A rule window problem comes from the bound the caller changed.
          if (field !== 'parties' && command[field] === undefined)
            field = field === 'effectiveFrom' ? 'effectiveTo' : 'effectiveFrom';
          problems.set(`input.${field}`, `would make rule ${label} invalid (${p.message})`);
        }
      }
      if (problems.size) throw DomainError.badInput([...problems].map(([path, message]) => ({ path, message })));
      Object.assign(agreement, { name: merged.name, ...terms });
      const saved = await this.agreements.save(agreement);
      await this.record(actor, 'UPDATE_AGREEMENT', saved, changes);
      return saved;
    });
  }

  addRule(actor: Actor, command: AddRuleCommand): Promise<AgreementEntity> {
    return this.connection.withTransaction(async () => {
      const agreement = await this.editable(actor, command.agreementId);
      const values = await this.checkedRule(command, agreement);
      const rule = await this.agreements.saveRule({ agreementId: agreement.id, ...values });
      await this.record(actor, 'ADD_AGREEMENT_RULE', agreement, { ruleId: rule.id, rule: values });
      return agreement;
    });
  }

  updateRule(actor: Actor, command: UpdateRuleCommand): Promise<AgreementEntity> {
    return this.connection.withTransaction(async () => {
      const rule = await this.agreements.findRule(command.id);
      if (!rule) throw DomainError.notFound('Rule', command.id);
      const agreement = await this.editable(actor, rule.agreementId);
      const values = await this.checkedRule(command, agreement);
      await this.agreements.saveRule({ ...rule, ...values });
      await this.record(actor, 'UPDATE_AGREEMENT_RULE', agreement, { ruleId: rule.id, rule: values });
      return agreement;
    });
  }

  removeRule(actor: Actor, ruleId: string): Promise<AgreementEntity> {
    return this.connection.withTransaction(async () => {
      const rule = await this.agreements.findRule(ruleId);
      if (!rule) throw DomainError.notFound('Rule', ruleId);
      const agreement = await this.editable(actor, rule.agreementId);
      await this.agreements.removeRule(rule.id);
      await this.record(actor, 'REMOVE_AGREEMENT_RULE', agreement, { ruleId: rule.id, name: rule.name });
      return agreement;
    });
  }

  /** A negotiator of a party moves the agreement on (libs/domain decides); approvals are recorded. */
  transition(actor: Actor, id: string, action: AgreementAction): Promise<AgreementEntity> {
    return this.connection.withTransaction(async () => {
      const agreement = await this.asParty(actor, id, true);
      const party = actor.jurisdictionCode!;
      const [[rules], [approvals]] = await Promise.all([
        this.rulesOf([agreement.id]),
        this.approvalsOf([agreement.id]),
      ]);
      const verdict = decideAgreementTransition(
        {
          status: agreement.status,
          parties: agreement.parties,
          approvedBy: approvals.map((a) => a.jurisdictionCode),
          ruleCount: rules.length,
        },
        action,
        party,
      );
      if (!verdict.allowed) throw DomainError.invalidTransition(verdict.reason);
      const from = agreement.status;
      const approvedAt = this.clock.now();
      if (verdict.approval)
        await this.agreements.addApproval({
          agreementId: agreement.id,
          jurisdictionCode: party,
          approvedBy: actor.accountId,
          approvedAt,
        });
      agreement.status = verdict.to;
      const saved = await this.agreements.save(agreement);
      await this.record(actor, AUDIT_ACTIONS[action], saved, {
        from,
        to: verdict.to,
        ...(verdict.approval ? { party, approvedAt: approvedAt.toISOString() } : {}),
      });
      return saved;
    });
  }

  private record(actor: Actor, action: string, agreement: AgreementEntity, data: Record<string, unknown>) {
    return this.audit.append(actor, { action, entityType: 'AGREEMENT', entityId: agreement.id, data });
  }

  /** The agreement, locked, when the actor negotiates for one of its parties. */
  private async asParty(actor: Actor, id: string, lock = false): Promise<AgreementEntity> {
    const party = partyJurisdiction(actor);
    const agreement = lock ? await this.agreements.findByIdForUpdate(id) : await this.agreements.findById(id);
    if (!agreement) throw DomainError.notFound('Agreement', id);
    if (!agreement.parties.includes(party))
      throw DomainError.forbidden(`Only negotiators of the parties (${agreement.parties.join(', ')}) may do this`);
    return agreement;
  }

  private async editable(actor: Actor, id: string): Promise<AgreementEntity> {
    const agreement = await this.asParty(actor, id, true);
    if (!isAgreementEditable(agreement.status)) {
      throw DomainError.invalidTransition(`A ${agreement.status} agreement can no longer be edited (only a DRAFT)`);
    }
    return agreement;
  }

  private async checkTerms(terms: AgreementTerms): Promise<void> {
    const problems: FieldProblem[] = validateAgreementTerms(terms);
    const known = new Set((await this.jurisdictions.findByCodes([...new Set(terms.parties)])).map((j) => j.code));
    const unknown = terms.parties.filter((c) => !known.has(c));
    if (unknown.length && !problems.some((p) => p.path === 'input.parties'))
      problems.push({ path: 'input.parties', message: `unknown jurisdictions: ${unknown.join(', ')}` });
    if (problems.length) throw DomainError.badInput(problems);
  }

  private async checkedRule(rule: RuleFields, agreement: AgreementEntity) {
    const named = criteriaNamedBy(rule);
    const known = new Set((await this.criteria.findByIds(named)).map((c) => c.id));
    const problems = validateRule(rule, termsOf(agreement), known);
    if (problems.length) throw DomainError.badInput(problems);
    const set = (values: string[] | null | undefined) => [...new Set(values ?? [])];
    return {
      name: rule.name ?? '',
      origins: set(rule.origins),
      recognising: set(rule.recognising),
      categories: set(rule.categories),
      stages: set(rule.stages),
      sectors: set(rule.sectors),
      riskClasses: set(rule.riskClasses),
      criteria: set(rule.criteria),
      effectiveFrom: rule.effectiveFrom ?? null,
      effectiveTo: rule.effectiveTo ?? null,
      mode: rule.mode ?? null,
      effect: rule.effect,
      conditions: rule.conditions ? { ...rule.conditions } : null,
      supplementary: normaliseSupplementary(rule.supplementary),
    };
  }
}
