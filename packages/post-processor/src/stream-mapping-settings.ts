/**
 * How the stream feeds the post-processor, as data: infra's `DynamoEventSource` and the local stream poller both
 * read it, so AWS and the local run batch, retry and give up alike. Durations carry their unit in the name
 * (CDK wants `Duration.seconds(...)`).
 */
export const STREAM_MAPPING_SETTINGS = Object.freeze({
  /** A weekly run writes ~400 items: four batches. */
  batchSize: 100,
  /** Records written before the mapping existed (first deployment, re-enabled mapping) are still enriched. */
  startingPosition: 'TRIM_HORIZON',
  /** A failing batch is split in two and retried, to corner a poison record. */
  bisectBatchOnError: true,
  /** The handler returns `batchItemFailures`, so retries restart at the first failed record only. */
  reportBatchItemFailures: true,
  /** Bounded: the default (-1, unlimited) lets one poison record stall its shard until the record expires. */
  retryAttempts: 5,
  /**
   * Records older than 6 h go to the on-failure destination instead of being retried: long enough to outlast a
   * throttling incident, short enough that a stuck shard moves on the same day, and well inside the stream's 24 h
   * retention, so a record named in the DLQ can still be read back. (Lambda allows 60–604 800 s or -1.)
   */
  maxRecordAgeSeconds: 21_600,
  /** One batch per shard at a time keeps each item's records in order. */
  parallelizationFactor: 1,
  /** Gathers the four scrapers' bursts into full batches instead of many small invocations. */
  maxBatchingWindowSeconds: 5,
} as const);

/** The type of {@link STREAM_MAPPING_SETTINGS}. */
export type StreamMappingSettings = typeof STREAM_MAPPING_SETTINGS;
