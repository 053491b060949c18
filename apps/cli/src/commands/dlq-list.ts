import type { DeadLetter } from '@celebrity-pipeline/local-runtime';
import { type CommandIo, printJson, printLine } from '../command-io.js';
import type { DlqListFlags } from '../flags.js';
import { openLocalContext } from '../local-context.js';

/** One line of `dlq list`. */
export function formatDeadLetterLine(letter: DeadLetter): string {
  const payload = letter.payload;
  const subject =
    payload.kind === 'scraper-invocation'
      ? `scraper ${payload.source} week ${payload.week} (${payload.stage})`
      : `stream ${payload.records.length} record(s) of shard ${payload.shardId}`;
  return `${letter.id}  ${letter.queue}  ${subject}  ${letter.condition} after ${letter.attempts} attempt(s): ${letter.errorName}: ${letter.errorMessage}`;
}

/** `dlq list`. */
export async function dlqListCommand(flags: DlqListFlags, io: CommandIo): Promise<number> {
  const context = await openLocalContext(flags, { createTables: false, environment: io.environment });
  try {
    const letters = context.streamArn ? await context.deadLetters.list() : [];
    if (flags.json) printJson(io, letters);
    else if (letters.length === 0) printLine(io, 'The DLQ is empty.');
    else for (const letter of letters) printLine(io, formatDeadLetterLine(letter));
    return 0;
  } finally {
    await context.close();
  }
}
