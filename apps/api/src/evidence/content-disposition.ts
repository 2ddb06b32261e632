/**
 * A Content-Disposition header value (RFC 6266) naming a file: `filename="…"` with an ASCII
 * fallback for old clients and, when the name is not plain ASCII, `filename*=UTF-8''…` (RFC 5987
 * percent-encoding) that current browsers prefer. Written here because the `content-disposition`
 * package is not among the dependencies; it follows that package's output.
 */
export function contentDisposition(type: 'attachment' | 'inline', filename: string): string {
  const fallback = asciiFallback(filename);
  const quoted = `filename="${fallback.replace(/[\\"]/g, '\\$&')}"`;
  return fallback === filename
    ? `${type}; ${quoted}`
    : `${type}; ${quoted}; filename*=UTF-8''${encodeRfc5987(filename)}`;
}

/** Printable ASCII only (others become `?`); no control characters reach the header. */
function asciiFallback(name: string): string {
  return name.normalize('NFC').replace(/[^\x20-\x7e]/g, '?');
}

/** RFC 5987 `value-chars`: attr-chars as they are, everything else as UTF-8 percent-escapes. */
export function encodeRfc5987(value: string): string {
  return encodeURIComponent(value.normalize('NFC')).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}
