import { readFileSync } from 'node:fs';
import vader from 'vader-sentiment';
import { describe, expect, it } from 'vitest';
import { labelCompound, type PolarityScores, polarityScores } from '../../src/index.js';

interface DevSetEntry extends PolarityScores {
  id: string;
  category: string;
  text: string;
}

const devSet = JSON.parse(
  readFileSync(new URL('../fixtures/vader-dev-set.json', import.meta.url), 'utf8'),
) as DevSetEntry[];

/** The dev set's pass rule: compound within 1e-4 and neg/neu/pos equal after 3-decimal rounding. */
function matches(actual: PolarityScores, expected: PolarityScores): boolean {
  return (
    Math.abs(actual.compound - expected.compound) < 1e-4 &&
    actual.neg === expected.neg &&
    actual.neu === expected.neu &&
    actual.pos === expected.pos
  );
}

interface CategoryTally {
  total: number;
  scoresEqual: number;
  compoundsEqual: number;
  labelsEqual: number;
}

function tallyByCategory(score: (text: string) => PolarityScores): Map<string, CategoryTally> {
  const tallies = new Map<string, CategoryTally>();
  for (const entry of devSet) {
    const actual = score(entry.text);
    const tally = tallies.get(entry.category) ?? { total: 0, scoresEqual: 0, compoundsEqual: 0, labelsEqual: 0 };
    tally.total += 1;
    if (matches(actual, entry)) tally.scoresEqual += 1;
    if (Math.abs(actual.compound - entry.compound) < 1e-4) tally.compoundsEqual += 1;
    if (labelCompound(actual.compound) === labelCompound(entry.compound)) tally.labelsEqual += 1;
    tallies.set(entry.category, tally);
  }
  return tallies;
}

function sumTallies(tallies: Map<string, CategoryTally>): CategoryTally {
  const sum = { total: 0, scoresEqual: 0, compoundsEqual: 0, labelsEqual: 0 };
  for (const tally of tallies.values()) {
    sum.total += tally.total;
    sum.scoresEqual += tally.scoresEqual;
    sum.compoundsEqual += tally.compoundsEqual;
    sum.labelsEqual += tally.labelsEqual;
  }
  return sum;
}

function report(name: string, tallies: Map<string, CategoryTally>): string {
  const percent = (part: number, whole: number) => `${((100 * part) / whole).toFixed(1)}%`;
  const rows = [...tallies].map(
    ([category, t]) =>
      `  ${category.padEnd(18)} n=${String(t.total).padStart(3)}  labels ${percent(t.labelsEqual, t.total).padStart(6)}` +
      `  compounds ${percent(t.compoundsEqual, t.total).padStart(6)}  all four ${percent(t.scoresEqual, t.total).padStart(6)}`,
  );
  const all = sumTallies(tallies);
  rows.push(
    `  ${'ALL'.padEnd(18)} n=${all.total}  labels ${percent(all.labelsEqual, all.total)} (${all.labelsEqual})` +
      `  compounds ${percent(all.compoundsEqual, all.total)} (${all.compoundsEqual})  all four ${all.scoresEqual}`,
  );
  return [`${name} vs VADER 3.3.2 reference (tests/fixtures/vader-dev-set.json):`, ...rows].join('\n');
}

