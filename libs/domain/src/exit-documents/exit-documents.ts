import type { RiskClass } from '../criteria/criteria.js';
import type { EnrolmentState, EntryDecision, ExitDecision, TrackState } from '../enrolments/enrolment-states.js';
import { CriterionOutcome, type ResultOutcome } from '../evaluation/evaluation.js';
import type { MetBy } from '../evaluation/recognised-results.js';
import { IncidentSeverity } from '../cooperation/incidents.js';
import { Confidentiality, type ReportStatus } from '../reports/test-reports.js';
import type { RecognitionOutcome } from '../recognition/recognition.js';

/**
 * The exit documents an authority issues when its track ends (docs/domain.md#exit-documents): the
 * written proof, issued by the platform at the track's final exit decision, and the exit report,
 * written by the authority and issued by it. Both are signed (docs/formats.md#signed-documents);
 * this module holds their content, what a reader is shown of them, and the public copy.
 */

export const WRITTEN_PROOF_FORMAT = 'sandbridge/written-proof@1';
export const EXIT_REPORT_FORMAT = 'sandbridge/exit-report@1';

/** Where an authority's exit report stands: written, then issued (signed, immutable), then possibly superseded by a correction. */
export enum ExitReportStatus {
  DRAFT = 'DRAFT',
  ISSUED = 'ISSUED',
  SUPERSEDED = 'SUPERSEDED',
}

/** The stable `reason`s exit-document mutations are refused with (INVALID_TRANSITION). */
export enum ExitDocumentRefusal {
  /** The track has no final exit decision (AUTHORISED or REJECTED) yet. */
  TRACK_NOT_FINAL = 'TRACK_NOT_FINAL',
  /** The exit report is issued: it never changes; a correction is a new draft. */
  EXIT_REPORT_ISSUED = 'EXIT_REPORT_ISSUED',
  /** The exit report was superseded by a correction. */
  EXIT_REPORT_SUPERSEDED = 'EXIT_REPORT_SUPERSEDED',
  /** Publication consent is for issued reports only. */
  EXIT_REPORT_NOT_ISSUED = 'EXIT_REPORT_NOT_ISSUED',
}

/** Incidents the exit report lists as serious. */
export const SERIOUS_SEVERITIES: readonly IncidentSeverity[] = [IncidentSeverity.HIGH, IncidentSeverity.CRITICAL];

export interface AuthorityRef {
  id: string;
  name: string;
  acronym: string;
  jurisdiction: string;
}

/** The result a criterion's outcome rests on, and the confidentiality of its report. */
export interface ResultBasis {
  resultId: string;
  reportId: string;
  confidentiality: Confidentiality;
}

/** One criterion of the issuing authority, evaluated when the document was issued. */
export interface DocumentCriterion {
  criterionId: string;
  key: string;
  version: number;
  title: string;
  mandatory: boolean;
  outcome: CriterionOutcome;
  metBy: MetBy | null;
  /** The result that decided the outcome (null when none did). */
  basis: ResultBasis | null;
}

export interface WrittenProofRequirement extends DocumentCriterion {
  stage: 'TESTING' | 'EXIT';
}

/** What the written proof counts and dates (UTC days). */
export interface WrittenProofActivities {
  admittedOn: string | null;
  testingStartedOn: string | null;
  exitDecidedOn: string;
  /** Test reports submitted to the issuing authority, by review status. */
  reports: {
    submitted: number;
    accepted: number;
    rejected: number;
    underReview: number;
    firstSubmittedOn: string | null;
    lastSubmittedOn: string | null;
  };
  /** The issuing authority's decisions on the enrolment, oldest first. */
  decisions: { action: string; decision: string | null; on: string }[];
  /** Every incident of the enrolment: severity and day (no description). */
  incidents: { severity: IncidentSeverity; reportedOn: string }[];
}

/** The written proof's signed content (docs/formats.md#written-proof). */
export interface WrittenProofDocument {
  format: typeof WRITTEN_PROOF_FORMAT;
  id: string;
  issuedAt: string;
  issuer: AuthorityRef;
  enrolmentId: string;
  programme: { id: string; name: string; sectors: string[] };
  aiSystem: { id: string; name: string; sector: string; riskClass: RiskClass };
  organisation: { id: string; name: string };
  /** AUTHORISED: the project was completed. */
  completed: boolean;
  exitDecision: { decision: ExitDecision; reasons: string | null; decidedAt: string };
  /** The version of the sandbox plan the testing ran under (null: no plan recorded). */
  planVersion: number | null;
  activities: WrittenProofActivities;
  requirements: WrittenProofRequirement[];
}

