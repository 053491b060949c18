import type { IsoWeek } from './iso-week.js';
import type { Source } from './sources.js';

/** Primary key of an observation item. */
export interface ItemKey {
  pk: string;
  sk: string;
}

/**
 * The deterministic key of one (celebrity, source, ISO week): a re-run of the same week addresses the same item.
 * @example itemKey('taylor-swift', 'tmdb', '2026-W48') // { pk: 'CELEBRITY#taylor-swift', sk: 'WEEK#2026-W48#SOURCE#tmdb' }
 */
export function itemKey(celebrityId: string, source: Source, week: IsoWeek): ItemKey {
  return { pk: `CELEBRITY#${celebrityId}`, sk: `WEEK#${week}#SOURCE#${source}` };
}

/** `pk|sk`, handy as a Map key and in logs. */
export function formatItemKey(key: ItemKey): string {
  return `${key.pk}|${key.sk}`;
}
