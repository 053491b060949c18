import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { type CelebrityItem, type ItemKey, parseItem, ValidationError } from '@celebrity-pipeline/core';
import type { DynamoDBRecord } from 'aws-lambda';
import { InvalidStreamRecordError, type StreamRecordContext } from './errors.js';

/** Sequence number, event name and item key of a stream record, for logs and errors. */
export function streamRecordContext(record: DynamoDBRecord): StreamRecordContext {
  return {
    sequenceNumber: record.dynamodb?.SequenceNumber,
    eventName: record.eventName,
    key: keyOf(record.dynamodb?.Keys),
    runId: record.dynamodb?.NewImage?.run_id?.S,
  };
}

function keyOf(keys: Record<string, { S?: string }> | undefined): ItemKey | undefined {
  const pk = keys?.pk?.S;
  const sk = keys?.sk?.S;
  return pk !== undefined && sk !== undefined ? { pk, sk } : undefined;
}

/**
 * The validated item in a stream record's `NewImage`: unmarshalled (typed attribute values to plain values,
 * numbers as numbers) and checked with core's item schema.
 * @throws InvalidStreamRecordError when the image is missing, cannot be unmarshalled or is not a valid item;
 * `issues` names every invalid attribute.
 */
export function itemFromStreamRecord(record: DynamoDBRecord): CelebrityItem {
  const context = streamRecordContext(record);
  const image = record.dynamodb?.NewImage;
  if (image === undefined) {
    throw new InvalidStreamRecordError(
      `Stream record ${context.sequenceNumber ?? '(no sequence number)'} (${context.eventName ?? 'no event name'}) has no NewImage; the stream must use NEW_AND_OLD_IMAGES`,
      context,
    );
  }
  return parseImage(unmarshallImage(image, context), context);
}

function unmarshallImage(image: NonNullable<DynamoDBRecord['dynamodb']>['NewImage'], context: StreamRecordContext) {
  try {
    // aws-lambda's AttributeValue and the SDK's describe the same wire format with different TypeScript shapes.
    return unmarshall(image as Record<string, AttributeValue>);
  } catch (error) {
    throw new InvalidStreamRecordError(
      `NewImage of stream record ${context.sequenceNumber ?? '(no sequence number)'} cannot be unmarshalled: ${(error as Error).message}`,
      context,
      [],
      { cause: error },
    );
  }
}

function parseImage(value: Record<string, unknown>, context: StreamRecordContext): CelebrityItem {
  try {
    return parseItem(value);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    throw new InvalidStreamRecordError(
      `NewImage of stream record ${context.sequenceNumber ?? '(no sequence number)'} is not a valid celebrity item`,
      context,
      error.issues,
      { cause: error },
    );
  }
}
