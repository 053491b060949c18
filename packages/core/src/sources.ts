/** The four sources, in the order the spec lists their scrapers. */
export const SOURCES = ['tmdb', 'wikipedia', 'news', 'social'] as const;

/** One of {@link SOURCES}. */
export type Source = (typeof SOURCES)[number];

/** Lambda function name of each source's scraper, as the spec names them. */
export const SCRAPER_FUNCTION_NAMES: Readonly<Record<Source, string>> = {
  tmdb: 'scraper-tmdb',
  wikipedia: 'scraper-wikipedia',
  news: 'scraper-news',
  social: 'scraper-social',
};

/** Lambda function name of the post-processor. */
export const POST_PROCESSOR_FUNCTION_NAME = 'post-processor';

/** True when `value` names a source. */
export function isSource(value: string): value is Source {
  return (SOURCES as readonly string[]).includes(value);
}
