import { MalformedResponseError, RequestRejectedError } from '@celebrity-pipeline/scraper-kit';

/** NewsAPI answered `{"status":"error"}` (e.g. `parameterInvalid`, `maximumResultsReached`). */
export class NewsApiError extends RequestRejectedError {
  override name = 'NewsApiError';
}

/** GDELT answered a body that is not JSON even after repairing invalid escapes, twice in a row. */
export class GdeltUnreadableError extends MalformedResponseError {
  override name = 'GdeltUnreadableError';
}
