import { defaultCelebrityList } from '@celebrity-pipeline/celebrities';
import { buildItem } from '@celebrity-pipeline/core';
import { readFixtures } from '@celebrity-pipeline/fixtures';
import { describe, expect, it } from 'vitest';
import {
  attributeArticles,
  GdeltArticleSchema,
  mapGdeltArticles,
  mapNewsApi,
  NewsApiArticleSchema,
  unmeasuredNews,
} from '../../src/index.js';

const fixtures = await readFixtures();
const { celebrities } = defaultCelebrityList();
const context = { week: '2026-W47' as const, runId: 'run-1', collectedAt: new Date('2026-11-22T02:00:00Z') };

describe('mapGdeltArticles', () => {
  it('maps the timeline count and the attributed headlines to a valid item that names its measure', () => {
    for (const celebrity of celebrities) {
      const articles = (fixtures.news.gdelt[celebrity.id] ?? []).map((article) => GdeltArticleSchema.parse(article));
      const attributed = attributeArticles(articles, [celebrity]).get(celebrity.id) ?? [];
      expect(attributed.length, celebrity.id).toBe(articles.length);
      const item = buildItem(celebrity, mapGdeltArticles(1_000, attributed, 'q'), context);
      expect(item.signals).toEqual({ article_count: 1_000, provider: 'gdelt', measure: 'full_text', window_days: 7 });
      expect(item.texts.length).toBe(Math.min(20, articles.length));
    }
  });

  it('records "not measured" as null with its reason, never 0', () => {
    const signals = unmeasuredNews('gdelt', 'GDELT kept throttling', 'q').signals;
    expect(signals).toEqual({
      article_count: null,
      provider: 'gdelt',
      measure: 'full_text',
      window_days: 7,
      not_measured_reason: 'GDELT kept throttling',
    });
  });
});

describe('mapNewsApi', () => {
  it('maps every fixture answer to a valid item and drops [Removed] placeholders', () => {
    for (const celebrity of celebrities) {
      const articles = (fixtures.news.newsapi[celebrity.id] ?? []).map((article) =>
        NewsApiArticleSchema.parse(article),
      );
      const removed = articles.filter((article) => article.title === '[Removed]').length;
      const item = buildItem(celebrity, mapNewsApi(articles.length, articles, 'q'), context);
      expect(item.signals).toEqual({
        article_count: articles.length - removed,
        provider: 'newsapi',
        measure: 'title_or_description',
        window_days: 7,
      });
      expect(item.texts.some((text) => text.text === '[Removed]')).toBe(false);
    }
  });
});
