import { NotFoundError } from '@celebrity-pipeline/scraper-kit';

/** TMDB has no person matching the celebrity's name (search answered with no usable result). */
export class PersonNotFoundError extends NotFoundError {
  override name = 'PersonNotFoundError';
}
