// Evidence files (docs/domain.md#evidence): what a stored file may be called and what it may be.
// Pure: the caller detects the type from the content (magic numbers) and hands it in.

/** The name kept when nothing of the uploader's name survives sanitising. */
export const DEFAULT_EVIDENCE_FILENAME = 'evidence';
/** PostgreSQL column width and a portable file name's limit, in UTF-8 bytes. */
export const MAX_FILENAME_BYTES = 255;

// C0 and C1 controls, DEL; bidirectional overrides, embeddings and isolates and the invisible marks
// (a name such as "invoice\u202Efdp.exe" would show as "invoiceexe.pdf").
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/**
 * The uploader's file name as metadata only: its last path component (either separator), without
 * control characters or bidirectional overrides, NFC-normalised, trimmed, at most 255 UTF-8 bytes
 * (the extension kept when the stem is cut); empty, `.` or `..` become "evidence". Never a path.
 */
export function sanitiseFilename(raw: string | null | undefined): string {
  const last = (raw ?? '').split(/[/\\]/).pop() ?? '';
  const name = last.replace(UNSAFE_CHARACTERS, '').normalize('NFC').trim();
  if (name === '' || name === '.' || name === '..') return DEFAULT_EVIDENCE_FILENAME;
  if (utf8Length(name) <= MAX_FILENAME_BYTES) return name;
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 && name.length - dot <= 16 ? name.slice(dot) : '';
  const stem = truncateUtf8(name.slice(0, name.length - extension.length), MAX_FILENAME_BYTES - utf8Length(extension));
  return stem.trim() === '' ? truncateUtf8(name, MAX_FILENAME_BYTES) : `${stem}${extension}`;
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/** The longest prefix of whole code points within `max` UTF-8 bytes. */
function truncateUtf8(text: string, max: number): string {
  let out = '';
  for (const ch of text) {
    if (utf8Length(out + ch) > max) break;
    out += ch;
  }
  return out;
}

// ── media types ──

/** Types recognised from their bytes (file-type's names) that evidence may be. */
export const BINARY_EVIDENCE_TYPES = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'application/zip',
  'application/gzip',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.oasis.opendocument.presentation',
] as const;

/** Text formats no magic number identifies: accepted as valid UTF-8 without NULs, typed by the name's extension. */
export const TEXT_EVIDENCE_TYPES = ['text/plain', 'text/csv', 'application/json', 'text/markdown'] as const;

/** Types a browser may show inline (`?inline=1`); everything else is only ever an attachment. */
export const INLINE_EVIDENCE_TYPES: readonly string[] = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
];

const EXTENSIONS: Record<string, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  zip: 'application/zip',
  gz: 'application/gzip',
  tgz: 'application/gzip',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odp: 'application/vnd.oasis.opendocument.presentation',
  txt: 'text/plain',
  text: 'text/plain',
  log: 'text/plain',
  csv: 'text/csv',
  json: 'application/json',
  md: 'text/markdown',
  markdown: 'text/markdown',
};

/** Other names clients send for the same types. */
const ALIASES: Record<string, string> = {
  'image/jpg': 'image/jpeg',
  'image/pjpeg': 'image/jpeg',
  'application/x-pdf': 'application/pdf',
  'application/x-zip-compressed': 'application/zip',
  'application/x-zip': 'application/zip',
  'application/x-gzip': 'application/gzip',
  'text/x-markdown': 'text/markdown',
  'text/json': 'application/json',
  'text/comma-separated-values': 'text/csv',
  // What Windows browsers send for a .csv file.
  'application/vnd.ms-excel': 'text/csv',
};

/** Office and ODF documents are ZIP archives: when only the archive is recognised, a document's name does not contradict it. */
const ZIP_CONTAINERS = new Set<string>(
  BINARY_EVIDENCE_TYPES.filter((t) => t.includes('officedocument') || t.includes('opendocument')),
);

const TEXT = new Set<string>(TEXT_EVIDENCE_TYPES);
const BINARY = new Set<string>(BINARY_EVIDENCE_TYPES);

/** The type a file name's extension stands for, when it is one this platform knows. */
export function typeOfExtension(filename: string): string | null {
  const dot = filename.lastIndexOf('.');
  if (dot <= 0) return null;
  return EXTENSIONS[filename.slice(dot + 1).toLowerCase()] ?? null;
}

/** The type a client's part Content-Type declares (null: none, or only `application/octet-stream`). */
export function declaredType(contentType: string | null | undefined): string | null {
  const type = (contentType ?? '').split(';', 1)[0].trim().toLowerCase();
  if (type === '' || type === 'application/octet-stream') return null;
  return ALIASES[type] ?? type;
}

export type MediaTypeDecision =
  /** `textOnly`: accepted if the whole content turns out valid UTF-8 without NULs. */
  { ok: true; mediaType: string; textOnly: boolean } | { ok: false; message: string };

export interface MediaTypeClaims {
  /** What the first bytes are (file-type's answer), null when nothing matched. */
  detected: string | null;
  /** The sanitised file name. */
  filename: string;
  /** The part's Content-Type as the client sent it. */
  contentType: string | null | undefined;
}

/**
 * Decides a file's type from its first bytes, before the rest is read: the detected type if it is
 * on the allow-list and nothing the client declared (Content-Type, extension) contradicts it; when
 * nothing is detected, a text type from the extension (text/plain without one), to be confirmed by
 * the whole content being valid UTF-8. Executables, archives of other kinds, … are refused.
 */
export function decideMediaType({ detected, filename, contentType }: MediaTypeClaims): MediaTypeDecision {
  const byName = typeOfExtension(filename);
  const byHeader = declaredType(contentType);
  if (detected) {
    const type = ALIASES[detected] ?? detected;
    if (!BINARY.has(type)) return { ok: false, message: `Files of type ${type} are not accepted as evidence` };
    for (const claim of [byHeader, byName])
      if (claim && claim !== type && !(type === 'application/zip' && ZIP_CONTAINERS.has(claim)))
        return { ok: false, message: `The file is declared as ${claim} but its content is ${type}` };
    return { ok: true, mediaType: type, textOnly: false };
  }
  if (byName && !TEXT.has(byName))
    return { ok: false, message: `The file is declared as ${byName} but its content is not ${byName}` };
  const extension = filename.lastIndexOf('.') > 0;
  if (!byName && extension && !byHeader?.startsWith('text/'))
    return {
      ok: false,
      message: `Files named ${JSON.stringify(filename)} of an unrecognised type are not accepted as evidence`,
    };
  const type = byName ?? (byHeader && TEXT.has(byHeader) ? byHeader : 'text/plain');
  if (byHeader && byHeader !== type && !(byHeader.startsWith('text/') && type.startsWith('text/')))
    return { ok: false, message: `The file is declared as ${byHeader} but its content is ${type}` };
  return { ok: true, mediaType: type, textOnly: true };
}

/** Why content that had to be text is refused (it is binary of a type nobody recognised). */
export function notTextMessage(mediaType: string): string {
  return `The file is declared as ${mediaType} but its content is not text (not valid UTF-8, or it holds NUL bytes)`;
}