export interface ExitReportEvidenceItem {
  reportId: string;
  resultId: string;
  outcome: ResultOutcome;
  detail: string;
  confidentiality: Confidentiality;
}

export interface ExitReportRecognition {
  outcome: RecognitionOutcome.RECOGNISED | RecognitionOutcome.RECOGNISED_WITH_CONDITIONS;
  resultId: string;
  reportId: string;
  confidentiality: Confidentiality;
  testedIn: string;
  agreementId: string;
  ruleId: string;
  divergent: boolean;
}

export interface ExitReportDocumentCriterion extends DocumentCriterion {
  recognition: ExitReportRecognition | null;
  evidence: ExitReportEvidenceItem[];
  /** Only in what a reader is shown: evidence left out for the reader. */
  withheld?: number;
}

export interface ExitReportDocumentReport {
  id: string;
  submittedTo: string;
  submittedAt: string;
  status: ReportStatus;
  confidentiality: Confidentiality;
  periodStart: string;
  periodEnd: string;
  testedIn: string;
  lab: { name: string; accredited: boolean; accreditationBody: string | null };
  method: { id: string; version: string | null };
}

/** A section the authority writes, with who may read it (as for test reports). */
export interface AuthoredSection {
  confidentiality: Confidentiality;
  text: string;
}

export interface SeriousIncident {
  id: string;
  severity: IncidentSeverity;
  reportedAt: string;
  description: string;
  harm: string | null;
  /** How it was resolved, as the authority writes it. */
  outcome: string;
}

export interface ExitReportSections {
  keyIssues?: AuthoredSection;
  seriousIncidents?: AuthoredSection & { incidents: SeriousIncident[] };
  lessonsLearned?: AuthoredSection;
}

export const SECTION_NAMES = ['keyIssues', 'seriousIncidents', 'lessonsLearned'] as const;

/** The exit report's signed content (docs/formats.md#exit-report), in full or as its public copy. */
export interface ExitReportDocument {
  format: typeof EXIT_REPORT_FORMAT;
  /** FULL: what the authority issued; PUBLIC: the copy the public registry shows. */
  copy: 'FULL' | 'PUBLIC';
  id: string;
  version: number;
  /** The issued version this one corrects. */
  supersedes: string | null;
  issuedAt: string;
  issuer: AuthorityRef;
  enrolmentId: string;
  enrolmentState: EnrolmentState;
  programme: { id: string; name: string; sectors: string[] };
  aiSystem: { id: string; name: string; sector: string; riskClass: RiskClass };
  organisation: { id: string; name: string };
  planVersion: number | null;
  trackState: TrackState;
  entry: {
    decision: EntryDecision | null;
    reasons: string | null;
    justification: string | null;
    decidedAt: string | null;
  };
  exit: { decision: ExitDecision | null; reasons: string | null; decidedAt: string | null };
  criteria: ExitReportDocumentCriterion[];
  reports: ExitReportDocumentReport[];
  sections: ExitReportSections;
}

/** What one reader may read: reports (and so the results in them) and authored sections. */
export interface DocumentReader {
  readsReport(reportId: string, confidentiality: Confidentiality): boolean;
  readsSection(confidentiality: Confidentiality): boolean;
}

/** The public: PUBLIC reports and sections only. */
export const PUBLIC_READER: DocumentReader = {
  readsReport: (_reportId, confidentiality) => confidentiality === Confidentiality.PUBLIC,
  readsSection: (confidentiality) => confidentiality === Confidentiality.PUBLIC,
};

/** A document as one reader is shown it, and how many items were held back from it (0: the signed document itself). */
export interface ReaderView<T> {
  document: T;
  withheld: number;
}

function withheldCriterion<C extends DocumentCriterion>(c: C): C {
  return { ...c, outcome: CriterionOutcome.WITHHELD, metBy: null, basis: null };
}

/**
 * A written proof as `reader` is shown it: a requirement whose outcome rests on a result the reader
 * may not read is WITHHELD, without the result (docs/domain.md#withheld).
 */
export function writtenProofAsRead(
  document: WrittenProofDocument,
  reader: DocumentReader,
): ReaderView<WrittenProofDocument> {
  let withheld = 0;
  const requirements = document.requirements.map((r) => {
    if (!r.basis || reader.readsReport(r.basis.reportId, r.basis.confidentiality)) return r;
    withheld++;
    return withheldCriterion(r);
  });
  return { document: withheld ? { ...document, requirements } : document, withheld };
}

