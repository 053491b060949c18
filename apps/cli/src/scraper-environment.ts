import type { LocalTableNames } from '@celebrity-pipeline/local-runtime';
import { HTTP_RETRY_POLICY, PROVIDERS, SOURCE_LIMITS } from '@celebrity-pipeline/scraper-kit';

/** Inputs of {@link scraperEnvironment}. */
export interface ScraperEnvironmentInput {
  endpoint: string;
  names: LocalTableNames;
  /** Base URL per scraper variable (`TMDB_BASE_URL`…) of the replay server; absent in live mode. */
  replayBaseUrls?: Readonly<Record<string, string>>;
  celebritiesFile?: string;
  /** Multiplies request spacing and HTTP backoff against the replay server (a loopback server needs no politeness). */
  timeScale: number;
  isVerbose: boolean;
}

/**
 * The environment the scraper handlers read (scraper-kit's variables), for an in-process run against the
 * local database. In replay mode the source limits' spacing and the HTTP backoff are scaled by `timeScale`
 * (concurrency caps, timeouts and retry counts unchanged); live mode keeps the real limits. Logs and EMF
 * metrics are silenced unless verbose (the CLI prints its own progress).
 */
export function scraperEnvironment(input: ScraperEnvironmentInput): Record<string, string> {
  const isReplay = input.replayBaseUrls !== undefined;
  const environment: Record<string, string> = {
    TABLE_NAME: input.names.items,
    RUN_LEDGER_TABLE_NAME: input.names.runLedger,
    DYNAMODB_ENDPOINT: input.endpoint,
    AWS_REGION: process.env.AWS_REGION ?? 'us-east-1',
    SCRAPER_MODE: isReplay ? 'replay' : 'live',
    POWERTOOLS_LOG_LEVEL: input.isVerbose ? 'INFO' : 'SILENT',
    POWERTOOLS_METRICS_DISABLED: input.isVerbose ? 'false' : 'true',
    ...(input.celebritiesFile ? { CELEBRITIES_FILE: input.celebritiesFile } : {}),
    ...input.replayBaseUrls,
  };
  if (isReplay) {
    environment.SOURCE_LIMITS_JSON = JSON.stringify(scaledSourceLimits(input.timeScale));
    environment.HTTP_RETRY_JSON = JSON.stringify({
      minTimeoutMs: Math.max(1, Math.round(HTTP_RETRY_POLICY.minTimeoutMs * input.timeScale)),
      maxTimeoutMs: Math.max(1, Math.round(HTTP_RETRY_POLICY.maxTimeoutMs * input.timeScale)),
    });
  }
  return environment;
}

/** scraper-kit's source limits with request spacing divided by `1 / timeScale`. */
export function scaledSourceLimits(
  timeScale: number,
): Record<string, { requestsPerSecond: number; minSpacingMs: number }> {
  return Object.fromEntries(
    PROVIDERS.map((provider) => {
      const limit = SOURCE_LIMITS[provider];
      return [
        provider,
        {
          requestsPerSecond: limit.requestsPerSecond / timeScale,
          minSpacingMs: Math.round(limit.minSpacingMs * timeScale),
        },
      ];
    }),
  );
}
