import { Injectable } from '@nestjs/common';
import { TestReportService } from '../enrolments/test-report.service.js';
import { Clock } from '@sandbridge/common';
import {
  RecognitionOutcome,
  type Actor,
  DomainError,
  isUtcDay,
  parseRecognitionCase,
  RECOGNITION_CASE_FORMAT,
  type RecognitionCase,
  type QueryResolution,
  resolveCase,
  Role,
  toUtcDay,
} from '@sandbridge/domain';
import {
  AgreementRepository,
  AiSystemRepository,
  type AiSystemEntity,
  AuthorityRepository,
  CriterionRepository,
  type CriterionEntity,
  CrosswalkRepository,
  EnrolmentRepository,
  TestReportRepository,
  TransactionalConnection,
} from '@sandbridge/persistence';

/**
 * Mutual recognition over the platform's data (DESIGN.md §4, §8.1): builds the
 * `sandbridge/recognition-case@1` document for one (system, authority) question and resolves it
 * with the pure engine, so the exported case replays to the same answer.
 */
/** One authority's page of a system's recognition passport. */
export interface PassportPage {
  authorityId: string;
  satisfiedLocally: number;
  recognised: number;
  recognisedWithConditions: number;
  gaps: number;
  notApplicable: number;
  testsNeededIds: string[];
}

export interface RecognitionPassport {
  asOf: string;
  authorities: PassportPage[];
}

