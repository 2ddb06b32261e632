import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { RiskClass } from '../criteria/criteria.js';
import { IncidentSeverity } from '../cooperation/incidents.js';
import { EnrolmentState, EntryDecision, ExitDecision, TrackState } from '../enrolments/enrolment-states.js';
import { CriterionOutcome, ResultOutcome } from '../evaluation/evaluation.js';
import { MetBy } from '../evaluation/recognised-results.js';
import { RecognitionOutcome } from '../recognition/recognition.js';
import { Confidentiality, ReportStatus } from '../reports/test-reports.js';
import {
  type DocumentReader,
  EXIT_REPORT_FORMAT,
  type ExitReportDocument,
  exitReportAsRead,
  PUBLIC_READER,
  publicExitReport,
  renderExitReportDocumentMarkdown,
  renderWrittenProofMarkdown,
  SECTION_NAMES,
  WRITTEN_PROOF_FORMAT,
  type WrittenProofDocument,
  writtenProofAsRead,
} from './exit-documents.js';

const LEVELS = [Confidentiality.PUBLIC, Confidentiality.PARTICIPANTS, Confidentiality.HOME_AUTHORITY];

/**
 * An issued exit report whose reports, authored sections and results carry the confidentiality
 * levels `levels` picks. Every text, id and value that comes from a non-PUBLIC source carries the
 * marker `SECRET-<n>`, so a leak shows up as that marker anywhere in the output.
 */
function report(levels: {
  reports: Confidentiality[];
  sections: (Confidentiality | null)[];
  /** Per criterion: the index of the report whose result decides it (null: none), and of a recognised result's report. */
  criteria: { basis: number | null; recognition: number | null; evidence: number[] }[];
}): ExitReportDocument {
  const tag = (i: number) => (levels.reports[i] === Confidentiality.PUBLIC ? `open-${i}` : `SECRET-${i}`);
  const reportId = (i: number) => `report-${tag(i)}`;
  const resultId = (i: number, c: number) => `result-${tag(i)}-${c}`;
  const sectionText = (n: number) =>
    levels.sections[n] === Confidentiality.PUBLIC ? `public text ${n}` : `SECRET-section-${n}`;
  const section = (n: number) =>
    levels.sections[n] === null ? undefined : { confidentiality: levels.sections[n]!, text: sectionText(n) };
  const incidents = section(1);
  return {
    format: EXIT_REPORT_FORMAT,
    copy: 'FULL',
    id: 'version-1',
    version: 1,
    supersedes: null,
    issuedAt: '2026-09-01T10:00:00.000Z',
    issuer: { id: 'fca', name: 'Financial Conduct Authority', acronym: 'FCA', jurisdiction: 'GB' },
    enrolmentId: 'enrolment-1',
    enrolmentState: EnrolmentState.EXITED,
    programme: { id: 'programme-1', name: 'Pilot', sectors: ['FINANCE'] },
    aiSystem: { id: 'system-1', name: 'Credit model', sector: 'FINANCE', riskClass: RiskClass.HIGH },
    organisation: { id: 'org-1', name: 'Lumen' },
    planVersion: 2,
    trackState: TrackState.AUTHORISED,
    entry: { decision: EntryDecision.ADMIT, reasons: 'Ready', justification: null, decidedAt: '2026-02-01T00:00:00Z' },
    exit: { decision: ExitDecision.AUTHORISED, reasons: 'Done', decidedAt: '2026-08-01T00:00:00Z' },
    criteria: levels.criteria.map((c, n) => ({
      criterionId: `criterion-${n}`,
      key: `exit.k${n}`,
      version: 1,
      title: `Criterion ${n}`,
      mandatory: true,
      outcome: c.basis === null ? CriterionOutcome.NOT_SUBMITTED : CriterionOutcome.MET,
      metBy: c.basis === null ? null : MetBy.OWN_RESULT,
      basis:
        c.basis === null
          ? null
          : { resultId: resultId(c.basis, n), reportId: reportId(c.basis), confidentiality: levels.reports[c.basis] },
      recognition:
        c.recognition === null
          ? null
          : {
              outcome: RecognitionOutcome.RECOGNISED_WITH_CONDITIONS,
              resultId: resultId(c.recognition, n),
              reportId: reportId(c.recognition),
              confidentiality: levels.reports[c.recognition],
              testedIn: `SG-${tag(c.recognition)}`,
              agreementId: `agreement-${tag(c.recognition)}`,
              ruleId: `rule-${tag(c.recognition)}`,
              divergent: false,
            },
      evidence: c.evidence.map((r) => ({
        reportId: reportId(r),
        resultId: resultId(r, n),
        outcome: ResultOutcome.PASS,
        detail: `value of ${tag(r)}`,
        confidentiality: levels.reports[r],
      })),
    })),
    reports: levels.reports.map((confidentiality, i) => ({
      id: reportId(i),
      submittedTo: 'fca',
      submittedAt: '2026-03-01T00:00:00Z',
      status: ReportStatus.ACCEPTED,
      confidentiality,
      periodStart: '2026-02-01',
      periodEnd: '2026-03-01',
      testedIn: 'GB',
      lab: { name: `Lab ${tag(i)}`, accredited: true, accreditationBody: 'UKAS' },
      method: { id: `method ${tag(i)}`, version: '1' },
    })),
    sections: {
      ...(section(0) ? { keyIssues: section(0) } : {}),
      ...(incidents
        ? {
            seriousIncidents: {
              ...incidents,
              incidents: [
                {
                  id: 'incident-1',
                  severity: IncidentSeverity.HIGH,
                  reportedAt: '2026-04-01T00:00:00Z',
                  description: levels.sections[1] === Confidentiality.PUBLIC ? 'an outage' : 'SECRET-incident',
                  harm: null,
                  outcome: levels.sections[1] === Confidentiality.PUBLIC ? 'fixed' : 'SECRET-outcome',
                },
              ],
            },
          }
        : {}),
      ...(section(2) ? { lessonsLearned: section(2) } : {}),
    },
  };
}

