import { z } from 'zod';
import { ValidationError } from './errors.js';
import { formatZodIssues } from './zod-issues.js';

/** Stable lowercase slug used in keys, e.g. `taylor-swift`. */
export const CelebrityIdSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lowercase slug such as `taylor-swift`')
  .max(80);

const HashtagSchema = z
  .string()
  .regex(/^[A-Za-z0-9_]{2,100}$/, 'must be letters, digits or `_` without `#` (2–100 characters)');

/** One public figure the pipeline follows. */
export const CelebritySchema = z
  .object({
    id: CelebrityIdSchema,
    name: z.string().trim().min(1, 'must not be empty').max(200),
    /** Other spellings used to attribute news articles and posts (the name itself is always used). */
    aliases: z.array(z.string().trim().min(1)).max(10).default([]),
    /** TMDB person id when known; otherwise the scraper resolves it with /search/person. */
    tmdbId: z.number().int().positive().optional(),
    /** English Wikipedia article title (spaces or underscores). */
    wikipediaTitle: z.string().trim().min(1, 'must not be empty').max(255),
    /** Bluesky handle, e.g. `example.bsky.social`. */
    blueskyHandle: z.string().trim().min(3).max(253).optional(),
    /** Hashtags without `#`, used by the social scraper (Mastodon timelines). */
    hashtags: z.array(HashtagSchema).max(10).default([]),
  })
  .strict();

/** A validated celebrity. */
export type Celebrity = z.infer<typeof CelebritySchema>;

/** The versioned `celebrities.json` file. */
export const CelebrityListSchema = z
  .object({
    version: z.number().int().positive(),
    celebrities: z.array(CelebritySchema).min(1, 'the list is empty: add at least one celebrity'),
  })
  .strict()
  .superRefine((list, context) => {
    const seen = new Map<string, number>();
    list.celebrities.forEach((celebrity, index) => {
      const first = seen.get(celebrity.id);
      if (first !== undefined) {
        context.addIssue({
          code: 'custom',
          path: ['celebrities', index, 'id'],
          message: `duplicate id \`${celebrity.id}\` (first used at celebrities[${first}])`,
        });
      } else seen.set(celebrity.id, index);
    });
  });

/** A validated celebrity list. */
export type CelebrityList = z.infer<typeof CelebrityListSchema>;

/**
 * Validates a parsed `celebrities.json`.
 * @param origin where it came from, named in the error (a path or URL).
 * @throws ValidationError naming every problem (duplicate ids, empty names, an empty list...).
 */
export function parseCelebrityList(value: unknown, origin = 'celebrity list'): CelebrityList {
  const result = CelebrityListSchema.safeParse(value);
  if (!result.success) throw new ValidationError(`Invalid ${origin}`, formatZodIssues(result.error));
  return result.data;
}

/**
 * Parses and validates the text of a `celebrities.json`.
 * @throws ValidationError for malformed JSON or an invalid list.
 */
export function parseCelebrityListJson(text: string, origin = 'celebrity list'): CelebrityList {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ValidationError(`Invalid ${origin}: not JSON (${(error as Error).message})`, [], { cause: error });
  }
  return parseCelebrityList(value, origin);
}
