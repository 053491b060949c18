import { loadCelebrities } from '@celebrity-pipeline/celebrities';
import { type Check, SOURCES, STACK_OUTPUT_KEYS, WEEKLY_SCHEDULE } from '@celebrity-pipeline/core';
import { describeTableIfExists } from '@celebrity-pipeline/local-runtime';
import type { CommandIo } from '../command-io.js';
import { reportChecks } from '../commands/verify.js';
import type { VerifyFlags } from '../flags.js';
import { judgedList } from '../run-list.js';
import { AWS_VERIFY_CHECK_IDS, dataQualityChecks, parallelStartCheck, tableCheck } from '../verification.js';
import { mappingCheck, ruleCheck } from './deployed-checks.js';
import type { DeployedStack } from './deployed-stack.js';
import { postProcessorFunctionName } from './stack-outputs.js';
import { approximateCount } from './stack-queues.js';

/** `verify --aws`: 4A–4D against the deployed stack. */
export async function awsVerifyCommand(flags: VerifyFlags, stack: DeployedStack, io: CommandIo): Promise<number> {
  if (flags.celebrities !== undefined) await loadCelebrities(flags.celebrities);
  const { outputs, clients } = stack;
  const { tableName, ledger, readWeek } = stack.tables();
  const [table, lastRun] = await Promise.all([
    describeTableIfExists(clients.dynamodb, tableName),
    ledger.listRuns({ limit: 1 }).then(({ runs }) => runs[0]),
  ]);
  const items = lastRun ? await readWeek(lastRun.week) : [];
  const { list } = await judgedList(flags.celebrities, lastRun?.summaries ?? []);
  const queues = stack.queues();
  const counts = await Promise.all(queues.map((queue) => approximateCount(clients.sqs, queue.url)));
  const checks: Check[] = [
    tableCheck(table, tableName),
    await ruleCheck(clients.eventBridge, outputs[STACK_OUTPUT_KEYS.ruleName] ?? WEEKLY_SCHEDULE.ruleName, outputs),
    parallelStartCheck(lastRun),
    await mappingCheck(
      clients.lambda,
      postProcessorFunctionName(outputs),
      outputs[STACK_OUTPUT_KEYS.tableStreamArn] ?? table?.LatestStreamArn,
    ),
    ...dataQualityChecks(lastRun?.week, items, list.celebrities.length * SOURCES.length),
    {
      id: 'dlq-empty',
      name: 'DLQ empty',
      isPassed: counts.every((count) => count === 0),
      detail: queues.map((queue, index) => `${queue.role} ${counts[index]}`).join(', '),
    },
  ];
  return reportChecks(checks, AWS_VERIFY_CHECK_IDS, Boolean(flags.json), io);
}
