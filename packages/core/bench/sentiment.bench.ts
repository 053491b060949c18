/**
 * polarityScores (our VADER 3.3.2) vs vader-sentiment@1.1.3's SentimentIntensityAnalyzer.polarity_scores on the
 * same texts in the same process: the 572 dev-set texts (headlines, posts, bios, paragraphs, emoji, two ~5,000
 * character texts). Warm-up first, then alternating timed rounds; the median round of each is reported.
 *
 * Run: `pnpm --filter @celebrity-pipeline/core bench` (or `node --import tsx bench/sentiment.bench.ts`).
 * Env: BENCH_ROUNDS (default 7), BENCH_PASSES (passes over the texts per round, default 20).
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { median } from '@celebrity-pipeline/testing/statistics';
import vader from 'vader-sentiment';
import { polarityScores } from '../src/index.js';

interface Contender {
  name: string;
  score: (text: string) => { compound: number };
}

const texts = (
  JSON.parse(readFileSync(new URL('../tests/fixtures/vader-dev-set.json', import.meta.url), 'utf8')) as {
    text: string;
  }[]
).map((entry) => entry.text);

const rounds = Number(process.env.BENCH_ROUNDS ?? 7);
const passes = Number(process.env.BENCH_PASSES ?? 20);

const contenders: Contender[] = [
  { name: 'polarityScores (core, VADER 3.3.2)', score: polarityScores },
  {
    name: 'vader-sentiment@1.1.3 polarity_scores',
    score: (text) => vader.SentimentIntensityAnalyzer.polarity_scores(text),
  },
];

/** Scores every text `passesPerRound` times; returns texts per second. */
function timeRound(contender: Contender, passesPerRound: number): { opsPerSecond: number } {
  const start = performance.now();
  for (let pass = 0; pass < passesPerRound; pass += 1) {
    for (const text of texts) contender.score(text);
  }
  const elapsedMs = performance.now() - start;
  return { opsPerSecond: (texts.length * passesPerRound * 1000) / elapsedMs };
}

for (const contender of contenders) timeRound(contender, Math.max(1, Math.floor(passes / 4)));

const samples = new Map<string, number[]>(contenders.map((contender) => [contender.name, []]));
for (let round = 0; round < rounds; round += 1) {
  const order = round % 2 === 0 ? contenders : [...contenders].reverse();
  for (const contender of order) samples.get(contender.name)?.push(timeRound(contender, passes).opsPerSecond);
}

const [ours, port] = contenders.map((contender) => median(samples.get(contender.name) ?? []));
console.log(
  `VADER benchmark: ${texts.length} texts x ${passes} passes x ${rounds} rounds (median), Node ${process.version}`,
);
for (const contender of contenders) {
  const values = samples.get(contender.name) ?? [];
  const range = `${Math.round(Math.min(...values))}-${Math.round(Math.max(...values))}`;
  console.log(
    `  ${contender.name.padEnd(40)} ${Math.round(median(values)).toString().padStart(8)} texts/s  (rounds ${range})`,
  );
}
console.log(`  ratio core / port: ${((ours ?? 0) / (port ?? 1)).toFixed(2)}x (target >= 8x)`);
