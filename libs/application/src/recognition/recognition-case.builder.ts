import { Injectable } from '@nestjs/common';
import {
  parseRecognitionCase,
  RECOGNITION_CASE_FORMAT,
  type RecognitionCase,
  ResultOutcome,
  type UtcDay,
} from '@sandbridge/domain';
import {
  AgreementRepository,
  type AiSystemEntity,
  AuthorityRepository,
  type CriterionEntity,
  CriterionRepository,
  CrosswalkRepository,
  type TestReportEntity,
  TestReportRepository,
} from '@sandbridge/persistence';
import { agreementDocument, authorityDocument, criterionDocument, crosswalkDocument } from './case-documents.js';

/** What one recognition case is about: a system, the reports that may count, the target criteria. */
export interface CaseRequest {
  asOf: UtcDay;
  system: AiSystemEntity;
  /** The system's reports that may count, already filtered (ACCEPTED, and readable by whoever the answer is for). */
  reports: TestReportEntity[];
  /** The authorities queried, in order. */
  targetAuthorityIds: string[];
  /** The criteria resolved for them (ACTIVE ones for recognition status; attached ones for a programme). */
  targetCriteria: CriterionEntity[];
}

/**
 * Builds the `sandbridge/recognition-case@1` document (docs/formats.md#recognition-case) from the platform's data, so
 * every answer the product gives replays offline through the same pure engine. Callers decide which
 * reports may count (confidentiality) and which criteria are resolved; this adds what the engine
 * needs around them: the results, the criteria they name, clauses, crosswalks, every agreement.
 */
@Injectable()
export class RecognitionCaseBuilder {
  constructor(
    private readonly authorities: AuthorityRepository,
    private readonly criteria: CriterionRepository,
    private readonly crosswalks: CrosswalkRepository,
    private readonly agreements: AgreementRepository,
    private readonly reports: TestReportRepository,
  ) {}

  async build(request: CaseRequest): Promise<RecognitionCase> {
    return (await this.buildWithSources(request)).recognitionCase;
  }

  /** `build`, and the report each of the case's results comes from (by result id): who may read a result is decided by its report. */
  async buildWithSources(
    request: CaseRequest,
  ): Promise<{ recognitionCase: RecognitionCase; reportOfResult: ReadonlyMap<string, string> }> {
    const { system, reports, targetAuthorityIds } = request;
    const reportById = new Map(reports.map((r) => [r.id, r]));
    const results = await this.reports.resultsOf(reports.map((r) => r.id));

    const criteria = new Map<string, CriterionEntity>(request.targetCriteria.map((c) => [c.id, c]));
    const named = [...new Set(results.map((r) => r.criterionId))].filter((id) => !criteria.has(id));
    for (const c of await this.criteria.findByIds(named)) criteria.set(c.id, c);
    const criterionIds = [...criteria.keys()];
    const clauses = new Map<string, string[]>();
    for (const link of await this.criteria.clauseLinks(criterionIds))
      clauses.set(link.criterionId, [...(clauses.get(link.criterionId) ?? []), link.clauseId]);
    // Only crosswalks with both ends in the case: the format refuses dangling references.
    const crosswalks = (await this.crosswalks.touching(criterionIds)).filter(
      (x) => criteria.has(x.fromCriterionId) && criteria.has(x.toCriterionId),
    );

    const agreements = await this.agreements.all();
    const rules = await this.agreements.rulesOf(agreements.map((a) => a.id));

    const authorityIds = new Set([...targetAuthorityIds, ...[...criteria.values()].map((c) => c.authorityId)]);
    const authorities = await this.authorities.findByIds([...authorityIds]);
    const jurisdictions = new Set<string>([
      ...authorities.map((a) => a.jurisdictionCode),
      ...reports.map((r) => r.testedIn),
      ...agreements.flatMap((a) => a.parties),
      ...rules.flatMap((r) => [...r.origins, ...r.recognising]),
    ]);

    const document = {
      format: RECOGNITION_CASE_FORMAT,
      asOf: request.asOf,
      jurisdictions: [...jurisdictions].sort().map((code) => ({ code })),
      authorities: authorities.map(authorityDocument),
      criteria: [...criteria.values()].map((c) => criterionDocument(c, clauses.get(c.id) ?? [])),
      crosswalks: crosswalks.map(crosswalkDocument),
      agreements: agreements.map((a) =>
        agreementDocument(
          a,
          rules.filter((r) => r.agreementId === a.id),
        ),
      ),
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
          passed: r.outcome === ResultOutcome.PASS,
          method: report.methodId,
          lab: { accredited: report.labAccredited, accreditationBody: report.labAccreditationBody },
        };
      }),
      queries: targetAuthorityIds.map((target) => ({ system: system.id, authority: target })),
    };
    // The platform's data must always make a readable case; a CaseFormatError here is a bug.
    return {
      recognitionCase: parseRecognitionCase(document),
      reportOfResult: new Map(results.map((r) => [r.id, r.reportId])),
    };
  }
}
