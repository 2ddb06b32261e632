// The report form's values and the API input made from them. The form keeps one row per criterion
// (named as the input's `results`, so the API's `input.results.N.…` problems have a field to land on);
// only the rows the person filled in are sent, so a sent result's position is mapped back to its row.
import type { Confidentiality, CriterionKind, PreviewTestReportInput, ResultInput } from '../../gql/graphql';

export interface ResultRow {
  criterionId: string;
  /** NumberInput's value: a number, or a string while it is empty or half typed. */
  value: number | string;
  evidenceReference: string;
  evidenceSha256: string;
  /** A file of the organisation's evidence library ('' none): the API checks its hash is the one stated. */
  evidenceId: string;
  /** '' (not reported), 'true' or 'false'. */
  attested: string;
}

export interface ReportValues {
  submittedTo: string;
  confidentiality: Confidentiality;
  testedIn: string;
  periodStart: string;
  periodEnd: string;
  lab: { name: string; accredited: boolean; accreditationBody: string };
  method: { id: string; version: string };
  results: ResultRow[];
}

export const emptyRow = (criterionId: string): ResultRow => ({
  criterionId,
  value: '',
  evidenceReference: '',
  evidenceSha256: '',
  evidenceId: '',
  attested: '',
});

/** Whether the person reported anything for this criterion (a blank row is left out of the report). */
export const isReported = (row: ResultRow): boolean =>
  String(row.value).trim() !== '' ||
  row.evidenceReference.trim() !== '' ||
  row.evidenceSha256.trim() !== '' ||
  row.evidenceId !== '' ||
  row.attested !== '';

const text = (value: string): string | null => (value.trim() === '' ? null : value.trim());

function resultInput(row: ResultRow, kind: CriterionKind | undefined): ResultInput {
  switch (kind) {
    case 'METRIC': {
      const value = typeof row.value === 'number' ? row.value : Number(row.value);
      return { criterionId: row.criterionId, value: Number.isFinite(value) ? value : null };
    }
    case 'EVIDENCE':
      return {
        criterionId: row.criterionId,
        evidenceReference: text(row.evidenceReference),
        evidenceSha256: text(row.evidenceSha256),
        evidenceId: text(row.evidenceId),
      };
    case 'ATTESTATION':
      return { criterionId: row.criterionId, attested: row.attested === '' ? null : row.attested === 'true' };
    case undefined:
      return { criterionId: row.criterionId };
  }
}

/** The preview's (and, with an idempotency key, the submission's) input: the filled-in rows only. */
export function reportInput(
  enrolmentId: string,
  values: ReportValues,
  kindOf: (criterionId: string) => CriterionKind | undefined,
): PreviewTestReportInput {
  return {
    enrolmentId,
    submittedTo: values.submittedTo,
    confidentiality: values.confidentiality,
    testedIn: values.testedIn,
    periodStart: values.periodStart,
    periodEnd: values.periodEnd,
    lab: {
      name: values.lab.name,
      accredited: values.lab.accredited,
      accreditationBody: text(values.lab.accreditationBody),
    },
    method: { id: values.method.id, version: text(values.method.version) },
    results: values.results.filter(isReported).map((row) => resultInput(row, kindOf(row.criterionId))),
  };
}

/**
 * A form path of the sent input (`results.2.value`: the third result sent) as the path of the form's
 * row for that criterion (`results.5.value`); other paths are unchanged.
 */
export function rowPath(
  path: string,
  sent: { criterionId: string | number }[],
  rows: { criterionId: string }[],
): string {
  const match = /^results\.(\d+)(\..+)?$/.exec(path);
  if (!match) return path;
  const criterionId = sent[Number(match[1])]?.criterionId;
  const row = rows.findIndex((r) => r.criterionId === criterionId);
  return row < 0 ? path : `results.${row}${match[2] ?? ''}`;
}

/** A fresh idempotency key: one per form, kept across retries (crypto.randomUUID needs a secure context). */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function' && window.isSecureContext) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** SHA-256 of a file's content as 64 lower-case hex characters (computed here; the file is not uploaded). */
export async function sha256Hex(file: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
