import type { RunSummary, Source } from '@celebrity-pipeline/core';
import type { ScraperTarget } from '@celebrity-pipeline/local-runtime';
import { type CreateScraper, createScraperHandler, defaultHandlerDependencies } from '@celebrity-pipeline/scraper-kit';

/** The package of each source's scraper; each exports `<source>ScraperFromConfig` for scraper-kit's handler factory. */
export const SCRAPER_PACKAGES: Readonly<Record<Source, string>> = {
  tmdb: '@celebrity-pipeline/scraper-tmdb',
  wikipedia: '@celebrity-pipeline/scraper-wikipedia',
  news: '@celebrity-pipeline/scraper-news',
  social: '@celebrity-pipeline/scraper-social',
};

/** Loads a module by name (injected in tests). */
export type ModuleLoader = (specifier: string) => Promise<Record<string, unknown>>;

const importModule: ModuleLoader = (specifier) => import(specifier) as Promise<Record<string, unknown>>;

/** Options of {@link scraperTargets}. */
export interface ScraperTargetOptions {
  /** The environment the handlers read their configuration from (scraper-kit's variables). */
  environment: Readonly<Record<string, string | undefined>>;
  load?: ModuleLoader;
}

/**
 * One scraper function per source (the collection definition sends it its shard events): the same handler the Lambda runs (scraper-kit's `createScraperHandler`
 * over the package's `<source>ScraperFromConfig`), configured from `environment` (the scrapers record their
 * RunSummary in the ledger named by `RUN_LEDGER_TABLE_NAME` themselves). It is built on the first invocation, the way Lambda loads a function, so a module or
 * configuration that fails to load fails that shard's Task.
 */
export function scraperTargets(sources: readonly Source[], options: ScraperTargetOptions): ScraperTarget<RunSummary>[] {
  const load = options.load ?? importModule;
  return sources.map((source) => ({
    source,
    loadHandler: async () => {
      const module = await load(SCRAPER_PACKAGES[source]);
      const factoryName = `${source}ScraperFromConfig`;
      const createScraper = module[factoryName];
      if (typeof createScraper !== 'function') {
        throw new Error(`${SCRAPER_PACKAGES[source]} exports no \`${factoryName}\` function`);
      }
      return createScraperHandler({
        source,
        createScraper: createScraper as CreateScraper<typeof source>,
        dependencies: () => defaultHandlerDependencies(source, options.environment),
      });
    },
  }));
}
