import { type CommandIo, printJson } from '../command-io.js';
import type { DatabaseFlags } from '../flags.js';
import { openLocalContext } from '../local-context.js';

/** `dlq show ID`: the whole message, payload included. */
export async function dlqShowCommand(id: string, flags: DatabaseFlags, io: CommandIo): Promise<number> {
  const context = await openLocalContext(flags, { createTables: false, environment: io.environment });
  try {
    printJson(io, await context.deadLetters.get(id));
    return 0;
  } finally {
    await context.close();
  }
}
