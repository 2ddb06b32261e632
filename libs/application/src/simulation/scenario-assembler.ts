import { Injectable } from '@nestjs/common';
import { Clock } from '@sandbridge/common';
import {
  AgreementStatus,
  DomainError,
  type FieldProblem,
  isUtcDay,
  isUuid,
  PopulationKind,
  SCENARIO_FORMAT,
  toUtcDay,
} from '@sandbridge/domain';
import {
  AgreementRepository,
  type RecordedResultRow,
  SimulationDataRepository,
  TransactionalConnection,
} from '@sandbridge/persistence';
import {
  agreementDocument,
  authorityDocument,
  criterionDocument,
  crosswalkDocument,
  type JsonObject,
  type JsonValue,
} from '../recognition/case-documents.js';
import type {
  AgreementVariantRequest,
  AssembledScenario,
  RecordedPopulation,
  RecordedPopulationFilter,
  RecordedSystemFacts,
  ScenarioRequest,
} from './scenario-request.js';

/**
 * Completes a negotiator's scenario from the platform's own data, so that what is stored is the
 * complete, explicit input (reruns reproduce it even after the data changed):
 * - `asOf` absent → today (UTC);
 * - `reference` absent → every jurisdiction and authority, the ACTIVE criteria (plus the versions
 *   recorded results name) and the crosswalks between them;
 * - `baseline` absent → the agreements IN_FORCE;
 * - `population` absent → required `recordedPopulation`: an anonymised snapshot of recorded data;
 * - `agreementVariants` → one variant per entry, each stored agreement as if signed (IN_FORCE),
 *   replacing the baseline's agreement of the same id or added.
 */
