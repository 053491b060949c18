import { describe, expect, it } from 'vitest';
import {
  buildWeekSummaries,
  celebrityScore,
  parseWeekSummary,
  SCORE_FORMULA_VERSION,
  ValidationError,
  weekSummaryKey,
} from '../../src/index.js';
import { enriched } from '../helpers/enriched-items.js';
import { weekItems } from '../helpers/items.js';

/** Three celebrities × four sources, every source of celebrity-N at weight (N + 1) / 10. */
function enrichedWeek(week: '2026-W46' | '2026-W47' = '2026-W47') {
  return weekItems(12, { week }).map((item) => enriched(item, (Number(item.celebrity_id.split('-')[1]) + 1) / 10, 0.2));
}

describe('buildWeekSummaries', () => {
  it('scores each celebrity with celebrityScore and ranks them, best first', () => {
    const items = enrichedWeek();
    const summaries = buildWeekSummaries('2026-W47', items, []);
    expect(summaries.map((summary) => [summary.celebrity_id, summary.rank])).toEqual([
      ['celebrity-2', 1],
      ['celebrity-1', 2],
      ['celebrity-0', 3],
    ]);
    const best = summaries[0];
    const expected = celebrityScore(
      items
        .filter((item) => item.celebrity_id === 'celebrity-2')
        .map((item) => ({
          source: item.source,
          weight: item.weight ?? 0,
          sentiment_score: item.sentiment_score ?? 0,
        })),
    );
    expect(best).toMatchObject({
      ...weekSummaryKey('celebrity-2', '2026-W47'),
      entity: 'celebrity-week',
      summary_week: '2026-W47',
      score: expected.score,
      sentiment_score: 0.2,
      score_version: SCORE_FORMULA_VERSION,
      ranked_count: 3,
      sources_present: ['tmdb', 'wikipedia', 'news', 'social'],
      previous_rank: null,
      previous_score: null,
      score_change: null,
      rank_change: null,
    });
    expect(best?.sources.news).toEqual({ weight: 0.3, sentiment: 'POSITIVE', sentiment_score: 0.2 });
    for (const summary of summaries) expect(parseWeekSummary(summary)).toEqual(summary);
  });

  it('compares with the previous week: rank change up is positive, score change is the difference', () => {
    const summaries = buildWeekSummaries('2026-W47', enrichedWeek(), [
      { celebrity_id: 'celebrity-0', rank: 1, score: 0.5 },
      { celebrity_id: 'celebrity-2', rank: 3, score: 0.01 },
    ]);
    const byId = new Map(summaries.map((summary) => [summary.celebrity_id, summary]));
    expect(byId.get('celebrity-2')).toMatchObject({ previous_rank: 3, rank_change: 2, previous_score: 0.01 });
    expect(byId.get('celebrity-2')?.score_change).toBe(
      Math.round(((byId.get('celebrity-2')?.score ?? 0) - 0.01) * 10_000) / 10_000,
    );
    expect(byId.get('celebrity-0')).toMatchObject({ previous_rank: 1, rank_change: -2 });
    expect(byId.get('celebrity-1')).toMatchObject({ previous_rank: null, rank_change: null, score_change: null });
  });

  it('leaves unenriched items out (a missing source) and skips a celebrity with none enriched', () => {
    const items = weekItems(12, { week: '2026-W47' }).map((item) =>
      item.celebrity_id === 'celebrity-0' || item.source === 'news' ? item : enriched(item, 0.5),
    );
    const summaries = buildWeekSummaries('2026-W47', items, []);
    expect(summaries.map((summary) => summary.celebrity_id).sort()).toEqual(['celebrity-1', 'celebrity-2']);
    expect(summaries[0]?.sources_present).toEqual(['tmdb', 'wikipedia', 'social']);
    expect(summaries[0]?.sources.news).toBeUndefined();
  });

  it('gives equal scores the same rank and is independent of the item order', () => {
    const items = weekItems(12, { week: '2026-W47' }).map((item) => enriched(item, 0.5));
    const summaries = buildWeekSummaries('2026-W47', items, []);
    expect(summaries.map((summary) => summary.rank)).toEqual([1, 1, 1]);
    expect(buildWeekSummaries('2026-W47', [...items].reverse(), [])).toEqual(summaries);
  });

  it('refuses items of another week', () => {
    expect(() => buildWeekSummaries('2026-W47', enrichedWeek('2026-W46'), [])).toThrow(ValidationError);
  });
});
