import { MetBy, type RecognisedResult } from '../evaluation/recognised-results.js';
import type { RiskClass } from '../criteria/criteria.js';
import type { CriterionOutcome, ResultOutcome } from '../evaluation/evaluation.js';
import { RecognitionOutcome } from '../recognition/recognition.js';
import { toUtcDay } from '../time/utc-day.js';
import type { EnrolmentState, EntryDecision, ExitDecision, TrackState } from './enrolment-states.js';

/** The structured exit report (docs/domain.md#programmes-and-the-enrolment-lifecycle): per authority, each exit criterion, evidence, outcome, decision, reasons. */
export interface ExitReport {
  enrolmentId: string;
  state: EnrolmentState;
  programme: { id: string; name: string };
  aiSystem: { id: string; name: string; sector: string; riskClass: RiskClass };
  organisation: { id: string; name: string };
  authorities: ExitReportAuthority[];
}

export interface ExitReportAuthority {
  authorityId: string;
  name: string;
  acronym: string;
  jurisdiction: string;
  trackState: TrackState;
  entry: {
    decision: EntryDecision | null;
    reasons: string | null;
    justification: string | null;
    decidedAt: Date | null;
  };
  exit: { decision: ExitDecision | null; reasons: string | null; decidedAt: Date | null };
  criteria: ExitReportCriterion[];
}

export interface ExitReportCriterion {
  criterionId: string;
  key: string;
  version: number;
  title: string;
  mandatory: boolean;
  outcome: CriterionOutcome;
  /** What made it MET (null otherwise). */
  metBy: MetBy | null;
  /** The result recognised for it through an agreement, when the programme accepts recognised results. */
  recognition: RecognisedResult | null;
  /** Results recorded for the criterion that the reader may see (confidentiality applied). */
  evidence: { reportId: string; resultId: string; outcome: ResultOutcome; detail: string }[];
  /** Results the reader may not see (their report's confidentiality). */
  withheld: number;
}

const cell = (text: string | number | null) =>
  String(text ?? '—')
    .replace(/\|/g, '\\|')
    .replace(/\n/g, ' ');

/** How a recognised result bears on the criterion, for the evidence cell (empty without one). */
function recognitionNote(c: ExitReportCriterion): string {
  const r = c.recognition;
  if (!r) return '';
  const source = `result ${r.result} tested in ${r.testedIn}, agreement ${r.agreement} rule ${r.rule}${r.divergent ? ', divergent' : ''}`;
  if (r.outcome === RecognitionOutcome.RECOGNISED)
    return `${c.metBy === MetBy.RECOGNISED_RESULT ? 'met by recognised' : 'also recognised'}: ${source}`;
  const supplementary =
    r.supplementary === null ? '' : typeof r.supplementary === 'string' ? r.supplementary : r.supplementary.text;
  return `recognised with conditions (not counted): ${source}${supplementary ? ` — still required: ${supplementary}` : ''}`;
}

/** Renders the exit report as Markdown a regulator can file or share. Deterministic: same report, same text. */
export function renderExitReportMarkdown(report: ExitReport): string {
  const lines = [
    `# Exit report — ${report.aiSystem.name}`,
    '',
    `- Programme: ${report.programme.name}`,
    `- Organisation: ${report.organisation.name}`,
    `- AI system: ${report.aiSystem.name} (sector ${report.aiSystem.sector}, risk class ${report.aiSystem.riskClass})`,
    `- Enrolment: \`${report.enrolmentId}\` — ${report.state}`,
  ];
  for (const a of report.authorities) {
    lines.push(
      '',
      `## ${a.name} (${a.acronym}, ${a.jurisdiction}) — ${a.trackState}`,
      '',
      `- Entry: ${a.entry.decision ?? 'not decided'}${a.entry.decidedAt ? ` on ${toUtcDay(a.entry.decidedAt)}` : ''}${a.entry.reasons ? ` — ${a.entry.reasons}` : ''}`,
    );
    if (a.entry.justification) lines.push(`- Justification: ${a.entry.justification}`);
    lines.push(
      `- Exit: ${a.exit.decision ?? 'not decided'}${a.exit.decidedAt ? ` on ${toUtcDay(a.exit.decidedAt)}` : ''}${a.exit.reasons ? ` — ${a.exit.reasons}` : ''}`,
      '',
    );
    if (!a.criteria.length) {
      lines.push('_No exit criteria attached._');
      continue;
    }
    lines.push('| criterion | version | mandatory | outcome | evidence |', '|---|---|---|---|---|');
    for (const c of a.criteria) {
      const evidence = [
        ...c.evidence.map((e) => `${e.outcome}: ${e.detail}`),
        ...(c.withheld ? [`${c.withheld} withheld (confidential)`] : []),
      ].join('; ');
      lines.push(
        `| ${cell(`${c.key} — ${c.title}`)} | ${c.version} | ${c.mandatory ? 'yes' : 'no'} | ${c.outcome} | ${cell([evidence, recognitionNote(c)].filter(Boolean).join('; ') || null)} |`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
