import { type DynamoDBDocumentClient, PutCommand, QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { ValidationError, WriteError } from '../errors.js';
import { type IsoWeek, parseIsoWeek } from '../iso-week.js';
import type { ItemKey } from '../keys.js';
import { type RunSummary, RunSummarySchema } from '../run-summary.js';
import { SOURCES } from '../sources.js';
import { formatZodIssues } from '../zod-issues.js';
import { DYNAMODB_RETRY_POLICY, type RetryPolicy, retryDynamoDb } from './retry-policy.js';

/** `entity` of run-ledger items. */
export const RUN_SUMMARY_ENTITY = 'run-summary';

/**
 * Key of one (run, source) record: all runs of a week share a partition, so `status` for a week is one Query.
 * @example runLedgerKey({ week: '2026-W48', runId: 'r1', source: 'tmdb' }) // { pk: 'WEEK#2026-W48', sk: 'RUN#r1#SOURCE#tmdb' }
 */
export function runLedgerKey(summary: Pick<RunSummary, 'week' | 'runId' | 'source'>): ItemKey {
  return { pk: `WEEK#${summary.week}`, sk: `RUN#${summary.runId}#SOURCE#${summary.source}` };
}

/** Options of {@link createRunLedger}. */
export interface RunLedgerOptions {
  client: DynamoDBDocumentClient;
  /** Usually `RUN_LEDGER_TABLE.defaultName`, created from `createRunLedgerTableInput()`. */
  tableName: string;
  retry?: Partial<RetryPolicy>;
}

/** One run: the summaries its sources recorded, in {@link SOURCES} order. */
export interface LedgerRun {
  runId: string;
  week: IsoWeek;
  /** Earliest `startedAt` of its sources. */
  startedAt: string;
  /** Latest `finishedAt` of its sources. */
  finishedAt: string;
  summaries: RunSummary[];
}

/** A ledger record that does not match {@link RunSummarySchema}. */
export interface InvalidLedgerRecord {
  pk: string | undefined;
  sk: string | undefined;
  issues: string[];
}

/** Options of {@link RunLedger.listRuns}. */
export interface ListRunsOptions {
  /** Only this ISO week (one Query); otherwise every week (a Scan: the ledger holds a few items per week). */
  week?: IsoWeek | string;
  /** At most this many runs, newest first. */
  limit?: number;
}

/** The run ledger: what each scraper invocation did, for `status` locally and on AWS. */
export interface RunLedger {
  /**
   * Stores one invocation's summary. Idempotent: the same (week, run, source) always lands on the same key,
   * so recording again (a retried invocation) replaces the earlier record instead of adding one.
   * @throws ValidationError for a summary that does not match {@link RunSummarySchema}.
   * @throws WriteError when DynamoDB refuses the write after the retries.
   */
  record(summary: RunSummary): Promise<void>;
  /** Runs grouped by run id, newest first, every record validated (invalid ones reported, not dropped). */
  listRuns(options?: ListRunsOptions): Promise<{ runs: LedgerRun[]; invalid: InvalidLedgerRecord[] }>;
}

/**
 * Creates the run ledger over `tableName`.
 * @example
 * const ledger = createRunLedger({ client: createDocumentClient(), tableName: RUN_LEDGER_TABLE.defaultName });
 * await ledger.record(summary);
 */
export function createRunLedger(options: RunLedgerOptions): RunLedger {
  const policy: RetryPolicy = { ...DYNAMODB_RETRY_POLICY, ...options.retry };
  return {
    record: (summary) => record(options, policy, summary),
    listRuns: async (listOptions = {}) => {
      const stored = await readRecords(options, policy, listOptions.week);
      return groupRuns(stored, listOptions.limit);
    },
  };
}

async function record(options: RunLedgerOptions, policy: RetryPolicy, summary: RunSummary): Promise<void> {
  const parsed = RunSummarySchema.safeParse(summary);
  if (!parsed.success) throw new ValidationError('Invalid run summary', formatZodIssues(parsed.error));
  const key = runLedgerKey(parsed.data);
  const item = { ...parsed.data, ...key, entity: RUN_SUMMARY_ENTITY };
  try {
    await retryDynamoDb(
      () => options.client.send(new PutCommand({ TableName: options.tableName, Item: item })),
      policy,
    );
  } catch (error) {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    throw new WriteError(
      `Could not record run ${parsed.data.runId} (${parsed.data.source}, ${parsed.data.week}) in table \`${options.tableName}\`: ${reason}`,
      [],
      { cause: error },
    );
  }
}

async function readRecords(
  options: RunLedgerOptions,
  policy: RetryPolicy,
  week: string | undefined,
): Promise<Record<string, unknown>[]> {
  const partition = week === undefined ? undefined : `WEEK#${parseIsoWeek(week)}`;
  const records: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const exclusiveStartKey = startKey;
    const page = await retryDynamoDb(
      () =>
        partition === undefined
          ? options.client.send(new ScanCommand({ TableName: options.tableName, ExclusiveStartKey: exclusiveStartKey }))
          : options.client.send(
              new QueryCommand({
                TableName: options.tableName,
                KeyConditionExpression: '#pk = :pk',
                ExpressionAttributeNames: { '#pk': 'pk' },
                ExpressionAttributeValues: { ':pk': partition },
                ExclusiveStartKey: exclusiveStartKey,
              }),
            ),
      policy,
    );
    records.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey !== undefined);
  return records;
}

function groupRuns(
  records: Record<string, unknown>[],
  limit: number | undefined,
): { runs: LedgerRun[]; invalid: InvalidLedgerRecord[] } {
  const runs = new Map<string, LedgerRun>();
  const invalid: InvalidLedgerRecord[] = [];
  for (const stored of records) {
    const { pk, sk, entity: _entity, ...fields } = stored;
    const parsed = RunSummarySchema.safeParse(fields);
    if (!parsed.success) {
      invalid.push({ pk: stringOrUndefined(pk), sk: stringOrUndefined(sk), issues: formatZodIssues(parsed.error) });
      continue;
    }
    addToRun(runs, parsed.data);
  }
  const ordered = [...runs.values()].sort(
    (left, right) => compareDescending(left.startedAt, right.startedAt) || compareDescending(left.runId, right.runId),
  );
  for (const run of ordered) {
    run.summaries.sort((left, right) => SOURCES.indexOf(left.source) - SOURCES.indexOf(right.source));
  }
  return { runs: limit === undefined ? ordered : ordered.slice(0, Math.max(0, limit)), invalid };
}

function addToRun(runs: Map<string, LedgerRun>, summary: RunSummary): void {
  const id = `${summary.week}|${summary.runId}`;
  const run = runs.get(id);
  if (!run) {
    runs.set(id, {
      runId: summary.runId,
      week: summary.week,
      startedAt: summary.startedAt,
      finishedAt: summary.finishedAt,
      summaries: [summary],
    });
    return;
  }
  run.summaries.push(summary);
  if (Date.parse(summary.startedAt) < Date.parse(run.startedAt)) run.startedAt = summary.startedAt;
  if (Date.parse(summary.finishedAt) > Date.parse(run.finishedAt)) run.finishedAt = summary.finishedAt;
}

function compareDescending(left: string, right: string): number {
  const leftTime = Date.parse(left);
  const rightTime = Date.parse(right);
  if (!Number.isNaN(leftTime) && !Number.isNaN(rightTime) && leftTime !== rightTime) return rightTime - leftTime;
  return left < right ? 1 : left > right ? -1 : 0;
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
