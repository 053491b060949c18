import type { Source } from '@celebrity-pipeline/core';
import type { SENTIMENT_SEGMENTS } from './sentiment-mix.js';

/** A fill that does not rely on colour alone: each has its own pattern and a name for legends. */
export interface ChartFill {
  /** id of the SVG `<pattern>` (referenced as `url(#id)`). */
  patternId: string;
  colour: string;
  /** The pattern in words, for legends and descriptions ("diagonal stripes"). */
  patternName: string;
  /** SVG `fill` value: the colour itself when solid (cheaper to paint), else `url(#patternId)`. */
  paint: string;
}

type PatternKind = 'solid' | 'stripes' | 'dots' | 'crosshatch';

const PATTERN_NAMES: Record<PatternKind, string> = {
  solid: 'solid',
  stripes: 'diagonal stripes',
  dots: 'dots',
  crosshatch: 'cross-hatching',
};

function fill(patternId: string, colour: string, kind: PatternKind): ChartFill & { kind: PatternKind } {
  const paint = kind === 'solid' ? colour : `url(#${patternId})`;
  return { patternId, colour, patternName: PATTERN_NAMES[kind], paint, kind };
}

// Okabe–Ito colours (distinguishable with the common colour-vision deficiencies), each with its own pattern.
/** Fills of the sentiment segments. */
export const SENTIMENT_FILLS: Record<(typeof SENTIMENT_SEGMENTS)[number], ChartFill & { kind: PatternKind }> = {
  POSITIVE: fill('fill-positive', '#009e73', 'solid'),
  NEUTRAL: fill('fill-neutral', '#8a8a8a', 'dots'),
  NEGATIVE: fill('fill-negative', '#d55e00', 'stripes'),
  notEnriched: fill('fill-not-enriched', '#ffffff', 'crosshatch'),
};

/** Fills of the sources (duration chart). */
export const SOURCE_FILLS: Record<Source, ChartFill & { kind: PatternKind }> = {
  tmdb: fill('fill-tmdb', '#0072b2', 'solid'),
  wikipedia: fill('fill-wikipedia', '#e69f00', 'stripes'),
  news: fill('fill-news', '#56b4e9', 'dots'),
  social: fill('fill-social', '#cc79a7', 'crosshatch'),
};

/** Fill of plain single-series bars. */
export const PLAIN_FILL = fill('fill-plain', '#0072b2', 'solid');

/** Fill of failure bars. */
export const FAILURE_FILL = fill('fill-failure', '#d55e00', 'stripes');

/** One hidden SVG holding every pattern, referenced by the charts of the page. */
export function patternDefinitionsSvg(): string {
  const fills = [...Object.values(SENTIMENT_FILLS), ...Object.values(SOURCE_FILLS), PLAIN_FILL, FAILURE_FILL].filter(
    (entry) => entry.kind !== 'solid',
  );
  const patterns = fills.map((entry) => patternSvg(entry.patternId, entry.colour, entry.kind)).join('');
  return `<svg class="pattern-definitions" width="0" height="0" aria-hidden="true" focusable="false"><defs>${patterns}</defs></svg>`;
}

function patternSvg(id: string, colour: string, kind: PatternKind): string {
  const open = `<pattern id="${id}" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="${colour}"/>`;
  const ink = colour === '#ffffff' ? '#555555' : '#ffffff';
  switch (kind) {
    case 'solid':
      return '';
    case 'stripes':
      return `${open}<path d="M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2" stroke="${ink}" stroke-width="1.4"/></pattern>`;
    case 'dots':
      return `${open}<circle cx="3" cy="3" r="1.3" fill="${ink}"/></pattern>`;
    case 'crosshatch':
      return `${open}<path d="M0,0 L6,6 M6,0 L0,6" stroke="${ink}" stroke-width="0.9"/></pattern>`;
  }
}
