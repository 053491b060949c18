import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type Shard,
  type _Record as StreamsApiRecord,
} from '@aws-sdk/client-dynamodb-streams';
import { LOCAL_CREDENTIALS } from '@celebrity-pipeline/testing';

/** A DynamoDB Streams client for DynamoDB Local at `endpoint`. */
export function localStreamsClient(endpoint: string): DynamoDBStreamsClient {
  return new DynamoDBStreamsClient({ endpoint, region: 'us-east-1', credentials: LOCAL_CREDENTIALS, maxAttempts: 3 });
}

async function listShards(client: DynamoDBStreamsClient, streamArn: string): Promise<Shard[]> {
  const shards: Shard[] = [];
  let exclusiveStartShardId: string | undefined;
  do {
    const { StreamDescription } = await client.send(
      new DescribeStreamCommand({ StreamArn: streamArn, ExclusiveStartShardId: exclusiveStartShardId }),
    );
    shards.push(...(StreamDescription?.Shards ?? []));
    exclusiveStartShardId = StreamDescription?.LastEvaluatedShardId;
  } while (exclusiveStartShardId !== undefined);
  return shards;
}

async function readShard(
  client: DynamoDBStreamsClient,
  streamArn: string,
  shardId: string,
): Promise<StreamsApiRecord[]> {
  const records: StreamsApiRecord[] = [];
  const { ShardIterator } = await client.send(
    new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: shardId, ShardIteratorType: 'TRIM_HORIZON' }),
  );
  let iterator = ShardIterator;
  // An open shard keeps returning iterators; an empty page means we have caught up.
  while (iterator !== undefined) {
    const page = await client.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 1_000 }));
    const pageRecords = page.Records ?? [];
    records.push(...pageRecords);
    if (pageRecords.length === 0) break;
    iterator = page.NextShardIterator;
  }
  return records;
}

/**
 * Every record of the stream so far: DescribeStream → every shard → GetShardIterator(TRIM_HORIZON) → GetRecords
 * until caught up. Shards are read parent first, as DescribeStream lists them.
 */
export async function readWholeStream(client: DynamoDBStreamsClient, streamArn: string): Promise<StreamsApiRecord[]> {
  const records: StreamsApiRecord[] = [];
  for (const shard of await listShards(client, streamArn)) {
    if (shard.ShardId !== undefined) records.push(...(await readShard(client, streamArn, shard.ShardId)));
  }
  return records;
}