@Injectable()
export class RecognitionService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly systems: AiSystemRepository,
    private readonly authorities: AuthorityRepository,
    private readonly criteria: CriterionRepository,
    private readonly crosswalks: CrosswalkRepository,
    private readonly agreements: AgreementRepository,
    private readonly enrolments: EnrolmentRepository,
    private readonly reports: TestReportRepository,
    private readonly reportAccess: TestReportService,
    private readonly clock: Clock,
  ) {}

  /** Today as a UTC day, from the injected clock. */
  today(): string {
    return toUtcDay(this.clock.now());
  }

  /**
   * The system's own innovators, administrators and regulators (of any authority: recognition
   * status answers "what would this authority accept", which any regulator may ask) see it;
   * negotiators and other organisations' innovators do not.
   */
  private canSee(actor: Actor, system: AiSystemEntity): boolean {
    switch (actor.role) {
      case Role.ADMIN:
      case Role.REGULATOR:
        return true;
      case Role.INNOVATOR:
        return actor.organisationId === system.organisationId;
      case Role.NEGOTIATOR:
        return false;
    }
  }

  async buildCase(actor: Actor, aiSystemId: string, authorityId: string, asOf?: string | null): Promise<RecognitionCase> {
    return (await this.assembleFor(actor, aiSystemId, authorityId, asOf)).recognitionCase;
  }

  private assembleFor(actor: Actor, aiSystemId: string, authorityId: string, asOf?: string | null): Promise<AssembledCase> {
    return this.assemble(actor, aiSystemId, asOf, async () => {
      const authority = await this.authorities.findById(authorityId);
      if (!authority) throw DomainError.notFound('Authority', authorityId);
      return [authority.id];
    });
  }

  /**
   * For every authority of every jurisdiction: how many of its ACTIVE criteria the system
   * satisfies locally, has recognised (fully or with conditions), or still has to test — one case,
   * one engine run.
   */
  async passport(actor: Actor, aiSystemId: string, asOf?: string | null): Promise<RecognitionPassport> {
    const { recognitionCase, active } = await this.assemble(actor, aiSystemId, asOf, async () => (await this.authorities.page({}, { first: 100 })).items.map((a) => a.id));
    const count = (criteria: { outcome: RecognitionOutcome }[], outcome: RecognitionOutcome) => criteria.filter((c) => c.outcome === outcome).length;
    return {
      asOf: recognitionCase.asOf,
      authorities: resolveCase(recognitionCase).resolutions.map((resolution) => onlyActive(resolution, active)).map((r) => ({
        authorityId: r.authority,
        satisfiedLocally: count(r.criteria, RecognitionOutcome.SATISFIED_LOCALLY),
        recognised: count(r.criteria, RecognitionOutcome.RECOGNISED),
        recognisedWithConditions: count(r.criteria, RecognitionOutcome.RECOGNISED_WITH_CONDITIONS),
        gaps: count(r.criteria, RecognitionOutcome.GAP),
        notApplicable: count(r.criteria, RecognitionOutcome.NOT_APPLICABLE),
        // Still to test there: gaps, and recognitions that come with supplementary conditions.
        testsNeededIds: r.criteria
          .filter((c) => c.outcome === RecognitionOutcome.GAP || c.outcome === RecognitionOutcome.RECOGNISED_WITH_CONDITIONS)
          .map((c) => c.criterion),
      })),
    };
  }

  private async assemble(actor: Actor, aiSystemId: string, asOf: string | null | undefined, targets: () => Promise<string[]>): Promise<AssembledCase> {
    const day = asOf ?? this.today();
    if (!isUtcDay(day)) throw DomainError.badInput([{ path: 'asOf', message: 'must be a UTC day YYYY-MM-DD' }]);
    return this.connection.withTransaction(async () => {
      const system = await this.systems.findById(aiSystemId);
      if (!system) throw DomainError.notFound('AI system', aiSystemId);
      if (!this.canSee(actor, system)) throw DomainError.forbidden('Only the system’s innovators, regulators and administrators see its recognition status');
      const targetIds = await targets();

      const enrolments = await this.enrolments.ofSystem(system.id);
      // Only reports whose confidentiality lets the caller see them (DESIGN.md §1): a regulator's
      // answer never rests on evidence it may not read, and the exported case never carries it.
      const reports = (await this.reportAccess.ofEnrolments(actor, enrolments.map((e) => e.id))).flat().filter((r) => r.status === 'ACCEPTED');
      const reportById = new Map(reports.map((r) => [r.id, r]));
      const results = await this.reports.resultsOf(reports.map((r) => r.id));

      const criteria = new Map<string, CriterionEntity>();
      for (const target of targetIds) for (const c of await this.criteria.activeOf(target)) criteria.set(c.id, c);
      const active = new Set(criteria.keys());
      const named = [...new Set(results.map((r) => r.criterionId))].filter((id) => !criteria.has(id));
      for (const c of await this.criteria.findByIds(named)) criteria.set(c.id, c);
      const criterionIds = [...criteria.keys()];
      const clauses = new Map<string, string[]>();
      for (const link of await this.criteria.clauseLinks(criterionIds)) clauses.set(link.criterionId, [...(clauses.get(link.criterionId) ?? []), link.clauseId]);
      // Only crosswalks with both ends in the case: the format refuses dangling references.
      const crosswalks = (await this.crosswalks.touching(criterionIds)).filter((x) => criteria.has(x.fromCriterionId) && criteria.has(x.toCriterionId));

      const agreements = await this.agreements.all();
      const rules = await this.agreements.rulesOf(agreements.map((a) => a.id));

      const authorityIds = new Set([...targetIds, ...[...criteria.values()].map((c) => c.authorityId)]);
      const authorities = await this.authorities.findByIds([...authorityIds]);
      const jurisdictions = new Set<string>([
        ...authorities.map((a) => a.jurisdictionCode),
        ...reports.map((r) => r.testedIn),
        ...agreements.flatMap((a) => a.parties),
        ...rules.flatMap((r) => [...r.origins, ...r.recognising]),
      ]);

      const document = {
        format: RECOGNITION_CASE_FORMAT,
        asOf: day,
        jurisdictions: [...jurisdictions].sort().map((code) => ({ code })),
        authorities: authorities.map((a) => ({ id: a.id, jurisdiction: a.jurisdictionCode })),
        criteria: [...criteria.values()].map((c) => ({
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
          clauses: clauses.get(c.id) ?? [],
        })),
        crosswalks: crosswalks.map((x) => ({ from: x.fromCriterionId, to: x.toCriterionId, relation: x.relation })),
        agreements: agreements.map((a) => ({
          id: a.id,
          kind: a.kind,
          parties: a.parties,
          status: a.status,
          effectiveFrom: a.effectiveFrom,
          effectiveTo: a.effectiveTo,
          rules: rules
            .filter((r) => r.agreementId === a.id)
            .map((r) => ({
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
              conditions: r.conditions,
              supplementary: r.supplementary ?? null,
            })),
        })),
        systems: [{ id: system.id, sector: system.sector, riskClass: system.riskClass }],
        results: results.map((r) => {
          const report = reportById.get(r.reportId)!;
          return {
            id: r.id,
            system: system.id,
            criterion: r.criterionId,
            testedIn: report.testedIn,
            testedAt: report.periodEnd,
            value: r.value,
            passed: r.outcome === 'PASS',
            method: report.methodId,
            lab: { accredited: report.labAccredited, accreditationBody: report.labAccreditationBody },
          };
        }),
        queries: targetIds.map((target) => ({ system: system.id, authority: target })),
      };
      // The platform's data must always make a readable case; a CaseFormatError here is a bug.
      return { recognitionCase: parseRecognitionCase(document), active };
    });
  }

  /** The engine's answer for the one query of the case, for the authority's ACTIVE criteria. */
  async status(actor: Actor, aiSystemId: string, authorityId: string, asOf?: string | null): Promise<{ asOf: string; resolution: QueryResolution }> {
    const { recognitionCase, active } = await this.assembleFor(actor, aiSystemId, authorityId, asOf);
    return { asOf: recognitionCase.asOf, resolution: onlyActive(resolveCase(recognitionCase).resolutions[0], active) };
  }
}

/** A case, and the ids of the target authorities' ACTIVE criteria: the ones the product answers for. */
interface AssembledCase {
  recognitionCase: RecognitionCase;
  active: ReadonlySet<string>;
}

/**
 * The case must also carry the criteria its results name — among them, possibly, a retired version
 * of the target authority's own criterion (a foreign lab tested against it), which the file format
 * then resolves like any of that authority's criteria (§8.1: all versions). The product answers for
 * the ACTIVE ones only (§4), so the others are left out of its answer; every criterion it keeps
 * resolves exactly as the exported case replays.
 */
function onlyActive(resolution: QueryResolution, active: ReadonlySet<string>): QueryResolution {
  return { ...resolution, criteria: resolution.criteria.filter((c) => active.has(c.criterion)) };
}
