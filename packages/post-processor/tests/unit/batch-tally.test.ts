import { describe, expect, it } from 'vitest';
import { countOutcome, createBatchTally } from '../../src/index.js';

describe('countOutcome', () => {
  it('counts writes as processed, the other successes as skipped, and failures as failed', () => {
    const tally = createBatchTally();
    countOutcome(tally, 'updated', { source: 'tmdb', sentiment: 'POSITIVE' });
    countOutcome(tally, 'updated', { source: 'tmdb', sentiment: 'POSITIVE' });
    countOutcome(tally, 'updated', { source: 'news', sentiment: 'NEGATIVE' });
    for (const outcome of ['already-enriched', 'stale', 'missing', 'filtered'] as const) countOutcome(tally, outcome);
    countOutcome(tally, 'failed');
    expect(tally).toEqual({
      processed: 3,
      skipped: 4,
      failed: 1,
      sentimentBySource: { tmdb: { POSITIVE: 2 }, news: { NEGATIVE: 1 } },
    });
  });

  it('leaves the sentiment mix alone for records that were not written', () => {
    const tally = createBatchTally();
    countOutcome(tally, 'already-enriched', { source: 'social', sentiment: 'NEUTRAL' });
    expect(tally.sentimentBySource).toEqual({});
  });
});
