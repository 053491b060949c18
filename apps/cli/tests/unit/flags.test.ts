import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import type { CommandIo } from '../../src/command-io.js';
import { UsageError } from '../../src/errors.js';
import { FLAG_SCHEMAS, parseFlags, runFlagsSchema, statusFlagsSchema } from '../../src/flags.js';
import { buildProgram, commandPath } from '../../src/program.js';

const io = {
  stdout: process.stdout,
  stderr: process.stderr,
  environment: {},
  now: () => new Date(),
  signal: new AbortController().signal,
} as CommandIo;

function leaves(command: Command): Command[] {
  return command.commands.length === 0 ? [command] : command.commands.flatMap(leaves);
}

describe('command flags', () => {
  it('has one schema per command, with exactly the options the program declares', () => {
    const { program } = buildProgram(io);
    const commands = leaves(program);
    expect(commands.map(commandPath).sort()).toEqual(Object.keys(FLAG_SCHEMAS).sort());
    for (const command of commands) {
      const schema = FLAG_SCHEMAS[commandPath(command) as keyof typeof FLAG_SCHEMAS];
      expect(command.options.map((option) => option.attributeName()).sort(), commandPath(command)).toEqual(
        Object.keys(schema.shape).sort(),
      );
    }
  });

  it('parses the values commander hands over, with the stack defaulted', () => {
    expect(parseFlags(statusFlagsSchema, { limit: 10, aws: true }, 'status')).toEqual({
      limit: 10,
      aws: true,
      stack: 'CelebrityPipeline',
    });
  });

  it('names each offending flag in a usage error', () => {
    const parse = () => parseFlags(runFlagsSchema, { timeScale: 2, dbPort: 70_000, bogus: true }, 'run');
    expect(parse).toThrow(UsageError);
    expect(parse).toThrow(/^run: (?=.*--time-scale: )(?=.*--db-port: )(?=.*unexpected option --bogus)/);
  });
});
