// Evidence files over REST, with the session's token as `Authorization: Bearer` (as GraphQL requests
// carry it, api/client.tsx): an upload is POST /evidence (multipart/form-data, the text fields before
// the file) sent with XMLHttpRequest, whose upload progress events drive a progress bar; a download is
// GET /evidence/:id fetched with the header into a Blob, then saved (an <a download> click) or opened
// in a new tab (PDFs and images, `?inline=1`). A token in a header, not a cookie, means a plain link
// could not carry it.
import { currentSession, endSession } from '../../auth/session';

/** What POST /evidence answers (201). */
export interface UploadedEvidence {
  id: string;
  sha256: string;
  size: number;
  mediaType: string;
  filename: string;
  title: string;
  effectiveDay: string;
  expiryDay: string | null;
  /** The same bytes were already in the organisation's library: that record is answered. */
  deduplicated: boolean;
}

/** The optional metadata sent with a file. */
export interface UploadFields {
  title?: string;
  /** YYYY-MM-DD. */
  effectiveDay?: string;
  /** YYYY-MM-DD. */
  expiryDay?: string;
  /** The evidence id this file is a revision of. */
  supersedes?: string;
}

/** A refused upload or download: the HTTP status and the API's `{ error: { code, message } }`. */
export class EvidenceRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The API's limit for a 413, when it says it. */
    readonly limitBytes?: number,
    /** A 400's problems with the fields it names (`title`, `effectiveDay`, `expiryDay`, `file`). */
    readonly problems: { path: string; message: string }[] = [],
  ) {
    super(message);
  }
}

interface ErrorBody {
  error?: {
    code?: string;
    message?: string;
    limitBytes?: number;
    maxBytes?: number;
    errors?: { path: string; message: string }[];
  };
}

function authorization(): string {
  const token = currentSession()?.token;
  if (!token) throw new EvidenceRequestError(401, 'UNAUTHENTICATED', 'Your session has ended: sign in again.');
  return `Bearer ${token}`;
}

function refusal(status: number, text: string): EvidenceRequestError {
  let body: ErrorBody = {};
  try {
    body = JSON.parse(text) as ErrorBody;
  } catch {
    // Not JSON (a proxy's page): the status speaks.
  }
  const code = body.error?.code ?? (status === 0 ? 'NETWORK' : `HTTP_${status}`);
  const message = body.error?.message ?? (status === 0 ? 'The server could not be reached.' : `HTTP ${status}`);
  if (status === 401) endSession('expired');
  return new EvidenceRequestError(
    status,
    code,
    message,
    body.error?.limitBytes ?? body.error?.maxBytes,
    Array.isArray(body.error?.errors) ? body.error.errors : [],
  );
}

/**
 * Uploads a file (with its metadata) to the organisation's library; `onProgress` gets the share sent,
 * 0 to 1. Aborting the signal stops the upload (it then rejects with an AbortError).
 */
export function uploadEvidence(
  file: File,
  fields: UploadFields,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<UploadedEvidence> {
  return new Promise((resolve, reject) => {
    const body = new FormData();
    // The text fields before the file: the API reads the parts in order, as a stream.
    for (const [name, value] of Object.entries(fields)) if (value) body.append(name, value);
    body.append('file', file, file.name);

    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/evidence');
    try {
      xhr.setRequestHeader('authorization', authorization());
    } catch (error) {
      reject(error as Error);
      return;
    }
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      if (xhr.status === 200 || xhr.status === 201) {
        onProgress(1);
        resolve(JSON.parse(xhr.responseText) as UploadedEvidence);
      } else reject(refusal(xhr.status, xhr.responseText));
    };
    xhr.onerror = () => reject(refusal(0, ''));
    xhr.onabort = () => reject(new DOMException('The upload was cancelled', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(body);
  });
}

/** Whether the browser can show this media type itself (opened inline in a new tab). */
export const opensInline = (mediaType: string): boolean =>
  mediaType === 'application/pdf' || /^image\/(png|jpeg|gif|webp)$/.test(mediaType);

/** The file's bytes, as the API gives them to this session (404 when it may not read them). */
export async function fetchEvidence(id: string, { inline = false } = {}): Promise<Blob> {
  const response = await fetch(`/evidence/${encodeURIComponent(id)}${inline ? '?inline=1' : ''}`, {
    headers: { authorization: authorization() },
  });
  if (!response.ok) throw refusal(response.status, await response.text());
  return response.blob();
}

/** Downloads the file: saved under its name, as a link with `download` would. */
export async function downloadEvidence(id: string, filename: string): Promise<void> {
  const blob = await fetchEvidence(id);
  const url = URL.createObjectURL(blob);
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = filename;
    link.rel = 'noopener';
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // The click has started the download; the URL may go once the browser has read it.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}

/**
 * Opens the file in a new tab (PDFs and images): the tab is opened at once, within the click, so no
 * pop-up blocker stops it, and shown the file once it has arrived.
 */
export async function openEvidence(id: string, mediaType: string): Promise<void> {
  const tab = window.open('', '_blank');
  // The file's tab gets no hold on the console's window.
  if (tab) tab.opener = null;
  try {
    const blob = await fetchEvidence(id, { inline: true });
    const url = URL.createObjectURL(new Blob([blob], { type: mediaType }));
    if (tab) tab.location.href = url;
    else window.location.assign(url);
    setTimeout(() => URL.revokeObjectURL(url), 10 * 60_000);
  } catch (error) {
    tab?.close();
    throw error;
  }
}
