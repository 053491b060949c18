import type { MatrixArea } from './matrix-record.js';

/** A matrix cell an earlier package's own test already covers: referenced, not duplicated. */
export interface ReferencedCell {
  area: MatrixArea;
  subject: string;
  fault: string;
  expected: string;
  /** Package directory, relative to the repository root. */
  packageDirectory: string;
  /** vitest `fullName` (describe titles and test title joined by spaces). */
  testName: string;
}

/** The cells other packages' tests cover; the report shows the status of each from its package's latest results. */
export const REFERENCED_CELLS: readonly ReferencedCell[] = [
  {
    area: 'source-fault',
    subject: 'scraper-kit',
    fault: '429 with Retry-After: 2 (wait measured)',
    expected: 'waits ~2 s, then succeeds',
    packageDirectory: 'packages/scraper-kit',
    testName: 'createHttpClient waits about 2 s on 429 with Retry-After: 2, then succeeds',
  },
  {
    area: 'source-fault',
    subject: 'news',
    fault: 'GDELT throttle that never stops',
    expected: 'written with article_count null ("not measured"), never 0',
    packageDirectory: 'packages/scraper-news',
    testName: 'scraper-news handler records "not measured" (null), never 0 articles, when GDELT keeps refusing',
  },
  {
    area: 'source-fault',
    subject: 'news',
    fault: 'GDELT 500 forever',
    expected: 'those celebrities failed with the reason',
    packageDirectory: 'packages/scraper-news',
    testName: 'scraper-news handler fails the celebrities GDELT answers 500 forever, with the reason',
  },
  {
    area: 'source-fault',
    subject: 'social',
    fault: 'Bluesky credentials missing (live mode)',
    expected: 'skipped with one clear message',
    packageDirectory: 'packages/scraper-social',
    testName:
      'scraper-social handler is skipped with one clear message when the Bluesky credentials are missing in live mode',
  },
  {
    area: 'invocation',
    subject: 'scraper-kit',
    fault: 'more than FAILURE_THRESHOLD failed',
    expected: 'throws FailureThresholdError after recording the run',
    packageDirectory: 'packages/scraper-kit',
    testName:
      'createScraperHandler throws when more than FAILURE_THRESHOLD of the celebrities failed, after recording the run',
  },
  {
    area: 'invocation',
    subject: 'local-runtime',
    fault: 'handler that keeps failing',
    expected: 'DLQ after 1 + retryAttempts attempts',
    packageDirectory: 'packages/local-runtime',
    testName:
      'invokeScheduled dead-letters a handler that keeps failing with its error, after 1 + retryAttempts attempts',
  },
  {
    area: 'invocation',
    subject: 'cli',
    fault: 'scraper fault via the replay server, then `dlq redrive`',
    expected: 'DLQ, verify fails; redrive completes the week',
    packageDirectory: 'apps/cli',
    testName:
      'a scraper fault injected through the replay server ends in the DLQ, fails verify on several checks, and `dlq redrive` without the fault completes the week',
  },
  {
    area: 'stream',
    subject: 'post-processor',
    fault: 'poison record in a batch (handler level)',
    expected: 'only the poison in batchItemFailures',
    packageDirectory: 'packages/post-processor',
    testName:
      'createPostProcessor().handle on DynamoDB Local reports only the poison record in batchItemFailures and enriches the others, logging why it failed',
  },
  {
    area: 'stream',
    subject: 'local-runtime',
    fault: 'thrown error in a batch',
    expected: 'bisected until the poison is alone, only it dead-lettered',
    packageDirectory: 'packages/local-runtime',
    testName:
      'deliverRecords bisects on a thrown error until the poison record is alone, then dead-letters only it after the retries',
  },
  {
    area: 'stream',
    subject: 'core writer',
    fault: 'UnprocessedItems',
    expected: 'retried until every item is stored',
    packageDirectory: 'packages/core',
    testName: 'createItemWriter().putItems on DynamoDB Local retries UnprocessedItems until every item is stored',
  },
  {
    area: 'stream',
    subject: 'core writer',
    fault: 'ThrottlingException past the SDK',
    expected: 'retried with the policy',
    packageDirectory: 'packages/core',
    testName:
      'createItemWriter().putItems on DynamoDB Local retries throttling that reaches the writer (ThrottlingException past the SDK) with the policy',
  },
  {
    area: 'crash',
    subject: 'cli',
    fault: 'SIGKILL during scraping',
    expected: 'next run: 400 items, all enriched, none duplicated',
    packageDirectory: 'apps/cli',
    testName:
      'a run killed with SIGKILL during scraping is completed by the next run: 400 items, all enriched, none duplicated',
  },
  {
    area: 'security',
    subject: 'scraper-kit',
    fault: 'User-Agent',
    expected: 'descriptive User-Agent with contact',
    packageDirectory: 'packages/scraper-kit',
    testName: 'createHttpClient sends a descriptive User-Agent with contact',
  },
];
