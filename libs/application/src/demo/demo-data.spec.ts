import { describe, expect, it } from '@jest/globals';
import { AgreementKind, Comparator, CriterionKind, Relation, RuleEffect, Stage } from '@sandbridge/domain';
import { REFERENCE_JURISDICTIONS } from '../reference/reference-data.js';
import {
  DEMO_ACCOUNTS,
  DEMO_AGREEMENTS,
  DEMO_CRITERIA,
  DEMO_CROSSWALKS,
  DEMO_ORGANISATIONS,
  DEMO_PASSWORD,
  DEMO_PROGRAMME,
  DEMO_PROGRAMMES,
  DEMO_STANDARDS,
} from './demo-data.js';
import type { AuthorityRef, DemoCriterion } from './demo-data.types.js';

const authorityId = (a: AuthorityRef): string => `${a.jurisdiction}/${a.acronym}`;
const criterionId = (a: AuthorityRef & { key: string }): string => `${authorityId(a)}#${a.key}`;

const clauseIds = DEMO_STANDARDS.flatMap((s) => s.clauses.map((c) => c.id));
const criteriaById = new Map(DEMO_CRITERIA.map((c) => [criterionId({ ...c.authority, key: c.key }), c]));
const referenceAuthorities = new Set(
  REFERENCE_JURISDICTIONS.flatMap((j) => j.authorities.map((a) => `${j.code}/${a.acronym}`)),
);
const referenceJurisdictions = new Set(REFERENCE_JURISDICTIONS.map((j) => j.code));

