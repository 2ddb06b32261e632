// Files the exit documents are downloaded as: the signed JSON exactly as the API gave it, and the
// Markdown. Made in the browser from what the page loaded (a Blob), named after the document.

/** "Lumen Thin-File Scorer" → "lumen-thin-file-scorer". */
export const slug = (text: string): string =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** Saves `text` as a file named `file` (the browser's download). */
export function downloadText(text: string, file: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * A signed document `{document, sha256, signature, keyId}` as a file: the API's JSON with its keys in
 * the order given, indented. The signature covers the canonical form of `document`, so the layout
 * of the file does not matter to a verifier.
 */
export const signedJson = (signed: unknown): string => `${JSON.stringify(signed, null, 2)}\n`;
