import {
  DescribeStreamCommand,
  type DynamoDBStreamsClient,
  ExpiredIteratorException,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type Shard,
  TrimmedDataAccessException,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBRecord } from 'aws-lambda';
import type { CheckpointStore, ShardCheckpoint } from './checkpoint-store.js';
import { type Clock, systemClock } from './clock.js';
import type { DeadLetterQueue } from './dead-letter-queue.js';
import {
  deliverRecords,
  type ExhaustedRecords,
  type StreamHandler,
  type StreamMappingPolicy,
} from './stream-mapping.js';
import { sequenceNumberOf, toLambdaRecord } from './stream-records.js';

/** Counters since the poller was created. */
export interface PollerStats {
  recordsRead: number;
  recordsFiltered: number;
  recordsDelivered: number;
  recordsDeadLettered: number;
  invocations: number;
}

/** What one {@link StreamPoller.pollOnce} saw. */
export interface PollResult {
  recordsRead: number;
  /** True when every readable shard returned no new record: the poller has caught up with the stream. */
  isCaughtUp: boolean;
}

/** Options of {@link createStreamPoller}. */
export interface StreamPollerOptions {
  streams: DynamoDBStreamsClient;
  streamArn: string;
  handler: StreamHandler;
  /** The mapping's filter (the post-processor's `matchesStreamFilters`): records it rejects are skipped. */
  matches: (record: DynamoDBRecord) => boolean;
  policy: StreamMappingPolicy;
  checkpoints: CheckpointStore;
  deadLetters: DeadLetterQueue;
  /** Records per GetRecords call (DynamoDB Streams allows up to 1 000). */
  readLimit?: number;
  /** Wait between rounds in {@link StreamPoller.run} (Lambda polls each shard about 4 times a second). Default 100 ms. */
  pollIntervalMs?: number;
  clock?: Clock;
  onBatch?: (report: { shardId: string; delivered: number; deadLettered: number }) => void;
}

/** A batch the poller finished: every record in it was delivered, or dead-lettered (`deadLettered`). */
export interface HandledBatch {
  shardId: string;
  records: readonly DynamoDBRecord[];
  deadLettered: readonly DynamoDBRecord[];
}

/** A local event-source mapping over the DynamoDB Streams API. */
export interface StreamPoller {
  /** One round: reads every readable shard to its current end and delivers what matches. */
  pollOnce(signal?: AbortSignal): Promise<PollResult>;
  /** Rounds until `signal` aborts (the current batch is finished and checkpointed first). */
  run(signal: AbortSignal): Promise<void>;
  readonly stats: Readonly<PollerStats>;
  /** Calls `listener` after every finished batch (a cycle counts the records of its run); returns the unsubscribe. */
  onBatch(listener: (batch: HandledBatch) => void): () => void;
}

/** Shards in an order where each parent comes before its children. */
export function lineageOrder(shards: readonly Shard[]): Shard[] {
  const byId = new Map(shards.map((shard) => [shard.ShardId ?? '', shard]));
  const ordered: Shard[] = [];
  const placed = new Set<string>();
  const place = (shard: Shard) => {
    const id = shard.ShardId ?? '';
    if (placed.has(id)) return;
    placed.add(id);
    const parent = shard.ParentShardId ? byId.get(shard.ParentShardId) : undefined;
    if (parent) place(parent);
    ordered.push(shard);
  };
  for (const shard of shards) place(shard);
  return ordered;
}

/**
 * A shard may be read once its parent is finished, or when the parent is no longer in the stream (trimmed)
 * — Lambda's rule that a parent's records are processed before its children's.
 */
export function isReadable(
  shard: Shard,
  knownShardIds: ReadonlySet<string>,
  checkpoints: ReadonlyMap<string, ShardCheckpoint>,
): boolean {
  if (checkpoints.get(shard.ShardId ?? '')?.isFinished) return false;
  const parent = shard.ParentShardId;
  return !parent || !knownShardIds.has(parent) || checkpoints.get(parent)?.isFinished === true;
}

/**
 * Plays Lambda's DynamoDB event-source mapping locally: every shard in lineage order, records filtered by
 * `matches`, batches of `policy.batchSize`, the mapping's retry/bisect/age rules, on-failure → DLQ, and a
 * durable checkpoint after every batch so a restart resumes where it stopped.
 */