const levelsArbitrary = fc
  .record({
    reports: fc.array(fc.constantFrom(...LEVELS), { minLength: 1, maxLength: 6 }),
    sections: fc.tuple(
      fc.option(fc.constantFrom(...LEVELS)),
      fc.option(fc.constantFrom(...LEVELS)),
      fc.option(fc.constantFrom(...LEVELS)),
    ),
    criteria: fc.array(
      fc.record({
        basis: fc.option(fc.nat()),
        recognition: fc.option(fc.nat()),
        evidence: fc.array(fc.nat(), { maxLength: 4 }),
      }),
      { maxLength: 6 },
    ),
  })
  .map(({ reports, sections, criteria }) => ({
    reports,
    sections: [...sections],
    // Indexes into the reports drawn.
    criteria: criteria.map((c) => ({
      basis: c.basis === null ? null : c.basis % reports.length,
      recognition: c.recognition === null ? null : c.recognition % reports.length,
      evidence: c.evidence.map((r) => r % reports.length),
    })),
  }));

describe('the public copy of an exit report', () => {
  it('never contains anything from a report or section that is not PUBLIC, and keeps everything that is (property)', () => {
    fc.assert(
      fc.property(levelsArbitrary, (levels) => {
        const full = report(levels);
        const copy = publicExitReport(full);
        const text = JSON.stringify(copy);
        expect(text).not.toContain('SECRET');
        expect(text).not.toContain(CriterionOutcome.WITHHELD);
        expect(copy.copy).toBe('PUBLIC');
        // Nothing public is lost: every PUBLIC report, section and criterion resting on a public result (or none).
        expect(copy.reports.map((r) => r.id)).toEqual(
          full.reports.filter((r) => r.confidentiality === Confidentiality.PUBLIC).map((r) => r.id),
        );
        for (const name of SECTION_NAMES)
          expect(copy.sections[name] !== undefined).toBe(
            full.sections[name]?.confidentiality === Confidentiality.PUBLIC,
          );
        expect(copy.criteria.map((c) => c.criterionId)).toEqual(
          full.criteria
            .filter((c) => !c.basis || c.basis.confidentiality === Confidentiality.PUBLIC)
            .map((c) => c.criterionId),
        );
        // The same as the public reader's view, minus what that view marks as withheld.
        const read = exitReportAsRead(full, PUBLIC_READER).document;
        expect(copy.reports).toEqual(read.reports);
        expect(copy.sections).toEqual(read.sections);
        expect(publicExitReport(copy)).toEqual(copy);
      }),
      { numRuns: 300 },
    );
  });

  it('a report with everything PUBLIC is published whole', () => {
    const full = report({
      reports: [Confidentiality.PUBLIC],
      sections: [Confidentiality.PUBLIC, Confidentiality.PUBLIC, Confidentiality.PUBLIC],
      criteria: [{ basis: 0, recognition: 0, evidence: [0] }],
    });
    expect(publicExitReport(full)).toEqual({ ...full, copy: 'PUBLIC' });
  });
});

