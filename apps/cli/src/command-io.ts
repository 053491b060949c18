import type { OutputStreams } from './progress.js';

/** What a command reads from and writes to, injected so commands run in-process in tests. */
export interface CommandIo extends OutputStreams {
  environment: Readonly<Record<string, string | undefined>>;
  now: () => Date;
  /** Aborts on Ctrl-C / SIGTERM. */
  signal: AbortSignal;
}

/** Writes one line to stdout. */
export function printLine(io: Pick<CommandIo, 'stdout'>, line = ''): void {
  io.stdout.write(`${line}\n`);
}

/** Writes a value as pretty JSON to stdout (`--json`). */
export function printJson(io: Pick<CommandIo, 'stdout'>, value: unknown): void {
  io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
