import { describe, expect, it } from 'vitest';
import { InvalidStreamRecordError, itemFromStreamRecord, streamRecordContext } from '../../src/index.js';
import { weekItems } from '../helpers/items.js';
import { dynamodbStreamRecord, insertRecord } from '../helpers/stream-records.js';

const [item] = weekItems(1, { runId: 'run-42' });
if (item === undefined) throw new Error('weekItems(1) returned no item');

function invalidRecordError(action: () => unknown): InvalidStreamRecordError {
  try {
    action();
  } catch (error) {
    if (error instanceof InvalidStreamRecordError) return error;
    throw error;
  }
  throw new Error('expected an InvalidStreamRecordError');
}

describe('itemFromStreamRecord', () => {
  it('unmarshalls the typed NewImage back into the validated item', () => {
    expect(itemFromStreamRecord(insertRecord(item))).toEqual(item);
  });

  it('names every invalid attribute, with the record it came from', () => {
    const record = dynamodbStreamRecord({ ...item, content_hash: 'not-a-hash', texts_available: -1 });
    const error = invalidRecordError(() => itemFromStreamRecord(record));
    expect(error.issues.some((issue) => issue.startsWith('content_hash'))).toBe(true);
    expect(error.issues.some((issue) => issue.startsWith('texts_available'))).toBe(true);
    expect(error.message).toContain(record.dynamodb?.SequenceNumber);
    expect(error.record).toEqual({
      sequenceNumber: record.dynamodb?.SequenceNumber,
      eventName: 'INSERT',
      key: { pk: item.pk, sk: item.sk },
      runId: 'run-42',
    });
  });

  it('fails a record without NewImage and says which stream view it needs', () => {
    const record = dynamodbStreamRecord(undefined, { eventName: 'MODIFY', oldImage: item });
    expect(() => itemFromStreamRecord(record)).toThrow(/has no NewImage; the stream must use NEW_AND_OLD_IMAGES/);
  });

  it('fails a record whose image holds an attribute value of no known type', () => {
    const record = insertRecord(item);
    const image = record.dynamodb?.NewImage;
    if (image === undefined) throw new Error('no image');
    image.texts_available = { X: '1' } as never;
    expect(() => itemFromStreamRecord(record)).toThrow(/cannot be unmarshalled: Unsupported type passed: X/);
  });

  it('fails a record whose number does not fit a JavaScript number (unmarshalled as a bigint)', () => {
    const record = insertRecord(item);
    const image = record.dynamodb?.NewImage;
    if (image === undefined) throw new Error('no image');
    image.texts_available = { N: '123456789012345678901234567890' };
    expect(invalidRecordError(() => itemFromStreamRecord(record)).issues).toEqual([
      'texts_available: Invalid input: expected number, received bigint',
    ]);
  });
});

describe('streamRecordContext', () => {
  it('leaves the key and run id undefined when the record does not carry them', () => {
    expect(streamRecordContext({ eventName: 'REMOVE' })).toEqual({
      sequenceNumber: undefined,
      eventName: 'REMOVE',
      key: undefined,
      runId: undefined,
    });
  });
});
