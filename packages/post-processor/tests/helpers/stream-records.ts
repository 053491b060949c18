import type { _Record as StreamsApiRecord } from '@aws-sdk/client-dynamodb-streams';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { CelebrityItem, Enrichment } from '@celebrity-pipeline/core';
import type { AttributeValue, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';

const STREAM_ARN = 'arn:aws:dynamodb:us-east-1:000000000000:table/celebrity-database/stream/2026-11-22T02:00:00.000';

let nextSequence = 100_000_000_000_000_000_000n;

/** A fresh, increasing sequence number in DynamoDB's 21-digit form. */
export function nextSequenceNumber(): string {
  nextSequence += 1n;
  return nextSequence.toString();
}

/** A stream image in Lambda's typed form (`{ weight: { N: '0.5' } }`): numbers are strings. */
export function streamImage(value: Record<string, unknown>): Record<string, AttributeValue> {
  return marshall(value, { removeUndefinedValues: true }) as Record<string, AttributeValue>;
}

/** Options of {@link dynamodbStreamRecord}. */
export interface StreamRecordOptions {
  eventName?: 'INSERT' | 'MODIFY' | 'REMOVE';
  oldImage?: Record<string, unknown>;
  sequenceNumber?: string;
}

/**
 * A DynamoDB stream record exactly as Lambda delivers it (stream view NEW_AND_OLD_IMAGES); `newImage` may be any
 * object, valid or not, so poison records are easy to make. Pass `newImage: undefined` for a REMOVE.
 */
export function dynamodbStreamRecord(
  newImage: Record<string, unknown> | undefined,
  options: StreamRecordOptions = {},
): DynamoDBRecord {
  const keySource = newImage ?? options.oldImage ?? {};
  const sequenceNumber = options.sequenceNumber ?? nextSequenceNumber();
  return {
    eventID: `event-${sequenceNumber}`,
    eventName: options.eventName ?? 'INSERT',
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: 'us-east-1',
    dynamodb: {
      ApproximateCreationDateTime: 1_795_312_800,
      Keys: streamImage({ pk: keySource.pk, sk: keySource.sk }),
      ...(newImage === undefined ? {} : { NewImage: streamImage(newImage) }),
      ...(options.oldImage === undefined ? {} : { OldImage: streamImage(options.oldImage) }),
      SequenceNumber: sequenceNumber,
      SizeBytes: 512,
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    },
    eventSourceARN: STREAM_ARN,
  };
}

/** The INSERT a scraper's first write of `item` produces. */
export function insertRecord(item: CelebrityItem): DynamoDBRecord {
  return dynamodbStreamRecord(item, { eventName: 'INSERT' });
}

/** The MODIFY the post-processor's own UpdateItem produces: the new image carries the enrichment. */
export function enrichmentModifyRecord(item: CelebrityItem, enrichment: Enrichment): DynamoDBRecord {
  return dynamodbStreamRecord(
    { ...item, ...enrichment, enriched_hash: item.content_hash },
    { eventName: 'MODIFY', oldImage: item },
  );
}

/** The MODIFY a re-scrape with new content produces: the Put replaced the enriched item with a bare one. */
export function rescrapeModifyRecord(
  enrichedBefore: CelebrityItem & Partial<Enrichment>,
  replacement: CelebrityItem,
): DynamoDBRecord {
  return dynamodbStreamRecord(replacement, { eventName: 'MODIFY', oldImage: enrichedBefore });
}

/** A Lambda event of `records`. */
export function dynamodbStreamEvent(records: DynamoDBRecord[]): DynamoDBStreamEvent {
  return { Records: records };
}

/**
 * A record read with the DynamoDB Streams API turned into the shape Lambda delivers (the API returns
 * `ApproximateCreationDateTime` as a Date, Lambda as epoch seconds).
 */
export function lambdaRecordFromStreamsApi(record: StreamsApiRecord, streamArn: string): DynamoDBRecord {
  const { dynamodb, ...rest } = record;
  const created = dynamodb?.ApproximateCreationDateTime;
  return {
    ...rest,
    eventSourceARN: streamArn,
    dynamodb: {
      ...dynamodb,
      ApproximateCreationDateTime: created === undefined ? undefined : Math.floor(created.getTime() / 1_000),
      Keys: dynamodb?.Keys as Record<string, AttributeValue> | undefined,
      NewImage: dynamodb?.NewImage as Record<string, AttributeValue> | undefined,
      OldImage: dynamodb?.OldImage as Record<string, AttributeValue> | undefined,
    },
  } as DynamoDBRecord;
}
