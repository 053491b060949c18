import { tableFallbackHtml } from './html-table.js';
import { escapeHtml, formatDecimal } from './html-text.js';
import type { RankingFigures, RankingRow } from './ranking-figures.js';

const SPARKLINE = { width: 120, height: 28, padding: 3 } as const;

/** The "Rankings and trends" section: top 20 with rank changes and sparklines, movers, and the trend table. */
export function rankingsSectionHtml(rankings: RankingFigures): string {
  const heading = '<h2 id="rankings-heading">Rankings and trends</h2>';
  if (rankings.top.length === 0) {
    return `<section id="rankings" aria-labelledby="rankings-heading">${heading}<p class="empty">No celebrity scores for ${escapeHtml(rankings.week)}: the week has not been rolled up.</p></section>`;
  }
  const window = `${rankings.trendWeeks[0]} to ${rankings.trendWeeks.at(-1)}`;
  return (
    `<section id="rankings" aria-labelledby="rankings-heading">${heading}` +
    `<p class="note">Celebrity score (core's <code>celebrityScore</code>: the four source weights tilted by sentiment, a missing source counting as 0) of ${rankings.rankedCount} ranked celebrities; change against the previous week; trend ${escapeHtml(window)}.</p>` +
    topTableHtml(rankings) +
    `<div class="charts">${moversTableHtml('risers', 'Biggest movers up', rankings.risers)}${moversTableHtml('fallers', 'Biggest movers down', rankings.fallers)}</div>` +
    trendTableHtml(rankings) +
    '</section>'
  );
}

function topTableHtml(rankings: RankingFigures): string {
  const headers = [
    'Rank',
    'Celebrity',
    'Score',
    'Rank change',
    'Score change',
    `Trend ${rankings.trendWeeks.length} weeks`,
  ]
    .map(
      (header, index) =>
        `<th scope="col"${index === 1 || index === 5 ? '' : ' class="number"'}>${escapeHtml(header)}</th>`,
    )
    .join('');
  const rows = rankings.top
    .map(
      (row) =>
        `<tr data-celebrity="${escapeHtml(row.celebrityId)}"><td class="number">${row.rank}</td><th scope="row">${escapeHtml(row.name)}</th>` +
        `<td class="number">${formatDecimal(row.score)}</td>${rankChangeCell(row)}` +
        `<td class="number">${formatDecimal(row.scoreChange, true)}</td><td>${sparklineSvg(row, rankings)}</td></tr>`,
    )
    .join('');
  return `<table data-table="rankings"><caption>Top ${rankings.top.length} of week ${escapeHtml(rankings.week)}</caption><thead><tr>${headers}</tr></thead><tbody>${rows}</tbody></table>`;
}

function rankChangeCell(row: RankingRow): string {
  const { rankChange } = row;
  const [text, label, direction] =
    rankChange === null
      ? ['new', 'new this week', 'new']
      : rankChange > 0
        ? [`▲ ${rankChange}`, `up ${rankChange} from ${row.previousRank}`, 'up']
        : rankChange < 0
          ? [`▼ ${-rankChange}`, `down ${-rankChange} from ${row.previousRank}`, 'down']
          : ['=', 'unchanged', 'same'];
  return `<td class="number" data-rank-change="${rankChange ?? ''}" data-direction="${direction}" title="${escapeHtml(label)}">${escapeHtml(text)}</td>`;
}

/** A score line over the trend weeks: gaps where a week has no score, the last point marked. */
export function sparklineSvg(
  row: Pick<RankingRow, 'name' | 'trend'>,
  rankings: Pick<RankingFigures, 'trendWeeks'>,
): string {
  const { width, height, padding } = SPARKLINE;
  const step = row.trend.length > 1 ? (width - 2 * padding) / (row.trend.length - 1) : 0;
  const point = (value: number, index: number) =>
    `${(padding + index * step).toFixed(1)},${(height - padding - value * (height - 2 * padding)).toFixed(1)}`;
  const segments: string[][] = [[]];
  row.trend.forEach((value, index) => {
    if (value === null) segments.push([]);
    else segments.at(-1)?.push(point(value, index));
  });
  const lines = segments
    .filter((segment) => segment.length > 0)
    .map((segment) =>
      segment.length === 1
        ? `<circle cx="${segment[0]?.split(',')[0]}" cy="${segment[0]?.split(',')[1]}" r="1.5"/>`
        : `<polyline points="${segment.join(' ')}"/>`,
    )
    .join('');
  const lastIndex = row.trend.length - 1;
  const last = row.trend[lastIndex];
  const marker =
    last == null
      ? ''
      : `<circle class="last" cx="${point(last, lastIndex).split(',')[0]}" cy="${point(last, lastIndex).split(',')[1]}" r="2.5"/>`;
  const values = row.trend
    .map((value, index) => `${rankings.trendWeeks[index]}: ${value === null ? 'no score' : formatDecimal(value)}`)
    .join(', ');
  return (
    `<svg class="sparkline" data-chart="sparkline" role="img" aria-label="${escapeHtml(`Score of ${row.name} per week: ${values}`)}" ` +
    `viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" data-points="${row.trend.filter((value) => value !== null).length}">${lines}${marker}</svg>`
  );
}

function moversTableHtml(name: 'risers' | 'fallers', caption: string, rows: readonly RankingRow[]): string {
  if (rows.length === 0) return `<div><h3>${escapeHtml(caption)}</h3><p class="empty">None this week.</p></div>`;
  const body = rows
    .map(
      (row) =>
        `<tr><th scope="row">${escapeHtml(row.name)}</th><td class="number">${row.previousRank ?? '—'} → ${row.rank}</td>${rankChangeCell(row)}<td class="number">${formatDecimal(row.scoreChange, true)}</td></tr>`,
    )
    .join('');
  return `<div><table data-table="${name}"><caption>${escapeHtml(caption)}</caption><thead><tr><th scope="col">Celebrity</th><th scope="col" class="number">Rank</th><th scope="col" class="number">Change</th><th scope="col" class="number">Score change</th></tr></thead><tbody>${body}</tbody></table></div>`;
}

function trendTableHtml(rankings: RankingFigures): string {
  return tableFallbackHtml({
    caption: `Score per week of the top ${rankings.top.length} (the data behind the trend lines)`,
    name: 'ranking-trends',
    headers: ['Celebrity', ...rankings.trendWeeks.map((week) => ({ text: week, isNumber: true }))],
    rows: rankings.top.map((row) => [
      row.name,
      ...row.trend.map((value) => ({ text: value === null ? '—' : formatDecimal(value), isNumber: true })),
    ]),
  });
}
