import { SourceAuthError } from '@celebrity-pipeline/scraper-kit';

/** Bluesky refused the app-password login or the session refresh. */
export class BlueskySessionError extends SourceAuthError {
  override name = 'BlueskySessionError';
}
