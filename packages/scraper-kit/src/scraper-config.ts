import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { DEFAULT_TABLE_NAME, formatZodIssues } from '@celebrity-pipeline/core';
import { z } from 'zod';
import {
  CELEBRITY_LIST_VARIABLES,
  type CelebrityListLocation,
  celebrityListLocationOf,
  parseS3Uri,
} from './celebrity-list-location.js';
import { ScraperConfigError } from './errors.js';
import { HTTP_RETRY_POLICY, type HttpRetryPolicy } from './http-retry-policy.js';
import { CREDENTIAL_VARIABLES, type CredentialVariable, readCredentialSecret } from './secrets.js';
import { PROVIDERS, type Provider, SOURCE_LIMITS, type SourceLimit } from './source-limits.js';
import { buildUserAgent, REPLAY_CONTACT } from './user-agent.js';

/** The base-URL variables and their production defaults. */
export const BASE_URL_DEFAULTS = {
  TMDB_BASE_URL: 'https://api.themoviedb.org/3',
  WIKIPEDIA_BASE_URL: 'https://en.wikipedia.org/api/rest_v1',
  WIKIMEDIA_BASE_URL: 'https://wikimedia.org/api/rest_v1',
  GDELT_BASE_URL: 'https://api.gdeltproject.org/api/v2',
  NEWSAPI_BASE_URL: 'https://newsapi.org/v2',
  BLUESKY_BASE_URL: 'https://bsky.social/xrpc',
  MASTODON_BASE_URL: 'https://mastodon.social/api/v1',
} as const;
export type BaseUrlVariable = keyof typeof BASE_URL_DEFAULTS;

/** News APIs the news scraper can use (`NEWS_PROVIDER`). */
export const NEWS_PROVIDERS = ['gdelt', 'newsapi'] as const;
export type NewsProvider = (typeof NEWS_PROVIDERS)[number];
/** Social APIs the social scraper can use (`SOCIAL_PROVIDER`). */
export const SOCIAL_PROVIDERS = ['bluesky', 'mastodon'] as const;
export type SocialProvider = (typeof SOCIAL_PROVIDERS)[number];

/** Longest retention `RETAIN_WEEKS` accepts (ten years). */
export const MAX_RETAIN_WEEKS = 520;

/** Default share of celebrities that may fail before the invocation fails (more than half → throw). */
export const DEFAULT_FAILURE_THRESHOLD = 0.5;
/** Default number of celebrities scraped at once (the per-provider limiter still governs requests). */
export const DEFAULT_SCRAPE_CONCURRENCY = 8;

/** Credentials the scrapers may need; missing ones make a source `skipped` in live mode. */
export interface ScraperCredentials {
  tmdbToken?: string;
  newsApiKey?: string;
  blueskyIdentifier?: string;
  blueskyAppPassword?: string;
}

/** Validated configuration of a scraper run, read once at the edge. */
export interface ScraperConfig {
  /** `live` calls the real APIs; `replay` points at the fixture server and fills missing credentials. */
  mode: 'live' | 'replay';
  baseUrls: Record<BaseUrlVariable, string>;
  credentials: ScraperCredentials;
  tableName: string;
  runLedgerTableName?: string;
  celebritiesFile?: string;
  /** Where each run reads the celebrity list (`CELEBRITIES_FILE`, `CELEBRITIES_S3_URI`, `CELEBRITIES_SSM_PARAMETER`). */
  celebrityList: CelebrityListLocation;
  /** Weeks an item is kept before DynamoDB TTL removes it (`RETAIN_WEEKS`); none → items never expire. */
  retainWeeks?: number;
  dynamodbEndpoint?: string;
  region?: string;
  /** Share of celebrities (0–1) that may fail; more than that fails the invocation. */
  failureThreshold: number;
  scrapeConcurrency: number;
  limits: Record<Provider, SourceLimit>;
  retry: HttpRetryPolicy;
  userAgent: string;
  newsProvider: NewsProvider;
  socialProvider: SocialProvider;
}

/** Credentials `replay` mode uses when none are set; the replay server accepts them. */
export const REPLAY_CREDENTIALS: Readonly<Required<ScraperCredentials>> = Object.freeze({
  tmdbToken: 'replay-tmdb-token',
  newsApiKey: 'replay-newsapi-key',
  blueskyIdentifier: 'replay.bsky.social',
  blueskyAppPassword: 'replay-app-password',
});

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const url = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

