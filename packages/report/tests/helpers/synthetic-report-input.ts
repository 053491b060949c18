import {
  buildWeekSummaries,
  type Celebrity,
  type CelebrityItem,
  type IsoWeek,
  type RunSummary,
  SOURCES,
  type WeekSummary,
} from '@celebrity-pipeline/core';
import type { ReportDeadLetter, ReportInput } from '../../src/index.js';
import { celebrity, item, runSummary } from './report-data.js';

/** mulberry32: a tiny seeded generator, so the fixture is the same on every run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const FIRST_NAMES = ['Ava', 'Ben', 'Cleo', 'Dev', 'Elle', 'Finn', 'Gia', 'Hugo', 'Iris', 'Jude'];
const LAST_NAMES = [
  'Moreau',
  'Okafor',
  'Lindqvist',
  'Tanaka',
  'Reyes',
  'Novak',
  'Haddad',
  'Kowalski',
  'Silva',
  'Byrne',
];

const TEXTS = {
  positive: [
    'What a wonderful performance, truly brilliant and moving!',
    'Fans love the new album. Amazing work, so happy for them!',
    'A great, generous interview — funny and kind.',
    'Congratulations on the award, well deserved and inspiring!',
    'Nice to see them back on stage.',
    'The charity gala was a lovely success, thank you!',
  ],
  negative: [
    'The film was a terrible disappointment, boring and badly written.',
    'Critics slammed the awful interview as rude and arrogant.',
    'Fans are angry and upset about the cancelled tour.',
    'A sad, ugly lawsuit that hurts everyone involved.',
    'Not great: the show felt tired.',
    'Disgusting behaviour, a horrible scandal and a shameful apology.',
  ],
  neutral: [
    'The actor was seen in London on Tuesday.',
    'A new interview was published this morning.',
    'The premiere takes place next month in Paris.',
    'Tickets go on sale on Friday at noon.',
    'The band announced the dates of a tour.',
    'A documentary about the singer is in production.',
  ],
} as const;

/** The week the synthetic report is about, and the weeks of history before it. */
export const SYNTHETIC_WEEK: IsoWeek = '2026-W48';
export const SYNTHETIC_HISTORY_WEEKS: readonly IsoWeek[] = [
  '2026-W43',
  '2026-W44',
  '2026-W45',
  '2026-W46',
  '2026-W47',
  '2026-W48',
];

/** What the synthetic week holds by construction (the tests compare the page with these). */
export const SYNTHETIC_FACTS = {
  celebrities: 100,
  tmdbFailures: [3, 40, 77],
  newsFailures: [10, 11, 12, 13, 14],
  wikipediaMissing: [99],
  socialUnEnriched: [20, 21, 22, 23, 24, 25, 26],
  weekDeadLetters: 2,
} as const;

/** 100 celebrities with distinct names and slugs. */
export function syntheticCelebrities(count: number = SYNTHETIC_FACTS.celebrities): Celebrity[] {
  return Array.from({ length: count }, (_, index) => {
    const first = FIRST_NAMES[index % FIRST_NAMES.length] ?? 'Ava';
    const last = LAST_NAMES[Math.floor(index / FIRST_NAMES.length) % LAST_NAMES.length] ?? 'Moreau';
    const suffix = index >= FIRST_NAMES.length * LAST_NAMES.length ? ` ${index}` : '';
    const name = `${first} ${last}${suffix}`;
    return celebrity(name.toLowerCase().replaceAll(' ', '-'), name);
  });
}

/**
 * A realistic week of 100 celebrities × 4 sources built with core's `buildItem`, weight and VADER: a few
 * failures, one gap, a few un-enriched items, six weeks of runs and some dead letters.
 */
export function syntheticReportInput(): ReportInput & { celebrities: Celebrity[] } {
  const random = seededRandom(48);
  const celebrities = syntheticCelebrities();
  const items = celebrities.flatMap((entry, index) => celebrityItems(entry, index, random));
  return {
    week: SYNTHETIC_WEEK,
    items,
    runs: SYNTHETIC_HISTORY_WEEKS.flatMap((week) => weekSummaries(week, celebrities, random)),
    summaries: syntheticScoreSummaries(items),
    deadLetters: deadLetters(),
    celebrities,
    now: new Date('2026-11-30T08:00:00.000Z'),
  };
}

function celebrityItems(entry: Celebrity, index: number, random: () => number): CelebrityItem[] {
  return SOURCES.flatMap((source) => {
    if (source === 'tmdb' && (SYNTHETIC_FACTS.tmdbFailures as readonly number[]).includes(index)) return [];
    if (source === 'news' && (SYNTHETIC_FACTS.newsFailures as readonly number[]).includes(index)) return [];
    if (source === 'wikipedia' && (SYNTHETIC_FACTS.wikipediaMissing as readonly number[]).includes(index)) return [];
    const isUnEnriched = source === 'social' && (SYNTHETIC_FACTS.socialUnEnriched as readonly number[]).includes(index);
    return [
      item({
        celebrity: entry,
        source,
        week: SYNTHETIC_WEEK,
        strength: strengthOf(source, random),
        texts: textsOf(index, random),
        enrichment: isUnEnriched ? 'none' : 'computed',
      }),
    ];
  });
}

