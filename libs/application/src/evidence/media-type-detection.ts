import { fileTypeFromBuffer } from 'file-type';

/**
 * How many first bytes decide a file's type: file-type reads at most about 4 KiB for the formats
 * accepted; more lets it find an Office document's `[Content_Types].xml` entry further into the ZIP.
 */
export const SNIFF_BYTES = 64 * 1024;

/**
 * The media type the content's magic numbers say (file-type), or null when none matched — text has
 * none. Only `head` is read: a compressed archive is never unpacked (file-type bounds its own peek
 * into gzip), so a ZIP bomb is just its bytes.
 */
export async function detectMediaType(head: Uint8Array): Promise<string | null> {
  return (await fileTypeFromBuffer(head))?.mime ?? null;
}
