import { readFile } from 'node:fs/promises';
import { type CelebrityList, parseCelebrityListJson } from '@celebrity-pipeline/core';
import { defaultCelebrityList } from './default-list.js';
import { CelebrityListReadError } from './errors.js';

/**
 * Loads and validates a celebrity list.
 * @param location path of a `celebrities.json`; omitted or empty → the bundled default list.
 * @throws CelebrityListReadError when the file cannot be read.
 * @throws ValidationError (core) for malformed JSON, duplicate ids, empty names or an empty list.
 * @example const { celebrities } = await loadCelebrities(process.env.CELEBRITIES_FILE);
 */
export async function loadCelebrities(location?: string): Promise<CelebrityList> {
  if (location === undefined || location.trim() === '') return defaultCelebrityList();
  let text: string;
  try {
    text = await readFile(location, 'utf8');
  } catch (error) {
    throw new CelebrityListReadError(location, { cause: error });
  }
  return parseCelebrityListJson(text, `celebrity list ${location}`);
}
