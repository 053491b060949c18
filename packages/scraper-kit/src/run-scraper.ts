import type { Logger } from '@aws-lambda-powertools/logger';
import type { Metrics } from '@aws-lambda-powertools/metrics';
import {
  buildItem,
  type Celebrity,
  type CelebrityFailure,
  type CelebrityList,
  describeError,
  itemExpiresAt,
  type RunSummary,
  type ScheduledEvent,
  type Source,
} from '@celebrity-pipeline/core';
import type { ItemWriter, RunLedger } from '@celebrity-pipeline/core/dynamodb';
import type { AxiosInstance } from 'axios';
import { formatCelebrityListUri } from './celebrity-list-location.js';
import { createChunkedWriter, type WriteTotals } from './chunked-writer.js';
import { FailureThresholdError, isRetryable, MissingCredentialsError } from './errors.js';
import { createHttpClient, type HttpClient } from './http-client.js';
import { mapIsolated } from './map-isolated.js';
import { createRateLimiter, type RateLimiter } from './rate-limiter.js';
import { boundedReason, failedShare, summarizeRun } from './run-outcome.js';
import { type RunRequest, resolveRunRequest } from './run-request.js';
import type { CreateScraper, ScrapeContext } from './scraper.js';
import type { ScraperConfig } from './scraper-config.js';
import type { ShardEvent } from './shard-event.js';
import { type RequestCost, SCRAPER_TIMEOUT_SECONDS } from './shard-sizing.js';
import type { Provider } from './source-limits.js';
import { publishRunMetrics, RUN_STARTED_MESSAGE } from './telemetry.js';

/** What a run works with: built once per cold start by the Lambda handler; tests and the CLI pass their own. */
export interface RunDependencies {
  config: ScraperConfig;
  celebrities: CelebrityList;
  writer: Pick<ItemWriter, 'putItems'>;
  /** Core's run ledger (only `record` is used); none → runs are not recorded. */
  ledger?: Pick<RunLedger, 'record'>;
  logger: Logger;
  metrics: Metrics;
  /** axios instance the HTTP clients send with. */
  axios?: AxiosInstance;
  /** Clock (collection time). */
  now?: () => Date;
  /** Jitter source of the HTTP retries. */
  random?: () => number;
}

/** Everything one run needs: the dependencies plus the source, its scraper factory and the triggering event. */
export interface RunScraperOptions<S extends Source> extends RunDependencies {
  source: S;
  createScraper: CreateScraper<S>;
  /** A Scheduled Event (the whole list) or a shard event (its slice). */
  event: ScheduledEvent | ShardEvent;
  /**
   * The source's request cost: with it, a Scheduled Event whose list needs more than one invocation fails with
   * a message to start the state machine (the deployed handlers pass it).
   */
  requestCost?: RequestCost;
}

function httpClients<S extends Source>(options: RunScraperOptions<S>) {
  const clients = new Map<Provider, HttpClient>();
  const limiters = new Map<Provider, RateLimiter>();
  const get = (provider: Provider): HttpClient => {
    const existing = clients.get(provider);
    if (existing) return existing;
    const limit = options.config.limits[provider];
    const limiter = limiters.get(provider) ?? createRateLimiter(limit);
    limiters.set(provider, limiter);
    const client = createHttpClient({
      provider,
      source: options.source,
      limit,
      limiter,
      retry: options.config.retry,
      userAgent: options.config.userAgent,
      axios: options.axios,
      random: options.random,
      onRetry: (notice) =>
        options.logger.warn('retrying request', {
          provider: notice.provider,
          route: notice.route,
          celebrityId: notice.celebrityId,
          attempt: notice.attempt,
          delayMs: notice.delayMs,
          status: notice.error.status,
          reason: notice.error.message,
        }),
    });
    clients.set(provider, client);
    return client;
  };
  const retried = () => [...clients.values()].reduce((total, client) => total + client.stats.retried, 0);
  return { get, retried };
}

async function finish<S extends Source>(options: RunScraperOptions<S>, summary: RunSummary): Promise<RunSummary> {
  publishRunMetrics(options.metrics, options.source, {
    written: summary.written,
    unchanged: summary.unchanged,
    failed: summary.failed.length,
    requestsRetried: summary.requestsRetried,
    skipped: summary.status === 'skipped',
  });
  if (options.ledger) {
    try {
      await options.ledger.record(summary);
    } catch (error) {
      options.logger.error('could not record the run in the ledger', { reason: describeError(error) });
    }
  }
  return summary;
}

