import {
  type CaseAgreement,
  type CaseResult,
  type CaseRule,
  type CaseSystem,
  dayNumber,
  meetsThreshold,
  type RecognitionDecision,
  RecognitionMode,
  RuleEffect,
} from '@sandbridge/domain';
import { Engine } from 'json-rules-engine';
import {
  better,
  byIds,
  type Choice,
  chosen,
  divergence,
  fullCoverage,
  isMetric,
  type PlainCandidates,
  ruleInForce,
} from './recognition-baselines.js';

// The json-rules-engine baseline of bench:recognition (the naive one and the shared candidate
// finding are in recognition-baselines.ts).

/** json-rules-engine: one Engine per origin → recognising pair, holding that pair's rules in force. */
export class RulesEngineBaseline {
  private readonly engines = new Map<string, Engine>();
  /** Per engine rule name: the agreement and rule, and its position by agreement id then rule id. */
  private readonly rules = new Map<string, { agreement: CaseAgreement; rule: CaseRule; position: number }>();
  readonly ruleCount: number;

  constructor(readonly plain: PlainCandidates) {
    const { asOf, agreements } = plain.input;
    const live = agreements.flatMap((agreement) =>
      agreement.rules.filter((rule) => ruleInForce(agreement, rule, asOf)).map((rule) => ({ agreement, rule })),
    );
    const sorted = [...live].sort(byIds);
    let count = 0;
    live.forEach(({ agreement, rule }) => {
      const name = `${agreement.id}/${rule.id}`;
      this.rules.set(name, {
        agreement,
        rule,
        position: sorted.findIndex((x) => x.agreement === agreement && x.rule === rule),
      });
      for (const origin of new Set(rule.origins)) {
        for (const recognising of new Set(rule.recognising)) {
          const key = `${origin}>${recognising}`;
          let engine = this.engines.get(key);
          if (!engine) this.engines.set(key, (engine = newEngine()));
          engine.addRule({
            name,
            conditions: { all: conditionsOf(rule) },
            event: { type: rule.effect === RuleEffect.EXCLUDE ? 'exclude' : 'allow', params: { name } },
          });
          count++;
        }
      }
    });
    this.ruleCount = count;
  }

  async resolve(
    system: CaseSystem,
    results: readonly CaseResult[],
    authorityId: string,
  ): Promise<RecognitionDecision[]> {
    const plain = this.plain;
    const asOf = dayNumber(plain.input.asOf);
    const jurisdiction = plain.jurisdictionOf.get(authorityId)!;
    const grouped = plain.group(system, results);
    const decisions: RecognitionDecision[] = [];
    for (const c of plain.byAuthority.get(authorityId) ?? []) {
      const triaged = plain.triage(c, system, jurisdiction, grouped);
      if (!Array.isArray(triaged)) {
        decisions.push(triaged);
        continue;
      }
      let best: Choice | null = null;
      for (const candidate of triaged) {
        const engine = this.engines.get(`${candidate.result.testedIn}>${jurisdiction}`);
        if (!engine) continue;
        const r = candidate.result;
        const facts = {
          category: c.category,
          stage: c.stage,
          criterion: c.id,
          sector: system.sector,
          riskClass: system.riskClass,
          accredited: r.lab.accredited,
          accreditationBody: r.lab.accreditationBody,
          ageDays: asOf - dayNumber(r.testedAt),
          method: r.method,
          passed: r.passed,
          measurement: {
            metric: isMetric(c),
            value: r.value,
            comparator: c.comparator,
            threshold: c.threshold,
            high: c.thresholdHigh,
            passed: r.passed,
          },
        };
        const { events } = await engine.run(facts);
        const fired = events.map((event) => ({ type: event.type, ...this.rules.get(event.params!.name as string)! }));
        if (fired.some((x) => x.type === 'exclude')) continue;
        let pick: Choice | null = null;
        for (const { agreement, rule } of fired.sort((a, b) => a.position - b.position)) {
          const full = fullCoverage(candidate.relation) && rule.effect === RuleEffect.RECOGNISE;
          if (!pick || (full && !pick.full))
            pick = {
              candidate,
              agreement: agreement.id,
              rule: rule.id,
              full,
              divergent: divergence(rule, candidate, c),
            };
        }
        if (pick && better(pick, best)) best = pick;
      }
      decisions.push(chosen(c, best));
    }
    return decisions;
  }
}

function newEngine(): Engine {
  const engine = new Engine([], { allowUndefinedFacts: false });
  // CONFORMITY: a metric target checks the value against its own threshold with the rule's margin (1e-9 tolerance); otherwise `passed`.
  engine.addOperator('conforms', (m: any, margin: number) =>
    m.metric ? m.value !== null && meetsThreshold(m.value, m.comparator, m.threshold, m.high, margin) : m.passed,
  );
  return engine;
}

/** A rule's scope, conditions and mode as json-rules-engine conditions (an empty list restricts nothing). */
function conditionsOf(rule: CaseRule): any[] {
  const conditions: any[] = [];
  const within = (fact: string, list: readonly string[]) =>
    list.length && conditions.push({ fact, operator: 'in', value: [...list] });
  within('category', rule.categories);
  within('stage', rule.stages);
  within('sector', rule.sectors);
  within('riskClass', rule.riskClasses);
  within('criterion', rule.criteria);
  if (rule.effect === RuleEffect.EXCLUDE) return conditions;
  const k = rule.conditions;
  if (k.requireAccreditedLab) conditions.push({ fact: 'accredited', operator: 'equal', value: true });
  within('accreditationBody', k.accreditationBodies);
  if (k.maxResultAgeDays !== null)
    conditions.push({ fact: 'ageDays', operator: 'lessThanInclusive', value: k.maxResultAgeDays });
  within('method', k.acceptedMethods);
  conditions.push(
    rule.mode === RecognitionMode.EQUIVALENCE
      ? { fact: 'passed', operator: 'equal', value: true }
      : { fact: 'measurement', operator: 'conforms', value: k.minMargin },
  );
  return conditions;
}
