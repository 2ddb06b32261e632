import { Injectable } from '@nestjs/common';
import { TestReportService } from '../enrolments/test-report.service.js';
import { Clock } from '@sandbridge/common';
import {
  type Actor,
  DomainError,
  isUtcDay,
  type RecognitionCaseDocument,
  type QueryResolution,
  ReportStatus,
  resolveCase,
  Role,
  serialiseRecognitionCase,
  type ShownQueryResolution,
  ShownRecognitionOutcome,
  toUtcDay,
  withholdUnreadableResolution,
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
  /** Criteria decided by a result the reader may not read (shown WITHHELD, counted nowhere else). */
  withheld: number;
  testsNeededIds: string[];
}

export interface RecognitionPassport {
  asOf: string;
  authorities: PassportPage[];
}

/**
 * Mutual recognition over the platform's data (docs/domain.md#recognition, §8.1): builds the
 * `sandbridge/recognition-case@1` document for one (system, authority) question and resolves it
 * with the pure engine. Answers are resolved with the reports the target authority may read and
 * shown to the caller with WITHHELD where it may not read the deciding result; the exported case
 * carries only what the caller may read, so it replays to the same answer wherever nothing is
 * withheld.
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
    if (actor.role === Role.NEGOTIATOR)
      throw DomainError.forbidden(
        'Only the system’s innovators, regulators and administrators see its recognition status',
      );
  }

  private canSee(actor: Actor, system: AiSystemEntity): boolean {
    return actor.role !== Role.INNOVATOR || actor.organisationId === system.organisationId;
  }

  /**
   * The exported case: only results both the caller and the target authority may read (a file
   * cannot carry WITHHELD), so a criterion the caller is shown as WITHHELD appears there as the
   * caller's own evidence makes it.
   */
  async buildCase(
    actor: Actor,
    aiSystemId: string,
    authorityId: string,
    asOf?: string | null,
  ): Promise<RecognitionCaseDocument> {
    const { recognitionCase } = (await this.assembleFor(actor, aiSystemId, authorityId, asOf, 'caller')).cases[0];
    // Written by the format's own serialiser, so the export is always a case the reader (and the CLI) accepts.
    return serialiseRecognitionCase(recognitionCase);
  }

  private assembleFor(
    actor: Actor,
    aiSystemId: string,
    authorityId: string,
    asOf: string | null | undefined,
    evidence: Evidence,
  ): Promise<AssembledCase> {
    return this.assemble(actor, aiSystemId, asOf, evidence, async () => {
      const authority = await this.authorities.findById(authorityId);
      if (!authority) throw DomainError.notFound('Authority', authorityId);
      return [authority.id];
    });
  }

  /**
   * For every authority of every jurisdiction: how many of its ACTIVE criteria the system
   * satisfies locally, has recognised (fully or with conditions), or still has to test, and how
   * many rest on results the caller may not read (WITHHELD) — one engine run per group of
   * authorities that may read the same reports.
   */
  async passport(actor: Actor, aiSystemId: string, asOf?: string | null): Promise<RecognitionPassport> {
    const assembled = await this.assemble(actor, aiSystemId, asOf, 'authority', async () =>
      (await this.authorities.page({}, { first: 100 })).items.map((a) => a.id),
    );
    const count = (criteria: { outcome: ShownRecognitionOutcome }[], outcome: ShownRecognitionOutcome) =>
      criteria.filter((c) => c.outcome === outcome).length;
    const { targetIds } = assembled;
    const resolutions = shownResolutions(assembled).sort(
      (a, b) => targetIds.indexOf(a.authority) - targetIds.indexOf(b.authority),
    );
    return {
      asOf: assembled.cases[0].recognitionCase.asOf,
      authorities: resolutions.map((r) => ({
        authorityId: r.authority,
        satisfiedLocally: count(r.criteria, ShownRecognitionOutcome.SATISFIED_LOCALLY),
        recognised: count(r.criteria, ShownRecognitionOutcome.RECOGNISED),
        recognisedWithConditions: count(r.criteria, ShownRecognitionOutcome.RECOGNISED_WITH_CONDITIONS),
        gaps: count(r.criteria, ShownRecognitionOutcome.GAP),
        notApplicable: count(r.criteria, ShownRecognitionOutcome.NOT_APPLICABLE),
        withheld: count(r.criteria, ShownRecognitionOutcome.WITHHELD),
        // Still to test there: gaps, and recognitions that come with supplementary conditions (a
        // WITHHELD one is not listed: that would tell what the hidden result decided).
        testsNeededIds: r.criteria
          .filter(
            (c) =>
              c.outcome === ShownRecognitionOutcome.GAP ||
              c.outcome === ShownRecognitionOutcome.RECOGNISED_WITH_CONDITIONS,
          )
          .map((c) => c.criterion),
      })),
    };
  }

  private async assemble(
    actor: Actor,
    aiSystemId: string,
    asOf: string | null | undefined,
    evidence: Evidence,
    targets: () => Promise<string[]>,
  ): Promise<AssembledCase> {
    this.requireRecognitionReader(actor);
    const day = asOf ?? this.today();
    if (!isUtcDay(day)) throw DomainError.badInput([{ path: 'asOf', message: 'must be a UTC day YYYY-MM-DD' }]);
    return this.connection.withTransaction(async () => {
      const system = await this.systems.findById(aiSystemId);
      if (!system || !this.canSee(actor, system)) throw DomainError.notFound('AI system', aiSystemId);
      const targetIds = await targets();

      const enrolments = await this.enrolments.ofSystem(system.id);
      const access = await this.reportAccess.readersOf(
        actor,
        enrolments.map((e) => e.id),
        targetIds,
        (r) => r.status === ReportStatus.ACCEPTED,
      );
      // A result counts toward an authority's criteria only if that authority may read its report.
      // The exported case also leaves out what the caller may not read; the answers shown keep it
      // (that is the authority's truth) and withhold what it decides from the caller.
      const countsFor = (target: string) => {
        const readable = access.byAuthority.get(target)!;
        return evidence === 'caller' ? readable.filter((r) => access.actorMayRead.has(r.id)) : readable;
      };
      const targetCriteria: CriterionEntity[] = [];
      for (const target of targetIds) targetCriteria.push(...(await this.criteria.activeOf(target)));
      const cases = await this.casesByReadableReports(day, system, countsFor, targetIds, targetCriteria);
      return { cases, active: new Set(targetCriteria.map((c) => c.id)), targetIds, actorMayRead: access.actorMayRead };
    });
  }

  /**
   * The engine's answer for the one query, for the authority's ACTIVE criteria, resolved with the
   * reports that authority may read and shown to the caller: an outcome resting on a result the
   * caller may not read is WITHHELD.
   */
  async status(
    actor: Actor,
    aiSystemId: string,
    authorityId: string,
    asOf?: string | null,
  ): Promise<{ asOf: string; resolution: ShownQueryResolution }> {
    const assembled = await this.assembleFor(actor, aiSystemId, authorityId, asOf, 'authority');
    return { asOf: assembled.cases[0].recognitionCase.asOf, resolution: shownResolutions(assembled)[0] };
  }

  /**
   * Target authorities whose counting reports are the same share one case, so a single target
   * (recognitionStatus, the exported case) always has exactly one, and the passport's statements
   * grow with the number of distinct report sets, not of authorities.
   */
  private async casesByReadableReports(
    asOf: string,
    system: AiSystemEntity,
    countsFor: (target: string) => TestReportEntity[],
    targetIds: string[],
    targetCriteria: CriterionEntity[],
  ): Promise<BuiltCase[]> {
    const groups = new Map<string, string[]>();
    for (const target of targetIds) {
      const key = countsFor(target)
        .map((r) => r.id)
        .join(',');
      groups.set(key, [...(groups.get(key) ?? []), target]);
    }
    if (!groups.size) groups.set('', []);
    const cases: BuiltCase[] = [];
    for (const group of groups.values()) {
      const criteria = targetCriteria.filter((c) => group.includes(c.authorityId));
      const reports = group.length ? countsFor(group[0]) : [];
      cases.push(
        await this.caseBuilder.buildWithSources({
          asOf,
          system,
          reports,
          targetAuthorityIds: group,
          targetCriteria: criteria,
        }),
      );
    }
    return cases;
  }
}

/** Which reports a case counts: those the target authority may read, or (the exported case) only those the caller may read too. */
type Evidence = 'authority' | 'caller';

type BuiltCase = Awaited<ReturnType<RecognitionCaseBuilder['buildWithSources']>>;

/** Every case's resolutions, for the ACTIVE criteria, as the caller is shown them (WITHHELD where it may not read the deciding result). */
function shownResolutions({ cases, active, actorMayRead }: AssembledCase): ShownQueryResolution[] {
  return cases.flatMap(({ recognitionCase, reportOfResult }) => {
    const mayRead = (resultId: string) => actorMayRead.has(reportOfResult.get(resultId) ?? '');
    return resolveCase(recognitionCase).resolutions.map((resolution) =>
      withholdUnreadableResolution(onlyActive(resolution, active), mayRead),
    );
  });
}

/**
 * The cases (one per group of targets that count the same reports), the ids of the target
 * authorities' ACTIVE criteria (the ones the product answers for) and the ids of the reports the
 * caller may read.
 */
interface AssembledCase {
  cases: BuiltCase[];
  active: ReadonlySet<string>;
  targetIds: string[];
  actorMayRead: ReadonlySet<string>;
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
