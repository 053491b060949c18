import { QUEUE_NAMES } from '@celebrity-pipeline/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { captureOutput } from '../helpers/capture-output.js';
import { createMatrixLog } from '../helpers/matrix-log.js';
import { countCalls, throttle, unprocessedItems } from '../helpers/sdk-faults.js';
import { STREAM_POLICY, startStreamHarness, tmdbItems } from '../helpers/stream-harness.js';

const matrix = createMatrixLog(import.meta.url);
let harness: Awaited<ReturnType<typeof startStreamHarness>>;

beforeEach(async () => {
  harness = await startStreamHarness();
});
afterEach(() => {
  harness.close();
});

describe('stream side through local-runtime’s poller and the real post-processor', () => {
  it('sends a poison record to the on-failure DLQ after the bounded retries and enriches every other item', async () => {
    const items = tmdbItems(6);
    await harness.writer.putItems(items.slice(0, 3));
    await harness.putPoison('poison-celebrity');
    await harness.writer.putItems(items.slice(3));
    const { value: stats, error } = await harness.drain(harness.newPoller());
    expect(error).toBeUndefined();
    expect(await harness.enrichedCount()).toBe(items.length);
    const letters = await harness.deadLetters.list();
    expect(letters).toHaveLength(1);
    const [letter] = letters;
    expect(letter?.queue).toBe(QUEUE_NAMES.streamFailures);
    expect(letter?.condition).toBe('retries-exhausted');
    expect(letter?.attempts).toBe(STREAM_POLICY.retryAttempts + 1);
    if (letter?.payload.kind !== 'stream-batch') throw new Error('expected a stream letter');
    const letteredKeys = letter.payload.records.map((record) => record.dynamodb?.Keys?.pk?.S ?? '');
    // Partial batch response: the mapping retries from the first failed record, so the records after the poison
    // in its batch ride along into the letter. Only the poison failed: every other lettered item is enriched.
    expect(letteredKeys[0]).toBe('CELEBRITY#poison-celebrity');
    const enrichedKeys = new Set(
      (await harness.scan()).filter((item) => item.weight !== undefined).map((item) => item.pk),
    );
    expect(letteredKeys.slice(1).every((key) => enrichedKeys.has(key))).toBe(true);
    // Redriving the letter writes nothing for the ride-along records and fails the poison again.
    const calls = countCalls(harness.clients.dynamodb);
    const { value: redrive, error: redriveError } = await captureOutput(() =>
      harness.postProcessor.handle({ Records: letter.payload.kind === 'stream-batch' ? letter.payload.records : [] }),
    );
    calls.remove();
    expect(calls.counts.get('UpdateItemCommand') ?? 0).toBe(0);
    expect(redriveError).toBeUndefined();
    const failedIds = redrive?.batchItemFailures.map((failure) => failure.itemIdentifier);
    expect(failedIds).toEqual([letter.payload.records[0]?.dynamodb?.SequenceNumber]);
    matrix.record({
      area: 'stream',
      subject: 'post-processor',
      fault: 'poison record (fails core schema) among 6 valid',
      expected: 'poison → on-failure DLQ after the bounded retries; every other item enriched',
      observed: `DLQ ${letter.queue} after ${letter.attempts} attempts holds the poison + ${letteredKeys.length - 1} already-enriched record(s) that followed it in its batch; ${items.length}/${items.length} enriched; redrive: 0 writes, only the poison fails; ${stats?.invocations ?? 0} invocations`,
      faultsInjected: 1,
      pairs: items.length + 1,
      itemsLost: items.length - (await harness.enrichedCount()),
      duplicates: calls.counts.get('UpdateItemCommand') ?? 0,
    });
  });

  it('bisects a poison record that fails its whole batch (thrown error) down to a letter of its own', async () => {
    const items = tmdbItems(4);
    await harness.writer.putItems(items);
    await harness.drain(harness.newPoller());
    await harness.putPoison('poison-a');
    await harness.putPoison('poison-b');
    const { error } = await harness.drain(harness.newPoller());
    expect(error).toBeUndefined();
    const letters = await harness.deadLetters.list();
    const lettered = letters.flatMap((letter) =>
      letter.payload.kind === 'stream-batch'
        ? letter.payload.records.map((record) => record.dynamodb?.Keys?.pk?.S)
        : [],
    );
    expect(lettered.sort()).toEqual(['CELEBRITY#poison-a', 'CELEBRITY#poison-b']);
    expect(letters).toHaveLength(2);
    expect(await harness.enrichedCount()).toBe(items.length);
    matrix.record({
      area: 'stream',
      subject: 'post-processor',
      fault: 'batch of 2 poison records (FullBatchFailureError thrown)',
      expected: 'bisected until each poison is alone; one letter each',
      observed: `${letters.length} letters, one record each; ${items.length}/${items.length} valid items enriched`,
      faultsInjected: 2,
      pairs: items.length + 2,
      itemsLost: items.length - (await harness.enrichedCount()),
      duplicates: lettered.length - 2,
    });
  });

  it('writes nothing when the same batch is delivered twice, or the whole stream again from TRIM_HORIZON', async () => {
    const items = tmdbItems(5);
    await harness.writer.putItems(items);
    const firstCalls = countCalls(harness.clients.dynamodb);
    await harness.drain(harness.newPoller());
    firstCalls.remove();
    expect(firstCalls.counts.get('UpdateItemCommand')).toBe(items.length);
    const enrichedBefore = await harness.scan();
    const first = harness.events[0];
    if (!first) throw new Error('expected a delivered batch');
    const calls = countCalls(harness.clients.dynamodb);
    const redelivered = await harness.postProcessor.handle(first);
    const replayed = await harness.drain(harness.newPoller({ isFromTrimHorizon: true }));
    calls.remove();
    expect(redelivered.batchItemFailures).toEqual([]);
    expect(replayed.value?.recordsDelivered).toBe(items.length);
    expect(calls.counts.get('UpdateItemCommand') ?? 0).toBe(0);
    const after = await harness.scan();
    expect(after.map((item) => item.processed_at)).toEqual(enrichedBefore.map((item) => item.processed_at));
    expect(after).toHaveLength(items.length);
    matrix.record({
      area: 'stream',
      subject: 'post-processor',
      fault: 'same batch delivered twice + stream replayed from TRIM_HORIZON',
      expected: 'no second write',
      observed: `${first.Records.length + (replayed.value?.recordsDelivered ?? 0)} records redelivered, ${calls.counts.get('UpdateItemCommand') ?? 0} UpdateItem calls, processed_at unchanged`,
      faultsInjected: first.Records.length + (replayed.value?.recordsDelivered ?? 0),
      pairs: items.length,
      itemsLost: items.length - after.length,
      duplicates: calls.counts.get('UpdateItemCommand') ?? 0,
    });
  });

  it('never re-triggers on its own updates (handler invocations counted)', async () => {
    const items = tmdbItems(5);
    await harness.writer.putItems(items);
    const poller = harness.newPoller();
    await harness.drain(poller);
    const invocationsAfterEnrichment = poller.stats.invocations;
    const deliveredAfterEnrichment = poller.stats.recordsDelivered;
    expect(await harness.enrichedCount()).toBe(items.length);
    // The post-processor's UpdateItem produced one MODIFY per item; reading them must not invoke the handler.
    await harness.drain(poller);
    await harness.drain(poller);
    expect(poller.stats.recordsRead).toBe(items.length * 2);
    expect(poller.stats.recordsFiltered).toBe(items.length);
    expect(poller.stats.invocations).toBe(invocationsAfterEnrichment);
    expect(poller.stats.recordsDelivered).toBe(deliveredAfterEnrichment);
    expect(harness.events.flatMap((event) => event.Records).every((record) => record.eventName === 'INSERT')).toBe(
      true,
    );
    matrix.record({
      area: 'stream',
      subject: 'post-processor',
      fault: 'its own MODIFY records on the stream',
      expected: 'filtered, handler not invoked again',
      observed: `${poller.stats.recordsRead} records read, ${poller.stats.recordsFiltered} own MODIFYs filtered, handler invocations stayed ${poller.stats.invocations}`,
      faultsInjected: poller.stats.recordsFiltered,
      pairs: items.length,
      itemsLost: items.length - (await harness.enrichedCount()),
      duplicates: poller.stats.recordsDelivered - items.length,
    });
  });

  it('retries DynamoDB throttling of the enrichment write and loses nothing', async () => {
    const items = tmdbItems(5);
    await harness.writer.putItems(items);
    const throttling = throttle(harness.clients.dynamodb, 'UpdateItemCommand', 4);
    const { error } = await harness.drain(harness.newPoller());
    throttling.remove();
    expect(error).toBeUndefined();
    expect(throttling.injected()).toBe(4);
    expect(await harness.deadLetters.list()).toEqual([]);
    expect(await harness.enrichedCount()).toBe(items.length);
    matrix.record({
      area: 'stream',
      subject: 'post-processor',
      fault: 'ThrottlingException on UpdateItem (SDK middleware)',
      expected: 'retried, every item enriched, no DLQ',
      observed: `${throttling.injected()} throttles injected; ${await harness.enrichedCount()}/${items.length} enriched; DLQ empty`,
      faultsInjected: throttling.injected(),
      pairs: items.length,
      itemsLost: items.length - (await harness.enrichedCount()),
      duplicates: 0,
    });
  });

  it('stores every item when BatchWriteItem leaves UnprocessedItems or is throttled, then enriches them all', async () => {
    const items = tmdbItems(8);
    const withheld = unprocessedItems(harness.clients.dynamodb, { calls: 2, dropCount: 3 });
    const throttling = throttle(harness.clients.dynamodb, 'BatchWriteItemCommand', 1);
    const result = await harness.writer.putItems(items);
    withheld.remove();
    throttling.remove();
    expect(withheld.withheld()).toBeGreaterThan(0);
    expect(throttling.injected()).toBe(1);
    expect(result.failed).toEqual([]);
    expect(result.written).toHaveLength(items.length);
    await harness.drain(harness.newPoller());
    const stored = await harness.scan();
    expect(stored).toHaveLength(items.length);
    expect(await harness.enrichedCount()).toBe(items.length);
    matrix.record({
      area: 'stream',
      subject: 'core writer',
      fault: 'UnprocessedItems + ThrottlingException on BatchWriteItem (SDK middleware)',
      expected: 'retried, every item stored once and enriched',
      observed: `${withheld.withheld()} requests withheld, ${throttling.injected()} throttle; ${stored.length}/${items.length} stored, all enriched`,
      faultsInjected: withheld.withheld() + throttling.injected(),
      pairs: items.length,
      itemsLost: items.length - stored.length,
      duplicates: 0,
    });
  });
  it('keeps every enriched value when the same week is scraped again with the same content', async () => {
    const items = tmdbItems(5);
    await harness.writer.putItems(items);
    const poller = harness.newPoller();
    await harness.drain(poller);
    const enriched = await harness.scan();
    const invocations = poller.stats.invocations;
    const again = await harness.writer.putItems(tmdbItems(5, 'stream-run-2'));
    await harness.drain(poller);
    const after = await harness.scan();
    expect(again.unchanged).toHaveLength(items.length);
    expect(again.written).toHaveLength(0);
    expect(after.map((item) => [item.weight, item.sentiment, item.processed_at])).toEqual(
      enriched.map((item) => [item.weight, item.sentiment, item.processed_at]),
    );
    expect(after.every((item) => item.weight !== undefined)).toBe(true);
    expect(poller.stats.invocations).toBe(invocations);
    matrix.record({
      area: 'stream',
      subject: 'core writer + post-processor',
      fault: 'same week re-scraped after enrichment (same content)',
      expected: 'unchanged, enrichment kept, no new invocation',
      observed: `${again.unchanged.length}/${items.length} unchanged; weight, sentiment, processed_at identical; invocations stayed ${invocations}`,
      faultsInjected: items.length,
      pairs: items.length,
      itemsLost: items.length - after.filter((item) => item.weight !== undefined).length,
      duplicates: again.written.length,
    });
  });
});
