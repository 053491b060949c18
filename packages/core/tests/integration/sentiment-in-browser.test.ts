import { readFileSync } from 'node:fs';
import { type ChromiumSession, startChromium } from '@celebrity-pipeline/testing/chromium';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleForBrowser } from '../../scripts/browser-bundle.js';
import { type PolarityScores, polarityScores } from '../../src/index.js';

const GLOBAL_NAME = 'celebrityPipelineCore';
const devSet = JSON.parse(readFileSync(new URL('../fixtures/vader-dev-set.json', import.meta.url), 'utf8')) as {
  text: string;
}[];
const texts = devSet.map((entry) => entry.text);

let chromium: ChromiumSession;
let page: Page;

beforeAll(async () => {
  const { code } = await bundleForBrowser("export { polarityScores } from '@celebrity-pipeline/core';", {
    globalName: GLOBAL_NAME,
  });
  chromium = await startChromium();
  page = await chromium.context.newPage();
  await page.goto('about:blank');
  await page.addScriptTag({ content: code });
});

afterAll(async () => {
  await chromium?.close();
});

describe('polarityScores from the browser bundle, in Chromium', () => {
  it('scores every text of the VADER dev set exactly as Node does', async () => {
    const inBrowser = await page.evaluate(
      ({ globalName, sample }) => {
        // Runs in the page: the bundle assigned the module's exports to this global.
        const core = (globalThis as unknown as Record<string, { polarityScores(text: string): unknown }>)[globalName];
        return sample.map((text) => core?.polarityScores(text));
      },
      { globalName: GLOBAL_NAME, sample: texts },
    );
    expect(texts.length).toBeGreaterThan(500);
    expect(inBrowser as PolarityScores[]).toEqual(texts.map((text) => polarityScores(text)));
  });
});
