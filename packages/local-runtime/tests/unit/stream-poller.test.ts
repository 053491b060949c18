import type { Shard } from '@aws-sdk/client-dynamodb-streams';
import { describe, expect, it } from 'vitest';
import type { ShardCheckpoint } from '../../src/checkpoint-store.js';
import { isReadable, lineageOrder, nextBatch } from '../../src/stream-poller.js';
import { sequences, streamRecord } from '../helpers/factories.js';

const shard = (id: string, parent?: string): Shard => ({ ShardId: id, ...(parent ? { ParentShardId: parent } : {}) });
const finished = (id: string): [string, ShardCheckpoint] => [
  id,
  { shardId: id, sequenceNumber: '1', isFinished: true },
];

describe('lineageOrder', () => {
  it('puts every parent before its children, whatever order DescribeStream returned', () => {
    const ordered = lineageOrder([shard('grandchild', 'child'), shard('child', 'root'), shard('root'), shard('other')]);
    expect(ordered.map((entry) => entry.ShardId)).toEqual(['root', 'child', 'grandchild', 'other']);
  });
});

describe('isReadable', () => {
  const known = new Set(['root', 'child']);
  it('waits for the parent to be read to its end, reads a child whose parent was trimmed, never re-reads a finished shard', () => {
    expect(isReadable(shard('child', 'root'), known, new Map())).toBe(false);
    expect(isReadable(shard('child', 'root'), known, new Map([finished('root')]))).toBe(true);
    expect(isReadable(shard('orphan', 'trimmed-parent'), known, new Map())).toBe(true);
    expect(isReadable(shard('root'), known, new Map([finished('root')]))).toBe(false);
  });
});

describe('nextBatch', () => {
  it('takes up to batchSize matching records with the filtered records between them', () => {
    const records = [1, 2, 3, 4, 5, 6].map((sequence) =>
      streamRecord(sequence, { eventName: sequence % 2 === 0 ? 'MODIFY' : 'INSERT' }),
    );
    const { slice, matched } = nextBatch(records, (record) => record.eventName === 'INSERT', 2);
    expect(sequences(matched)).toEqual([1, 3]);
    expect(sequences(slice)).toEqual([1, 2, 3]);
  });
});
