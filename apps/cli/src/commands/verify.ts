import { loadCelebrities } from '@celebrity-pipeline/celebrities';
import { SOURCES } from '@celebrity-pipeline/core';
import { type Check, describeTableIfExists } from '@celebrity-pipeline/local-runtime';
import { type CommandIo, printJson, printLine } from '../command-io.js';
import type { VerifyFlags } from '../flags.js';
import { openLocalContext } from '../local-context.js';
import { formatCheck } from '../report-format.js';
import {
  dataQualityChecks,
  emptyDeadLetterCheck,
  localFilterCheck,
  parallelStartCheck,
  tableCheck,
  verdictLine,
} from '../verification.js';

/** Prints PASS/FAIL lines and the verdict; exit 1 when a check fails. */
export function reportChecks(checks: readonly Check[], isJson: boolean, io: CommandIo): number {
  const isPassed = checks.every((check) => check.isPassed);
  if (isJson) printJson(io, { isPassed, checks, verdict: verdictLine(checks) });
  else {
    for (const check of checks) printLine(io, formatCheck(check));
    printLine(io, verdictLine(checks));
  }
  return isPassed ? 0 : 1;
}

/** `verify`: the spec's test protocol 4A–4D against the local database (reads only, creates nothing). */
export async function verifyCommand(flags: VerifyFlags, io: CommandIo): Promise<number> {
  const list = await loadCelebrities(flags.celebrities);
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
    const checks = [
      tableCheck(table, names.items),
      parallelStartCheck(lastRun, invocations),
      localFilterCheck(),
      ...dataQualityChecks(lastRun?.week, items, list.celebrities.length * SOURCES.length),
      emptyDeadLetterCheck(deadLetterCount, `the local DLQ (${names.state})`),
    ];
    return reportChecks(checks, flags.json ?? false, io);
  } finally {
    await context.close();
  }
}
