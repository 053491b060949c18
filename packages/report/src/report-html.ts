import { patternDefinitionsSvg } from './chart-patterns.js';
import { coverageSectionHtml } from './coverage-section-html.js';
import { deadLetterSectionHtml } from './dead-letter-section-html.js';
import { historySectionHtml } from './history-section-html.js';
import { escapeHtml, formatCount, formatDecimal } from './html-text.js';
import { rankingsSectionHtml } from './rankings-section-html.js';
import type { HeaderFigures, ReportFigures } from './report-figures.js';
import { REPORT_CSS } from './report-styles.js';
import { sentimentSectionHtml } from './sentiment-section-html.js';
import { weightSectionHtml } from './weight-section-html.js';

// No script, no network: the policy makes the browser refuse anything but the inline styles and SVG.
const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const SECTIONS = [
  ['checks', 'Checks'],
  ['weight', 'Weight'],
  ['sentiment', 'Sentiment'],
  ['coverage', 'Coverage'],
  ['rankings', 'Rankings and trends'],
  ['history', 'Run history'],
  ['dead-letters', 'Dead letters'],
] as const;

/**
 * Renders the figures as one self-contained HTML page: inline CSS and SVG charts, no script, no network.
 * Every chart has a title, a description and a table; patterns and words back up every colour.
 * @example await writeFile('report.html', renderReportHtml(computeReportFigures(input)));
 */
export function renderReportHtml(figures: ReportFigures): string {
  const title = `celebrity-pipeline data-quality report, ${figures.week}`;
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title><style>${REPORT_CSS}</style></head><body>`,
    patternDefinitionsSvg(),
    pageHeader(figures, title),
    '<main>',
    checksSectionHtml(figures),
    weightSectionHtml(figures.weight),
    sentimentSectionHtml(figures.sentiment),
    coverageSectionHtml(figures.coverage),
    rankingsSectionHtml(figures.rankings),
    historySectionHtml(figures.history),
    deadLetterSectionHtml(figures.deadLetters),
    '</main></body></html>',
  ].join('\n');
}

function pageHeader(figures: ReportFigures, title: string): string {
  const generated = figures.generatedAt === null ? '' : ` Generated ${escapeHtml(figures.generatedAt)}.`;
  const links = SECTIONS.map(([id, label]) => `<li><a href="#${id}">${escapeHtml(label)}</a></li>`).join('');
  return (
    `<header class="page"><h1>${escapeHtml(title)}</h1>` +
    `<p>Items of ISO week ${escapeHtml(figures.week)} in the table, the run ledger and the dead-letter queue.${generated}</p>` +
    `<nav aria-label="Sections"><ul>${links}</ul></nav></header>`
  );
}

/** The spec's Phase 4C checks as figures; each is a `<dt>`/`<dd>` pair with a `data-figure` name. */
export function checksSectionHtml(figures: ReportFigures): string {
  const header = figures.header;
  const overall = figures.weight.overall;
  const sentiment = figures.sentiment.overall;
  const cards = [
    card('items', 'Items', formatCount(header.items), itemsDetail(header)),
    card('enriched', 'Enriched', formatCount(header.enriched), 'weight and sentiment set'),
    card('un-enriched', 'Un-enriched', formatCount(header.unEnriched), unEnrichedCheck(header)),
    card('failures', 'Failures', formatCount(header.failures), 'celebrity × source not collected'),
    card('skipped', 'Skipped', formatCount(header.skipped), `${formatCount(header.missing)} missing without a reason`),
    card('dead-letters', 'Dead letters', formatCount(header.deadLetters), 'messages in the DLQ this week'),
    card(
      'weight-avg',
      'Weight avg',
      formatDecimal(overall.avg),
      `min ${formatDecimal(overall.min)} · max ${formatDecimal(overall.max)}`,
    ),
    card(
      'sentiment',
      'Sentiment',
      `${sentiment.POSITIVE} / ${sentiment.NEUTRAL} / ${sentiment.NEGATIVE}`,
      `positive / neutral / negative; ${formatCount(sentiment.notEnriched)} without`,
    ),
  ];
  return (
    `<section id="checks" aria-labelledby="checks-heading"><h2 id="checks-heading">Checks (spec Phase 4C)</h2>` +
    `<dl class="figures">${cards.join('')}</dl></section>`
  );
}

function card(name: string, label: string, value: string, detailHtml: string): string {
  return (
    `<div class="figure" data-figure="${name}"><dt>${escapeHtml(label)}</dt>` +
    `<dd><span class="value">${escapeHtml(value)}</span><span class="detail">${detailHtml}</span></dd></div>`
  );
}

function itemsDetail(header: HeaderFigures): string {
  return header.expectedItems === null
    ? 'in the table this week'
    : `of ${formatCount(header.expectedItems)} expected (celebrities × sources)`;
}

function unEnrichedCheck(header: HeaderFigures): string {
  const threshold = header.unEnrichedThreshold;
  return header.isUnEnrichedCheckPassing
    ? `<span class="check check-pass" data-check="pass">✓ passes</span> fewer than ${threshold}`
    : `<span class="check check-fail" data-check="fail">✗ fails</span> ${threshold} or more`;
}
