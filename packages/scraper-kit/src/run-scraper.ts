import type { Logger } from '@aws-lambda-powertools/logger';
import type { Metrics } from '@aws-lambda-powertools/metrics';
import {
  buildItem,
  type Celebrity,
  type CelebrityFailure,
  type CelebrityItem,
  type CelebrityList,
  collectedWeekOf,
  describeError,
  itemExpiresAt,
  type RunSummary,
  type ScheduledEvent,
  type Source,
} from '@celebrity-pipeline/core';
import type { ItemWriter, RunLedger } from '@celebrity-pipeline/core/dynamodb';
import type { AxiosInstance } from 'axios';
import { FailureThresholdError, isRetryable, MissingCredentialsError } from './errors.js';
import { createHttpClient, type HttpClient } from './http-client.js';
import { mapIsolated } from './map-isolated.js';
import { createRateLimiter, type RateLimiter } from './rate-limiter.js';
import { boundedReason, failedShare, summarizeRun } from './run-outcome.js';
import type { CreateScraper, ScrapeContext } from './scraper.js';
import type { ScraperConfig } from './scraper-config.js';
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
  event: ScheduledEvent;
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
) {
  const { celebrities } = options.celebrities;
  const { retainWeeks } = options.config;
  const expiresAt = retainWeeks === undefined ? undefined : itemExpiresAt(context.week, retainWeeks);
  const settled = await mapIsolated(celebrities, options.config.scrapeConcurrency, async (celebrity: Celebrity) => {
    const observation = await scraper.scrape(celebrity, context);
    return buildItem(celebrity, observation, { week: context.week, runId: context.runId, collectedAt, expiresAt });
  });
  const items: CelebrityItem[] = [];
  const failed: CelebrityFailure[] = [];
  settled.forEach((result, index) => {
    const celebrity = celebrities[index] as Celebrity;
    if (result.ok) items.push(result.value);
    else {
      const failure = {
        celebrityId: celebrity.id,
        reason: boundedReason(describeError(result.error)),
        retryable: isRetryable(result.error),
      };
      options.logger.warn('celebrity failed', { ...failure });
      failed.push(failure);
    }
  });
  return { items, failed };
}

async function writeItems<S extends Source>(options: RunScraperOptions<S>, items: CelebrityItem[]) {
  const celebrityOf = new Map(items.map((item) => [`${item.pk}|${item.sk}`, item.celebrity_id]));
  try {
    const result = await options.writer.putItems(items);
    const failed = result.failed.map(({ key, reason }) => ({
      celebrityId: celebrityOf.get(`${key.pk}|${key.sk}`) ?? key.pk,
      reason: boundedReason(`DynamoDB write failed: ${reason}`),
      retryable: true,
    }));
    return {
      written: result.written.length,
      unchanged: result.unchanged.length,
      failed,
      retried: result.requestsRetried,
    };
  } catch (error) {
    const reason = boundedReason(`DynamoDB write failed: ${describeError(error)}`);
    const failed = items.map((item) => ({ celebrityId: item.celebrity_id, reason, retryable: true }));
    return { written: 0, unchanged: 0, failed, retried: 0 };
  }
}

/**
 * One scraper run: scrapes every celebrity in isolation (bounded concurrency), builds items with core's
 * `buildItem`, writes them with the injected writer, records the summary in the ledger, logs and emits metrics.
 * A source whose credentials are missing in live mode returns status `skipped`.
 * @throws FailureThresholdError when more than `config.failureThreshold` of the celebrities failed, after the
 * summary was logged, measured and recorded (so the platform retries and the DLQ catches it).
 */
export async function runScraper<S extends Source>(options: RunScraperOptions<S>): Promise<RunSummary> {
  const now = options.now ?? (() => new Date());
  const startedAt = now();
  const runId = options.event.id;
  const week = collectedWeekOf(options.event);
  const { logger, source, config } = options;
  logger.resetKeys();
  logger.appendKeys({ runId, week });
  const http = httpClients(options);
  const base = { source, runId, week, startedAt, failureThreshold: config.failureThreshold };

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

  logger.info(RUN_STARTED_MESSAGE, { celebrities: options.celebrities.celebrities.length, mode: config.mode });
  const context: ScrapeContext = { runId, week, now: startedAt, celebrities: options.celebrities.celebrities };
  const scraped = await scrapeAll(options, scraper, context, startedAt);
  const written = await writeItems(options, scraped.items);
  const summary = summarizeRun({
    ...base,
    finishedAt: now(),
    attempted: options.celebrities.celebrities.length,
    written: written.written,
    unchanged: written.unchanged,
    failed: [...scraped.failed, ...written.failed],
    requestsRetried: http.retried() + written.retried,
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
    );
  }
  return summary;
}
