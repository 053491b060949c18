import { type CelebrityFailure, type CelebrityItem, describeError, formatItemKey } from '@celebrity-pipeline/core';
import type { ItemWriter } from '@celebrity-pipeline/core/dynamodb';
import { boundedReason } from './run-outcome.js';

/** Items per write: one BatchWriteItem call. A timeout loses at most this many scraped items. */
export const WRITE_CHUNK_SIZE = 25;

/** What the chunked writes did, summed. */
export interface WriteTotals {
  written: number;
  unchanged: number;
  failed: CelebrityFailure[];
  retried: number;
}

/** Writes items as they are scraped, a chunk at a time, one chunk in flight. */
export interface ChunkedWriter {
  add(item: CelebrityItem): void;
  /** Writes what is left and waits for every chunk. */
  finish(): Promise<WriteTotals>;
}

/**
 * A writer that sends every {@link WRITE_CHUNK_SIZE} scraped items to DynamoDB at once, so a run killed by its
 * timeout keeps everything but the chunk in flight, and a re-run completes it (the writer skips unchanged
 * items by content hash, so nothing is duplicated). Chunks are written one after another.
 */
export function createChunkedWriter(writer: Pick<ItemWriter, 'putItems'>, chunkSize = WRITE_CHUNK_SIZE): ChunkedWriter {
  const totals: WriteTotals = { written: 0, unchanged: 0, failed: [], retried: 0 };
  let buffer: CelebrityItem[] = [];
  let chain: Promise<void> = Promise.resolve();
  const flush = () => {
    const chunk = buffer;
    buffer = [];
    if (chunk.length > 0) chain = chain.then(() => writeChunk(writer, chunk, totals));
  };
  return {
    add(item) {
      buffer.push(item);
      if (buffer.length >= chunkSize) flush();
    },
    async finish() {
      flush();
      await chain;
      return totals;
    },
  };
}

async function writeChunk(writer: Pick<ItemWriter, 'putItems'>, items: CelebrityItem[], totals: WriteTotals) {
  const celebrityOf = new Map(items.map((item) => [formatItemKey(item), item.celebrity_id]));
  try {
    const result = await writer.putItems(items);
    totals.written += result.written.length;
    totals.unchanged += result.unchanged.length;
    totals.retried += result.requestsRetried;
    for (const { key, reason } of result.failed) {
      totals.failed.push({
        celebrityId: celebrityOf.get(formatItemKey(key)) ?? key.pk,
        reason: boundedReason(`DynamoDB write failed: ${reason}`),
        retryable: true,
      });
    }
  } catch (error) {
    const reason = boundedReason(`DynamoDB write failed: ${describeError(error)}`);
    for (const item of items) totals.failed.push({ celebrityId: item.celebrity_id, reason, retryable: true });
  }
}