/**
 * An issued exit report as `reader` is shown it: an outcome resting on a result the reader may not
 * read is WITHHELD (without the result, its recognition or `metBy`); evidence, recognitions and
 * reports it may not read are left out (each criterion's `withheld` counts its evidence left out);
 * sections it may not read are left out.
 */
export function exitReportAsRead(document: ExitReportDocument, reader: DocumentReader): ReaderView<ExitReportDocument> {
  let withheld = 0;
  const reads = (x: { reportId: string; confidentiality: Confidentiality }) =>
    reader.readsReport(x.reportId, x.confidentiality);
  const criteria = document.criteria.map((c) => {
    let shown: ExitReportDocumentCriterion = c;
    if (c.basis && !reads(c.basis)) {
      withheld++;
      shown = { ...withheldCriterion(c), recognition: null };
    } else if (c.recognition && !reads(c.recognition)) {
      withheld++;
      shown = { ...c, recognition: null };
    }
    const evidence = c.evidence.filter(reads);
    withheld += c.evidence.length - evidence.length;
    return { ...shown, evidence, withheld: c.evidence.length - evidence.length };
  });
  const reports = document.reports.filter((r) => reader.readsReport(r.id, r.confidentiality));
  withheld += document.reports.length - reports.length;
  const sections: ExitReportSections = {};
  for (const name of SECTION_NAMES) {
    const section = document.sections[name];
    if (!section) continue;
    if (reader.readsSection(section.confidentiality)) Object.assign(sections, { [name]: section });
    else withheld++;
  }
  if (!withheld) return { document, withheld };
  return { document: { ...document, criteria, reports, sections }, withheld };
}

/**
 * The public copy of an issued exit report (signed beside it at issue): only what anyone may read.
 * Every report, evidence item and section that is not PUBLIC is left out, and so is every criterion
 * whose outcome rests on a result in such a report — not shown as WITHHELD, left out altogether —
 * and every recognition of such a result. A later plan section, report or value is public only when
 * marked PUBLIC.
 */
export function publicExitReport(document: ExitReportDocument): ExitReportDocument {
  const isPublic = (x: { confidentiality: Confidentiality }) => x.confidentiality === Confidentiality.PUBLIC;
  const sections: ExitReportSections = {};
  for (const name of SECTION_NAMES) {
    const section = document.sections[name];
    if (section && isPublic(section)) Object.assign(sections, { [name]: section });
  }
  return {
    ...document,
    copy: 'PUBLIC',
    criteria: document.criteria
      .filter((c) => !c.basis || isPublic(c.basis))
      .map(({ withheld: _withheld, ...c }) => ({
        ...c,
        recognition: c.recognition && isPublic(c.recognition) ? c.recognition : null,
        evidence: c.evidence.filter(isPublic),
      })),
    reports: document.reports.filter(isPublic),
    sections,
  };
}

const cell = (text: string | number | null) =>
  String(text ?? '—')
    .replace(/\|/g, '\\|')
    .replace(/\n/g, ' ');

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '—');

function criteriaTable(criteria: (DocumentCriterion & { stage?: string; evidence?: ExitReportEvidenceItem[] })[]) {
  if (!criteria.length) return ['_None._'];
  const lines = ['| criterion | version | mandatory | outcome | evidence |', '|---|---|---|---|---|'];
  for (const c of criteria) {
    const evidence = (c.evidence ?? []).map((e) => `${e.outcome}: ${e.detail}`).join('; ');
    lines.push(
      `| ${cell(`${c.key} — ${c.title}`)} | ${c.version} | ${c.mandatory ? 'yes' : 'no'} | ${c.outcome}${c.metBy ? ` (${c.metBy})` : ''} | ${cell(evidence || null)} |`,
    );
  }
  return lines;
}

