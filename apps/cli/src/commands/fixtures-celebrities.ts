import { rename, writeFile } from 'node:fs/promises';
import { generateCelebrityList } from '@celebrity-pipeline/celebrities';
import { type CommandIo, printLine } from '../command-io.js';
import type { FixturesCelebritiesFlags } from '../flags.js';

/**
 * `fixtures celebrities --count N`: a synthetic celebrity list of any size (deterministic for count and seed),
 * to stdout or to `--out FILE` (written whole or not at all). The fixtures answer for any list, so
 * `run --celebrities FILE` works offline at 10,000.
 */
export async function fixturesCelebritiesCommand(flags: FixturesCelebritiesFlags, io: CommandIo): Promise<number> {
  const list = generateCelebrityList(flags.count, flags.seed === undefined ? {} : { seed: flags.seed });
  const text = `${JSON.stringify(list, null, 2)}\n`;
  if (flags.out === undefined) {
    io.stdout.write(text);
    return 0;
  }
  const temporary = `${flags.out}.${process.pid}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, flags.out);
  printLine(io, `${list.celebrities.length} celebrities written to ${flags.out}`);
  return 0;
}
