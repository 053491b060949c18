import { readFileSync } from 'node:fs';
import { defaultCelebrityList, generateCelebrityList } from '@celebrity-pipeline/celebrities';
import { planCollection, runCost } from '@celebrity-pipeline/collection-plan';
import { STREAM_MAPPING_SETTINGS } from '@celebrity-pipeline/post-processor';
import { beforeAll, describe, expect, it } from 'vitest';
import { COST_DOCUMENT_PATH, costDocumentLists, renderCostDocument, synthesizeCostTemplate } from '../../src/index.js';

describe('docs/cost.md', () => {
  // One synthesis (a few seconds, more on a busy machine) for both tests.
  let template: ReturnType<typeof synthesizeCostTemplate>;
  beforeAll(() => {
    template = synthesizeCostTemplate();
  }, 120_000);

  it('is what the code at HEAD renders (pnpm --filter @celebrity-pipeline/infra cost-doc)', () => {
    const rendered = renderCostDocument({ template, lists: costDocumentLists() });
    expect(readFileSync(COST_DOCUMENT_PATH, 'utf8')).toBe(rendered);
  });

  it('shows a missed target as NOT MET instead of hiding it', () => {
    const slow = generateCelebrityList(10_000);
    const page = renderCostDocument({
      template,
      lists: [
        { label: 'bundled', list: defaultCelebrityList() },
        { label: '10,000', list: slow },
      ],
    });
    const plan = planCollection(slow);
    const isSlow = plan.estimatedSeconds > 2 * 3_600;
    expect(page.includes('**NOT MET**')).toBe(isSlow || runCost(plan, STREAM_MAPPING_SETTINGS.batchSize).usd > 1);
  });
});
