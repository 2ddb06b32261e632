import { createHash } from 'node:crypto';

// The SVG of a chart, kept per picture: a COMPLETED run's result never changes, so the same result
// (as the reader may see it: the key hashes the disclosed JSON) under the same kind and title is the
// same SVG. Drawing a 20 × 20 matrix with three variants takes vega a few hundred ms; a second reader,
// or the same page opened again, gets it at once. Concurrent asks for one picture share one drawing.

const LIMIT = 64;
const kept = new Map<string, Promise<string>>();

export function chartKey(...parts: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url');
}

/** The picture under `key`, drawn by `draw` when not kept (the oldest kept is dropped beyond 64). */
export function cachedSvg(key: string, draw: () => Promise<string>): Promise<string> {
  const found = kept.get(key);
  if (found) {
    // Most recently used last, so the oldest unused is dropped first.
    kept.delete(key);
    kept.set(key, found);
    return found;
  }
  const drawing = draw();
  kept.set(key, drawing);
  drawing.catch(() => kept.delete(key));
  while (kept.size > LIMIT) kept.delete(kept.keys().next().value!);
  return drawing;
}