describe('polarityScores against the VADER 3.3.2 dev set', () => {
  it('holds 572 reference texts in 19 categories', () => {
    expect(devSet).toHaveLength(572);
    expect(new Set(devSet.map((entry) => entry.category)).size).toBe(19);
  });

  it('agrees with every reference: 572/572 labels, compounds within 1e-4, and neg/neu/pos', () => {
    const tallies = tallyByCategory(polarityScores);
    console.log(report('polarityScores', tallies));
    const mismatches = devSet.flatMap((entry) => {
      const actual = polarityScores(entry.text);
      const isLabelEqual = labelCompound(actual.compound) === labelCompound(entry.compound);
      return matches(actual, entry) && isLabelEqual ? [] : [{ id: entry.id, expected: entry, actual }];
    });
    expect(mismatches).toEqual([]);
    expect(sumTallies(tallies)).toEqual({ total: 572, scoresEqual: 572, compoundsEqual: 572, labelsEqual: 572 });
  });

  it('is measurably more faithful than the vader-sentiment port it replaces', () => {
    const port = (text: string) => vader.SentimentIntensityAnalyzer.polarity_scores(text) as PolarityScores;
    const portTallies = tallyByCategory(port);
    console.log(report('vader-sentiment@1.1.3 port', portTallies));
    const ours = sumTallies(tallyByCategory(polarityScores));
    expect(ours.labelsEqual).toBeGreaterThan(sumTallies(portTallies).labelsEqual);
  });
});

describe('polarityScores examples', () => {
  it('treats a capitalised negator as a negator ("Not great" is negative)', () => {
    expect(polarityScores('Not great')).toEqual({ neg: 0.767, neu: 0.233, pos: 0, compound: -0.5096 });
  });

  it('strips ASCII punctuation around words, so "good..." and "(great)" are scored', () => {
    expect(polarityScores('good...')).toEqual({ neg: 0, neu: 0, pos: 1, compound: 0.4404 });
    expect(polarityScores('(great)').compound).toBe(polarityScores('great').compound);
    expect(polarityScores('#blessed').compound).toBeGreaterThan(0.05);
  });

  it('keeps short tokens whole, so emoticons survive stripping', () => {
    expect(polarityScores(':)').compound).toBeGreaterThan(0.05);
    expect(polarityScores(':(').compound).toBeLessThan(-0.05);
  });

  it('replaces each emoji code point by its description', () => {
    expect(polarityScores('💘')).toEqual(polarityScores('heart with arrow'));
    expect(polarityScores('Loved it 😍')).toEqual(polarityScores('Loved it smiling face with heart-eyes'));
    expect(polarityScores('😂😂')).toEqual(polarityScores('face with tears of joy face with tears of joy'));
  });

  it('glues an emoji description to the following word, as the original does', () => {
    expect(polarityScores('😀good')).toEqual(polarityScores('grinning facegood'));
  });

  it('uses "no" as a negator, including "no … or/nor"', () => {
    expect(polarityScores('no good').compound).toBeLessThan(0);
    expect(polarityScores('no fun or good times').compound).toBeLessThan(0);
  });

  it('applies "but": the clause after it weighs more', () => {
    expect(polarityScores('The plot was good, but the acting was terrible').compound).toBeLessThan(-0.05);
  });

  it('splits on Python whitespace (U+0085, U+001F) but not on U+200B or U+FEFF', () => {
    expect(polarityScores('good\u0085great')).toEqual(polarityScores('good great'));
    expect(polarityScores('good\u001fgreat')).toEqual(polarityScores('good great'));
    expect(polarityScores('good\u200bgreat').compound).toBe(0);
    expect(polarityScores('good\ufeffgreat').compound).toBe(0);
  });

  it('scores empty and whitespace-only text as all zeros (neu 0, not 1)', () => {
    for (const text of ['', '   ', '\n\t\u3000']) {
      expect(polarityScores(text)).toEqual({ neg: 0, neu: 0, pos: 0, compound: 0 });
    }
  });

  it('amplifies with "!" up to four and with two or more "?"', () => {
    const plain = polarityScores('great').compound;
    expect(polarityScores('great!').compound).toBeGreaterThan(plain);
    expect(polarityScores('great!!!!').compound).toBe(polarityScores('great!!!!!!').compound);
    expect(polarityScores('great??').compound).toBeGreaterThan(plain);
  });

  it('emphasises an ALL CAPS word among lower-case words only', () => {
    expect(polarityScores('this is GREAT').compound).toBeGreaterThan(polarityScores('this is great').compound);
    expect(polarityScores('GREAT').compound).toBe(polarityScores('great').compound);
  });
});
