/** A stored file: its blob (content-addressed, one per SHA-256) and what writing it found. */
export interface StoredBlob {
  blobId: string;
  sha256: string;
  size: number;
  /** The bytes were stored already (another upload, any owner): this write kept nothing of its own. */
  existed: boolean;
}

/** Inclusive byte offsets, as an HTTP Range names them. */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * Where evidence bytes live (docs/domain.md#evidence). Injected by this class as the token, so a
 * store elsewhere (object storage) replaces the PostgreSQL one without touching its callers:
 * `{ provide: EvidenceStore, useClass: S3EvidenceStore }`.
 *
 * A write consumes the stream as it arrives — hashing (SHA-256) and storing piece by piece, never
 * the whole file in memory — and either completes or leaves nothing: when the stream fails (the
 * client went away, a limit was passed, the content was refused) the partial bytes are deleted and
 * the error is rethrown.
 */
export abstract class EvidenceStore {
  /** Stores the bytes; `mediaType` is asked once they are all read (it may depend on them). */
  abstract write(
    source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
    mediaType: () => string,
  ): Promise<StoredBlob>;

  /** The blob's bytes (those of `range` only, when given) as they are read, a piece at a time. */
  abstract read(blobId: string, range?: ByteRange): AsyncIterable<Buffer>;

  /** Removes uploads left unfinished before `before` (a stopped process); how many. */
  abstract sweepUnfinished(before: Date): Promise<number>;
}
