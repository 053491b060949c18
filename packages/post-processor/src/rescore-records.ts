import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { CelebrityItem } from '@celebrity-pipeline/core';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { PROCESSOR_VERSION } from './processor-version.js';

/** `eventSourceARN` of the records {@link rescoreRecord} synthesises, so logs tell them from the table's stream. */
export const RESCORE_EVENT_SOURCE = 'celebrity-pipeline:rescore';

/**
 * True when `item` was not enriched by `processorVersion` (another release or weight formula, or not enriched
 * at all): what `rescore` re-enriches.
 */
export function needsRescore(
  item: Pick<CelebrityItem, 'processor_version'>,
  processorVersion: string = PROCESSOR_VERSION,
): boolean {
  return item.processor_version !== processorVersion;
}

/**
 * A stream-shaped MODIFY record carrying the stored `item` as its new image, so the post-processor (locally, or
 * the deployed function invoked with {@link rescoreEvent}) re-scores it with the same code as a stream record.
 * It passes the filter patterns because its `processor_version` is outdated (or it has no `weight`); the
 * re-enrichment then writes the current version, whose real MODIFY the filter drops.
 * @param sequence a position unique in the batch; reported back in `batchItemFailures` when the item fails.
 */
export function rescoreRecord(item: CelebrityItem, sequence: number): DynamoDBRecord {
  // aws-lambda's AttributeValue and the SDK's describe the same wire format with different TypeScript shapes.
  const image = marshall(item, { removeUndefinedValues: true }) as Record<string, AttributeValue> as NonNullable<
    DynamoDBRecord['dynamodb']
  >['NewImage'];
  const keys = marshall({ pk: item.pk, sk: item.sk }) as unknown as NonNullable<DynamoDBRecord['dynamodb']>['Keys'];
  return {
    eventID: `rescore-${sequence}`,
    eventName: 'MODIFY',
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    eventSourceARN: RESCORE_EVENT_SOURCE,
    dynamodb: {
      Keys: keys,
      NewImage: image,
      OldImage: image,
      SequenceNumber: String(sequence).padStart(21, '0'),
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    },
  };
}

/** A stream-shaped event of {@link rescoreRecord}s, numbered from `firstSequence`. */
export function rescoreEvent(items: readonly CelebrityItem[], firstSequence = 1): DynamoDBStreamEvent {
  return { Records: items.map((item, index) => rescoreRecord(item, firstSequence + index)) };
}
