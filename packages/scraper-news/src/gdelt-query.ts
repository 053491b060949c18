import type { Celebrity } from '@celebrity-pipeline/core';

/**
 * GDELT DOC 2.0 query limits we keep to. GDELT rejects a query it dislikes with a 200 text (or JSON-typed)
 * answer, so every query is built inside these limits.
 */
export const GDELT_QUERY_LIMITS = {
  /** Celebrities OR'd into one ArtList query for titles. */
  maxCelebritiesPerQuery: 10,
  /** Characters of the `query` parameter: queries were rejected live at about 250–290, so we stay below 250. */
  maxQueryLength: 240,
  /** ArtList's largest `maxrecords`: a page this full may have crowded out articles. */
  maxRecords: 250,
  /**
   * A single-word name shorter than this is never OR'd with other terms: GDELT answers "too short" to short bare
   * keywords (SZA, AOC) and the whole query fails. Such a name is sent alone, or left out when the celebrity has
   * a longer name.
   */
  minBareTermLength: 4,
} as const;

/** The limits' shape (tests pass smaller ones). */
export type GdeltQueryLimits = { readonly [K in keyof typeof GDELT_QUERY_LIMITS]: number };

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

const isSingleWord = (name: string) => /^[\p{L}\p{N}]+$/u.test(name.replaceAll('"', '').trim());

/**
 * One query term: multi-word names (and any with punctuation) are quoted phrases; a single plain word is sent
 * unquoted, because GDELT rejects a quoted single word ("The specified phrase is too short").
 */
export function queryTerm(name: string): string {
  const clean = name.replaceAll('"', '').trim();
  return isSingleWord(clean) ? clean : `"${clean}"`;
}

/** True for a name GDELT rejects as a bare keyword next to other terms (a single word below the minimum). */
export function isShortTerm(name: string, limits: GdeltQueryLimits = GDELT_QUERY_LIMITS): boolean {
  return isSingleWord(name) && name.trim().length < limits.minBareTermLength;
}

/**
 * The terms a celebrity is queried by: its names, without short single words when a longer name exists (so
 * "AOC" gives way to "Alexandria Ocasio-Cortez"), or its one short name alone (SZA). Trailing aliases are left
 * out when the query would pass `maxQueryLength`. Pure.
 */
export function celebrityTerms(celebrity: Celebrity, limits: GdeltQueryLimits = GDELT_QUERY_LIMITS): string[] {
  const names = namesOf(celebrity);
  const long = names.filter((name) => !isShortTerm(name, limits));
  const terms = (long.length > 0 ? long : names.slice(0, 1)).map(queryTerm);
  while (terms.length > 1 && orQuery(terms).length > limits.maxQueryLength) terms.pop();
  return terms;
}

/** True when a celebrity can only be queried alone (its one term is a short bare word). */
export function isQueriedAlone(celebrity: Celebrity, limits: GdeltQueryLimits = GDELT_QUERY_LIMITS): boolean {
  return celebrityTerms(celebrity, limits).some((term) => isShortTerm(term, limits));
}

function orQuery(terms: readonly string[]): string {
  return terms.length > 1 ? `(${terms.join(' OR ')})` : (terms[0] ?? '');
}

/** The OR query for some celebrities; parentheses only around OR'd terms, as GDELT requires. Pure. */
export function buildGdeltQuery(celebrities: readonly Celebrity[], limits: GdeltQueryLimits = GDELT_QUERY_LIMITS) {
  return orQuery(celebrities.flatMap((celebrity) => celebrityTerms(celebrity, limits)));
}

/** True when `text` mentions `name` as whole words (case and accents ignored). */
export function mentions(text: string, name: string): boolean {
  const escaped = fold(name).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}($|[^\\p{L}\\p{N}])`, 'u').test(fold(text));
}

/**
 * Attributes each article to every celebrity of the batch whose name or an alias its title mentions. Pure.
 * Used for the sentiment texts only: counts come from each celebrity's own timeline.
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
