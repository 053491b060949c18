import { NotFoundError, RequestRejectedError } from '@celebrity-pipeline/scraper-kit';

/** English Wikipedia has no article under the celebrity's title (summary answered 404). */
export class ArticleMissingError extends NotFoundError {
  override name = 'ArticleMissingError';
}

/** The title leads to a disambiguation page: fix `wikipediaTitle` in the celebrity list. */
export class AmbiguousTitleError extends RequestRejectedError {
  override name = 'AmbiguousTitleError';
}