async function scrapeAll<S extends Source>(
  options: RunScraperOptions<S>,
  scraper: ReturnType<CreateScraper<S>>,
  context: ScrapeContext,
  collectedAt: Date,
): Promise<{ failed: CelebrityFailure[]; writes: WriteTotals }> {
  const writer = createChunkedWriter(options.writer);
  const { retainWeeks } = options.config;
  const expiresAt = retainWeeks === undefined ? undefined : itemExpiresAt(context.week, retainWeeks);
  const failed: CelebrityFailure[] = [];
  await mapIsolated(context.celebrities, options.config.scrapeConcurrency, async (celebrity: Celebrity) => {
    try {
      const observation = await scraper.scrape(celebrity, context);
      writer.add(
        buildItem(celebrity, observation, { week: context.week, runId: context.runId, collectedAt, expiresAt }),
      );
    } catch (error) {
      const failure = {
        celebrityId: celebrity.id,
        reason: boundedReason(describeError(error)),
        retryable: isRetryable(error),
      };
      options.logger.warn('celebrity failed', { ...failure });
      failed.push(failure);
    }
  });
  return { failed, writes: await writer.finish() };
}

/** Records the invocation as running (best effort: the run goes on without a ledger entry). */
async function recordStart<S extends Source>(options: RunScraperOptions<S>, request: RunRequest, startedAt: Date) {
  if (!options.ledger) return;
  const deadlineAt = new Date(startedAt.getTime() + SCRAPER_TIMEOUT_SECONDS[options.source] * 1_000);
  const running: RunSummary = {
    source: options.source,
    runId: request.runId,
    week: request.week,
    status: 'running',
    startedAt: startedAt.toISOString(),
    finishedAt: startedAt.toISOString(),
    durationMs: 0,
    attempted: request.celebrities.length,
    written: 0,
    unchanged: 0,
    failed: [],
    requestsRetried: 0,
    deadlineAt: deadlineAt.toISOString(),
    listHash: request.listHash,
    listLocation: formatCelebrityListUri(options.config.celebrityList),
    ...(request.shard ? { shard: request.shard } : {}),
  };
  try {
    await options.ledger.record(running);
  } catch (error) {
    options.logger.error('could not record the run start in the ledger', { reason: describeError(error) });
  }
}

/**
 * One scraper run over a Scheduled Event's whole list or a shard event's slice: records the run as `running` in
 * the ledger, scrapes every celebrity in isolation (bounded concurrency), builds items with core's `buildItem`
 * and writes them a chunk at a time as they complete (a timeout loses at most the chunk in flight), then records
 * the final summary, logs and emits metrics.
 * A source whose credentials are missing in live mode returns status `skipped`.
 * @throws FailureThresholdError when more than `config.failureThreshold` of the celebrities failed, after the
 * summary was logged, measured and recorded (so the platform retries and the DLQ catches it).
 */
export async function runScraper<S extends Source>(options: RunScraperOptions<S>): Promise<RunSummary> {
  const now = options.now ?? (() => new Date());
  const startedAt = now();
  const { logger, source, config } = options;
  const request = resolveRunRequest(options.event, options.celebrities, source, options.requestCost);
  const { runId, week } = request;
  logger.resetKeys();
  logger.appendKeys({ runId, week, ...(request.shard ? { shard: request.shard.index } : {}) });
  const http = httpClients(options);
  const base = {
    source,
    runId,
    week,
    startedAt,
    failureThreshold: config.failureThreshold,
    listHash: request.listHash,
    listLocation: formatCelebrityListUri(config.celebrityList),
    ...(request.shard ? { shard: request.shard } : {}),
  };

  let scraper: ReturnType<CreateScraper<S>>;
  try {
    scraper = options.createScraper({ config, http: http.get, logger });
  } catch (error) {
    if (!(error instanceof MissingCredentialsError)) throw error;
    logger.warn(`source ${source} skipped: ${error.message}`);
    const summary = summarizeRun({
      ...base,
      finishedAt: now(),
      attempted: 0,
      written: 0,
      unchanged: 0,
      failed: [],
      requestsRetried: 0,
      skippedReason: error.message,
    });
    return finish(options, summary);
  }

  logger.info(RUN_STARTED_MESSAGE, { celebrities: request.celebrities.length, mode: config.mode });
  await recordStart(options, request, startedAt);
  const context: ScrapeContext = { runId, week, now: startedAt, celebrities: request.celebrities };
  const scraped = await scrapeAll(options, scraper, context, startedAt);
  const summary = summarizeRun({
    ...base,
    finishedAt: now(),
    attempted: request.celebrities.length,
    written: scraped.writes.written,
    unchanged: scraped.writes.unchanged,
    failed: [...scraped.failed, ...scraped.writes.failed],
    requestsRetried: http.retried() + scraped.writes.retried,
  });
  logger.info('run finished', { summary: { ...summary, failed: summary.failed.length } });
  await finish(options, summary);
  if (summary.status === 'failed') {
    const share = failedShare(summary);
    throw new FailureThresholdError(
      `${summary.failed.length} of ${summary.attempted} celebrities failed for source ${source} (${(share * 100).toFixed(0)}% > ${(config.failureThreshold * 100).toFixed(0)}% allowed by FAILURE_THRESHOLD)`,
      { source },
      share,
      config.failureThreshold,
      summary,
    );
  }
  return summary;
}
