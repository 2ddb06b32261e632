import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EvidenceBlobRepository } from '@sandbridge/persistence';
import { type ByteRange, EvidenceStore, type StoredBlob } from './evidence-store.js';

/**
 * The size of one `evidence_chunk` row, chosen with `npm run bench:evidence` (README, Performance):
 * one statement per MiB while the process holds at most about two chunks of an upload at once.
 */
export const EVIDENCE_CHUNK_BYTES = 1024 * 1024;

/**
 * Evidence bytes in PostgreSQL (embedded or not): fixed-size chunks in `evidence_chunk`, written one
 * short statement each while the upload streams in — no transaction is held across the network
 * transfer — and a blob marked COMPLETE in one statement at the end. The next chunk is received while
 * the previous one is written, so the network and the database overlap.
 */
@Injectable()
export class PostgresEvidenceStore extends EvidenceStore {
  constructor(private readonly blobs: EvidenceBlobRepository) {
    super();
  }

  async write(source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, mediaType: () => string): Promise<StoredBlob> {
    const blobId = await this.blobs.createPending();
    const hash = createHash('sha256');
    let size = 0;
    let seq = 0;
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    let writing: Promise<void> = Promise.resolve();
    const flush = async (chunk: Buffer) => {
      // At most one write in flight: its failure surfaces at the next chunk or at the end.
      await writing;
      writing = this.blobs.writeChunk(blobId, seq++, chunk);
      // Rejections are read when awaited above or below; never left unhandled meanwhile.
      writing.catch(() => undefined);
    };
    try {
      for await (const piece of source) {
        const bytes = Buffer.isBuffer(piece) ? piece : Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
        hash.update(bytes);
        size += bytes.length;
        pending.push(bytes);
        pendingBytes += bytes.length;
        while (pendingBytes >= EVIDENCE_CHUNK_BYTES) {
          const joined = pending.length === 1 ? pending[0] : Buffer.concat(pending, pendingBytes);
          await flush(joined.subarray(0, EVIDENCE_CHUNK_BYTES));
          const rest = joined.subarray(EVIDENCE_CHUNK_BYTES);
          pending = rest.length ? [rest] : [];
          pendingBytes = rest.length;
        }
      }
      if (pendingBytes > 0) await flush(pending.length === 1 ? pending[0] : Buffer.concat(pending, pendingBytes));
      await writing;
      const sha256 = hash.digest('hex');
      const stored = await this.blobs.complete(blobId, { sha256, size, chunkCount: seq, mediaType: mediaType() });
      return { blobId: stored, sha256, size, existed: stored !== blobId };
    } catch (error) {
      await writing.catch(() => undefined);
      await this.blobs.deletePending(blobId);
      throw error;
    }
  }

  async *read(blobId: string, range?: ByteRange): AsyncIterable<Buffer> {
    const lengths = await this.blobs.chunkLengths(blobId);
    const total = lengths.reduce((sum, n) => sum + n, 0);
    const start = range?.start ?? 0;
    const end = Math.min(range?.end ?? total - 1, total - 1);
    let offset = 0;
    for (const [seq, length] of lengths.entries()) {
      const chunkEnd = offset + length - 1;
      if (chunkEnd >= start && offset <= end) {
        const from = Math.max(start, offset) - offset;
        const to = Math.min(end, chunkEnd) - offset;
        yield from === 0 && to === length - 1
          ? await this.blobs.readChunk(blobId, seq)
          : await this.blobs.readChunk(blobId, seq, from, to - from + 1);
      }
      offset += length;
      if (offset > end) break;
    }
  }

  sweepUnfinished(before: Date): Promise<number> {
    return this.blobs.deleteStalePending(before);
  }
}
