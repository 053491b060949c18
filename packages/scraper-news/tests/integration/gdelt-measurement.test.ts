import { faults, gdeltQueryProblem, type ReplayServer, startReplayServer } from '@celebrity-pipeline/fixtures';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GDELT_QUERY_LIMITS } from '../../src/index.js';
import { bundled, contextFor, fastGdeltScraper, fixturesWith } from '../helpers/gdelt-setup.js';

const [loud, quiet, third] = bundled as [(typeof bundled)[0], (typeof bundled)[0], (typeof bundled)[0]];
let server: ReplayServer;

beforeAll(async () => {
  server = await startReplayServer({ fixtures: await fixturesWith(loud, 1_000) });
});
afterAll(async () => {
  await server.close();
});
afterEach(() => {
  server.setFaults([]);
  server.clearLog();
});

const gdeltRequests = () => server.requestLog.filter((entry) => entry.route === 'gdelt.doc');

/** Scrapes every celebrity of `list` with one scraper (one run) and returns the observations by id. */
async function scrapeAll(list: typeof bundled, week: '2026-W47' | '2026-W40' = '2026-W47') {
  const scraper = fastGdeltScraper(server.baseUrls.GDELT_BASE_URL);
  const context = contextFor(list, week);
  const observations = await Promise.all(list.map((celebrity) => scraper.scrape(celebrity, context)));
  return new Map(list.map((celebrity, index) => [celebrity.id, observations[index]]));
}

describe('GDELT article counts', () => {
  it('stores a celebrity with 1,000 articles in the week as 1,000, never as a share of a 250-article page', async () => {
    const observations = await scrapeAll([loud, quiet]);
    expect(observations.get(loud.id)?.signals).toMatchObject({ article_count: 1_000, measure: 'full_text' });
    const counts = gdeltRequests().filter((entry) => entry.query.mode === 'timelinevolraw');
    expect(counts.map((entry) => entry.celebrityIds)).toEqual([[loud.id], [quiet.id]]);
    // Its titles come from a page of its own, so they cannot crowd the other name out.
    const titlePages = gdeltRequests().filter((entry) => entry.query.mode === 'artlist');
    expect(titlePages.map((entry) => entry.celebrityIds)).toEqual([[loud.id], [quiet.id]]);
    expect(observations.get(loud.id)?.texts).toHaveLength(GDELT_QUERY_LIMITS.maxRecords);
  });

  it('gives two celebrities in one run the same counts and titles as each measured alone', async () => {
    const together = await scrapeAll([loud, quiet, third]);
    const alone = new Map([...(await scrapeAll([loud])), ...(await scrapeAll([quiet])), ...(await scrapeAll([third]))]);
    for (const celebrity of [loud, quiet, third]) {
      expect(together.get(celebrity.id)?.signals, celebrity.id).toEqual(alone.get(celebrity.id)?.signals);
      expect(together.get(celebrity.id)?.texts, celebrity.id).toEqual(alone.get(celebrity.id)?.texts);
    }
    expect(together.get(quiet.id)?.texts.length).toBeGreaterThan(0);
  });

  it('asks for the ISO week of the run (2026-W40), by startdatetime and enddatetime, never timespan', async () => {
    const observations = await scrapeAll([quiet, third], '2026-W40');
    const requests = gdeltRequests();
    expect(requests.length).toBeGreaterThan(0);
    for (const entry of requests) {
      expect(entry.query).toMatchObject({ startdatetime: '20260928000000', enddatetime: '20261004235959' });
      expect(entry.query.timespan).toBeUndefined();
    }
    expect(observations.get(quiet.id)?.signals.article_count).toBeGreaterThan(0);
  });

  it("queries a short-named celebrity (SZA) alone and leaves AOC out of Alexandria Ocasio-Cortez's query", async () => {
    const sza = bundled.find((celebrity) => celebrity.id === 'sza');
    const aoc = bundled.find((celebrity) => celebrity.id === 'alexandria-ocasio-cortez');
    if (!sza || !aoc) throw new Error('the bundled list lost SZA or AOC');
    const observations = await scrapeAll([quiet, sza, aoc]);
    for (const entry of gdeltRequests()) expect(gdeltQueryProblem(entry.query.query ?? '')).toBeUndefined();
    expect(gdeltRequests().find((entry) => entry.celebrityIds.includes(aoc.id))?.query.query).toBe(
      '"Alexandria Ocasio-Cortez"',
    );
    for (const celebrity of [quiet, sza, aoc]) {
      expect(observations.get(celebrity.id)?.signals.article_count, celebrity.id).toBeGreaterThan(0);
    }
    const szaTitles = gdeltRequests().filter((entry) => entry.query.mode === 'artlist' && entry.query.query === 'SZA');
    expect(szaTitles).toHaveLength(1);
  });
});

