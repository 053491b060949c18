import { SENTIMENT_FILLS } from './chart-patterns.js';
import { tableFallbackHtml } from './html-table.js';
import { escapeHtml, formatDecimal, formatShare, plural } from './html-text.js';
import { type NotableItem, SENTIMENT_SEGMENTS, type SentimentCounts, type SentimentFigures } from './sentiment-mix.js';
import { legendHtml, stackedBarsSvg } from './svg-charts.js';

/** Display names of the sentiment segments. */
export const SENTIMENT_SEGMENT_NAMES: Record<(typeof SENTIMENT_SEGMENTS)[number], string> = {
  POSITIVE: 'positive',
  NEUTRAL: 'neutral',
  NEGATIVE: 'negative',
  notEnriched: 'not enriched',
};

/** The sentiment section: a stacked bar per source, its legend and table, and the most positive/negative items. */
export function sentimentSectionHtml(sentiment: SentimentFigures): string {
  const rows = sentiment.perSource.map((mix) => ({
    label: mix.source,
    segments: SENTIMENT_SEGMENTS.map((segment) => ({
      name: SENTIMENT_SEGMENT_NAMES[segment],
      fill: SENTIMENT_FILLS[segment],
      value: mix[segment],
    })),
  }));
  const chart = stackedBarsSvg(
    {
      id: 'sentiment-mix',
      chart: 'sentiment-mix',
      title: 'Sentiment mix per source',
      description: sentiment.perSource.map((mix) => `${mix.source}: ${countsText(mix)}`).join('; '),
    },
    rows,
  );
  const legend = legendHtml(
    SENTIMENT_SEGMENTS.map((segment) => ({ name: SENTIMENT_SEGMENT_NAMES[segment], fill: SENTIMENT_FILLS[segment] })),
  );
  return (
    `<section id="sentiment" aria-labelledby="sentiment-heading"><h2 id="sentiment-heading">Sentiment</h2>` +
    `<p class="note">All items: ${escapeHtml(countsText(sentiment.overall))}.</p>` +
    `${legend}<figure class="chart-figure">${chart}</figure>${sentimentTable(sentiment)}` +
    `<div class="notables">${notableList('most-positive', 'Most positive items', sentiment.mostPositive)}` +
    `${notableList('most-negative', 'Most negative items', sentiment.mostNegative)}</div></section>`
  );
}

function countsText(counts: SentimentCounts): string {
  return SENTIMENT_SEGMENTS.map(
    (segment) =>
      `${counts[segment]} ${SENTIMENT_SEGMENT_NAMES[segment]} (${formatShare(counts[segment], counts.total)})`,
  ).join(', ');
}

function sentimentTable(sentiment: SentimentFigures): string {
  return tableFallbackHtml({
    caption: 'Items per sentiment and source',
    headers: [
      'source',
      ...SENTIMENT_SEGMENTS.map((segment) => ({ text: SENTIMENT_SEGMENT_NAMES[segment], isNumber: true })),
      { text: 'total', isNumber: true },
    ],
    rows: [...sentiment.perSource, { ...sentiment.overall, source: 'all' }].map((mix) => [
      mix.source,
      ...SENTIMENT_SEGMENTS.map((segment) => mix[segment]),
      mix.total,
    ]),
    name: 'sentiment',
  });
}

function notableList(id: string, heading: string, items: readonly NotableItem[]): string {
  if (items.length === 0) {
    return `<div id="${id}"><h3>${escapeHtml(heading)}</h3><p class="empty">No item has this label this week.</p></div>`;
  }
  const entries = items.map((item) => {
    const texts = item.texts.map((entry) => `<blockquote>${escapeHtml(entry.text)}</blockquote>`).join('');
    return (
      `<li data-celebrity="${escapeHtml(item.celebrityId)}" data-source="${item.source}">` +
      `<strong>${escapeHtml(item.celebrityName)}</strong> — ${escapeHtml(item.source)} · ` +
      `score ${formatDecimal(item.sentimentScore, true)} · weight ${formatDecimal(item.weight)} · ` +
      `${textsCaption(item)}${texts}</li>`
    );
  });
  return `<div id="${id}"><h3>${escapeHtml(heading)}</h3><ol>${entries.join('')}</ol></div>`;
}

function textsCaption(item: NotableItem): string {
  if (item.texts.length === item.textsStored) return plural(item.textsStored, 'text');
  return `${item.texts.length} of ${plural(item.textsStored, 'text')} shown`;
}