describe('demo data', () => {
  it('defines unique clause ids without spaces, and every referenced clause exists', () => {
    expect(new Set(clauseIds).size).toBe(clauseIds.length);
    for (const id of clauseIds) expect(id).toMatch(/^[A-Z0-9]+:\S+$/);
    const known = new Set(clauseIds);
    for (const c of DEMO_CRITERIA) {
      expect(c.clauses.length).toBeGreaterThanOrEqual(1);
      expect(c.clauses.length).toBeLessThanOrEqual(3);
      for (const id of c.clauses)
        expect({ criterion: c.key, clause: id, known: known.has(id) }).toEqual({
          criterion: c.key,
          clause: id,
          known: true,
        });
    }
  });

  it('has unique (authority, key) pairs and at least 30 criteria', () => {
    expect(criteriaById.size).toBe(DEMO_CRITERIA.length);
    expect(DEMO_CRITERIA.length).toBeGreaterThanOrEqual(30);
  });

  it('names only authorities and jurisdictions of the reference data', () => {
    const refs: AuthorityRef[] = [
      ...DEMO_CRITERIA.map((c) => c.authority),
      ...DEMO_CROSSWALKS.flatMap((x) => [x.from, x.to]),
      ...DEMO_PROGRAMMES.flatMap((p) => [p.lead, ...p.participants, ...p.criteria.map((c) => c.authority)]),
      ...DEMO_ACCOUNTS.flatMap((a) => (a.authority ? [a.authority] : [])),
    ];
    for (const ref of refs) expect(referenceAuthorities).toContain(authorityId(ref));
    for (const org of DEMO_ORGANISATIONS) expect(referenceJurisdictions).toContain(org.homeJurisdiction);
    for (const a of DEMO_ACCOUNTS.filter((x) => x.role === 'NEGOTIATOR'))
      expect(referenceJurisdictions).toContain(a.jurisdiction);
  });

  it('gives each kind of criterion the fields it needs', () => {
    for (const c of DEMO_CRITERIA) {
      if (c.kind === CriterionKind.METRIC) {
        expect(c.metric).toBeDefined();
        const m = c.metric!;
        expect(m.key).not.toBe('');
        if (m.comparator === Comparator.BETWEEN) {
          expect(m.thresholdHigh).toBeDefined();
          expect(m.threshold).toBeLessThan(m.thresholdHigh!);
        } else {
          expect(m.thresholdHigh).toBeUndefined();
        }
        expect(c.evidenceType).toBeUndefined();
        expect(c.statement).toBeUndefined();
      } else if (c.kind === CriterionKind.EVIDENCE) {
        expect(c.evidenceType).toBeTruthy();
        expect(c.metric).toBeUndefined();
      } else {
        expect(c.kind).toBe(CriterionKind.ATTESTATION);
        expect(c.statement).toBeTruthy();
        expect(c.metric).toBeUndefined();
      }
    }
  });

  it('gives every programme authority at least 12 criteria, at least 3 per stage, attached or not', () => {
    for (const authority of DEMO_PROGRAMME.participants) {
      const own = DEMO_CRITERIA.filter((c) => authorityId(c.authority) === authorityId(authority));
      const attached = DEMO_PROGRAMME.criteria
        .filter((c) => authorityId(c.authority) === authorityId(authority))
        .map((c) => criteriaById.get(criterionId({ ...c.authority, key: c.key })))
        .filter((c): c is DemoCriterion => c !== undefined);
      expect(own.length).toBeGreaterThanOrEqual(12);
      for (const stage of Object.values(Stage)) {
        expect({
          authority: authorityId(authority),
          stage,
          own: own.filter((c) => c.stage === stage).length >= 3,
        }).toEqual({ authority: authorityId(authority), stage, own: true });
        expect({
          authority: authorityId(authority),
          stage,
          attached: attached.filter((c) => c.stage === stage).length >= 3,
        }).toEqual({ authority: authorityId(authority), stage, attached: true });
      }
      const kinds = new Set(own.map((c) => c.kind));
      expect(kinds.size).toBe(3);
    }
  });

  it('links crosswalk ends that exist and belong to different authorities, using every relation', () => {
    expect(DEMO_CROSSWALKS.length).toBeGreaterThanOrEqual(8);
    for (const x of DEMO_CROSSWALKS) {
      expect(criteriaById.has(criterionId(x.from))).toBe(true);
      expect(criteriaById.has(criterionId(x.to))).toBe(true);
      expect(authorityId(x.from)).not.toBe(authorityId(x.to));
      expect(x.note).toBeTruthy();
    }
    expect(new Set(DEMO_CROSSWALKS.map((x) => x.relation))).toEqual(new Set(Object.values(Relation)));
  });

  it('attaches to the programme only existing criteria of participating authorities, once each', () => {
    const participants = new Set(DEMO_PROGRAMME.participants.map(authorityId));
    expect(participants).toContain(authorityId(DEMO_PROGRAMME.lead));
    const attached = DEMO_PROGRAMME.criteria.map((c) => criterionId({ ...c.authority, key: c.key }));
    expect(new Set(attached).size).toBe(attached.length);
    for (const c of DEMO_PROGRAMME.criteria) {
      expect(participants).toContain(authorityId(c.authority));
      expect(criteriaById.has(criterionId({ ...c.authority, key: c.key }))).toBe(true);
    }
    expect(DEMO_PROGRAMME.criteria.some((c) => c.mandatory === false)).toBe(true);
    expect(DEMO_PROGRAMME.applicationOpens < DEMO_PROGRAMME.applicationCloses).toBe(true);
  });

  it('attaches to every programme only existing criteria of its participants, once each; one accepts recognised results', () => {
    expect(new Set(DEMO_PROGRAMMES.map((p) => p.name)).size).toBe(DEMO_PROGRAMMES.length);
    // The README's walkthrough takes the first programme in name order: the joint pilot.
    expect([...DEMO_PROGRAMMES].sort((a, b) => (a.name < b.name ? -1 : 1))[0]).toBe(DEMO_PROGRAMME);
    for (const p of DEMO_PROGRAMMES) {
      const participants = new Set(p.participants.map(authorityId));
      expect(participants).toContain(authorityId(p.lead));
      const attached = p.criteria.map((c) => criterionId({ ...c.authority, key: c.key }));
      expect(new Set(attached).size).toBe(attached.length);
      for (const c of p.criteria) {
        expect(participants).toContain(authorityId(c.authority));
        expect(criteriaById.has(criterionId({ ...c.authority, key: c.key }))).toBe(true);
      }
      // Opening a programme needs an entry criterion of every participant.
      for (const authority of p.participants)
        expect(
          p.criteria.some(
            (c) =>
              authorityId(c.authority) === authorityId(authority) &&
              criteriaById.get(criterionId({ ...c.authority, key: c.key }))!.stage === Stage.ENTRY,
          ),
        ).toBe(true);
    }
    expect(DEMO_PROGRAMME.acceptsRecognisedResults ?? false).toBe(false);
    expect(DEMO_PROGRAMMES.filter((p) => p.acceptsRecognisedResults).length).toBe(1);
  });

  it('defines agreements the service accepts: known parties with a demo negotiator, rules within them, existing criteria', () => {
    const negotiators = new Set(DEMO_ACCOUNTS.filter((a) => a.role === 'NEGOTIATOR').map((a) => a.jurisdiction));
    expect(new Set(DEMO_AGREEMENTS.map((a) => a.name)).size).toBe(DEMO_AGREEMENTS.length);
    for (const a of DEMO_AGREEMENTS) {
      expect(a.name.length).toBeLessThanOrEqual(200);
      expect(new Set(a.parties).size).toBe(a.parties.length);
      expect(a.parties.length).toBe(a.kind === AgreementKind.BILATERAL ? 2 : Math.max(3, a.parties.length));
      for (const party of a.parties) {
        expect(referenceJurisdictions).toContain(party);
        expect(negotiators).toContain(party);
      }
      expect(new Set(a.approvals).size).toBe(a.approvals.length);
      for (const party of a.approvals) expect(a.parties).toContain(party);
      expect(a.rules.length).toBeGreaterThanOrEqual(1);
      for (const r of a.rules) {
        // The rule's name is a varchar(100).
        expect({ rule: r.name, length: r.name.length <= 100 }).toEqual({ rule: r.name, length: true });
        for (const j of [...r.origins, ...r.recognising]) expect(a.parties).toContain(j);
        expect(r.mode === undefined).toBe(r.effect === RuleEffect.EXCLUDE);
        expect(r.supplementary === undefined || r.effect === RuleEffect.RECOGNISE_WITH_CONDITIONS).toBe(true);
        for (const c of r.supplementary?.criteria ?? []) expect(criteriaById.has(criterionId(c))).toBe(true);
      }
    }
  });

  it('tells the recognition story: EU–SG and GB–SG in force, one rule with conditions and one recognising with conditions', () => {
    const inForce = DEMO_AGREEMENTS.filter((a) => a.parties.every((p) => a.approvals.includes(p)));
    expect(inForce.map((a) => [...a.parties].sort().join('–')).sort()).toEqual(['EU–SG', 'GB–SG']);
    for (const a of inForce) expect(a.effectiveFromDays).toBeLessThan(0);
    const rules = inForce.flatMap((a) => a.rules);
    expect(rules.some((r) => r.conditions && Object.keys(r.conditions).length > 0)).toBe(true);
    expect(rules.some((r) => r.effect === RuleEffect.RECOGNISE_WITH_CONDITIONS && r.supplementary)).toBe(true);
    expect(rules.some((r) => r.effect === RuleEffect.EXCLUDE)).toBe(true);
    // And one still awaiting a party's approval, for the negotiators.
    expect(DEMO_AGREEMENTS.some((a) => a.approvals.length < a.parties.length)).toBe(true);
  });

  it('has at least 3 pairs of criteria of different authorities sharing a clause and a metric key', () => {
    const metrics = DEMO_CRITERIA.filter((c) => c.metric);
    const pairs: string[] = [];
    for (let i = 0; i < metrics.length; i++) {
      for (let j = i + 1; j < metrics.length; j++) {
        const [a, b] = [metrics[i]!, metrics[j]!];
        if (authorityId(a.authority) === authorityId(b.authority) || a.metric!.key !== b.metric!.key) continue;
        if (a.clauses.some((id) => b.clauses.includes(id)))
          pairs.push(`${authorityId(a.authority)}:${a.key} ~ ${authorityId(b.authority)}:${b.key}`);
      }
    }
    expect(pairs.length).toBeGreaterThanOrEqual(3);
  });

  it('ties accounts to demo organisations and documents a long enough password', () => {
    const organisations = new Set(DEMO_ORGANISATIONS.map((o) => o.name));
    for (const a of DEMO_ACCOUNTS.filter((x) => x.role === 'INNOVATOR'))
      expect(organisations).toContain(a.organisation);
    for (const name of organisations) expect(DEMO_ACCOUNTS.some((a) => a.organisation === name)).toBe(true);
    for (const a of DEMO_ACCOUNTS.filter((x) => x.role === 'REGULATOR')) expect(a.authority).toBeDefined();
    const emails = DEMO_ACCOUNTS.map((a) => a.email);
    expect(new Set(emails).size).toBe(emails.length);
    expect(DEMO_PASSWORD.length).toBeGreaterThanOrEqual(12);
  });
});
