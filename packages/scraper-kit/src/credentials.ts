import type { Source } from '@celebrity-pipeline/core';
import { MissingCredentialsError } from './errors.js';
import { REPLAY_CREDENTIALS, type ScraperConfig, type ScraperCredentials } from './scraper-config.js';
import type { CredentialVariable } from './secrets.js';

const VARIABLE_OF: Record<keyof ScraperCredentials, CredentialVariable> = {
  tmdbToken: 'TMDB_API_TOKEN',
  newsApiKey: 'NEWSAPI_KEY',
  blueskyIdentifier: 'BLUESKY_IDENTIFIER',
  blueskyAppPassword: 'BLUESKY_APP_PASSWORD',
};

/**
 * The credentials a source needs. In `replay` mode missing ones are filled with {@link REPLAY_CREDENTIALS}.
 * @throws MissingCredentialsError (live mode) naming every missing variable; the handler records the run as
 * `skipped`.
 */
export function requireCredentials<K extends keyof ScraperCredentials>(
  config: Pick<ScraperConfig, 'mode' | 'credentials'>,
  source: Source,
  keys: readonly K[],
): Required<Pick<ScraperCredentials, K>> {
  const resolved = Object.fromEntries(
    keys.map((key) => [
      key,
      config.credentials[key] ?? (config.mode === 'replay' ? REPLAY_CREDENTIALS[key] : undefined),
    ]),
  ) as Partial<Record<K, string>>;
  const missing = keys.filter((key) => resolved[key] === undefined).map((key) => VARIABLE_OF[key]);
  if (missing.length > 0) throw new MissingCredentialsError(missing, { source });
  return resolved as Required<Pick<ScraperCredentials, K>>;
}
