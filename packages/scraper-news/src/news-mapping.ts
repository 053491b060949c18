import { NEWS_MEASURES, type NewsProvider, type Observation } from '@celebrity-pipeline/core';
import type { GdeltArticle, NewsApiArticle } from './news-responses.js';

/** The news window, in days: the ISO week being collected (GDELT `startdatetime`/`enddatetime`, NewsAPI `from`/`to`). */
export const NEWS_WINDOW_DAYS = 7;

const signalsOf = (provider: NewsProvider, articleCount: number | null, notMeasuredReason?: string) => ({
  article_count: articleCount,
  provider,
  measure: NEWS_MEASURES[provider],
  window_days: NEWS_WINDOW_DAYS,
  ...(notMeasuredReason === undefined ? {} : { not_measured_reason: notMeasuredReason.slice(0, 500) }),
});

/**
 * GDELT → observation: signal = the celebrity's own full-text article count for the week (exact, from its
 * timeline); texts = the headlines of its articles that name it. Pure.
 */
export function mapGdeltArticles(
  articleCount: number,
  articles: readonly GdeltArticle[],
  query: string,
): Observation<'news'> {
  return {
    source: 'news',
    signals: signalsOf('gdelt', articleCount),
    texts: articles.map((article) => ({ text: article.title })),
    sourceRef: `gdelt:${query}`,
  };
}

/** The provider could not answer (throttled, quota spent, query refused): `null` with the reason, never 0. Pure. */
export function unmeasuredNews(provider: NewsProvider, reason: string, query: string): Observation<'news'> {
  return {
    source: 'news',
    signals: signalsOf(provider, null, reason),
    texts: [],
    sourceRef: `${provider}:${query}`,
  };
}

/** True for NewsAPI's placeholder of a removed article. */
export function isRemovedArticle(article: NewsApiArticle): boolean {
  return article.title === null || article.title === '[Removed]';
}

/** NewsAPI answer → observation: signal = totalResults less removed placeholders; texts = headlines. Pure. */
export function mapNewsApi(
  totalResults: number,
  articles: readonly NewsApiArticle[],
  query: string,
): Observation<'news'> {
  const kept = articles.filter((article) => !isRemovedArticle(article));
  const removed = articles.length - kept.length;
  return {
    source: 'news',
    signals: signalsOf('newsapi', Math.max(0, totalResults - removed)),
    texts: kept.map((article) => ({ text: article.title ?? '' })),
    sourceRef: `newsapi:${query}`,
  };
}
