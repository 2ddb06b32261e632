import { describe, expect, it } from '@jest/globals';
import { RiskClass } from '../criteria/criteria.js';
import { CriterionOutcome, ResultOutcome } from '../evaluation/evaluation.js';
import { MetBy, type RecognisedResult } from '../evaluation/recognised-results.js';
import { RecognitionOutcome } from '../recognition/recognition.js';
import { EnrolmentState, EntryDecision, TrackState } from './enrolment-states.js';
import { type ExitReport, type ExitReportCriterion, renderExitReportMarkdown } from './exit-report.js';

const criterion = (overrides: Partial<ExitReportCriterion>): ExitReportCriterion => ({
  criterionId: 'c1',
  key: 'exit.auc',
  version: 1,
  title: 'AUC',
  mandatory: true,
  outcome: CriterionOutcome.NOT_SUBMITTED,
  metBy: null,
  recognition: null,
  evidence: [],
  withheld: 0,
  ...overrides,
});

const report = (criteria: ExitReportCriterion[]): ExitReport => ({
  enrolmentId: 'e1',
  state: EnrolmentState.EXIT_REVIEW,
  programme: { id: 'p1', name: 'Pilot' },
  aiSystem: { id: 's1', name: 'Scorer', sector: 'FINANCE', riskClass: RiskClass.HIGH },
  organisation: { id: 'o1', name: 'Acme' },
  authorities: [
    {
      authorityId: 'a1',
      name: 'European AI Office',
      acronym: 'AI Office',
      jurisdiction: 'EU',
      trackState: TrackState.ADMITTED,
      entry: { decision: EntryDecision.ADMIT, reasons: null, justification: null, decidedAt: null },
      exit: { decision: null, reasons: null, decidedAt: null },
      criteria,
    },
  ],
});

const recognition = (
  outcome: RecognisedResult['outcome'],
  supplementary: RecognisedResult['supplementary'] = null,
): RecognisedResult => ({
  outcome,
  result: 'res1',
  testedIn: 'SG',
  agreement: 'eu-sg',
  rule: 'r1',
  divergent: false,
  supplementary,
  checks: [],
});

const row = (markdown: string) => markdown.split('\n').find((line) => line.startsWith('| exit.auc'));

describe('renderExitReportMarkdown and recognised results', () => {
  it('adds nothing to the evidence cell without a recognition', () => {
    expect(
      row(
        renderExitReportMarkdown(
          report([
            criterion({
              outcome: CriterionOutcome.MET,
              metBy: MetBy.OWN_RESULT,
              evidence: [{ reportId: 'r', resultId: 'x', outcome: ResultOutcome.PASS, detail: '0.9 against ≥ 0.85' }],
            }),
          ]),
        ),
      ),
    ).toBe('| exit.auc — AUC | 1 | yes | MET | PASS: 0.9 against ≥ 0.85 |');
  });

  it('names the recognised result, agreement and rule of a criterion met by it', () => {
    const markdown = renderExitReportMarkdown(
      report([
        criterion({
          outcome: CriterionOutcome.MET,
          metBy: MetBy.RECOGNISED_RESULT,
          recognition: recognition(RecognitionOutcome.RECOGNISED),
        }),
      ]),
    );
    expect(row(markdown)).toBe(
      '| exit.auc — AUC | 1 | yes | MET | met by recognised: result res1 tested in SG, agreement eu-sg rule r1 |',
    );
  });

  it('says a conditional recognition is not counted, and what is still required', () => {
    const conditional = recognition(RecognitionOutcome.RECOGNISED_WITH_CONDITIONS, {
      text: 'Re-test on EU data',
      criteria: ['c1'],
    });
    expect(row(renderExitReportMarkdown(report([criterion({ recognition: conditional })])))).toBe(
      '| exit.auc — AUC | 1 | yes | NOT_SUBMITTED | recognised with conditions (not counted): result res1 tested in SG, agreement eu-sg rule r1 — still required: Re-test on EU data |',
    );
  });
});