export function createStreamPoller(options: StreamPollerOptions): StreamPoller {
  const clock = options.clock ?? systemClock;
  const stats: PollerStats = {
    recordsRead: 0,
    recordsFiltered: 0,
    recordsDelivered: 0,
    recordsDeadLettered: 0,
    invocations: 0,
  };
  const iterators = new Map<string, string>();
  let checkpoints: Map<string, ShardCheckpoint> | undefined;

  const saveCheckpoint = async (checkpoint: ShardCheckpoint) => {
    await options.checkpoints.save(checkpoint);
    checkpoints?.set(checkpoint.shardId, checkpoint);
  };

  const listShards = async (): Promise<Shard[]> => {
    const shards: Shard[] = [];
    let exclusiveStartShardId: string | undefined;
    do {
      const { StreamDescription } = await options.streams.send(
        new DescribeStreamCommand({ StreamArn: options.streamArn, ExclusiveStartShardId: exclusiveStartShardId }),
      );
      shards.push(...(StreamDescription?.Shards ?? []));
      exclusiveStartShardId = StreamDescription?.LastEvaluatedShardId;
    } while (exclusiveStartShardId);
    return lineageOrder(shards);
  };

  const iteratorFor = async (shardId: string, fresh = false): Promise<string | undefined> => {
    const cached = iterators.get(shardId);
    if (cached && !fresh) return cached;
    const sequenceNumber = checkpoints?.get(shardId)?.sequenceNumber;
    const shardIterator = (
      position:
        | { ShardIteratorType: 'TRIM_HORIZON' }
        | { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER'; SequenceNumber: string },
    ) =>
      options.streams.send(
        new GetShardIteratorCommand({ StreamArn: options.streamArn, ShardId: shardId, ...position }),
      );
    if (!sequenceNumber) return (await shardIterator({ ShardIteratorType: 'TRIM_HORIZON' })).ShardIterator;
    try {
      return (await shardIterator({ ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: sequenceNumber }))
        .ShardIterator;
    } catch (error) {
      // The checkpoint is older than the stream's retention: everything after it that still exists is newer.
      if (!(error instanceof TrimmedDataAccessException)) throw error;
      return (await shardIterator({ ShardIteratorType: 'TRIM_HORIZON' })).ShardIterator;
    }
  };

  const listeners = new Set<(batch: HandledBatch) => void>();

  const onExhausted = (shardId: string) => async (exhausted: ExhaustedRecords) => {
    const first = exhausted.records[0];
    const last = exhausted.records.at(-1);
    await options.deadLetters.send({
      condition: exhausted.condition,
      errorName: exhausted.error.name,
      errorMessage: exhausted.error.message,
      attempts: exhausted.attempts,
      payload: {
        kind: 'stream-batch',
        streamArn: options.streamArn,
        shardId,
        firstSequenceNumber: first ? sequenceNumberOf(first) : '',
        lastSequenceNumber: last ? sequenceNumberOf(last) : '',
        records: exhausted.records,
      },
    });
  };

  /** Records read but not yet checkpointed, per shard, and when the oldest of them was read. */
  const buffers = new Map<string, { records: DynamoDBRecord[]; since: number }>();

  const deliver = async (shardId: string, batch: DynamoDBRecord[], signal?: AbortSignal) => {
    const deadLettered: DynamoDBRecord[] = [];
    const sendToDeadLetters = onExhausted(shardId);
    const report = await deliverRecords(batch, {
      handler: options.handler,
      policy: options.policy,
      onExhausted: async (exhausted) => {
        await sendToDeadLetters(exhausted);
        deadLettered.push(...exhausted.records);
      },
      clock,
      ...(signal ? { signal } : {}),
    });
    for (const listener of listeners) listener({ shardId, records: batch, deadLettered });
    stats.recordsDelivered += report.delivered;
    stats.recordsDeadLettered += report.deadLettered;
    stats.invocations += report.invocations;
    options.onBatch?.({ shardId, delivered: report.delivered, deadLettered: report.deadLettered });
  };

  /**
   * Delivers buffered records batch by batch, checkpointing after each: full batches at once, the rest when
   * the batching window has passed or `force` is set (the shard is closed). Filtered records only move
   * the checkpoint.
   */
  const flushBuffer = async (shardId: string, force: boolean, signal?: AbortSignal) => {
    const buffer = buffers.get(shardId);
    if (!buffer) return;
    while (buffer.records.length > 0 && !signal?.aborted) {
      const { slice, matched } = nextBatch(buffer.records, options.matches, options.policy.batchSize);
      const isFull = matched.length >= options.policy.batchSize;
      const isDue = force || matched.length === 0 || clock.now() - buffer.since >= options.policy.batchingWindowMs;
      if (!isFull && !isDue) return;
      if (matched.length > 0) await deliver(shardId, matched, signal);
      stats.recordsFiltered += slice.length - matched.length;
      buffer.records.splice(0, slice.length);
      buffer.since = clock.now();
      const last = slice.at(-1);
      if (last) await saveCheckpoint({ shardId, sequenceNumber: sequenceNumberOf(last), isFinished: false });
    }
    if (buffer.records.length === 0) buffers.delete(shardId);
  };

  /** Reads one shard to its current end; returns how many records it read. */
  const drainShard = async (shardId: string, signal?: AbortSignal): Promise<number> => {
    let read = 0;
    let iterator = await iteratorFor(shardId);
    while (iterator && !signal?.aborted) {
      let response: Awaited<ReturnType<typeof getRecords>>;
      try {
        response = await getRecords(iterator);
      } catch (error) {
        if (!(error instanceof ExpiredIteratorException || error instanceof TrimmedDataAccessException)) throw error;
        iterator = await iteratorFor(shardId, true);
        continue;
      }
      const page = (response.Records ?? []).map((record) => toLambdaRecord(record, options.streamArn));
      read += page.length;
      stats.recordsRead += page.length;
      if (page.length > 0) {
        const buffer = buffers.get(shardId) ?? { records: [], since: clock.now() };
        buffer.records.push(...page);
        buffers.set(shardId, buffer);
      }
      iterator = response.NextShardIterator;
      await flushBuffer(shardId, !iterator, signal);
      if (signal?.aborted) {
        // Stop between batches; what was not checkpointed is read again by the next run.
        iterators.delete(shardId);
        buffers.delete(shardId);
        break;
      }
      if (!iterator) {
        iterators.delete(shardId);
        const last = checkpoints?.get(shardId)?.sequenceNumber;
        await saveCheckpoint({ shardId, ...(last ? { sequenceNumber: last } : {}), isFinished: true });
        break;
      }
      iterators.set(shardId, iterator);
      if (page.length === 0) break;
    }
    return read;
  };

  const getRecords = (iterator: string) =>
    options.streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: options.readLimit ?? 1_000 }));

  const pollOnce = async (signal?: AbortSignal): Promise<PollResult> => {
    checkpoints ??= await options.checkpoints.load();
    const known = checkpoints;
    let recordsRead = 0;
    // Children become readable when their parent finishes in this round, so repeat until nothing new opens.
    for (let progressed = true; progressed && !signal?.aborted; ) {
      progressed = false;
      const shards = await listShards();
      const ids = new Set(shards.map((shard) => shard.ShardId ?? ''));
      const readable = shards.filter((shard) => isReadable(shard, ids, known));
      const finishedBefore = readable.filter((shard) => known.get(shard.ShardId ?? '')?.isFinished).length;
      const counts = await Promise.all(readable.map((shard) => drainShard(shard.ShardId ?? '', signal)));
      recordsRead += counts.reduce((sum, count) => sum + count, 0);
      const finishedAfter = readable.filter((shard) => known.get(shard.ShardId ?? '')?.isFinished).length;
      progressed = finishedAfter > finishedBefore;
    }
    return { recordsRead, isCaughtUp: recordsRead === 0 && buffers.size === 0 };
  };

  return {
    stats,
    pollOnce,
    onBatch(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async run(signal) {
      while (!signal.aborted) {
        const { recordsRead } = await pollOnce(signal);
        if (recordsRead === 0) await clock.sleep(options.pollIntervalMs ?? 100, signal);
      }
    },
  };
}

/**
 * The next batch out of a shard's buffer: the leading slice that holds up to `batchSize` matching records
 * (with the filtered records between them), and those matching records.
 */
export function nextBatch(
  records: readonly DynamoDBRecord[],
  matches: (record: DynamoDBRecord) => boolean,
  batchSize: number,
): { slice: DynamoDBRecord[]; matched: DynamoDBRecord[] } {
  const matched: DynamoDBRecord[] = [];
  let end = 0;
  while (end < records.length && matched.length < batchSize) {
    const record = records[end] as DynamoDBRecord;
    if (matches(record)) matched.push(record);
    end += 1;
  }
  return { slice: records.slice(0, end), matched };
}
