import type {
  _Record as StreamApiRecord,
  AttributeValue as StreamAttributeValue,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBRecord, AttributeValue as LambdaAttributeValue } from 'aws-lambda';

type ImageMap = Record<string, StreamAttributeValue>;

/**
 * Converts a record returned by the DynamoDB Streams API (SDK shape: Dates, Uint8Arrays) into the record a
 * Lambda event-source mapping hands the function (JSON shape: epoch seconds, base64), so the real
 * post-processor handler receives exactly what it receives on AWS.
 */
export function toLambdaRecord(record: StreamApiRecord, streamArn: string): DynamoDBRecord {
  const change = record.dynamodb ?? {};
  const created = change.ApproximateCreationDateTime;
  return {
    ...(record.eventID === undefined ? {} : { eventID: record.eventID }),
    ...(record.eventName === undefined ? {} : { eventName: record.eventName }),
    eventVersion: record.eventVersion ?? '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: record.awsRegion ?? 'us-east-1',
    eventSourceARN: streamArn,
    dynamodb: {
      ...(created === undefined ? {} : { ApproximateCreationDateTime: Math.floor(created.getTime() / 1_000) }),
      ...(change.Keys === undefined ? {} : { Keys: toLambdaImage(change.Keys) }),
      ...(change.NewImage === undefined ? {} : { NewImage: toLambdaImage(change.NewImage) }),
      ...(change.OldImage === undefined ? {} : { OldImage: toLambdaImage(change.OldImage) }),
      ...(change.SequenceNumber === undefined ? {} : { SequenceNumber: change.SequenceNumber }),
      ...(change.SizeBytes === undefined ? {} : { SizeBytes: change.SizeBytes }),
      ...(change.StreamViewType === undefined ? {} : { StreamViewType: change.StreamViewType }),
    },
  };
}

function toLambdaImage(image: ImageMap): Record<string, LambdaAttributeValue> {
  return Object.fromEntries(Object.entries(image).map(([name, value]) => [name, toLambdaAttributeValue(value)]));
}

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

/** One attribute value, SDK shape → Lambda event shape (an unknown member, which the API never sends, → NULL). */
export function toLambdaAttributeValue(value: StreamAttributeValue): LambdaAttributeValue {
  if (value.S !== undefined) return { S: value.S };
  if (value.N !== undefined) return { N: value.N };
  if (value.BOOL !== undefined) return { BOOL: value.BOOL };
  if (value.NULL !== undefined) return { NULL: value.NULL };
  if (value.B !== undefined) return { B: base64(value.B) };
  if (value.SS !== undefined) return { SS: value.SS };
  if (value.NS !== undefined) return { NS: value.NS };
  if (value.BS !== undefined) return { BS: value.BS.map(base64) };
  if (value.L !== undefined) return { L: value.L.map(toLambdaAttributeValue) };
  if (value.M !== undefined) return { M: toLambdaImage(value.M) };
  return { NULL: true };
}

/** Sequence number of a Lambda-shaped record ('' when absent, which never happens on a real stream). */
export function sequenceNumberOf(record: DynamoDBRecord): string {
  return record.dynamodb?.SequenceNumber ?? '';
}
