import type { CommandIo } from '../command-io.js';
import { outputReport } from '../commands/report.js';
import type { ReportFlags } from '../flags.js';
import { parseWeekOption } from '../option-parsers.js';
import { readTrendSummaries } from '../rankings/ranking-reads.js';
import type { DeployedStack } from './deployed-stack.js';
import { peekMessages, sqsDeadLetter } from './stack-queues.js';

/** `report --aws`: the week's report from the deployed tables and the messages waiting in the stack's queues. */
export async function awsReportCommand(flags: ReportFlags, stack: DeployedStack, io: CommandIo): Promise<number> {
  const week = parseWeekOption(flags.week, io.now());
  const { ledger, readWeek, documentClient, tableName } = stack.tables();
  const items = await readWeek(week);
  const runs = (await ledger.listRuns()).runs.flatMap((run) => run.summaries);
  const deadLetters = (
    await Promise.all(
      stack
        .queues()
        .map(async (queue) =>
          (await peekMessages(stack.clients.sqs, queue.url)).map((message) => sqsDeadLetter(queue.role, message)),
        ),
    )
  ).flat();
  const summaries = await readTrendSummaries({ client: documentClient, tableName }, week);
  return outputReport(week, { items, runs, deadLetters, summaries }, flags, io);
}
