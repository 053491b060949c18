import { localTableNames } from '@celebrity-pipeline/local-runtime';
import { SOURCE_LIMITS } from '@celebrity-pipeline/scraper-kit';
import { describe, expect, it } from 'vitest';
import { scraperEnvironment } from '../../src/scraper-environment.js';

describe('scraperEnvironment', () => {
  const base = { endpoint: 'http://127.0.0.1:1234', names: localTableNames('t1'), timeScale: 1 / 60, isVerbose: false };

  it('points the scrapers at the local tables and the replay server, with spacing scaled and logs silenced', () => {
    const environment = scraperEnvironment({ ...base, replayBaseUrls: { TMDB_BASE_URL: 'http://127.0.0.1:5/tmdb/3' } });
    expect(environment).toMatchObject({
      TABLE_NAME: 't1',
      RUN_LEDGER_TABLE_NAME: 't1-runs',
      DYNAMODB_ENDPOINT: 'http://127.0.0.1:1234',
      SCRAPER_MODE: 'replay',
      TMDB_BASE_URL: 'http://127.0.0.1:5/tmdb/3',
      POWERTOOLS_LOG_LEVEL: 'SILENT',
    });
    const limits = JSON.parse(environment.SOURCE_LIMITS_JSON ?? '{}');
    expect(limits.gdelt.minSpacingMs).toBe(Math.round(SOURCE_LIMITS.gdelt.minSpacingMs / 60));
    expect(limits.tmdb.requestsPerSecond).toBeCloseTo(SOURCE_LIMITS.tmdb.requestsPerSecond * 60);
  });

  it('keeps the real limits in live mode', () => {
    const environment = scraperEnvironment({ ...base, isVerbose: true });
    expect(environment.SCRAPER_MODE).toBe('live');
    expect(environment.SOURCE_LIMITS_JSON).toBeUndefined();
    expect(environment.HTTP_RETRY_JSON).toBeUndefined();
    expect(environment.POWERTOOLS_LOG_LEVEL).toBe('INFO');
  });
});
