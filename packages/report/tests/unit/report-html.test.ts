import { describe, expect, it } from 'vitest';
import { computeReportFigures, renderReportHtml } from '../../src/index.js';
import { celebrity, item } from '../helpers/report-data.js';

const week = '2026-W48';
const mallory = celebrity('mallory', 'Mallory <img src=x onerror=alert(1)>');
const hostile = item({
  celebrity: mallory,
  source: 'social',
  week,
  texts: ['<script>alert("boom")</script> what a wonderful & great day'],
  enrichment: { weight: 0.5, sentiment: 'POSITIVE', score: 0.9 },
});
const html = renderReportHtml(
  computeReportFigures({
    week,
    items: [hostile],
    runs: [],
    deadLetters: [
      {
        id: 'd1',
        source: 'news',
        kind: 'scraper-invocation',
        reason: 'retries-exhausted: <b>429</b>',
        week,
        failedAt: '2026-11-29T02:00:00.000Z',
        payloadSummary: 'event',
      },
    ],
  }),
);

describe('renderReportHtml', () => {
  it('escapes every text taken from the data', () => {
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;script&gt;alert(&quot;boom&quot;)&lt;/script&gt; what a wonderful &amp; great day');
    expect(html).toContain('retries-exhausted: &lt;b&gt;429&lt;/b&gt;');
  });

  it('is self-contained: no script, no external resource, a policy that forbids both', () => {
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\ssrc="|url\(['"]?http|https?:\/\//i);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
  });

  it('has every section, linked from the navigation', () => {
    for (const id of ['checks', 'weight', 'sentiment', 'coverage', 'history', 'dead-letters']) {
      expect(html).toContain(`<section id="${id}" aria-labelledby="${id}-heading">`);
      expect(html).toContain(`<a href="#${id}">`);
    }
  });

  it('lists a notable item with its score, weight and texts', () => {
    expect(html).toContain('— social · score +0.900 · weight 0.500 · 1 text<blockquote>&lt;script&gt;');
  });

  it('says in words when there is no history yet', () => {
    expect(html).toContain('No run recorded in the ledger up to this week.');
  });

  it('labels the un-enriched check with a word, not only a colour', () => {
    const unEnriched = Array.from({ length: 12 }, (_, index) =>
      item({ celebrity: celebrity(`p-${index}`, `P ${index}`), source: 'tmdb', week, enrichment: 'none' }),
    );
    const failing = renderReportHtml(computeReportFigures({ week, items: unEnriched, runs: [] }));
    expect(failing).toContain('<span class="check check-fail" data-check="fail">✗ fails</span> 10 or more');
    expect(html).toContain('<span class="check check-pass" data-check="pass">✓ passes</span> fewer than 10');
  });
});
