import type { Observation } from '@celebrity-pipeline/core';
import type { GdeltArticle, NewsApiArticle } from './news-responses.js';

/** The news window, in days (GDELT `timespan=7d`, NewsAPI `from` = 7 days back). */
export const NEWS_WINDOW_DAYS = 7;

/** Articles attributed by GDELT → observation: signal = article count; texts = headlines. Pure. */
export function mapGdeltArticles(articles: readonly GdeltArticle[], query: string): Observation<'news'> {
  return {
    source: 'news',
    signals: { article_count: articles.length, provider: 'gdelt', window_days: NEWS_WINDOW_DAYS },
    texts: articles.map((article) => ({ text: article.title })),
    sourceRef: `gdelt:${query}`,
  };
}

/** GDELT refused (throttled): the count is "not measured" (`null`), never 0. Pure. */
export function unmeasuredGdelt(query: string): Observation<'news'> {
  return {
    source: 'news',
    signals: { article_count: null, provider: 'gdelt', window_days: NEWS_WINDOW_DAYS },
    texts: [],
    sourceRef: `gdelt:${query}`,
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
    signals: { article_count: Math.max(0, totalResults - removed), provider: 'newsapi', window_days: NEWS_WINDOW_DAYS },
    texts: kept.map((article) => ({ text: article.title ?? '' })),
    sourceRef: `newsapi:${query}`,
  };
}