describe("GDELT's quirks", () => {
  it('reads answers with invalid \\ escapes: the count and the titles are measured as usual', async () => {
    const clean = await scrapeAll([quiet]);
    server.setFaults([{ route: 'gdelt.doc', fault: faults.gdeltInvalidEscapes() }]);
    const escaped = await scrapeAll([quiet]);
    expect(gdeltRequests().filter((entry) => entry.fault === 'gdelt-invalid-escapes')).toHaveLength(2);
    expect(escaped.get(quiet.id)?.signals).toEqual(clean.get(quiet.id)?.signals);
    expect(escaped.get(quiet.id)?.signals.not_measured_reason).toBeUndefined();
    expect(escaped.get(quiet.id)?.texts.map((text) => text.text.replace(/^'/, ''))).toEqual(
      clean.get(quiet.id)?.texts.map((text) => text.text),
    );
  });

  it('asks again after a spurious {} and keeps the real count', async () => {
    const clean = await scrapeAll([quiet]);
    server.clearLog();
    server.setFaults([{ route: 'gdelt.doc', fault: faults.gdeltEmpty(), times: 1 }]);
    const retried = await scrapeAll([quiet]);
    expect(gdeltRequests().map((entry) => entry.fault ?? 'none')).toEqual(['gdelt-empty', 'none', 'none']);
    expect(retried.get(quiet.id)?.signals.article_count).toBe(clean.get(quiet.id)?.signals.article_count);
  });

  it('takes {} twice in a row as zero articles, after exactly one more request', async () => {
    server.setFaults([{ route: 'gdelt.doc', fault: faults.gdeltEmpty() }]);
    const observations = await scrapeAll([quiet]);
    expect(observations.get(quiet.id)?.signals).toMatchObject({ article_count: 0 });
    expect(gdeltRequests()).toHaveLength(2);
  });

  it('marks a body unreadable twice "not measured" with its reason, after one retry', async () => {
    server.setFaults([{ route: 'gdelt.doc', fault: faults.malformed() }]);
    const observations = await scrapeAll([quiet]);
    expect(observations.get(quiet.id)?.signals).toMatchObject({
      article_count: null,
      not_measured_reason: expect.stringContaining('unreadable JSON twice'),
    });
    expect(gdeltRequests()).toHaveLength(2);
  });

  it.each([
    ['too short', 'The keyword SZA is too short, too long or too common.'],
    ['too long', 'Your query was too short or too long.'],
  ])('marks a query GDELT calls %s (200, typed JSON) "not measured" with its message', async (_, message) => {
    server.setFaults([
      { route: 'gdelt.doc', fault: faults.status(200, { body: message, contentType: 'application/json' }) },
    ]);
    const observations = await scrapeAll([quiet]);
    expect(observations.get(quiet.id)?.signals).toMatchObject({
      article_count: null,
      not_measured_reason: expect.stringContaining(message),
    });
    expect(gdeltRequests()).toHaveLength(1);
  });

  it('lets the replay server reject a query over 250 characters, which the scraper never sends', async () => {
    const many = { ...quiet, aliases: Array.from({ length: 30 }, (_, index) => `${quiet.name} Alias ${index}`) };
    await scrapeAll([many]);
    for (const entry of gdeltRequests()) {
      expect((entry.query.query ?? '').length).toBeLessThanOrEqual(GDELT_QUERY_LIMITS.maxQueryLength);
      expect(entry.status).toBe(200);
    }
  });
});