function strengthOf(source: (typeof SOURCES)[number], random: () => number): number {
  // core's weight is log-scaled against a reference: spread the strengths so the weights spread over [0, 1].
  const reference = { tmdb: 100, wikipedia: 1_000_000, news: 250, social: 10_000 }[source];
  const position = Math.min(1.05, 0.25 + 0.75 * random() ** 0.8);
  return Math.round((1 + reference) ** position - 1);
}

function textsOf(index: number, random: () => number): string[] {
  const mood = index % 3 === 0 ? 'positive' : index % 3 === 1 ? 'neutral' : 'negative';
  const count = 1 + Math.floor(random() * 4);
  return Array.from({ length: count }, (_, textIndex) => {
    const pool = random() < 0.7 ? TEXTS[mood] : TEXTS.neutral;
    return `${pool[Math.floor(random() * pool.length)]} (#${index}-${textIndex})`;
  });
}

function weekSummaries(week: IsoWeek, celebrities: readonly Celebrity[], random: () => number): RunSummary[] {
  const isReportWeek = week === SYNTHETIC_WEEK;
  return SOURCES.map((source) => {
    const failed = isReportWeek ? reportWeekFailures(source, celebrities) : olderWeekFailures(source, random);
    const isSkipped = week === '2026-W45' && source === 'social';
    const attempted = isSkipped ? 0 : celebrities.length;
    const written = isSkipped ? 0 : attempted - failed.length - (isReportWeek && source === 'wikipedia' ? 1 : 0);
    return runSummary({
      source,
      week,
      runId: `run-${week}`,
      status: isSkipped ? 'skipped' : 'succeeded',
      ...(isSkipped ? { skippedReason: 'BLUESKY_APP_PASSWORD is not set (live mode, source social)' } : {}),
      durationMs: isSkipped ? 0 : Math.round(60_000 + random() * 240_000),
      attempted,
      written,
      failed: isSkipped ? [] : failed,
    });
  });
}

function reportWeekFailures(source: (typeof SOURCES)[number], celebrities: readonly Celebrity[]) {
  const indexes: readonly number[] =
    source === 'tmdb' ? SYNTHETIC_FACTS.tmdbFailures : source === 'news' ? SYNTHETIC_FACTS.newsFailures : [];
  const reason = source === 'tmdb' ? 'TMDB answered 503 four times' : 'GDELT answered 429 Too Many Requests';
  return indexes.map((index) => ({
    celebrityId: celebrities[index]?.id ?? `missing-${index}`,
    reason,
    retryable: true,
  }));
}

function olderWeekFailures(source: (typeof SOURCES)[number], random: () => number) {
  const count = Math.floor(random() * 4);
  return Array.from({ length: count }, (_, index) => ({
    celebrityId: `older-${source}-${index}`,
    reason: 'timeout after 10 s',
    retryable: true,
  }));
}

function deadLetters(): ReportDeadLetter[] {
  return [
    {
      id: '20261129T021500000Z-1a2b3c4d',
      source: 'tmdb',
      kind: 'scraper-invocation',
      reason: 'retries-exhausted: TimeoutError: Task timed out after 900 seconds',
      week: SYNTHETIC_WEEK,
      failedAt: '2026-11-29T02:15:00.000Z',
      payloadSummary: 'Scheduled Event for tmdb, week 2026-W48',
    },
    {
      id: '20261129T030000000Z-5e6f7a8b',
      source: 'post-processor',
      kind: 'stream-batch',
      reason: 'record-too-old: records older than 86400 s',
      failedAt: '2026-11-29T03:00:00.000Z',
      payloadSummary: '12 stream records, shard shardId-000001',
    },
    {
      id: '20261115T020000000Z-9c0d1e2f',
      source: 'news',
      kind: 'scraper-invocation',
      reason: 'retries-exhausted: GDELT 429',
      week: '2026-W46',
      failedAt: '2026-11-15T02:00:00.000Z',
      payloadSummary: 'Scheduled Event for news, week 2026-W46',
    },
  ];
}

/**
 * Celebrity-week summaries of every history week, built with core's `buildWeekSummaries` from the synthetic week's
 * enriched items with each celebrity's weights drifting week by week (some up, some down), so ranks move.
 * Celebrity 5 is new in the last week (no summary before it).
 */
export function syntheticScoreSummaries(items: readonly CelebrityItem[]): WeekSummary[] {
  let previous: WeekSummary[] = [];
  return SYNTHETIC_HISTORY_WEEKS.flatMap((week, weekIndex) => {
    const isLast = weekIndex === SYNTHETIC_HISTORY_WEEKS.length - 1;
    const weekItems = items
      .filter((entry) => isLast || entry.celebrity_id !== syntheticCelebrities()[5]?.id)
      .map((entry) => {
        if (isLast || entry.weight === undefined) return { ...entry, week };
        const index = syntheticCelebrities().findIndex((person) => person.id === entry.celebrity_id);
        const drift = 1 + ((index % 7) - 3) * 0.04 * (SYNTHETIC_HISTORY_WEEKS.length - 1 - weekIndex);
        return { ...entry, week, weight: Math.round(Math.min(1, Math.max(0, entry.weight * drift)) * 10_000) / 10_000 };
      });
    previous = buildWeekSummaries(week, weekItems, previous);
    return previous;
  });
}
