import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { SFNClient } from '@aws-sdk/client-sfn';
import { SQSClient } from '@aws-sdk/client-sqs';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { defaultCelebrityList } from '@celebrity-pipeline/celebrities';
import { createDocumentClient } from '@celebrity-pipeline/core/dynamodb';
import { createPostProcessor, PROCESSOR_VERSION } from '@celebrity-pipeline/post-processor';
import { localDynamoDbClient } from '@celebrity-pipeline/testing';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { cli, isolatedDatabase, storedWeek } from '../helpers/cli.js';

const CELEBRITIES = 12;
const ITEMS = CELEBRITIES * 4;
const weeks = ['2026-W45', '2026-W46'] as const;

interface TopJson {
  week: string;
  rankedCount: number;
  entries: {
    celebrityId: string;
    name: string;
    rank: number;
    score: number;
    previousRank: number | null;
    scoreChange: number | null;
  }[];
}

describe('rankings over consecutive weeks (run, top, history, rescore)', () => {
  const endpoint = inject('dynamodbEndpoint');
  const database = isolatedDatabase(endpoint);
  const dynamodb = localDynamoDbClient(endpoint);
  const documentClient = createDocumentClient({ client: dynamodb });
  let directory = '';
  /** `run` flags: the shared DynamoDB Local, a table of this test's own and a 12-celebrity list. */
  let runFlags: string[] = [];
  const flags = database.flags;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'cli-rankings-'));
    const file = join(directory, 'celebrities.json');
    const celebrities = defaultCelebrityList().celebrities.slice(0, CELEBRITIES);
    await writeFile(file, JSON.stringify({ version: 1, celebrities }));
    runFlags = [...database.flags, '--celebrities', file];
  });
  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
    dynamodb.destroy();
  });

  /** Marks `count` stored items of the week as enriched by an older release. */
  async function makeOutdated(week: string, count: number): Promise<void> {
    const items = (await storedWeek(endpoint, database.table, week)).slice(0, count);
    for (const item of items) {
      await documentClient.send(
        new UpdateCommand({
          TableName: database.table,
          Key: { pk: item.pk, sk: item.sk },
          UpdateExpression: 'SET processor_version = :old',
          ExpressionAttributeValues: { ':old': 'post-processor@0.0.1+weight@0' },
        }),
      );
    }
  }

  async function top(week: string, extra: string[] = []): Promise<TopJson> {
    const result = await cli(['top', ...flags, '--week', week, '--json', ...extra]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    return JSON.parse(result.stdout) as TopJson;
  }

  it('ranks every week at the end of its run and compares it with the week before', async () => {
    for (const week of weeks) {
      const run = await cli(['run', ...runFlags, '--week', week, '--json']);
      expect(run.code).toBe(0);
      const report = JSON.parse(run.stdout) as { written: number; rollUps: { week: string; summaries: number }[] };
      expect(report.written).toBe(ITEMS);
      expect(report.rollUps[0]).toMatchObject({ week, summaries: CELEBRITIES });
    }
    const first = await top(weeks[0]);
    expect(first.rankedCount).toBe(CELEBRITIES);
    expect(first.entries.every((entry) => entry.previousRank === null && entry.scoreChange === null)).toBe(true);

    const second = await top(weeks[1]);
    expect(second.entries).toHaveLength(CELEBRITIES);
    const previous = new Map(first.entries.map((entry) => [entry.celebrityId, entry]));
    for (const [position, entry] of second.entries.entries()) {
      expect(Object.keys(entry)).toEqual(
        expect.arrayContaining(['celebrityId', 'name', 'rank', 'score', 'previousRank', 'scoreChange']),
      );
      expect(entry.rank).toBeLessThanOrEqual(position + 1);
      const before = previous.get(entry.celebrityId);
      expect(entry.previousRank).toBe(before?.rank);
      expect(entry.scoreChange).toBeCloseTo((entry.score ?? 0) - (before?.score ?? 0), 4);
    }
    // The fixtures vary by week, so scores and ranks move.
    expect(second.entries.some((entry) => entry.scoreChange !== 0)).toBe(true);
    expect(second.entries.some((entry) => entry.previousRank !== entry.rank)).toBe(true);
    expect((await top(weeks[1], ['--limit', '5'])).entries).toEqual(second.entries.slice(0, 5));
  });

  it('leaves rankings and changes as they were when a week is run again', async () => {
    const before = await top(weeks[1]);
    const again = await cli(['run', ...runFlags, '--week', weeks[1], '--json']);
    expect(again.code).toBe(0);
    const report = JSON.parse(again.stdout) as { rollUps: { written: number; unchanged: number }[] };
    expect(report.rollUps[0]).toMatchObject({ written: 0, unchanged: CELEBRITIES });
    expect(await top(weeks[1])).toEqual(before);
    const text = await cli(['top', ...flags, '--week', weeks[1], '--limit', '3']);
    expect(text.stdout).toMatch(/^Top 3 of 12 in week 2026-W46/);
    expect(text.stdout).toContain(before.entries[0]?.name ?? 'missing');
  });

  it("prints a celebrity's weekly series with each source's weight and sentiment", async () => {
    const { entries } = await top(weeks[1]);
    const celebrityId = entries[0]?.celebrityId ?? '';
    const result = await cli(['history', celebrityId, ...flags, '--weeks', '4', '--week', weeks[1], '--json']);
    expect(result.code).toBe(0);
    const history = JSON.parse(result.stdout) as {
      fromWeek: string;
      weeks: { week: string; score: number; sources: Record<string, { weight: number; sentiment: string } | null> }[];
    };
    expect(history.fromWeek).toBe('2026-W43');
    expect(history.weeks.map((week) => week.week)).toEqual([...weeks]);
    expect(history.weeks[1]?.score).toBe(entries[0]?.score);
    expect(history.weeks[1]?.sources.wikipedia?.weight).toBeGreaterThan(0);
    const text = await cli(['history', celebrityId, ...flags, '--week', weeks[1]]);
    expect(text.stdout).toMatch(/2026-W45 .*\n2026-W46 /);
  });

  it('re-scores only items of another processor_version, idempotently; --dry-run writes nothing', async () => {
    const current = await cli(['rescore', ...flags, '--week', weeks[1], '--json']);
    expect(JSON.parse(current.stdout)).toMatchObject({ rescored: 0, unchanged: ITEMS, failed: 0 });

    await makeOutdated(weeks[1], 5);
    const dryRun = await cli(['rescore', ...flags, '--week', weeks[1], '--dry-run', '--json']);
    expect(JSON.parse(dryRun.stdout)).toMatchObject({ isDryRun: true, rescored: 5, unchanged: ITEMS - 5 });
    const rescore = await cli(['rescore', ...flags, '--week', weeks[1]]);
    expect(rescore.code).toBe(0);
    expect(rescore.stdout).toContain(`Re-scored 5, unchanged ${ITEMS - 5}, failed 0`);
    expect(rescore.stderr).toContain('rescore 2026-W46: 5/5');
    const items = await storedWeek(endpoint, database.table, weeks[1]);
    expect(items.every((item) => item.processor_version === PROCESSOR_VERSION)).toBe(true);
    const again = await cli(['rescore', ...flags, '--all-weeks', '--json']);
    expect(JSON.parse(again.stdout)).toMatchObject({ weeks: [...weeks], rescored: 0, unchanged: 2 * ITEMS });
    expect((await cli(['rescore', ...flags, '--week', weeks[1], '--all-weeks'])).code).toBe(2);
  });

  describe('with --aws (DynamoDB Local as the deployed table; CloudFormation and Lambda mocked)', () => {
    const cloudFormation = mockClient(CloudFormationClient);
    const lambda = mockClient(LambdaClient);
    afterAll(() => {
      cloudFormation.restore();
      lambda.restore();
    });
    const aws = () => ({
      cloudFormation: new CloudFormationClient({ region: 'us-east-1' }),
      lambda: new LambdaClient({ region: 'us-east-1' }),
      sqs: new SQSClient({ region: 'us-east-1' }),
      eventBridge: new EventBridgeClient({ region: 'us-east-1' }),
      dynamodb: localDynamoDbClient(endpoint),
      stepFunctions: new SFNClient({ region: 'us-east-1' }),
    });

    beforeAll(() => {
      cloudFormation.on(DescribeStacksCommand, { StackName: 'CelebrityPipeline' }).resolves({
        Stacks: [
          {
            StackName: 'CelebrityPipeline',
            CreationTime: new Date(),
            StackStatus: 'CREATE_COMPLETE',
            Outputs: [
              { OutputKey: 'TableName', OutputValue: database.table },
              { OutputKey: 'FunctionNamePostProcessor', OutputValue: 'celebrity-post-processor' },
            ],
          },
        ],
      });
      // The deployed function is the real post-processor on the same table.
      const deployed = createPostProcessor({ documentClient, tableName: database.table });
      lambda.on(InvokeCommand, { FunctionName: 'celebrity-post-processor' }).callsFake(async (input) => {
        const event = JSON.parse(new TextDecoder().decode(input.Payload)) as DynamoDBStreamEvent;
        return { StatusCode: 200, Payload: new TextEncoder().encode(JSON.stringify(await deployed.handle(event))) };
      });
    });

    it('reads top and history from the deployed table, as locally', async () => {
      const local = await top(weeks[1]);
      const remote = await cli(['top', '--aws', '--week', weeks[1], '--json'], { dependencies: { aws } });
      expect(remote.code).toBe(0);
      expect(JSON.parse(remote.stdout)).toEqual(local);
      const id = local.entries[0]?.celebrityId ?? '';
      const localHistory = await cli(['history', id, ...flags, '--week', weeks[1], '--json']);
      const remoteHistory = await cli(['history', id, '--aws', '--week', weeks[1], '--json'], {
        dependencies: { aws },
      });
      expect(JSON.parse(remoteHistory.stdout)).toEqual(JSON.parse(localHistory.stdout));
    });

    it('re-scores through the deployed post-processor with stream-shaped events', async () => {
      await makeOutdated(weeks[0], 3);
      const result = await cli(['rescore', '--aws', '--week', weeks[0], '--json'], { dependencies: { aws } });
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout)).toMatchObject({ rescored: 3, unchanged: ITEMS - 3, failed: 0 });
      const calls = lambda.commandCalls(InvokeCommand);
      expect(calls).toHaveLength(1);
      const event = JSON.parse(
        new TextDecoder().decode(calls[0]?.args[0].input.Payload as Uint8Array),
      ) as DynamoDBStreamEvent;
      expect(event.Records.map((record) => record.eventName)).toEqual(['MODIFY', 'MODIFY', 'MODIFY']);
      const items = await storedWeek(endpoint, database.table, weeks[0]);
      expect(items.every((item) => item.processor_version === PROCESSOR_VERSION)).toBe(true);
    });

    it('reports items the function names in batchItemFailures as failed, with exit code 1', async () => {
      await makeOutdated(weeks[0], 2);
      lambda.on(InvokeCommand, { FunctionName: 'celebrity-post-processor' }).callsFake(async (input) => {
        const event = JSON.parse(new TextDecoder().decode(input.Payload)) as DynamoDBStreamEvent;
        const failures = event.Records.slice(0, 1).map((record) => ({
          itemIdentifier: record.dynamodb?.SequenceNumber,
        }));
        return { StatusCode: 200, Payload: new TextEncoder().encode(JSON.stringify({ batchItemFailures: failures })) };
      });
      const result = await cli(['rescore', '--aws', '--week', weeks[0]], { dependencies: { aws } });
      expect(result.code).toBe(1);
      expect(result.stdout).toContain('failed 1');
      expect(result.stdout).toMatch(/failed CELEBRITY#.*reported the record in batchItemFailures/);
    });
  });
});
