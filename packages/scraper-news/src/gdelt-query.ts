import type { Celebrity } from '@celebrity-pipeline/core';

/** GDELT DOC 2.0 query limits we keep to (its grammar rejects longer or malformed queries with 200 text). */
export const GDELT_QUERY_LIMITS = {
  /** Celebrities OR'd into one query. */
  maxCelebritiesPerQuery: 10,
  /** Characters of the `query` parameter. */
  maxQueryLength: 400,
  /** ArtList's largest `maxrecords`. */
  maxRecords: 250,
} as const;

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/** Names a celebrity is searched and attributed by: the name and aliases, without duplicates. */
export function namesOf(celebrity: Celebrity): string[] {
  const seen = new Set<string>();
  return [celebrity.name, ...celebrity.aliases].filter((name) => {
    const key = fold(name.trim());
    if (key.length < 3 || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * One query term: multi-word names (and any with punctuation) are quoted phrases; a single plain word is sent
 * unquoted, because GDELT rejects a quoted single word ("The specified phrase is too short").
 */
export function queryTerm(name: string): string {
  const clean = name.replaceAll('"', '').trim();
  return /^[\p{L}\p{N}]+$/u.test(clean) ? clean : `"${clean}"`;
}

/** The OR query for some celebrities; parentheses only around OR'd terms, as GDELT requires. */
export function buildGdeltQuery(celebrities: readonly Celebrity[]): string {
  const terms = celebrities.flatMap(namesOf).map(queryTerm);
  return terms.length > 1 ? `(${terms.join(' OR ')})` : (terms[0] ?? '');
}

/** Splits celebrities into batches whose queries stay within {@link GDELT_QUERY_LIMITS}. Pure. */
export function batchCelebrities(celebrities: readonly Celebrity[], limits = GDELT_QUERY_LIMITS): Celebrity[][] {
  const batches: Celebrity[][] = [];
  let current: Celebrity[] = [];
  for (const celebrity of celebrities) {
    const candidate = [...current, celebrity];
    const fits =
      candidate.length <= limits.maxCelebritiesPerQuery && buildGdeltQuery(candidate).length <= limits.maxQueryLength;
    if (fits || current.length === 0) current = candidate;
    else {
      batches.push(current);
      current = [celebrity];
    }
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** True when `text` mentions `name` as whole words (case and accents ignored). */
export function mentions(text: string, name: string): boolean {
  const escaped = fold(name).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}($|[^\\p{L}\\p{N}])`, 'u').test(fold(text));
}

/**
 * Attributes each article to every celebrity of the batch whose name or an alias its title mentions. Pure.
 * @returns celebrity id → that celebrity's articles (an article naming two celebrities counts for both).
 */
export function attributeArticles<A extends { title: string }>(
  articles: readonly A[],
  celebrities: readonly Celebrity[],
): Map<string, A[]> {
  const attributed = new Map<string, A[]>(celebrities.map((celebrity) => [celebrity.id, []]));
  for (const article of articles) {
    for (const celebrity of celebrities) {
      if (namesOf(celebrity).some((name) => mentions(article.title, name))) attributed.get(celebrity.id)?.push(article);
    }
  }
  return attributed;
}
