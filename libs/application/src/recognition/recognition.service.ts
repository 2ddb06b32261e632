import { Injectable } from '@nestjs/common';
import { TestReportService } from '../enrolments/test-report.service.js';
import { Clock } from '@sandbridge/common';
import {
  type Actor,
  CaseFormatError,
  DomainError,
  isUtcDay,
  type RecognitionCase,
  type RecognitionCaseDocument,
  type RecognitionResult,
  type QueryResolution,
  ReportStatus,
  resolveCase,
  Role,
  serialiseRecognitionCase,
  type ShownQueryResolution,
  ShownRecognitionOutcome,
  parseRecognitionCase,
  toUtcDay,
  withholdUnreadableResolution,
} from '@sandbridge/domain';
import {
  AgreementRepository,
  AiSystemRepository,
  type AiSystemEntity,
  AuthorityRepository,
  CriterionRepository,
  type CriterionEntity,
  EnrolmentRepository,
  type TestReportEntity,
  TransactionalConnection,
} from '@sandbridge/persistence';
import { agreementDocument, type JsonObject, type JsonValue } from './case-documents.js';
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
    private readonly agreements: AgreementRepository,
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
   * A hypothetical case (a `sandbridge/recognition-case@1` document given by the caller, e.g. one
   * `recognitionCase` exported and then edited) resolved with the pure engine, as the CLI's
   * `recognise` does — but on `asOf` (default: the case's own day) and, unless `keepCaseAgreements`,
   * against the platform's stored agreements instead of the file's (public instruments: the engine's
   * `agreementInForce` check reads their status and windows on that day), `asIfSigned` ones as if
   * signed. It reads no recorded system, result or organisation, so every signed-in role may ask.
   * Problems are BAD_USER_INPUT at `case.<JSON path>` (`case.results.0.testedAt`).
   */
  async explainCase(document: unknown, options: ExplainCaseOptions = {}): Promise<RecognitionResult> {
    const asIfSigned = [...new Set(options.asIfSigned ?? [])];
    const problems: { path: string; message: string }[] = [];
    if (options.asOf != null && !isUtcDay(options.asOf))
      problems.push({ path: 'asOf', message: 'must be a UTC day YYYY-MM-DD' });
    if (asIfSigned.length > EXPLAIN_CASE_MAX_AS_IF_SIGNED)
      problems.push({ path: 'asIfSigned', message: `must name at most ${EXPLAIN_CASE_MAX_AS_IF_SIGNED} agreements` });
    if (!isJsonObject(document)) problems.push({ path: 'case', message: 'must be a JSON object (a recognition case)' });
    else if (JSON.stringify(document).length > EXPLAIN_CASE_MAX_CHARS)
      problems.push({ path: 'case', message: `must be at most ${EXPLAIN_CASE_MAX_CHARS} characters as JSON` });
    if (problems.length || !isJsonObject(document)) throw DomainError.badInput(problems);

    const input: JsonObject = { ...document };
    if (options.asOf != null) input.asOf = options.asOf;
    const stored = await this.agreements.all();
    const byId = new Map(stored.map((a) => [a.id, a]));
    const missing = asIfSigned.find((id) => !byId.has(id));
    if (missing !== undefined) throw DomainError.notFound('Agreement', missing);
    const signed = new Set(asIfSigned);
    const chosen = options.keepCaseAgreements ? stored.filter((a) => signed.has(a.id)) : stored;
    const rules = await this.agreements.rulesOf(chosen.map((a) => a.id));
    const documents = chosen.map((a) =>
      agreementDocument(
        a,
        rules.filter((r) => r.agreementId === a.id),
        signed.has(a.id),
      ),
    );
    if (options.keepCaseAgreements) {
      const own = Array.isArray(document.agreements) ? (document.agreements as JsonValue[]) : [];
      input.agreements = [
        ...own.filter((a) => !(isJsonObject(a) && typeof a.id === 'string' && signed.has(a.id))),
        ...documents,
      ];
    } else input.agreements = documents;

    let recognitionCase: RecognitionCase;
    try {
      recognitionCase = parseRecognitionCase(input);
    } catch (error) {
      if (!(error instanceof CaseFormatError)) throw error;
      throw DomainError.badInput(
        [{ path: casePath(error.path), message: error.problem }],
        'Not a readable recognition case',
      );
    }
    return resolveCase(recognitionCase);
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

/** The most a case given to {@link RecognitionService.explainCase} may weigh, as JSON text. */
export const EXPLAIN_CASE_MAX_CHARS = 1_000_000;
/** The most ids `asIfSigned` may name. */
export const EXPLAIN_CASE_MAX_AS_IF_SIGNED = 20;

export interface ExplainCaseOptions {
  /** The day to evaluate on (default: the case's own asOf). */
  asOf?: string | null;
  /** Stored agreements (drafts, proposed) treated as if signed: IN_FORCE, with their own windows. */
  asIfSigned?: readonly string[] | null;
  /** Keep the case's own agreements (as `recognise` replays the file) instead of the platform's. */
  keepCaseAgreements?: boolean | null;
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

function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A case format path (`results[0].testedAt`, `(root)`, `asOf`) as an argument path: `case.results.0.testedAt`. */
function casePath(path: string): string {
  if (path === '(root)' || path === '') return 'case';
  return `case.${path.replace(/\[(\d+)\]/g, '.$1').replace(/^\./, '')}`;
}
