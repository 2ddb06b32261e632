/** Types of scripts/build.mjs, for the TypeScript that imports it (test/ensure-built.ts). */
export function build(options?: {
  /** Only the parts that are missing or older than their sources. */
  ifStale?: boolean;
  /** The parts to build (default: both). */
  only?: ('api' | 'console')[];
  /** Receives the progress lines (default: stderr). */
  log?: (line: string) => void;
}): Promise<boolean>;
