import { defaultCelebrityList } from '@celebrity-pipeline/celebrities';
import type { Celebrity, IsoWeek } from '@celebrity-pipeline/core';
import { FIXTURE_WEEK_START, type FixtureSet, type GdeltArticle, readFixtures } from '@celebrity-pipeline/fixtures';
import {
  createHttpClient,
  HTTP_RETRY_POLICY,
  type ScrapeContext,
  SOURCE_LIMITS,
} from '@celebrity-pipeline/scraper-kit';
import { createGdeltNewsScraper } from '../../src/index.js';

/** The bundled list (the replay server's index is built from it). */
export const bundled = defaultCelebrityList().celebrities;

/** Millisecond retries; GDELT's spacing lifted (it is measured in scraper-kit's tests). */
export const FAST_RETRY = { ...HTTP_RETRY_POLICY, retries: 2, minTimeoutMs: 5, maxTimeoutMs: 20 };

const stamp = (date: Date) =>
  date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/** `count` distinct ArtList articles about `celebrity`, spread over the fixture week (one every 10 minutes). */
export function articlesAbout(celebrity: Celebrity, count: number): GdeltArticle[] {
  return Array.from({ length: count }, (_, index) => ({
    url: `https://www.example-news.com/${celebrity.id}/${index}`,
    url_mobile: '',
    title: `${celebrity.name} story number ${index}`,
    seendate: stamp(new Date(FIXTURE_WEEK_START.getTime() + index * 600_000)),
    socialimage: '',
    domain: 'example-news.com',
    language: 'English',
    sourcecountry: 'United States',
  }));
}

/** The committed fixtures with `celebrity`'s GDELT articles replaced by `count` generated ones. */
export async function fixturesWith(celebrity: Celebrity, count: number): Promise<FixtureSet> {
  const fixtures = structuredClone(await readFixtures());
  fixtures.news.gdelt[celebrity.id] = articlesAbout(celebrity, count);
  return fixtures;
}

/** A GDELT news scraper on `baseUrl` with the pacing lifted. */
export function fastGdeltScraper(baseUrl: string) {
  const http = createHttpClient({
    provider: 'gdelt',
    source: 'news',
    limit: { ...SOURCE_LIMITS.gdelt, minSpacingMs: 0, requestsPerSecond: 1_000 },
    retry: FAST_RETRY,
  });
  return createGdeltNewsScraper({ http, baseUrl });
}

/** A scrape context for `celebrities` and `week`. */
export function contextFor(celebrities: readonly Celebrity[], week: IsoWeek = '2026-W47'): ScrapeContext {
  return { runId: 'run-test', week, now: new Date('2026-11-22T02:00:00Z'), celebrities };
}
