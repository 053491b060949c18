import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { CelebrityPipelineStack, DEFAULT_STACK_NAME } from './celebrity-pipeline-stack.js';
import type { CostTemplate } from './cost-document.js';

/**
 * The default app's template for the cost: synthesized in-process with asset bundling skipped (only memory,
 * architecture, timeouts and resource counts are read), with a placeholder contact (the construct requires one;
 * it does not change the cost).
 */
export function synthesizeCostTemplate(): CostTemplate {
  const outdir = mkdtempSync(join(tmpdir(), 'celebrity-cost-'));
  try {
    const app = new App({ outdir, context: { 'aws:cdk:bundling-stacks': [] } });
    const stack = new CelebrityPipelineStack(app, DEFAULT_STACK_NAME, {
      env: { account: '123456789012', region: 'us-east-1' },
      pipeline: { contact: 'ops@example.com' },
    });
    return Template.fromStack(stack).toJSON() as CostTemplate;
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}
