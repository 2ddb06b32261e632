// Counter-based randomness for the programme design simulation: every draw is a pure function of
// (seed, replication, applicant, authority, purpose) — no stream is shared, so a replication, an
// applicant or a design computes the same draws whatever else is computed, in whatever order or chunk.
// Each word is folded in with Chris Wellons' `lowbias32` integer hash (full avalanche), as the
// recognition simulation's synthetic population does; a uniform takes 53 bits from two hashes.

// Math's functions held in module constants: inside a vm context (as Jest runs modules) every global
// lookup goes through the context's interceptors, which made the hot loops many times slower.
const imul = Math.imul;

function mix32(x: number): number {
  x ^= x >>> 16;
  x = imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

const TWO_32 = 4_294_967_296;

/** Folds one 32-bit word into the hash state `h`. */
export const fold = (h: number, word: number): number => mix32((h ^ word) >>> 0) ^ mix32((word + 0x85ebca6b) >>> 0);

// What a draw is for (the last word of its key): renumbering changes every result.
/** Per applicant: how many authorities it targets. */
export const TARGET_COUNT = 1;
/** Per applicant: the target draws, one uniform per pick (keyed by the pick's number). */
export const TARGET_PICK = 2;
/** Per track: ADMIT or DECLINE. */
export const SCREENING = 3;
/** Per track: the review's length. */
export const REVIEW_DAYS = 4;
/** Per track: whether a screening decline is turned into an admission by a recognised result. */
export const RECOGNITION = 5;
/** Per admitted track: authorised at exit. */
export const EXIT = 6;

/** The state after the seed (a safe integer, split into two 32-bit words, its sign in the high one). */
export function seedState(seed: number): number {
  return fold(fold(0x9e3779b9, seed >>> 0), Math.floor(seed / TWO_32) >>> 0);
}

/**
 * Two independent 32-bit hashes of an authority id (FNV-1a and a multiplicative one): the authority's
 * words of the key. Keyed by id, not by position, so reordering or adding authorities changes no draw.
 */
export function idWords(id: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x27d4eb2f;
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul((b + c) | 0, 0x9e3779b1) ^ (b >>> 15);
  }
  return [mix32(a >>> 0), mix32((b ^ id.length) >>> 0)];
}

/** A uniform in [0, 1) for `purpose` under the state `h`: 27 high bits and 26 low bits from two hashes. */
export function uniform(h: number, purpose: number): number {
  const k = fold(h, purpose);
  const hi = mix32((k ^ 0x68e31da4) >>> 0) >>> 5;
  const lo = mix32((k + 0xb5297a4d) >>> 0) >>> 6;
  return (hi * 67_108_864 + lo) / 9_007_199_254_740_992;
}