const LimitOverridesSchema = z
  .partialRecord(
    z.enum(PROVIDERS),
    z
      .object({
        requestsPerSecond: z.number().positive(),
        minSpacingMs: z.number().int().nonnegative(),
        maxConcurrency: z.number().int().positive(),
        timeoutMs: z.number().int().positive(),
      })
      .partial()
      .strict(),
  )
  .optional();

const RetryOverridesSchema = z
  .object({
    retries: z.number().int().nonnegative().max(10),
    factor: z.number().min(1),
    minTimeoutMs: z.number().int().nonnegative(),
    maxTimeoutMs: z.number().int().nonnegative(),
    randomize: z.boolean(),
    maxRetryAfterMs: z.number().int().nonnegative(),
  })
  .partial()
  .strict()
  .optional();

const jsonText = <T extends z.ZodType>(schema: T) =>
  z
    .string()
    .optional()
    .transform((text, context) => {
      if (text === undefined || text.trim() === '') return undefined;
      try {
        return JSON.parse(text) as unknown;
      } catch {
        context.addIssue({ code: 'custom', message: 'must be JSON' });
        return z.NEVER;
      }
    })
    .pipe(schema);

const EnvSchema = z.object({
  SCRAPER_MODE: z.enum(['live', 'replay']).default('live'),
  ...(Object.fromEntries(Object.keys(BASE_URL_DEFAULTS).map((name) => [name, url.optional()])) as Record<
    BaseUrlVariable,
    z.ZodOptional<typeof url>
  >),
  ...(Object.fromEntries(CREDENTIAL_VARIABLES.map((name) => [name, optionalText])) as Record<
    CredentialVariable,
    typeof optionalText
  >),
  SCRAPER_SECRET_ARN: optionalText.pipe(z.string().startsWith('arn:', 'must be a Secrets Manager ARN').optional()),
  TABLE_NAME: optionalText,
  RUN_LEDGER_TABLE_NAME: optionalText,
  [CELEBRITY_LIST_VARIABLES.file]: optionalText,
  [CELEBRITY_LIST_VARIABLES.s3Uri]: optionalText.refine(
    (value) => value === undefined || parseS3Uri(value) !== undefined,
    {
      message: 'must be s3://bucket/key',
    },
  ),
  [CELEBRITY_LIST_VARIABLES.ssmParameter]: optionalText,
  RETAIN_WEEKS: z.coerce
    .number({ error: `must be a whole number of weeks between 1 and ${MAX_RETAIN_WEEKS}` })
    .int(`must be a whole number of weeks between 1 and ${MAX_RETAIN_WEEKS}`)
    .min(1, `must be a whole number of weeks between 1 and ${MAX_RETAIN_WEEKS}`)
    .max(MAX_RETAIN_WEEKS, `must be a whole number of weeks between 1 and ${MAX_RETAIN_WEEKS}`)
    .optional(),
  DYNAMODB_ENDPOINT: optionalText.pipe(url.optional()),
  AWS_REGION: optionalText,
  FAILURE_THRESHOLD: z.coerce
    .number({ error: 'must be a number between 0 and 1' })
    .min(0, 'must be between 0 and 1')
    .max(1, 'must be between 0 and 1')
    .optional(),
  SCRAPE_CONCURRENCY: z.coerce.number().int('must be an integer').positive('must be at least 1').max(50).optional(),
  SOURCE_LIMITS_JSON: jsonText(LimitOverridesSchema),
  HTTP_RETRY_JSON: jsonText(RetryOverridesSchema),
  SCRAPER_CONTACT: optionalText,
  NEWS_PROVIDER: z.enum(NEWS_PROVIDERS).optional(),
  SOCIAL_PROVIDER: z.enum(SOCIAL_PROVIDERS).optional(),
});

type Env = z.infer<typeof EnvSchema>;