/** The written proof as Markdown (deterministic). The signed JSON is the document; this is for people. */
export function renderWrittenProofMarkdown(d: WrittenProofDocument): string {
  const a = d.activities;
  const lines = [
    `# Written proof — ${d.aiSystem.name}`,
    '',
    `Issued by ${d.issuer.name} (${d.issuer.acronym}, ${d.issuer.jurisdiction}) on ${day(d.issuedAt)}.`,
    '',
    `- Programme: ${d.programme.name} (sectors ${d.programme.sectors.join(', ') || '—'})`,
    `- Organisation: ${d.organisation.name}`,
    `- AI system: ${d.aiSystem.name} (sector ${d.aiSystem.sector}, risk class ${d.aiSystem.riskClass})`,
    `- Enrolment: \`${d.enrolmentId}\``,
    `- Exit decision: ${d.exitDecision.decision} on ${day(d.exitDecision.decidedAt)}${d.exitDecision.reasons ? ` — ${d.exitDecision.reasons}` : ''}`,
    `- Completed: ${d.completed ? 'yes' : 'no'}`,
    `- Sandbox plan version: ${d.planVersion ?? '—'}`,
    '',
    '## Activities',
    '',
    `- Admitted on ${day(a.admittedOn)}; testing from ${day(a.testingStartedOn)}; exit decided on ${a.exitDecidedOn}`,
    `- Test reports submitted: ${a.reports.submitted} (accepted ${a.reports.accepted}, rejected ${a.reports.rejected}, under review ${a.reports.underReview}), from ${day(a.reports.firstSubmittedOn)} to ${day(a.reports.lastSubmittedOn)}`,
    `- Decisions: ${a.decisions.map((x) => `${x.action}${x.decision ? ` ${x.decision}` : ''} on ${x.on}`).join('; ') || '—'}`,
    `- Incidents: ${a.incidents.length ? a.incidents.map((i) => `${i.severity} on ${i.reportedOn}`).join('; ') : 'none'}`,
    '',
    '## Requirements evaluated',
    '',
    ...criteriaTable(d.requirements.map((r) => ({ ...r, key: `${r.stage}: ${r.key}` }))),
  ];
  return `${lines.join('\n')}\n`;
}

/** An issued exit report (or its public copy, or a reader's view of it) as Markdown (deterministic). */
export function renderExitReportDocumentMarkdown(d: ExitReportDocument): string {
  const lines = [
    `# Exit report — ${d.aiSystem.name}${d.copy === 'PUBLIC' ? ' (public copy)' : ''}`,
    '',
    `Issued by ${d.issuer.name} (${d.issuer.acronym}, ${d.issuer.jurisdiction}) on ${day(d.issuedAt)}, version ${d.version}${d.supersedes ? `, superseding \`${d.supersedes}\`` : ''}.`,
    '',
    `- Programme: ${d.programme.name}`,
    `- Organisation: ${d.organisation.name}`,
    `- AI system: ${d.aiSystem.name} (sector ${d.aiSystem.sector}, risk class ${d.aiSystem.riskClass})`,
    `- Enrolment: \`${d.enrolmentId}\` — ${d.enrolmentState}; track ${d.trackState}`,
    `- Sandbox plan version: ${d.planVersion ?? '—'}`,
    `- Entry: ${d.entry.decision ?? 'not decided'} on ${day(d.entry.decidedAt)}${d.entry.reasons ? ` — ${d.entry.reasons}` : ''}`,
  ];
  if (d.entry.justification) lines.push(`- Justification: ${d.entry.justification}`);
  lines.push(
    `- Exit: ${d.exit.decision ?? 'not decided'} on ${day(d.exit.decidedAt)}${d.exit.reasons ? ` — ${d.exit.reasons}` : ''}`,
    '',
    '## Exit criteria',
    '',
    ...criteriaTable(d.criteria),
    '',
    '## Test reports',
    '',
  );
  if (!d.reports.length) lines.push('_None shown._');
  for (const r of d.reports)
    lines.push(
      `- \`${r.id}\`: ${r.status}, ${r.periodStart} to ${r.periodEnd}, tested in ${r.testedIn} by ${r.lab.name}${r.lab.accredited ? ` (accredited${r.lab.accreditationBody ? ` by ${r.lab.accreditationBody}` : ''})` : ''}, method ${r.method.id}${r.method.version ? ` ${r.method.version}` : ''}`,
    );
  const titled: [keyof ExitReportSections, string][] = [
    ['keyIssues', 'Key regulatory issues and how they were resolved'],
    ['seriousIncidents', 'Serious incidents'],
    ['lessonsLearned', 'Lessons learned'],
  ];
  for (const [name, title] of titled) {
    const section = d.sections[name];
    if (!section) continue;
    lines.push('', `## ${title}`, '', section.text);
    if (name === 'seriousIncidents')
      for (const i of d.sections.seriousIncidents!.incidents)
        lines.push(
          '',
          `- ${i.severity} on ${day(i.reportedAt)}: ${cell(i.description)}${i.harm ? ` (harm: ${cell(i.harm)})` : ''} — ${cell(i.outcome)}`,
        );
  }
  return `${lines.join('\n')}\n`;
}
