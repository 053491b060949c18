import { QUEUE_NAMES } from '@celebrity-pipeline/core';
import { captureOutput } from '@celebrity-pipeline/scraper-testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMatrixLog } from '../helpers/matrix-log.js';
import { countCalls, throttle, unprocessedItems } from '../helpers/sdk-faults.js';
import { duplicateStoredItems, STREAM_POLICY, startStreamHarness, tmdbItems } from '../helpers/stream-harness.js';

const matrix = createMatrixLog(import.meta.url);
let harness: Awaited<ReturnType<typeof startStreamHarness>>;

beforeEach(async () => {
  harness = await startStreamHarness();
});
afterEach(() => {
  harness.close();
});

const UPDATE_ITEM = 'UpdateItemCommand';

describe('stream side through local-runtime’s poller and the real post-processor', () => {
  it('sends a poison record to the on-failure DLQ after the bounded retries and enriches every other item', async () => {
    const cell = matrix.open({
      area: 'stream',
      subject: 'post-processor',
      fault: 'poison record (fails core schema) among 6 valid',
      expected: 'poison → on-failure DLQ after the bounded retries; every other item enriched',
      duplicatesMeasure: 'repeated-updates',
    });
    const items = tmdbItems(6);
    await harness.writer.putItems(items.slice(0, 3));
    await harness.putPoison('poison-celebrity');
    await harness.writer.putItems(items.slice(3));
    const { value: stats, error } = await harness.drain(harness.newPoller());
    const enriched = await harness.enrichedCount();
    const letters = await harness.deadLetters.list();
    const [letter] = letters;
    const letterRecords = letter?.payload.kind === 'stream-batch' ? letter.payload.records : [];
    const letteredKeys = letterRecords.map((record) => record.dynamodb?.Keys?.pk?.S ?? '');
    const enrichedKeys = new Set(
      (await harness.scan()).filter((item) => item.weight !== undefined).map((item) => item.pk),
    );
    const rideAlongEnriched = letteredKeys.slice(1).filter((key) => enrichedKeys.has(key)).length;
    // Redriving the letter writes nothing for the ride-along records and fails the poison again.
    const calls = countCalls(harness.clients.dynamodb);
    const { value: redrive, error: redriveError } = await captureOutput(() =>
      harness.postProcessor.handle({ Records: letterRecords }),
    );
    calls.remove();
    const redriveUpdates = calls.counts.get(UPDATE_ITEM) ?? 0;
    const failedIds = redrive?.batchItemFailures.map((failure) => failure.itemIdentifier);
    cell.measure({
      observed: `${letters.length} letter(s) in ${letter?.queue ?? 'no queue'} after ${letter?.attempts ?? 0} attempts, holding the poison + ${rideAlongEnriched} already-enriched record(s) that followed it in its batch; ${enriched}/${items.length} enriched; redrive: ${redriveUpdates} writes, ${failedIds?.length ?? 0} failure(s); ${stats?.invocations ?? 0} invocations`,
      faultsInjected: harness.poisonRecordsWritten(),
      pairs: items.length + harness.poisonRecordsWritten(),
      itemsLost: items.length - enriched,
      duplicates: redriveUpdates,
    });
    expect(error).toBeUndefined();
    expect(enriched).toBe(items.length);
    expect(letters).toHaveLength(1);
    expect(letter?.queue).toBe(QUEUE_NAMES.streamFailures);
    expect(letter?.condition).toBe('retries-exhausted');
    expect(letter?.attempts).toBe(STREAM_POLICY.retryAttempts + 1);
    // Partial batch response: the mapping retries from the first failed record, so the records after the poison
    // in its batch ride along into the letter. Only the poison failed: every other lettered item is enriched.
    expect(letteredKeys[0]).toBe('CELEBRITY#poison-celebrity');
    expect(rideAlongEnriched).toBe(letteredKeys.length - 1);
    expect(redriveUpdates).toBe(0);
    expect(redriveError).toBeUndefined();
    expect(failedIds).toEqual([letterRecords[0]?.dynamodb?.SequenceNumber]);
  });

  it('bisects a poison record that fails its whole batch (thrown error) down to a letter of its own', async () => {
    const cell = matrix.open({
      area: 'stream',
      subject: 'post-processor',
      fault: 'batch of 2 poison records (FullBatchFailureError thrown)',
      expected: 'bisected until each poison is alone; one letter each',
      duplicatesMeasure: 'repeated-updates',
    });
    const items = tmdbItems(4);
    await harness.writer.putItems(items);
    await harness.drain(harness.newPoller());
    await harness.putPoison('poison-a');
    await harness.putPoison('poison-b');
    const calls = countCalls(harness.clients.dynamodb);
    const { error } = await harness.drain(harness.newPoller());
    calls.remove();
    const letters = await harness.deadLetters.list();
    const lettered = letters.flatMap((letter) =>
      letter.payload.kind === 'stream-batch'
        ? letter.payload.records.map((record) => record.dynamodb?.Keys?.pk?.S)
        : [],
    );
    const enriched = await harness.enrichedCount();
    cell.measure({
      observed: `${letters.length} letters holding ${lettered.length} record(s); ${enriched}/${items.length} valid items enriched`,
      faultsInjected: harness.poisonRecordsWritten(),
      pairs: items.length + harness.poisonRecordsWritten(),
      itemsLost: items.length - enriched,
      duplicates: calls.counts.get(UPDATE_ITEM) ?? 0,
    });
    expect(error).toBeUndefined();
    expect(lettered.sort()).toEqual(['CELEBRITY#poison-a', 'CELEBRITY#poison-b']);
    expect(letters).toHaveLength(2);
    expect(enriched).toBe(items.length);
  });

  it('writes nothing when the same batch is delivered twice, or the whole stream again from TRIM_HORIZON', async () => {
    const cell = matrix.open({
      area: 'stream',
      subject: 'post-processor',
      fault: 'same batch delivered twice + stream replayed from TRIM_HORIZON',
      expected: 'no second write',
      duplicatesMeasure: 'repeated-updates',
    });
    const items = tmdbItems(5);
    await harness.writer.putItems(items);
    const firstCalls = countCalls(harness.clients.dynamodb);
    await harness.drain(harness.newPoller());
    firstCalls.remove();
    const enrichedBefore = await harness.scan();
    const first = harness.events[0];
    const calls = countCalls(harness.clients.dynamodb);
    const redelivered = first ? await harness.postProcessor.handle(first) : undefined;
    const replayed = await harness.drain(harness.newPoller({ isFromTrimHorizon: true }));
    calls.remove();
    const after = await harness.scan();
    const repeatedUpdates = calls.counts.get(UPDATE_ITEM) ?? 0;
    const processedAtKept = after.filter(
      (item, index) => item.processed_at === enrichedBefore[index]?.processed_at,
    ).length;
    cell.measure({
      // Redeliveries are what this cell tests, not faults the harness injected.
      observed: `${(first?.Records.length ?? 0) + (replayed.value?.recordsDelivered ?? 0)} records redelivered, ${repeatedUpdates} UpdateItem calls, ${processedAtKept}/${after.length} processed_at unchanged`,
      faultsInjected: 0,
      pairs: items.length,
      itemsLost: items.length - after.length,
      duplicates: repeatedUpdates,
    });
    expect(firstCalls.counts.get(UPDATE_ITEM)).toBe(items.length);
    expect(first).toBeDefined();
    expect(redelivered?.batchItemFailures).toEqual([]);
    expect(replayed.value?.recordsDelivered).toBe(items.length);
    expect(repeatedUpdates).toBe(0);
    expect(after.map((item) => item.processed_at)).toEqual(enrichedBefore.map((item) => item.processed_at));
    expect(after).toHaveLength(items.length);
  });

  it('never re-triggers on its own updates (handler invocations counted)', async () => {
    const cell = matrix.open({
      area: 'stream',
      subject: 'post-processor',
      fault: 'its own MODIFY records on the stream',
      expected: 'filtered, handler not invoked again',
      duplicatesMeasure: 'repeated-updates',
    });
    const items = tmdbItems(5);
    await harness.writer.putItems(items);
    const poller = harness.newPoller();
    await harness.drain(poller);
    const invocationsAfterEnrichment = poller.stats.invocations;
    const deliveredAfterEnrichment = poller.stats.recordsDelivered;
    const enriched = await harness.enrichedCount();
    // The post-processor's UpdateItem produced one MODIFY per item; reading them must not invoke the handler.
    const calls = countCalls(harness.clients.dynamodb);
    await harness.drain(poller);
    await harness.drain(poller);
    calls.remove();
    const stats = { ...poller.stats };
    cell.measure({
      // Its own MODIFYs are what this cell tests, not faults the harness injected.
      observed: `${stats.recordsRead} records read, ${stats.recordsFiltered} own MODIFYs filtered, handler invocations ${invocationsAfterEnrichment} → ${stats.invocations}`,
      faultsInjected: 0,
      pairs: items.length,
      itemsLost: items.length - enriched,
      duplicates: calls.counts.get(UPDATE_ITEM) ?? 0,
    });
    expect(enriched).toBe(items.length);
    expect(stats.recordsRead).toBe(items.length * 2);
    expect(stats.recordsFiltered).toBe(items.length);
    expect(stats.invocations).toBe(invocationsAfterEnrichment);
    expect(stats.recordsDelivered).toBe(deliveredAfterEnrichment);
    expect(harness.events.flatMap((event) => event.Records).every((record) => record.eventName === 'INSERT')).toBe(
      true,
    );
  });

  it('retries DynamoDB throttling of the enrichment write and loses nothing', async () => {
    const cell = matrix.open({
      area: 'stream',
      subject: 'post-processor',
      fault: 'ThrottlingException on UpdateItem (SDK middleware)',
      expected: 'retried, every item enriched, no DLQ',
      duplicatesMeasure: 'repeated-updates',
    });
    const items = tmdbItems(5);
    await harness.writer.putItems(items);
    const calls = countCalls(harness.clients.dynamodb);
    const throttling = throttle(harness.clients.dynamodb, UPDATE_ITEM, 4);
    const { error } = await harness.drain(harness.newPoller());
    throttling.remove();
    calls.remove();
    const letters = await harness.deadLetters.list();
    const enriched = await harness.enrichedCount();
    cell.measure({
      observed: `${throttling.injected()} throttles injected; ${enriched}/${items.length} enriched; ${letters.length} DLQ letter(s)`,
      faultsInjected: throttling.injected(),
      pairs: items.length,
      itemsLost: items.length - enriched,
      duplicates: Math.max(0, (calls.counts.get(UPDATE_ITEM) ?? 0) - items.length),
    });
    expect(error).toBeUndefined();
    expect(throttling.injected()).toBe(4);
    expect(letters).toEqual([]);
    expect(enriched).toBe(items.length);
  });

  it('stores every item when BatchWriteItem leaves UnprocessedItems or is throttled, then enriches them all', async () => {
    const cell = matrix.open({
      area: 'stream',
      subject: 'core writer',
      fault: 'UnprocessedItems + ThrottlingException on BatchWriteItem (SDK middleware)',
      expected: 'retried, every item stored once and enriched',
      duplicatesMeasure: 'stored-items',
    });
    const items = tmdbItems(8);
    const withheld = unprocessedItems(harness.clients.dynamodb, { calls: 2, dropCount: 3 });
    const throttling = throttle(harness.clients.dynamodb, 'BatchWriteItemCommand', 1);
    const result = await harness.writer.putItems(items);
    withheld.remove();
    throttling.remove();
    await harness.drain(harness.newPoller());
    const stored = await harness.scan();
    const enriched = await harness.enrichedCount();
    cell.measure({
      observed: `${withheld.withheld()} requests withheld, ${throttling.injected()} throttle; ${stored.length}/${items.length} stored, ${enriched} enriched`,
      faultsInjected: withheld.withheld() + throttling.injected(),
      pairs: items.length,
      itemsLost: items.length - stored.length,
      duplicates: duplicateStoredItems(stored),
    });
    expect(withheld.withheld()).toBeGreaterThan(0);
    expect(throttling.injected()).toBe(1);
    expect(result.failed).toEqual([]);
    expect(result.written).toHaveLength(items.length);
    expect(stored).toHaveLength(items.length);
    expect(enriched).toBe(items.length);
  });

  it('keeps every enriched value when the same week is scraped again with the same content', async () => {
    const cell = matrix.open({
      area: 'stream',
      subject: 'core writer + post-processor',
      fault: 'same week re-scraped after enrichment (same content)',
      expected: 'unchanged, enrichment kept, no new invocation',
      duplicatesMeasure: 'repeated-updates',
    });
    const items = tmdbItems(5);
    await harness.writer.putItems(items);
    const poller = harness.newPoller();
    await harness.drain(poller);
    const enriched = await harness.scan();
    const invocations = poller.stats.invocations;
    const calls = countCalls(harness.clients.dynamodb);
    const again = await harness.writer.putItems(tmdbItems(5, 'stream-run-2'));
    await harness.drain(poller);
    calls.remove();
    const after = await harness.scan();
    const enrichmentKept = after.filter((item, index) => {
      const before = enriched[index];
      return (
        item.weight === before?.weight &&
        item.sentiment === before?.sentiment &&
        item.processed_at === before?.processed_at
      );
    }).length;
    cell.measure({
      // The re-scraped batch is what this cell tests, not a fault the harness injected.
      observed: `${again.unchanged.length}/${items.length} unchanged, ${again.written.length} rewritten; ${enrichmentKept}/${after.length} kept weight, sentiment, processed_at; invocations ${invocations} → ${poller.stats.invocations}`,
      faultsInjected: 0,
      pairs: items.length,
      itemsLost: items.length - after.filter((item) => item.weight !== undefined).length,
      duplicates: calls.counts.get(UPDATE_ITEM) ?? 0,
    });
    expect(again.unchanged).toHaveLength(items.length);
    expect(again.written).toHaveLength(0);
    expect(after.map((item) => [item.weight, item.sentiment, item.processed_at])).toEqual(
      enriched.map((item) => [item.weight, item.sentiment, item.processed_at]),
    );
    expect(after.every((item) => item.weight !== undefined)).toBe(true);
    expect(poller.stats.invocations).toBe(invocations);
  });
});
