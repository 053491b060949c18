import { GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_FAILURE_THRESHOLD,
  loadScraperConfig,
  MissingCredentialsError,
  REPLAY_CONTACT,
  REPLAY_CREDENTIALS,
  requireCredentials,
  ScraperConfigError,
  SOURCE_LIMITS,
} from '../../src/index.js';

/** Live mode needs a contact for the User-Agent. */
const LIVE = { SCRAPER_CONTACT: 'ops@example.org' };

describe('loadScraperConfig', () => {
  it('applies the documented defaults', async () => {
    const config = await loadScraperConfig(LIVE);
    expect(config).toMatchObject({
      mode: 'live',
      tableName: 'celebrity-database',
      failureThreshold: DEFAULT_FAILURE_THRESHOLD,
      newsProvider: 'gdelt',
      socialProvider: 'bluesky',
    });
    expect(config.baseUrls.TMDB_BASE_URL).toBe('https://api.themoviedb.org/3');
    expect(config.limits.gdelt).toEqual(SOURCE_LIMITS.gdelt);
    expect(config.userAgent).toMatch(/^celebrity-pipeline-bot\/\S+ \(ops@example\.org\) axios\//);
  });

  it('refuses live mode without SCRAPER_CONTACT, and replay mode does not need it', async () => {
    await expect(loadScraperConfig({})).rejects.toThrow(
      /`SCRAPER_CONTACT` must be set in live mode: an e-mail address or URL that reaches the operator/,
    );
    const replay = await loadScraperConfig({ SCRAPER_MODE: 'replay' });
    expect(replay.userAgent).toContain(`(${REPLAY_CONTACT})`);
  });

  it('reads base URLs, limits overrides and the failure threshold', async () => {
    const config = await loadScraperConfig({
      ...LIVE,
      TMDB_BASE_URL: 'http://127.0.0.1:1234/tmdb/3/',
      SOURCE_LIMITS_JSON: '{"gdelt":{"minSpacingMs":100}}',
      FAILURE_THRESHOLD: '0.2',
      NEWSAPI_KEY: 'key',
    });
    expect(config.baseUrls.TMDB_BASE_URL).toBe('http://127.0.0.1:1234/tmdb/3');
    expect(config.limits.gdelt).toEqual({ ...SOURCE_LIMITS.gdelt, minSpacingMs: 100 });
    expect(config.failureThreshold).toBe(0.2);
    expect(config.newsProvider).toBe('gdelt');
  });

  it('uses NewsAPI only when NEWS_PROVIDER chooses it, never because a key is set', async () => {
    expect((await loadScraperConfig({ ...LIVE, NEWSAPI_KEY: 'key' })).newsProvider).toBe('gdelt');
    expect((await loadScraperConfig({ ...LIVE, NEWSAPI_KEY: 'key', NEWS_PROVIDER: 'newsapi' })).newsProvider).toBe(
      'newsapi',
    );
  });

  it('names the variable of every invalid value', async () => {
    const failure = loadScraperConfig({ FAILURE_THRESHOLD: '2', TMDB_BASE_URL: 'not a url', SOURCE_LIMITS_JSON: '{' });
    await expect(failure).rejects.toThrow(ScraperConfigError);
    const message = await failure.catch((error: Error) => error.message);
    expect(message).toContain('`FAILURE_THRESHOLD`: must be between 0 and 1');
    expect(message).toContain('`TMDB_BASE_URL`');
    expect(message).toContain('`SOURCE_LIMITS_JSON`: must be JSON');
  });

  it('rejects unknown providers in SOURCE_LIMITS_JSON', async () => {
    await expect(loadScraperConfig({ ...LIVE, SOURCE_LIMITS_JSON: '{"reddit":{"maxConcurrency":1}}' })).rejects.toThrow(
      /SOURCE_LIMITS_JSON/,
    );
  });

  it('reads credentials from the Secrets Manager secret, the environment winning', async () => {
    const requests: unknown[] = [];
    const secretsManager = {
      send: async (command: unknown) => {
        requests.push(command);
        return { SecretString: JSON.stringify({ TMDB_API_TOKEN: 'from-secret', NEWSAPI_KEY: 'secret-key' }) };
      },
    } as never;
    const config = await loadScraperConfig(
      {
        ...LIVE,
        SCRAPER_SECRET_ARN: 'arn:aws:secretsmanager:us-east-1:000000000000:secret:scrapers',
        NEWSAPI_KEY: 'env-key',
      },
      { secretsManager },
    );
    expect(requests[0]).toBeInstanceOf(GetSecretValueCommand);
    expect(config.credentials).toMatchObject({ tmdbToken: 'from-secret', newsApiKey: 'env-key' });
  });

  it('names SCRAPER_SECRET_ARN when the secret is not JSON', async () => {
    const secretsManager = { send: async () => ({ SecretString: 'nope' }) } as never;
    await expect(
      loadScraperConfig(
        { ...LIVE, SCRAPER_SECRET_ARN: 'arn:aws:secretsmanager:us-east-1:0:secret:x' },
        { secretsManager },
      ),
    ).rejects.toThrow(/`SCRAPER_SECRET_ARN` is not a JSON object/);
  });
});

describe('requireCredentials', () => {
  it('throws MissingCredentialsError naming the variables in live mode', async () => {
    const config = await loadScraperConfig(LIVE);
    expect(() => requireCredentials(config, 'social', ['blueskyIdentifier', 'blueskyAppPassword'])).toThrow(
      'Expected `BLUESKY_IDENTIFIER` and `BLUESKY_APP_PASSWORD` to be set (live mode, source social)',
    );
    expect(() => requireCredentials(config, 'tmdb', ['tmdbToken'])).toThrow(MissingCredentialsError);
  });

  it('fills replay credentials in replay mode', async () => {
    const config = await loadScraperConfig({ SCRAPER_MODE: 'replay' });
    expect(requireCredentials(config, 'tmdb', ['tmdbToken'])).toEqual({ tmdbToken: REPLAY_CREDENTIALS.tmdbToken });
  });
});
