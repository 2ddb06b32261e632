import { BULK_OUTCOMES } from '../recognition/recognition-bulk.js';
import { RecognitionIndex, resolveCriterion } from '../recognition/recognition-engine.js';
import {
  type CaseAgreement,
  type CaseResult,
  type CaseSystem,
  RECOGNITION_CASE_FORMAT,
  RecognitionOutcome,
  type UtcDay,
} from '../recognition/recognition.js';
import type { SetResolver, SetResolverFactory, TargetResolution } from './resolve-units.js';
import type { ScenarioReference } from './scenario.js';

/**
 * The simulation's engine calls on the explained mode (resolveCriterion, one object per verdict,
 * an index per system and per agreement left out): slow, but the reference the bulk-backed
 * simulation is compared with. For tests only.
 */
class ExplainedSetResolver implements SetResolver {
  readonly jurisdictions: string[] = [];
  private readonly jurisdictionIndex = new Map<string, number>();
  private readonly authorities: ScenarioReference['authorities'];
  private readonly capacity: number;
  private system: CaseSystem | null = null;
  private results: readonly CaseResult[] = [];
  private index: RecognitionIndex | null = null;
  private readonly without = new Map<number, RecognitionIndex>();
  private readonly view: TargetResolution & { count: number };
  private readonly origins: Int32Array;

  constructor(
    private readonly reference: ScenarioReference,
    private readonly asOf: UtcDay,
    private readonly agreements: readonly CaseAgreement[],
  ) {
    const codes = [
      ...reference.jurisdictions.map((j) => j.code),
      ...reference.authorities.map((a) => a.jurisdiction),
      ...agreements.flatMap((a) => a.rules.flatMap((r) => [...r.origins, ...r.recognising])),
    ];
    for (const code of codes) this.code(code);
    this.authorities = reference.authorities;
    this.capacity = Math.max(
      0,
      ...reference.authorities.map((a) => reference.criteria.filter((c) => c.authority === a.id).length),
    );
    this.view = {
      count: 0,
      outcome: new Uint8Array(this.capacity),
      agreement: new Int32Array(this.capacity),
      divergent: new Uint8Array(this.capacity),
    };
    this.origins = new Int32Array(this.capacity);
  }

  private code(code: string): number {
    let j = this.jurisdictionIndex.get(code);
    if (j === undefined) {
      this.jurisdictionIndex.set(code, (j = this.jurisdictions.length));
      this.jurisdictions.push(code);
    }
    return j;
  }

  private indexOf(agreements: readonly CaseAgreement[]): RecognitionIndex {
    return new RecognitionIndex({
      format: RECOGNITION_CASE_FORMAT,
      asOf: this.asOf,
      ...this.reference,
      agreements: [...agreements],
      systems: [this.system!],
      results: [...this.results],
      queries: [],
    });
  }

  authority(id: string): number {
    return this.authorities.findIndex((a) => a.id === id);
  }

  jurisdictionOf(authority: number): number {
    return this.jurisdictionIndex.get(this.authorities[authority].jurisdiction)!;
  }

  prepare(system: CaseSystem, results: readonly CaseResult[]): void {
    this.system = system;
    this.results = results;
    this.index = this.indexOf(this.agreements);
    this.without.clear();
  }

  private resolveWith(index: RecognitionIndex, authority: number) {
    const { id, jurisdiction } = this.authorities[authority];
    return (index.criteriaByAuthority.get(id) ?? []).map((c) => resolveCriterion(index, this.system!, c, jurisdiction));
  }

  resolve(authority: number): TargetResolution {
    const resolutions = this.resolveWith(this.index!, authority);
    this.view.count = resolutions.length;
    resolutions.forEach((r, k) => {
      this.view.outcome[k] = BULK_OUTCOMES.indexOf(r.outcome);
      this.view.agreement[k] = r.agreement === null ? -1 : this.agreements.findIndex((a) => a.id === r.agreement);
      this.view.divergent[k] = r.divergent ? 1 : 0;
      const result = r.agreement === null ? undefined : this.results.find((x) => x.id === r.result);
      this.origins[k] = result ? this.code(result.testedIn) : -1;
    });
    return this.view;
  }

  origin(k: number): number {
    return this.origins[k];
  }

  recognisedWithout(agreement: number, authority: number): number {
    let index = this.without.get(agreement);
    if (!index) this.without.set(agreement, (index = this.indexOf(this.agreements.filter((_, g) => g !== agreement))));
    return this.resolveWith(index, authority).filter((r) => r.outcome === RecognitionOutcome.RECOGNISED).length;
  }
}

/** The explained mode behind the simulation (compare with the default, the bulk mode). */
export const explainedSetResolver: SetResolverFactory = (reference, asOf, agreements) =>
  new ExplainedSetResolver(reference, asOf, agreements);
