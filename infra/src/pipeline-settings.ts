import { SCRAPER_FUNCTIONS } from '@celebrity-pipeline/collection-plan';
import type { Source } from '@celebrity-pipeline/core';
import {
  MAX_RETAIN_WEEKS,
  maxConcurrencyOf,
  NEWS_PROVIDERS,
  type NewsProvider,
  type Provider,
  PUBLISHED_LIMITS,
  parseS3Uri,
  REPLAY_CONTACT,
  SOCIAL_PROVIDERS,
  SOURCE_LIMITS,
  type SocialProvider,
} from '@celebrity-pipeline/scraper-kit';
import { InvalidPipelineConfigError } from './errors.js';

/**
 * A source's credentials secret: an existing one (its ARN; create it with `aws secretsmanager create-secret`) or
 * one the stack creates under `createName` holding `{}` (fill it with `aws secretsmanager put-secret-value`;
 * until then the source runs keyless or is skipped).
 */
export type SourceSecretSpec = { readonly existingArn: string } | { readonly createName: string };

/**
 * Where the scrapers read the celebrity list at the start of every run: an S3 object or an SSM parameter
 * (changes take effect next run, without a deploy), or a file shipped in each scraper bundle at synth time.
 * Default: the list bundled with `@celebrity-pipeline/celebrities`.
 */
export type CelebrityListSource =
  | { readonly s3: { readonly bucketName: string; readonly key: string } }
  | { readonly ssmParameterName: string }
  | { readonly file: string };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const HTTP_URL = /^https?:\/\/[^\s/]+\.[^\s]+$/;
const SECRET_ARN = /^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:[\w/+=.@-]+$/;
const SECRET_NAME = /^[\w/+=.@-]{1,512}$/;
const SSM_PARAMETER_NAME = /^\/?[\w.-]+(\/[\w.-]+)*$/;

/**
 * The User-Agent contact every scraper sends (Wikimedia's policy asks for a real one). The deployed scrapers
 * always call the live APIs, so synthesis refuses to go on without it.
 * @throws InvalidPipelineConfigError naming the prop and the context key.
 */
export function checkedContact(contact: string | undefined): string {
  const value = contact?.trim() ?? '';
  if (value === '') {
    throw new InvalidPipelineConfigError(
      'The scrapers call the live APIs, which ask for a real contact in the User-Agent: set the construct prop `contact` (or `-c contact=ops@example.com`) to an e-mail address or URL where you can be reached',
    );
  }
  if (value === REPLAY_CONTACT) {
    throw new InvalidPipelineConfigError(
      `Expected \`contact\` to be your own e-mail address or URL, got the project's placeholder ${REPLAY_CONTACT}`,
    );
  }
  if (!EMAIL.test(value) && !HTTP_URL.test(value)) {
    throw new InvalidPipelineConfigError(
      `Expected \`contact\` to be an e-mail address or an http(s) URL, got "${value}"`,
    );
  }
  return value;
}

/** @throws InvalidPipelineConfigError when `value` is not one of `allowed`. */
function checkedChoice<T extends string>(
  name: string,
  value: string | undefined,
  allowed: readonly T[],
): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new InvalidPipelineConfigError(`Expected \`${name}\` to be one of ${allowed.join(', ')}, got "${value}"`);
  }
  return value as T;
}

export const checkedNewsProvider = (value: string | undefined): NewsProvider | undefined =>
  checkedChoice('newsProvider', value, NEWS_PROVIDERS);
export const checkedSocialProvider = (value: string | undefined): SocialProvider | undefined =>
  checkedChoice('socialProvider', value, SOCIAL_PROVIDERS);

/** @throws InvalidPipelineConfigError for an ARN that is not a Secrets Manager secret ARN, or a bad name. */
export function checkedSecretSpec(source: Source, spec: SourceSecretSpec): SourceSecretSpec {
  if ('existingArn' in spec && !SECRET_ARN.test(spec.existingArn)) {
    throw new InvalidPipelineConfigError(
      `Expected the ${source} secret's \`existingArn\` to be a Secrets Manager secret ARN (arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME-AbCdEf), got "${spec.existingArn}"`,
    );
  }
  if ('createName' in spec && !SECRET_NAME.test(spec.createName)) {
    throw new InvalidPipelineConfigError(
      `Expected the ${source} secret's \`createName\` to be a secret name (letters, digits, /_+=.@-), got "${spec.createName}"`,
    );
  }
  return spec;
}

/** @throws InvalidPipelineConfigError for an empty bucket, key or parameter name. */
export function checkedCelebrityList(source: CelebrityListSource): CelebrityListSource {
  if ('s3' in source) {
    const uri = `s3://${source.s3.bucketName}/${source.s3.key}`;
    if (parseS3Uri(uri) === undefined) {
      throw new InvalidPipelineConfigError(
        `Expected \`celebrityList.s3\` to name a bucket and a key, got bucket "${source.s3.bucketName}" and key "${source.s3.key}"`,
      );
    }
  }
  if ('ssmParameterName' in source && !SSM_PARAMETER_NAME.test(source.ssmParameterName)) {
    throw new InvalidPipelineConfigError(
      `Expected \`celebrityList.ssmParameterName\` to be an SSM parameter name such as /celebrity-pipeline/celebrities, got "${source.ssmParameterName}"`,
    );
  }
  if ('file' in source && source.file.trim() === '') {
    throw new InvalidPipelineConfigError('Expected `celebrityList.file` to be a path, got an empty string');
  }
  return source;
}

/** @throws InvalidPipelineConfigError unless a whole number of weeks in 1–{@link MAX_RETAIN_WEEKS}. */
export function checkedRetainWeeks(weeks: number | undefined): number | undefined {
  if (weeks === undefined) return undefined;
  if (!Number.isInteger(weeks) || weeks < 1 || weeks > MAX_RETAIN_WEEKS) {
    throw new InvalidPipelineConfigError(
      `Expected \`retainWeeks\` to be a whole number of weeks between 1 and ${MAX_RETAIN_WEEKS}, got ${weeks}`,
    );
  }
  return weeks;
}

/** The provider a source's scraper calls, as the scraper kit picks it from the same settings. */
export function providerOf(
  source: Source,
  settings: { newsProvider?: NewsProvider; socialProvider?: SocialProvider; hasNewsSecret: boolean },
): Provider {
  if (source === 'news') return settings.newsProvider ?? (settings.hasNewsSecret ? 'newsapi' : 'gdelt');
  if (source === 'social') return settings.socialProvider ?? 'bluesky';
  return SCRAPER_FUNCTIONS[source].provider;
}

/**
 * Reserved concurrency of a scraper: the invocations of its provider that fit the provider's published limit
 * (scraper-kit's `maxConcurrencyOf`, the same number as the state machine's `MaxConcurrency`), so two
 * overlapping runs (an at-least-once duplicate, a manual trigger, a redrive) are throttled instead of doubling
 * the request rate.
 */
export function reservedConcurrencyOf(provider: Provider): number {
  return maxConcurrencyOf(SOURCE_LIMITS[provider], PUBLISHED_LIMITS[provider]);
}
