import type { Celebrity, IsoWeek, Observation } from '@celebrity-pipeline/core';
import { RateLimitedError, RequestRejectedError } from '@celebrity-pipeline/scraper-kit';
import { GdeltUnreadableError } from './errors.js';
import type { GdeltDocClient } from './gdelt-doc-client.js';
import { attributeArticles, buildGdeltQuery, GDELT_QUERY_LIMITS, type GdeltQueryLimits } from './gdelt-query.js';
import { mapGdeltArticles, unmeasuredNews } from './news-mapping.js';
import type { GdeltArticle } from './news-responses.js';
import { type CountedCelebrity, isUnexpectedlyFull, planTitleBatches, splitBatch } from './title-batches.js';

/** What one celebrity's week came to: an observation, or the error that fails it. */
export type CelebrityOutcome = { ok: true; observation: Observation<'news'> } | { ok: false; error: unknown };

type CountOutcome =
  | { kind: 'measured'; count: number }
  | { kind: 'not-measured'; reason: string }
  | { kind: 'failed'; error: unknown };

/**
 * Why GDELT could not measure, for the answers that mean "no measurement" rather than a failure: a throttle that
 * outlasted the retries, a query GDELT refused, or a body unreadable twice. `undefined` for other errors.
 */
export function notMeasuredReason(error: unknown): string | undefined {
  if (error instanceof RateLimitedError) return `GDELT kept throttling: ${error.message}`;
  if (error instanceof RequestRejectedError) return error.message;
  if (error instanceof GdeltUnreadableError) return error.message;
  return undefined;
}

async function countFor(
  client: GdeltDocClient,
  celebrity: Celebrity,
  week: IsoWeek,
  limits: GdeltQueryLimits,
): Promise<CountOutcome> {
  try {
    return {
      kind: 'measured',
      count: await client.articleCount(buildGdeltQuery([celebrity], limits), week, celebrity.id),
    };
  } catch (error) {
    const reason = notMeasuredReason(error);
    return reason === undefined ? { kind: 'failed', error } : { kind: 'not-measured', reason };
  }
}

/** Titles for one batch; a page unexpectedly full is split and asked again, so no name is crowded out. */
async function collectTitles(
  client: GdeltDocClient,
  batch: readonly Celebrity[],
  week: IsoWeek,
  limits: GdeltQueryLimits,
  counts: ReadonlyMap<string, number>,
  titles: Map<string, GdeltArticle[]>,
): Promise<void> {
  let articles: GdeltArticle[];
  try {
    const ids = batch.map((celebrity) => celebrity.id);
    articles = await client.articles(buildGdeltQuery(batch, limits), week, ids);
  } catch (error) {
    // Titles only feed sentiment: a batch GDELT will not answer leaves its texts empty, the counts stand.
    if (notMeasuredReason(error) !== undefined) return;
    throw error;
  }
  const batchArticleCount = batch.reduce((total, celebrity) => total + (counts.get(celebrity.id) ?? 0), 0);
  if (batch.length > 1 && isUnexpectedlyFull(articles.length, batchArticleCount, limits)) {
    for (const half of splitBatch(batch)) await collectTitles(client, half, week, limits, counts, titles);
    return;
  }
  for (const [id, attributed] of attributeArticles(articles, batch)) titles.set(id, attributed);
}

function outcomeOf(
  query: string,
  count: CountOutcome | undefined,
  titles: readonly GdeltArticle[],
  titleFailure: unknown,
): CelebrityOutcome {
  if (count === undefined || count.kind === 'failed') return { ok: false, error: count?.error };
  if (count.kind === 'not-measured') return { ok: true, observation: unmeasuredNews('gdelt', count.reason, query) };
  if (titleFailure !== undefined) return { ok: false, error: titleFailure };
  return { ok: true, observation: mapGdeltArticles(count.count, titles, query) };
}

/**
 * Measures one ISO week for every celebrity, one request at a time (GDELT allows one every 5 s):
 * 1. counts: each celebrity's own `timelinevolraw` query over the week, summed: exact, and untouched by any
 *    other name;
 * 2. titles for sentiment: ArtList batches planned from those counts (`planTitleBatches`), a page that is
 *    unexpectedly full split and asked again.
 * A count GDELT cannot give is "not measured" (`null` with the reason); other errors fail that celebrity only.
 */
export async function measureGdeltWeek(
  client: GdeltDocClient,
  celebrities: readonly Celebrity[],
  week: IsoWeek,
  limits: GdeltQueryLimits = GDELT_QUERY_LIMITS,
): Promise<Map<string, CelebrityOutcome>> {
  const counts = new Map<string, CountOutcome>();
  for (const celebrity of celebrities) counts.set(celebrity.id, await countFor(client, celebrity, week, limits));
  const counted: CountedCelebrity[] = celebrities.map((celebrity) => {
    const outcome = counts.get(celebrity.id);
    return { celebrity, articleCount: outcome?.kind === 'measured' ? outcome.count : null };
  });
  const measuredCounts = new Map(counted.map((entry) => [entry.celebrity.id, entry.articleCount ?? 0]));
  const titles = new Map<string, GdeltArticle[]>();
  const titleFailures = new Map<string, unknown>();
  for (const batch of planTitleBatches(counted, limits)) {
    try {
      await collectTitles(client, batch, week, limits, measuredCounts, titles);
    } catch (error) {
      for (const celebrity of batch) titleFailures.set(celebrity.id, error);
    }
  }
  return new Map(
    celebrities.map((celebrity): [string, CelebrityOutcome] => [
      celebrity.id,
      outcomeOf(
        buildGdeltQuery([celebrity], limits),
        counts.get(celebrity.id),
        titles.get(celebrity.id) ?? [],
        titleFailures.get(celebrity.id),
      ),
    ]),
  );
}
