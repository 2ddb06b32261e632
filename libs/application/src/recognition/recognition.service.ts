import { Injectable } from '@nestjs/common';
import { TestReportService } from '../enrolments/test-report.service.js';
import { Clock } from '@sandbridge/common';
import {
  RecognitionOutcome,
  type Actor,
  DomainError,
  isUtcDay,
  type RecognitionCase,
  type QueryResolution,
  resolveCase,
  Role,
  toUtcDay,
} from '@sandbridge/domain';
import {
  AiSystemRepository,
  type AiSystemEntity,
  AuthorityRepository,
  CriterionRepository,
  type CriterionEntity,
  EnrolmentRepository,
  type TestReportEntity,
  TransactionalConnection,
} from '@sandbridge/persistence';
import { RecognitionCaseBuilder } from './recognition-case.builder.js';

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

/**
 * Mutual recognition over the platform's data (DESIGN.md §4, §8.1): builds the
 * `sandbridge/recognition-case@1` document for one (system, authority) question and resolves it
 * with the pure engine, so the exported case replays to the same answer.
 */
@Injectable()
export class RecognitionService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly systems: AiSystemRepository,
    private readonly authorities: AuthorityRepository,
    private readonly criteria: CriterionRepository,
    private readonly enrolments: EnrolmentRepository,
    private readonly reportAccess: TestReportService,
    private readonly caseBuilder: RecognitionCaseBuilder,
    private readonly clock: Clock,
  ) {}

  /** Today as a UTC day, from the injected clock. */
  today(): string {
    return toUtcDay(this.clock.now());
  }

  /**
   * The system's own innovators, administrators and regulators (of any authority: recognition
   * status answers "what would this authority accept", which any regulator may ask) see it;
   * negotiators never do (refused whatever the id, so nothing is revealed), and another
   * organisation's system is answered as missing to an innovator, exactly like an unknown id.
   */
  private requireRecognitionReader(actor: Actor): void {
    if (actor.role === Role.NEGOTIATOR) throw DomainError.forbidden('Only the system’s innovators, regulators and administrators see its recognition status');
  }

  private canSee(actor: Actor, system: AiSystemEntity): boolean {
    return actor.role !== Role.INNOVATOR || actor.organisationId === system.organisationId;
  }

  async buildCase(actor: Actor, aiSystemId: string, authorityId: string, asOf?: string | null): Promise<RecognitionCase> {
    return (await this.assembleFor(actor, aiSystemId, authorityId, asOf)).cases[0];
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
    const { cases, active, targetIds } = await this.assemble(actor, aiSystemId, asOf, async () => (await this.authorities.page({}, { first: 100 })).items.map((a) => a.id));
    const count = (criteria: { outcome: RecognitionOutcome }[], outcome: RecognitionOutcome) => criteria.filter((c) => c.outcome === outcome).length;
    const resolutions = cases.flatMap((c) => resolveCase(c).resolutions).sort((a, b) => targetIds.indexOf(a.authority) - targetIds.indexOf(b.authority));
    return {
      asOf: cases[0].asOf,
      authorities: resolutions.map((resolution) => onlyActive(resolution, active)).map((r) => ({
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
    this.requireRecognitionReader(actor);
    const day = asOf ?? this.today();
    if (!isUtcDay(day)) throw DomainError.badInput([{ path: 'asOf', message: 'must be a UTC day YYYY-MM-DD' }]);
    return this.connection.withTransaction(async () => {
      const system = await this.systems.findById(aiSystemId);
      if (!system || !this.canSee(actor, system)) throw DomainError.notFound('AI system', aiSystemId);
      const targetIds = await targets();

      const enrolments = await this.enrolments.ofSystem(system.id);
      // Only reports whose confidentiality lets the caller see them (DESIGN.md §1): a regulator's
      // answer never rests on evidence it may not read, and the exported case never carries it.
      const reports = (await this.reportAccess.ofEnrolments(actor, enrolments.map((e) => e.id))).flat().filter((r) => r.status === 'ACCEPTED');
      const targetCriteria: CriterionEntity[] = [];
      for (const target of targetIds) targetCriteria.push(...(await this.criteria.activeOf(target)));
      const cases = await this.casesByReadableReports(day, system, reports, targetIds, targetCriteria);
      return { cases, active: new Set(targetCriteria.map((c) => c.id)), targetIds };
    });
  }

  /** The engine's answer for the one query of the case, for the authority's ACTIVE criteria. */
  async status(actor: Actor, aiSystemId: string, authorityId: string, asOf?: string | null): Promise<{ asOf: string; resolution: QueryResolution }> {
    const { cases, active } = await this.assembleFor(actor, aiSystemId, authorityId, asOf);
    return { asOf: cases[0].asOf, resolution: onlyActive(resolveCase(cases[0]).resolutions[0], active) };
  }

  /**
   * A result counts toward an authority's criteria only if that authority may read its report (as
   * well as the caller): target authorities that may read the same reports share one case, so a
   * single target (recognitionStatus, the exported case) always has exactly one.
   */
  private async casesByReadableReports(
    asOf: string,
    system: AiSystemEntity,
    reports: TestReportEntity[],
    targetIds: string[],
    targetCriteria: CriterionEntity[],
  ): Promise<RecognitionCase[]> {
    const readable = await this.reportAccess.readableByAuthorities(targetIds, reports);
    const groups = new Map<string, string[]>();
    for (const target of targetIds) {
      const key = readable.get(target)!.map((r) => r.id).join(',');
      groups.set(key, [...(groups.get(key) ?? []), target]);
    }
    if (!groups.size) groups.set('', []);
    const cases: RecognitionCase[] = [];
    for (const group of groups.values()) {
      const criteria = targetCriteria.filter((c) => group.includes(c.authorityId));
      cases.push(await this.caseBuilder.build({ asOf, system, reports: readable.get(group[0])!, targetAuthorityIds: group, targetCriteria: criteria }));
    }
    return cases;
  }
}

/** The cases (one per group of targets that may read the same reports), and the ids of the target authorities' ACTIVE criteria: the ones the product answers for. */
interface AssembledCase {
  cases: RecognitionCase[];
  active: ReadonlySet<string>;
  targetIds: string[];
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
