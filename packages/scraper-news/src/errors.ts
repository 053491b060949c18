import { RequestRejectedError } from '@celebrity-pipeline/scraper-kit';

/** NewsAPI answered `{"status":"error"}` (e.g. `parameterInvalid`, `maximumResultsReached`). */
export class NewsApiError extends RequestRejectedError {
  override name = 'NewsApiError';
}