describe('what a reader is shown of an issued exit report', () => {
  /** A regulator of another authority: PUBLIC and PARTICIPANTS reports, no HOME_AUTHORITY section. */
  const participant: DocumentReader = {
    readsReport: (_id, c) => c !== Confidentiality.HOME_AUTHORITY,
    readsSection: (c) => c !== Confidentiality.HOME_AUTHORITY,
  };

  it('withholds outcomes resting on results it may not read, leaves out the rest, and counts what it held back', () => {
    const full = report({
      reports: [Confidentiality.PARTICIPANTS, Confidentiality.HOME_AUTHORITY],
      sections: [Confidentiality.HOME_AUTHORITY, null, Confidentiality.PARTICIPANTS],
      criteria: [
        { basis: 1, recognition: null, evidence: [0, 1] },
        { basis: 0, recognition: 1, evidence: [0] },
      ],
    });
    const { document, withheld } = exitReportAsRead(full, participant);
    expect(document.criteria[0]).toMatchObject({
      outcome: CriterionOutcome.WITHHELD,
      basis: null,
      metBy: null,
      withheld: 1,
    });
    expect(document.criteria[0].evidence.map((e) => e.reportId)).toEqual(['report-SECRET-0']);
    expect(document.criteria[1]).toMatchObject({ outcome: CriterionOutcome.MET, recognition: null, withheld: 0 });
    expect(document.reports.map((r) => r.id)).toEqual(['report-SECRET-0']);
    expect(Object.keys(document.sections)).toEqual(['lessonsLearned']);
    // criterion 0's outcome and one evidence item, criterion 1's recognition, one report, one section.
    expect(withheld).toBe(5);
    expect(JSON.stringify(document)).not.toContain('SECRET-1');
  });

  it('is the signed document itself, unchanged, for a reader who may read everything', () => {
    const full = report({
      reports: [Confidentiality.HOME_AUTHORITY],
      sections: [Confidentiality.HOME_AUTHORITY, Confidentiality.PARTICIPANTS, null],
      criteria: [{ basis: 0, recognition: 0, evidence: [0] }],
    });
    const everything: DocumentReader = { readsReport: () => true, readsSection: () => true };
    expect(exitReportAsRead(full, everything)).toEqual({ document: full, withheld: 0 });
  });
});

const proof: WrittenProofDocument = {
  format: WRITTEN_PROOF_FORMAT,
  id: 'proof-1',
  issuedAt: '2026-08-01T12:00:00.000Z',
  issuer: { id: 'fca', name: 'Financial Conduct Authority', acronym: 'FCA', jurisdiction: 'GB' },
  enrolmentId: 'enrolment-1',
  programme: { id: 'programme-1', name: 'Pilot', sectors: ['FINANCE'] },
  aiSystem: { id: 'system-1', name: 'Credit model', sector: 'FINANCE', riskClass: RiskClass.HIGH },
  organisation: { id: 'org-1', name: 'Lumen' },
  completed: true,
  exitDecision: { decision: ExitDecision.AUTHORISED, reasons: 'All met', decidedAt: '2026-08-01T12:00:00.000Z' },
  planVersion: null,
  activities: {
    admittedOn: '2026-02-01',
    testingStartedOn: '2026-02-01',
    exitDecidedOn: '2026-08-01',
    reports: {
      submitted: 2,
      accepted: 1,
      rejected: 0,
      underReview: 1,
      firstSubmittedOn: '2026-03-01',
      lastSubmittedOn: '2026-04-01',
    },
    decisions: [{ action: 'DECIDE_ENTRY', decision: 'ADMIT', on: '2026-02-01' }],
    incidents: [{ severity: IncidentSeverity.LOW, reportedOn: '2026-03-15' }],
  },
  requirements: [
    {
      criterionId: 'c1',
      key: 'testing.auc',
      version: 1,
      title: 'AUC',
      stage: 'TESTING',
      mandatory: true,
      outcome: CriterionOutcome.MET,
      metBy: MetBy.OWN_RESULT,
      basis: { resultId: 'r1', reportId: 'home', confidentiality: Confidentiality.HOME_AUTHORITY },
    },
    {
      criterionId: 'c2',
      key: 'exit.final-report',
      version: 1,
      title: 'Final report',
      stage: 'EXIT',
      mandatory: true,
      outcome: CriterionOutcome.NOT_SUBMITTED,
      metBy: null,
      basis: null,
    },
  ],
};

describe('the written proof', () => {
  it('shows a reader WITHHELD where its requirement rests on a result the reader may not read', () => {
    const { document, withheld } = writtenProofAsRead(proof, PUBLIC_READER);
    expect(withheld).toBe(1);
    expect(document.requirements[0]).toMatchObject({ outcome: CriterionOutcome.WITHHELD, basis: null, metBy: null });
    expect(document.requirements[1]).toBe(proof.requirements[1]);
    expect(writtenProofAsRead(proof, { readsReport: () => true, readsSection: () => true })).toEqual({
      document: proof,
      withheld: 0,
    });
  });

  it('renders as Markdown, deterministically', () => {
    const markdown = renderWrittenProofMarkdown(proof);
    expect(markdown).toBe(renderWrittenProofMarkdown(structuredClone(proof)));
    expect(markdown).toContain('# Written proof — Credit model');
    expect(markdown).toContain('- Completed: yes');
    expect(markdown).toContain('| TESTING: testing.auc — AUC | 1 | yes | MET (OWN_RESULT) | — |');
    const exit = renderExitReportDocumentMarkdown(
      report({
        reports: [Confidentiality.PUBLIC],
        sections: [Confidentiality.PUBLIC, Confidentiality.PUBLIC, null],
        criteria: [{ basis: 0, recognition: null, evidence: [0] }],
      }),
    );
    expect(exit).toContain('## Key regulatory issues and how they were resolved');
    expect(exit).toContain('- HIGH on 2026-04-01: an outage — fixed');
    expect(exit).not.toContain('## Lessons learned');
  });
});
