/** A name as one exact phrase of a search query (double quotes inside the name are dropped). */
export function quotedPhrase(name: string): string {
  return `"${name.replaceAll('"', '')}"`;
}

/**
 * A query matching any of `names` as exact phrases, for providers whose syntax has an `OR` operator (NewsAPI).
 * Bluesky has none: it searches each name alone.
 * @example anyOfQuery(['Drake', 'Aubrey Graham']) // '"Drake" OR "Aubrey Graham"'
 */
export function anyOfQuery(names: readonly string[]): string {
  return names.map(quotedPhrase).join(' OR ');
}