function parseEnv(env: Readonly<Record<string, string | undefined>>): Env {
  const result = EnvSchema.safeParse(env);
  if (result.success) return result.data;
  const problems = formatZodIssues(result.error).map((issue) => `  - \`${issue.replace(/^([A-Z0-9_]+)/, '$1`')}`);
  throw new ScraperConfigError(`Invalid scraper configuration:\n${problems.join('\n')}`);
}

function mergeLimits(overrides: Env['SOURCE_LIMITS_JSON']): Record<Provider, SourceLimit> {
  return Object.fromEntries(
    PROVIDERS.map((provider) => [provider, { ...SOURCE_LIMITS[provider], ...overrides?.[provider] }]),
  ) as Record<Provider, SourceLimit>;
}

/** Options of {@link loadScraperConfig}. */
export interface LoadScraperConfigOptions {
  /** Used only when `SCRAPER_SECRET_ARN` is set; injected in tests. Defaults to a new client. */
  secretsManager?: Pick<SecretsManagerClient, 'send'>;
}

/**
 * Reads and validates the scraper configuration from `env` once, at the edge. Credentials come from the
 * environment, else from the JSON secret at `SCRAPER_SECRET_ARN` (environment wins).
 * @throws ScraperConfigError naming each invalid variable, e.g. ``FAILURE_THRESHOLD`: must be between 0 and 1``.
 * @example const config = await loadScraperConfig(process.env);
 */
export async function loadScraperConfig(
  env: Readonly<Record<string, string | undefined>>,
  options: LoadScraperConfigOptions = {},
): Promise<ScraperConfig> {
  const parsed = parseEnv(env);
  const celebrityList = celebrityListLocationOf(env);
  if (parsed.SCRAPER_MODE === 'live' && parsed.SCRAPER_CONTACT === undefined) {
    throw new ScraperConfigError(
      "Invalid scraper configuration: `SCRAPER_CONTACT` must be set in live mode: an e-mail address or URL that reaches the operator, sent in the User-Agent as Wikimedia's policy requires (e.g. SCRAPER_CONTACT=ops@example.org). Fixtures (replay) mode does not need it.",
    );
  }
  let secret: Partial<Record<CredentialVariable, string>> = {};
  if (parsed.SCRAPER_SECRET_ARN) {
    const client = options.secretsManager ?? (await defaultSecretsManager(parsed.AWS_REGION));
    secret = await readCredentialSecret(client, parsed.SCRAPER_SECRET_ARN);
  }
  const credential = (name: CredentialVariable) => parsed[name] ?? secret[name];
  const retry = { ...HTTP_RETRY_POLICY, ...parsed.HTTP_RETRY_JSON };
  if (retry.maxTimeoutMs < retry.minTimeoutMs) {
    throw new ScraperConfigError('Invalid scraper configuration: `HTTP_RETRY_JSON` has maxTimeoutMs < minTimeoutMs');
  }
  const newsApiKey = credential('NEWSAPI_KEY');
  return {
    mode: parsed.SCRAPER_MODE,
    baseUrls: Object.fromEntries(
      Object.entries(BASE_URL_DEFAULTS).map(([name, fallback]) => [
        name,
        (parsed[name as BaseUrlVariable] ?? fallback).replace(/\/+$/, ''),
      ]),
    ) as Record<BaseUrlVariable, string>,
    credentials: {
      tmdbToken: credential('TMDB_API_TOKEN'),
      newsApiKey,
      blueskyIdentifier: credential('BLUESKY_IDENTIFIER'),
      blueskyAppPassword: credential('BLUESKY_APP_PASSWORD'),
    },
    tableName: parsed.TABLE_NAME ?? DEFAULT_TABLE_NAME,
    runLedgerTableName: parsed.RUN_LEDGER_TABLE_NAME,
    celebritiesFile: parsed.CELEBRITIES_FILE,
    celebrityList,
    retainWeeks: parsed.RETAIN_WEEKS,
    dynamodbEndpoint: parsed.DYNAMODB_ENDPOINT,
    region: parsed.AWS_REGION,
    failureThreshold: parsed.FAILURE_THRESHOLD ?? DEFAULT_FAILURE_THRESHOLD,
    scrapeConcurrency: parsed.SCRAPE_CONCURRENCY ?? DEFAULT_SCRAPE_CONCURRENCY,
    limits: mergeLimits(parsed.SOURCE_LIMITS_JSON),
    retry,
    userAgent: buildUserAgent(parsed.SCRAPER_CONTACT ?? REPLAY_CONTACT),
    // NewsAPI only when chosen: a key alone must not switch providers (its Developer plan is 50 requests / 12 h).
    newsProvider: parsed.NEWS_PROVIDER ?? 'gdelt',
    socialProvider: parsed.SOCIAL_PROVIDER ?? 'bluesky',
  };
}

async function defaultSecretsManager(region: string | undefined): Promise<Pick<SecretsManagerClient, 'send'>> {
  const { SecretsManagerClient } = await import('@aws-sdk/client-secrets-manager');
  return new SecretsManagerClient(region ? { region } : {});
}
