import { type CommandIo, printJson, printLine } from '../command-io.js';
import { enrichmentOf, formatRunStatus } from '../commands/status.js';
import type { StatusFlags } from '../flags.js';
import { parseWeekOption } from '../option-parsers.js';
import type { DeployedStack } from './deployed-stack.js';

/** `status --aws`: the deployed run ledger, newest run first. */
export async function awsStatusCommand(flags: StatusFlags, stack: DeployedStack, io: CommandIo): Promise<number> {
  const week = flags.week === undefined ? undefined : parseWeekOption(flags.week, io.now());
  const { ledger, readWeek } = stack.tables();
  const { runs } = await ledger.listRuns({ ...(week ? { week } : {}), limit: flags.limit });
  const statuses = await Promise.all(
    runs.map(async (run) => ({ ...run, enrichment: enrichmentOf(run, await readWeek(run.week)) })),
  );
  if (flags.json) printJson(io, { runs: statuses });
  else if (statuses.length === 0) printLine(io, `No runs recorded in stack ${stack.name} yet.`);
  else for (const status of statuses) for (const line of [...formatRunStatus(status), '']) printLine(io, line);
  return 0;
}
