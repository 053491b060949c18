import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SOURCES } from '@celebrity-pipeline/core';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { CelebrityPipelineStack, type CelebrityPipelineStackProps, type PipelineFunctionKey } from '../../src/index.js';

/** The stand-in entry every function uses when bundling is skipped. */
export const FIXTURE_ENTRY = fileURLToPath(new URL('../fixtures/handler.ts', import.meta.url));

/** Every function pointed at {@link FIXTURE_ENTRY}. */
export const FIXTURE_ENTRIES: Record<PipelineFunctionKey, string> = Object.fromEntries(
  [...SOURCES, 'planner', 'postProcessor'].map((key) => [key, FIXTURE_ENTRY]),
) as Record<PipelineFunctionKey, string>;

/** The User-Agent contact every test stack uses (the construct requires one). */
export const TEST_CONTACT = 'ops@example.com';

/** A fixed environment, so ARNs and the template are deterministic. */
export const TEST_ENV = { account: '123456789012', region: 'eu-west-1' } as const;

/** A synthesized stack, its template, and a cleanup for its temporary outdir. */
export interface Synthesized {
  app: App;
  stack: CelebrityPipelineStack;
  template: Template;
  outdir: string;
  cleanup: () => void;
}

/**
 * Synthesizes the stack once into a temporary outdir. With `isBundling` false (the default) CDK skips every
 * asset bundling (`aws:cdk:bundling-stacks: []`), so assertions stay fast and need no handler code.
 */
export function synthesize(
  props: Omit<CelebrityPipelineStackProps, 'pipeline'> & {
    pipeline?: Partial<CelebrityPipelineStackProps['pipeline']>;
  } = {},
  options: { isBundling?: boolean } = {},
): Synthesized {
  const outdir = mkdtempSync(join(tmpdir(), 'celebrity-infra-'));
  const app = new App({
    outdir,
    context: options.isBundling ? {} : { 'aws:cdk:bundling-stacks': [] },
  });
  const stack = new CelebrityPipelineStack(app, 'TestPipeline', {
    env: TEST_ENV,
    ...props,
    pipeline: {
      contact: TEST_CONTACT,
      handlerEntries: options.isBundling ? undefined : FIXTURE_ENTRIES,
      ...props.pipeline,
    },
  });
  const template = Template.fromStack(stack);
  return { app, stack, template, outdir, cleanup: () => rmSync(outdir, { recursive: true, force: true }) };
}