@Injectable()
export class ScenarioAssembler {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly data: SimulationDataRepository,
    private readonly agreements: AgreementRepository,
    private readonly clock: Clock,
  ) {}

  assemble(request: ScenarioRequest): Promise<AssembledScenario> {
    const input = request.scenario;
    if (input === null || typeof input !== 'object' || Array.isArray(input)) {
      throw DomainError.badInput([{ path: 'input.scenario', message: 'must be a sandbridge/scenario@1 JSON object' }]);
    }
    const scenario = { ...(input as JsonObject) };
    const problems: FieldProblem[] = [];
    if (scenario.population !== undefined && request.recordedPopulation) {
      problems.push({ path: 'input.recordedPopulation', message: 'must be absent when the scenario has a population' });
    }
    if (scenario.population === undefined && !request.recordedPopulation) {
      problems.push({ path: 'input.scenario.population', message: 'is required unless recordedPopulation is given' });
    }
    if (request.recordedPopulation)
      problems.push(...checkFilter(request.recordedPopulation, 'input.recordedPopulation'));
    if (problems.length) throw DomainError.badInput(problems);

    return this.connection.withTransaction(async () => {
      scenario.format ??= SCENARIO_FORMAT;
      scenario.asOf ??= toUtcDay(this.clock.now());
      let populationKind: PopulationKind;
      let recordedCriteria: string[] = [];
      let facts: RecordedSystemFacts[] | undefined;
      if (request.recordedPopulation) {
        const recorded = await this.recordedPopulation(request.recordedPopulation, 'input.recordedPopulation');
        scenario.population = recorded.population;
        facts = recorded.facts;
        recordedCriteria = [...new Set(recorded.population.results.map((r) => r.criterion as string))];
        populationKind = PopulationKind.RECORDED;
      } else {
        const population = scenario.population;
        populationKind =
          population !== null &&
          typeof population === 'object' &&
          !Array.isArray(population) &&
          'synthetic' in population
            ? PopulationKind.SYNTHETIC
            : PopulationKind.EXPLICIT;
      }
      if (scenario.reference === undefined) scenario.reference = await this.reference(recordedCriteria);
      if (scenario.baseline === undefined) scenario.baseline = { agreements: await this.agreementsInForce() };
      if (request.agreementVariants?.length)
        scenario.variants = [
          ...asArray(scenario.variants),
          ...(await this.agreementVariants(request.agreementVariants, scenario.baseline)),
        ];
      return { document: scenario, populationKind, ...(facts ? { recorded: facts } : {}) };
    });
  }

  /**
   * The anonymised snapshot: systems, their accepted results and targets, with opaque ids (`s1`,
   * `r1`, … in a deterministic order: systems by id, results by system, test day and id) and only
   * what the engine reads — no organisation, no names, no evidence, no lab names. Only results of
   * ACCEPTED PUBLIC or PARTICIPANTS reports are taken, and a system enters only with at least one
   * of them: one whose evidence only its home authority may read is not part of any snapshot.
   */
  async recordedPopulation(filter: RecordedPopulationFilter, path = 'filter'): Promise<RecordedPopulation> {
    const problems = checkFilter(filter, path);
    if (problems.length) throw DomainError.badInput(problems);
    return this.connection.withTransaction(async () => {
      const range = { sectors: filter.sectors, testedFrom: filter.testedFrom, testedTo: filter.testedTo };
      if (filter.targets?.length) {
        const known = new Set((await this.data.authorities()).map((a) => a.id));
        const unknown = filter.targets.map((id, i) => ({ id, i })).filter(({ id }) => !known.has(id));
        if (unknown.length)
          throw DomainError.badInput(
            unknown.map(({ i }) => ({ path: `${path}.targets[${i}]`, message: 'is not an authority id' })),
          );
      }
      // One after another: a transaction is one connection (the embedded database has only one).
      const systems = await this.data.systems(range);
      const results = await this.data.acceptedResults(range);
      const enrolmentTargets = filter.targets?.length ? [] : await this.data.enrolmentTargets();
      const resultsOf = groupBy(results, (r) => r.systemId);
      const targetsOf = groupBy(enrolmentTargets, (t) => t.systemId);
      const jurisdictions = filter.jurisdictions?.length ? new Set(filter.jurisdictions) : null;

      const population: RecordedPopulation['population'] = { systems: [], results: [], targets: [] };
      const facts: RecordedSystemFacts[] = [];
      for (const system of systems) {
        const own = resultsOf.get(system.id) ?? [];
        if (own.length === 0) continue;
        if (
          jurisdictions &&
          !jurisdictions.has(system.homeJurisdiction) &&
          !own.some((r) => jurisdictions.has(r.testedIn))
        )
          continue;
        const targets = filter.targets?.length
          ? [...new Set(filter.targets)].sort()
          : (targetsOf.get(system.id) ?? []).map((t) => t.authorityId);
        // A system that targets nobody adds nothing to any figure.
        if (targets.length === 0) continue;
        const id = `s${population.systems.length + 1}`;
        const { homeJurisdiction, organisationId, sector, riskClass } = system;
        facts.push({
          id,
          homeJurisdiction,
          organisationId,
          sector,
          riskClass,
          results: own.length,
          targets: targets.length,
        });
        population.systems.push({ id, sector, riskClass });
        for (const r of own) population.results.push(resultDocument(r, `r${population.results.length + 1}`, id));
        population.targets.push({ system: id, authorities: targets });
      }
      return { population, facts };
    });
  }

  private async reference(alsoCriteria: string[]): Promise<JsonObject> {
    const jurisdictions = await this.data.jurisdictions();
    const authorities = await this.data.authorities();
    const criteria = await this.data.criteria(alsoCriteria.filter(isUuid));
    const links = await this.data.clauseLinks();
    const crosswalks = await this.data.crosswalks();
    const clauses = groupBy(links, (l) => l.criterionId);
    const included = new Set(criteria.map((c) => c.id));
    return {
      jurisdictions: jurisdictions.map((j) => ({ code: j.code })),
      authorities: authorities.map(authorityDocument),
      criteria: criteria.map((c) =>
        criterionDocument(
          c,
          (clauses.get(c.id) ?? []).map((l) => l.clauseId),
        ),
      ),
      // Only crosswalks with both ends in the reference: the format refuses dangling references.
      crosswalks: crosswalks
        .filter((x) => included.has(x.fromCriterionId) && included.has(x.toCriterionId))
        .map(crosswalkDocument),
    };
  }

  private async agreementsInForce(): Promise<JsonObject[]> {
    const inForce = (await this.agreements.all()).filter((a) => a.status === AgreementStatus.IN_FORCE);
    const rules = groupBy(await this.agreements.rulesOf(inForce.map((a) => a.id)), (r) => r.agreementId);
    return inForce.map((a) => agreementDocument(a, rules.get(a.id) ?? []));
  }

  private async agreementVariants(
    requests: AgreementVariantRequest[],
    baseline: JsonValue | undefined,
  ): Promise<JsonObject[]> {
    const ids = [...new Set(requests.flatMap((v) => v.agreements))];
    const found = new Map((await this.agreements.all()).filter((a) => ids.includes(a.id)).map((a) => [a.id, a]));
    const missing = ids.find((id) => !found.has(id));
    if (missing !== undefined) throw DomainError.notFound('Agreement', missing);
    const rules = groupBy(await this.agreements.rulesOf(ids), (r) => r.agreementId);
    const baselineIds = new Set(
      asArray((baseline as JsonObject | undefined)?.agreements).map((a) => (a as JsonObject)?.id),
    );
    return requests.map((v) => {
      const documents = [...new Set(v.agreements)].map((id) =>
        agreementDocument(found.get(id)!, rules.get(id) ?? [], true),
      );
      return {
        name: v.name,
        add: documents.filter((d) => !baselineIds.has(d.id)),
        remove: [],
        replace: documents.filter((d) => baselineIds.has(d.id)),
      };
    });
  }
}

function resultDocument(r: RecordedResultRow, id: string, system: string): JsonObject {
  return {
    id,
    system,
    criterion: r.criterionId,
    testedIn: r.testedIn,
    testedAt: r.testedAt,
    value: r.value,
    passed: r.passed,
    method: r.method,
    lab: { accredited: r.labAccredited, accreditationBody: r.labAccreditationBody },
  };
}

function checkFilter(filter: RecordedPopulationFilter, path: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const field of ['testedFrom', 'testedTo'] as const) {
    const day = filter[field];
    if (day != null && !isUtcDay(day))
      problems.push({ path: `${path}.${field}`, message: 'must be a UTC day YYYY-MM-DD' });
  }
  if (
    filter.testedFrom &&
    filter.testedTo &&
    isUtcDay(filter.testedFrom) &&
    isUtcDay(filter.testedTo) &&
    filter.testedFrom > filter.testedTo
  ) {
    problems.push({ path: `${path}.testedTo`, message: 'must not be before testedFrom' });
  }
  return problems;
}

function asArray(value: JsonValue | undefined): JsonValue[] {
  return Array.isArray(value) ? value : [];
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
