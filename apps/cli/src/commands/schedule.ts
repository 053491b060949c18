import { WEEKLY_SCHEDULE } from '@celebrity-pipeline/core';
import { Cron } from 'croner';
import { type CommandIo, printLine } from '../command-io.js';
import { untilAborted } from '../wait-for-signal.js';

/** How many upcoming run times `schedule` prints. */
export const UPCOMING_RUNS_SHOWN = 3;

/** A run of the cycle, given a signal that aborts it (injected in tests). */
export type ScheduledRun = (signal: AbortSignal) => Promise<number>;

/**
 * `schedule`: runs the cycle on core's weekly schedule (`0 2 * * SUN`, UTC) until SIGINT/SIGTERM. croner's
 * `protect` never starts a run while one is active; on a signal the active run is stopped cleanly first.
 */
export async function scheduleCommand(
  io: CommandIo,
  runCycle: ScheduledRun,
  options: { pattern?: string } = {},
): Promise<number> {
  let active: { controller: AbortController; done: Promise<number> } | undefined;
  let lastExitCode = 0;
  const pattern = options.pattern ?? WEEKLY_SCHEDULE.localCron;
  const job = new Cron(
    pattern,
    {
      timezone: WEEKLY_SCHEDULE.timezone,
      protect: (blocked) =>
        printLine(
          io,
          `${new Date().toISOString()} skipped: the run started ${blocked.currentRun()?.toISOString()} is still active`,
        ),
    },
    async () => {
      const controller = new AbortController();
      printLine(io, `${new Date().toISOString()} starting the weekly run`);
      const done = runCycle(controller.signal);
      active = { controller, done };
      lastExitCode = await done.catch((error: unknown) => {
        io.stderr.write(`run failed: ${(error as Error).message}\n`);
        return 1;
      });
      active = undefined;
      printLine(
        io,
        `${new Date().toISOString()} run finished with exit code ${lastExitCode}; next: ${job.nextRun()?.toISOString()}`,
      );
    },
  );
  printLine(io, `Scheduled \`${pattern}\` (${WEEKLY_SCHEDULE.timezone}, rule ${WEEKLY_SCHEDULE.ruleName}). Next runs:`);
  for (const next of job.nextRuns(UPCOMING_RUNS_SHOWN)) printLine(io, `  ${next.toISOString()}`);
  printLine(io, 'Waiting; Ctrl-C to stop.');
  await untilAborted(io.signal);
  job.stop();
  if (active) {
    printLine(io, 'Stopping the active run…');
    active.controller.abort();
    await active.done.catch(() => 1);
  }
  printLine(io, 'Scheduler stopped.');
  return 0;
}
