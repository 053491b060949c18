import { loadCelebrities } from '@celebrity-pipeline/celebrities';
import { type Check, SOURCES } from '@celebrity-pipeline/core';
import { describeTableIfExists } from '@celebrity-pipeline/local-runtime';
import { type CommandIo, printJson, printLine } from '../command-io.js';
import type { VerifyFlags } from '../flags.js';
import { openLocalContext } from '../local-context.js';
import { formatCheck } from '../report-format.js';
import { judgedList } from '../run-list.js';
import {
  dataQualityChecks,
  emptyDeadLetterCheck,
  LOCAL_VERIFY_CHECK_IDS,
  localFilterCheck,
  parallelStartCheck,
  tableCheck,
  verificationOutcome,
} from '../verification.js';

/** Prints PASS/FAIL lines and the verdict; exit 1 when a check fails or a required one is missing. */
export function reportChecks(
  checks: readonly Check[],
  requiredIds: readonly string[],
  isJson: boolean,
  io: CommandIo,
): number {
  const { isPassed, missing, verdict } = verificationOutcome(checks, requiredIds);
  if (isJson) printJson(io, { isPassed, checks, missing, verdict });
  else {
    for (const check of checks) printLine(io, formatCheck(check));
    printLine(io, verdict);
  }
  return isPassed ? 0 : 1;
}

/** `verify`: the spec's test protocol 4A–4D against the local database (reads only, creates nothing). */
export async function verifyCommand(flags: VerifyFlags, io: CommandIo): Promise<number> {
  if (flags.celebrities !== undefined) await loadCelebrities(flags.celebrities);
  const context = await openLocalContext(flags, { createTables: false, environment: io.environment });
  try {
    const { names } = context;
    const [table, ledgerTable, stateTable] = await Promise.all(
      [names.items, names.runLedger, names.state].map((name) => describeTableIfExists(context.database.dynamodb, name)),
    );
    const lastRun = ledgerTable ? (await context.ledger.listRuns({ limit: 1 })).runs[0] : undefined;
    const items = lastRun && table ? await context.readWeek(lastRun.week) : [];
    const invocations = lastRun && stateTable ? await context.invocationLog.listRun(lastRun.runId) : [];
    const deadLetterCount = stateTable ? (await context.deadLetters.list()).length : 0;
    const { list } = await judgedList(flags.celebrities, lastRun?.summaries ?? []);
    const checks = [
      tableCheck(table, names.items),
      parallelStartCheck(lastRun, invocations),
      localFilterCheck(),
      ...dataQualityChecks(lastRun?.week, items, list.celebrities.length * SOURCES.length),
      emptyDeadLetterCheck(deadLetterCount, `the local DLQ (${names.state})`),
    ];
    return reportChecks(checks, LOCAL_VERIFY_CHECK_IDS, flags.json ?? false, io);
  } finally {
    await context.close();
  }
}
