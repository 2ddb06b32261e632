import type { JsonObject, JsonValue } from '../recognition/case-documents.js';

/**
 * Canonical JSON: object keys sorted (UTF-16 order) at every depth, arrays kept in order, undefined
 * members dropped. A stored scenario is canonical and every run computes from its canonical form,
 * so the first run and every rerun see exactly the same document, however the client wrote it.
 */
export function canonical(value: unknown): JsonValue {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    const out: JsonObject = {};
    for (const key of Object.keys(value).sort()) {
      const item = (value as Record<string, unknown>)[key];
      if (item !== undefined) out[key] = canonical(item);
    }
    return out;
  }
  return value as JsonValue;
}
