// Evidence in words: sizes, media types, expiry badges, a short hash, and the API's refusals of an
// upload or a download.
import { EvidenceRequestError } from './evidence-api';

/** 1536 → "1.5 KB" (powers of 1024, as the upload limit is set). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value >= 10 ? Math.round(value) : Math.round(value * 10) / 10} ${units[unit]}`;
}

/** A limit in whole megabytes when it is one ("10 MB"), else as formatBytes. */
function limitWords(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return Number.isInteger(mb) ? `${mb} MB` : formatBytes(bytes);
}

const MEDIA_TYPES: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/png': 'PNG image',
  'image/jpeg': 'JPEG image',
  'image/gif': 'GIF image',
  'image/webp': 'WebP image',
  'text/plain': 'Text',
  'text/csv': 'CSV',
  'application/json': 'JSON',
  'application/zip': 'ZIP archive',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel workbook',
};

/** "application/pdf" → "PDF"; unknown types as they are. */
export const mediaTypeWords = (mediaType: string): string => MEDIA_TYPES[mediaType] ?? mediaType;

/** The first 12 hex characters of a hash, enough to tell files apart at a glance. */
export const shortHash = (sha256: string): string => sha256.slice(0, 12);

/** Today in UTC as YYYY-MM-DD (days are UTC days throughout the API). */
export const utcToday = (): string => new Date().toISOString().slice(0, 10);

/** Whole days from `from` to `to` (both YYYY-MM-DD). */
export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** Within this many days an expiry is shown as coming ("expires in N days") and "expiring soon" filters. */
export const EXPIRING_SOON_DAYS = 30;

/** The badge an expiry day earns today: expired, expiring soon, or none. */
export function expiryBadge(
  expiryDay: string | null | undefined,
  expired: boolean,
  today = utcToday(),
): { label: string; color: string } | null {
  if (!expiryDay) return null;
  if (expired || expiryDay < today) return { label: 'Expired', color: 'red' };
  const days = daysBetween(today, expiryDay);
  if (days === 0) return { label: 'Expires today', color: 'orange' };
  if (days <= EXPIRING_SOON_DAYS)
    return { label: `Expires in ${days} ${days === 1 ? 'day' : 'days'}`, color: 'yellow' };
  return null;
}

/** What went wrong with an upload or a download, in words. */
export function evidenceProblem(error: unknown, maxBytes?: number | null): string {
  if (!(error instanceof EvidenceRequestError))
    return error instanceof Error ? error.message : 'Something went wrong: try again.';
  switch (error.status) {
    case 0:
      return 'The server could not be reached: check your connection and try again.';
    case 401:
      return 'Your session has ended: sign in again.';
    case 404:
      return 'Not found, or not yours to see.';
    case 413: {
      const limit = error.limitBytes ?? maxBytes ?? limitFromMessage(error.message);
      return limit
        ? `The file is larger than the limit of ${limitWords(limit)}.`
        : `The file is larger than the server's limit. ${error.message}`;
    }
    case 415:
      return `This type of file is not accepted: ${error.message}`;
    case 429:
      return `Too many uploads at once: wait a moment and try again. ${error.message}`;
    default:
      return error.message;
  }
}

/** "… limit of 5242880 bytes" → 5242880; "… 5 MB" → 5 MiB. */
function limitFromMessage(message: string): number | null {
  const bytes = /(\d+)\s*bytes/i.exec(message);
  if (bytes) return Number(bytes[1]);
  const mb = /(\d+(?:\.\d+)?)\s*(MB|MiB)/i.exec(message);
  return mb ? Math.round(Number(mb[1]) * 1024 * 1024) : null;
}
