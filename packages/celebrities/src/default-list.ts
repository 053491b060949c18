import { type CelebrityList, parseCelebrityList } from '@celebrity-pipeline/core';
import bundled from './celebrities.json' with { type: 'json' };

/** Version of the bundled `celebrities.json`; bump it whenever the list changes. */
export const CELEBRITY_LIST_VERSION: number = bundled.version;

/**
 * The bundled list of 100 public figures, validated once when first asked for.
 * Imported as a JSON module so bundlers (esbuild for Lambda) inline it.
 */
export function defaultCelebrityList(): CelebrityList {
  cached ??= parseCelebrityList(bundled, 'bundled celebrities.json');
  return cached;
}

let cached: CelebrityList | undefined;
