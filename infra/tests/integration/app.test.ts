import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPOSITORY_ROOT } from '../../src/index.js';

const INFRA_ROOT = join(REPOSITORY_ROOT, 'infra');

type Template = { Resources: Record<string, { Type: string; Properties: Record<string, unknown> }> };
let outdir: string;
let template: Template;

/**
 * Runs bin/app.ts as the CDK CLI does (context in CDK_CONTEXT_JSON, outdir in CDK_OUTDIR), with bundling
 * skipped, and reads the template it wrote.
 */
beforeAll(() => {
  outdir = mkdtempSync(join(tmpdir(), 'celebrity-app-'));
  const context = {
    contact: 'ops@example.com',
    newsProvider: 'gdelt',
    tmdbSecretName: 'celebrity-pipeline/tmdb',
    alarmEmail: 'ops@example.com',
    'aws:cdk:bundling-stacks': [],
  };
  execFileSync(join(INFRA_ROOT, 'node_modules', '.bin', 'tsx'), ['bin/app.ts'], {
    cwd: INFRA_ROOT,
    env: { ...process.env, CDK_CONTEXT_JSON: JSON.stringify(context), CDK_OUTDIR: outdir },
    stdio: 'pipe',
  });
  template = JSON.parse(readFileSync(join(outdir, 'CelebrityPipeline.template.json'), 'utf8')) as Template;
}, 180_000);

afterAll(() => {
  if (outdir) rmSync(outdir, { recursive: true, force: true });
});

describe('bin/app.ts', () => {
  const resourcesOf = (type: string) => Object.values(template.Resources).filter((resource) => resource.Type === type);

  it('creates the weekly rule DISABLED (only `enable --aws` turns it on)', () => {
    const weekly = resourcesOf('AWS::Events::Rule').filter(
      (rule) => rule.Properties.Name === 'celebrity-weekly-scrape',
    );
    expect(weekly.map((rule) => rule.Properties.State)).toEqual(['DISABLED']);
  });

  it('passes -c contact, -c newsProvider and -c tmdbSecretName through', () => {
    const news = resourcesOf('AWS::Lambda::Function').find((fn) => fn.Properties.FunctionName === 'scraper-news');
    expect(news?.Properties.Environment).toMatchObject({
      Variables: { SCRAPER_CONTACT: 'ops@example.com', NEWS_PROVIDER: 'gdelt' },
    });
    expect(resourcesOf('AWS::SecretsManager::Secret').map((secret) => secret.Properties.Name)).toEqual([
      'celebrity-pipeline/tmdb',
    ]);
  });

  it('passes -c alarmEmail through to an e-mail subscription', () => {
    expect(resourcesOf('AWS::SNS::Subscription').map((subscription) => subscription.Properties.Endpoint)).toEqual([
      'ops@example.com',
    ]);
  });

  it('passes cdk-nag (the synth would have failed otherwise) and writes an empty validation report', () => {
    const report = JSON.parse(readFileSync(join(outdir, 'validation-report.json'), 'utf8')) as {
      pluginReports: unknown[];
    };
    expect(report.pluginReports).toEqual([]);
  });
});
