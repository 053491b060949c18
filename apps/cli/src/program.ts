import { DEFAULT_STACK_NAME, describeError } from '@celebrity-pipeline/core';
import type { FaultRule } from '@celebrity-pipeline/fixtures';
import { DEFAULT_LOCAL_TIME_SCALE } from '@celebrity-pipeline/local-runtime';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { type AwsClients, awsCommands, defaultAwsClients } from './aws/aws-commands.js';
import { awsRankingCommands } from './aws/ranking-commands.js';
import type { CommandIo } from './command-io.js';
import { dlqListCommand, dlqRedriveCommand, dlqShowCommand } from './commands/dlq.js';
import { fixturesServeCommand } from './commands/fixtures-serve.js';
import { DEFAULT_LOCAL_PORT, localUpCommand } from './commands/local-up.js';
import { historyCommand, rescoreCommand, topCommand } from './commands/rankings.js';
import { reportCommand } from './commands/report.js';
import { type RunFlags, runCommand } from './commands/run.js';
import { scheduleCommand } from './commands/schedule.js';
import { statusCommand } from './commands/status.js';
import { verifyCommand } from './commands/verify.js';
import { exitCodeOf, SELF_EXPLAINING_ERRORS, UsageError } from './errors.js';
import { TABLE_ENVIRONMENT_VARIABLE } from './local-context.js';
import { parseFaultOption, parsePortOption, parseTimeScaleOption } from './option-parsers.js';

/** Wraps a parser so commander reports its UsageError as an invalid argument. */
function asArgument<T>(parse: (value: string, previous: T) => T): (value: string, previous: T) => T {
  return (value, previous) => {
    try {
      return parse(value, previous);
    } catch (error) {
      throw new InvalidArgumentError((error as Error).message);
    }
  };
}

const port = asArgument<number>((value) => parsePortOption(value));
const fault = asArgument<FaultRule[]>((value, previous) => parseFaultOption(value, previous));
const timeScale = asArgument<number>((value) => parseTimeScaleOption(value));
const positiveInteger = asArgument<number>((value) => {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new UsageError(`expected a positive integer, got \`${value}\``);
  return number;
});

function withDatabaseOptions(command: Command): Command {
  return command
    .option('--endpoint <url>', 'use a DynamoDB (Local) already running at this URL')
    .option('--in-memory', 'throwaway in-memory DynamoDB Local instead of the persistent one')
    .option('--data-dir <dir>', 'directory of the persistent DynamoDB Local data', '.celebrity-pipeline/dynamodb')
    .option('--db-port <port>', 'port for the DynamoDB Local this command starts (default: a free one)', port)
    .option(
      '--table <name>',
      `observation table (ledger: <name>-runs, local state: <name>-local); env ${TABLE_ENVIRONMENT_VARIABLE}`,
    );
}

function withPipelineOptions(command: Command): Command {
  return command
    .option('--celebrities <file>', 'celebrity list (celebrities.json); default: the bundled 100')
    .option('--live', 'call the real APIs (credentials from the environment) instead of the fixture replay server')
    .option(
      '--fault <route=kind>',
      'replay-server fault switch, repeatable (e.g. tmdb.person=401, gdelt.doc=throttle)',
      fault,
    )
    .addOption(
      new Option(
        '--time-scale <factor>',
        'local retry delays, event ages, batching window and fixture request spacing as a fraction of the deployed ones',
      )
        .argParser(timeScale)
        .default(DEFAULT_LOCAL_TIME_SCALE, '1/60'),
    )
    .option('--verbose', 'let the scrapers and the post-processor log (Powertools JSON lines) and emit metrics');
}

type Action = (io: CommandIo) => Promise<number>;

/** Options shared by every command once parsed (commander merges them into one object per command). */
type Flags = Record<string, unknown> & { fault?: FaultRule[] };

function pipelineFlags(flags: Flags): RunFlags {
  const { fault: faults, dbPort, ...rest } = flags;
  return {
    ...(rest as unknown as RunFlags),
    ...(faults ? { faults } : {}),
    ...(dbPort ? { dbPort: dbPort as number } : {}),
  };
}

/** Injected dependencies of the program (AWS clients for the `--aws` variants). */
export interface ProgramDependencies {
  aws?: () => AwsClients;
}

/**
 * Builds the `celebrity-pipeline` program. Each action stores its promise in `run` so the caller awaits
 * it and maps the exit code (commander's own errors are thrown with `exitOverride`).
 */
export function buildProgram(
  io: CommandIo,
  dependencies: ProgramDependencies = {},
): { program: Command; result: () => Promise<number> | undefined } {
  let pending: Promise<number> | undefined;
  const start = (action: Action) => {
    pending = action(io);
  };
  const aws = awsCommands(io, dependencies.aws);
  let awsClients: AwsClients | undefined;
  const rankingsOnAws = awsRankingCommands(io, () => {
    awsClients ??= (dependencies.aws ?? defaultAwsClients)();
    return awsClients;
  });
  const program = new Command('celebrity-pipeline')
    .description('Weekly celebrity data pipeline: local cycle on DynamoDB Local, and checks of the deployed stack.')
    .showHelpAfterError('(add --help for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    });

  withPipelineOptions(
    withDatabaseOptions(
      program
        .command('run')
        .description('one weekly cycle: DynamoDB Local, the four scrapers, stream → post-processor, Phase 4C checks')
        .option('--week <YYYY-Www>', 'ISO week to collect (default: the current one)')
        .option('--sources <list>', 'comma-separated sources (default: tmdb,wikipedia,news,social)')
        .option('--json', 'print the report as JSON (no progress)'),
    ),
  ).action((flags: Flags) => start((commandIo) => runCommand(pipelineFlags(flags), commandIo)));

  program
    .command('schedule')
    .description(`run the cycle every Sunday 02:00 UTC until interrupted (never two at once)`)
    .option('--json', 'JSON reports');
  withPipelineOptions(withDatabaseOptions(program.commands.at(-1) as Command)).action((flags: Flags) =>
    start((commandIo) =>
      scheduleCommand(commandIo, (signal) =>
        runCommand(pipelineFlags(flags), { ...commandIo, signal: anySignal(commandIo.signal, signal) }),
      ),
    ),
  );

  const local = program.command('local').description('DynamoDB Local');
  withDatabaseOptions(
    local
      .command('up')
      .description('serve DynamoDB Local on the persistent data until interrupted, for any AWS client')
      .option('--port <port>', 'port', port, DEFAULT_LOCAL_PORT),
  ).action((flags: Flags) =>
    start((commandIo) => localUpCommand({ ...pipelineFlags(flags), dbPort: flags.port as number }, commandIo)),
  );

  const fixtures = program.command('fixtures').description('the fixture replay server');
  fixtures
    .command('serve')
    .description('serve the recorded API fixtures (with fault switches) until interrupted')
    .option('--port <port>', 'port (default: a free one)', port)
    .option('--fault <route=kind>', 'fault switch, repeatable (e.g. tmdb.person=500, *=reset@taylor-swift)', fault)
    .action((flags: Flags) =>
      start((commandIo) =>
        fixturesServeCommand(
          { ...(flags.port ? { port: flags.port as number } : {}), ...(flags.fault ? { faults: flags.fault } : {}) },
          commandIo,
        ),
      ),
    );

  withDatabaseOptions(
    program
      .command('status')
      .description('the run ledger: each run with per-source counts, durations and enrichment')
      .option('--week <YYYY-Www>', 'only this ISO week')
      .option('--limit <n>', 'at most this many runs', positiveInteger, 10)
      .option('--aws', 'read the deployed stack instead')
      .option('--stack <name>', 'CloudFormation stack (with --aws)', DEFAULT_STACK_NAME)
      .option('--json', 'JSON'),
  ).action((flags: Flags) =>
    start((commandIo) => (flags.aws ? aws.status(flags) : statusCommand(pipelineFlags(flags), commandIo))),
  );

  const dlq = program.command('dlq').description('the dead-letter queue (local, or the stack SQS queues with --aws)');
  withDatabaseOptions(
    dlq
      .command('list')
      .description('list the messages')
      .option('--aws', 'the deployed stack')
      .option('--stack <name>', 'CloudFormation stack (with --aws)', DEFAULT_STACK_NAME)
      .option('--json', 'JSON'),
  ).action((flags: Flags) =>
    start((commandIo) => (flags.aws ? aws.dlqList(flags) : dlqListCommand(pipelineFlags(flags), commandIo))),
  );
  withDatabaseOptions(
    dlq
      .command('show')
      .description('show one message with its payload')
      .argument('<id>', 'message id (from dlq list)')
      .option('--aws', 'the deployed stack')
      .option('--stack <name>', 'CloudFormation stack (with --aws)', DEFAULT_STACK_NAME),
  ).action((id: string, flags: Flags) =>
    start((commandIo) => (flags.aws ? aws.dlqShow(id, flags) : dlqShowCommand(id, pipelineFlags(flags), commandIo))),
  );
  withPipelineOptions(
    withDatabaseOptions(
      dlq
        .command('redrive')
        .description(
          'send messages back: re-invoke the scraper / re-deliver the stream records, then complete the week',
        )
        .argument('[id]', 'message id (from dlq list)')
        .option('--all', 'every message')
        .option('--aws', 'the deployed stack')
        .option('--stack <name>', 'CloudFormation stack (with --aws)', DEFAULT_STACK_NAME)
        .option('--json', 'JSON'),
    ),
  ).action((id: string | undefined, flags: Flags) =>
    start((commandIo) =>
      flags.aws ? aws.dlqRedrive(id, flags) : dlqRedriveCommand(id, pipelineFlags(flags), commandIo),
    ),
  );

  withDatabaseOptions(
    program
      .command('verify')
      .description('the spec test protocol 4A–4D as PASS/FAIL checks; says whether the schedule is safe to enable')
      .option('--celebrities <file>', 'celebrity list the counts are checked against (default: the bundled 100)')
      .option('--aws', 'check the deployed stack')
      .option('--stack <name>', 'CloudFormation stack (with --aws)', DEFAULT_STACK_NAME)
      .option('--json', 'JSON'),
  ).action((flags: Flags) =>
    start((commandIo) => (flags.aws ? aws.verify(flags) : verifyCommand(pipelineFlags(flags), commandIo))),
  );

  withDatabaseOptions(
    program
      .command('report')
      .description("the week's data-quality report: one self-contained HTML page (charts, coverage, DLQ)")
      .option('--week <YYYY-Www>', 'ISO week (default: the current one)')
      .option('--out <file>', 'where to write the page (default: report-<week>.html)')
      .option('--celebrities <file>', 'celebrity list for the coverage grid (default: the bundled 100)')
      .option('--aws', 'read the deployed stack instead (tables from its outputs, DLQ messages from its queues)')
      .option('--stack <name>', 'CloudFormation stack (with --aws)', DEFAULT_STACK_NAME)
      .option('--json', 'print the figures as JSON instead of writing the page'),
  ).action((flags: Flags) =>
    start((commandIo) =>
      flags.aws
        ? aws.report(flags)
        : reportCommand(
            { ...pipelineFlags(flags), ...(typeof flags.out === 'string' ? { out: flags.out } : {}) },
            commandIo,
          ),
    ),
  );

  withDatabaseOptions(
    program
      .command('top')
      .description("the week's ranking: rank, name, score, previous rank and score change (a Query, not a scan)")
      .option('--week <YYYY-Www>', 'ISO week (default: the latest stored one)')
      .option('--limit <n>', 'how many', positiveInteger, 20)
      .option('--aws', 'read the deployed table (named by the stack outputs)')
      .option('--stack <name>', 'CloudFormation stack (with --aws)', DEFAULT_STACK_NAME)
      .option('--json', 'JSON'),
  ).action((flags: Flags) =>
    start((commandIo) =>
      flags.aws
        ? rankingsOnAws.top(flags)
        : topCommand({ ...pipelineFlags(flags), limit: flags.limit as number }, commandIo),
    ),
  );

  withDatabaseOptions(
    program
      .command('history')
      .description("a celebrity's weekly series: score, rank, each source's weight and sentiment")
      .argument('<celebrity-id>', 'e.g. taylor-swift')
      .option('--weeks <n>', 'how many weeks back', positiveInteger, 12)
      .option('--week <YYYY-Www>', 'last week of the series (default: the latest stored one)')
      .option('--aws', 'read the deployed table (named by the stack outputs)')
      .option('--stack <name>', 'CloudFormation stack (with --aws)', DEFAULT_STACK_NAME)
      .option('--json', 'JSON'),
  ).action((celebrityId: string, flags: Flags) =>
    start((commandIo) =>
      flags.aws
        ? rankingsOnAws.history(celebrityId, flags)
        : historyCommand(celebrityId, { ...pipelineFlags(flags), weeks: flags.weeks as number }, commandIo),
    ),
  );

  withDatabaseOptions(
    program
      .command('rescore')
      .description('re-enrich the items of another processor_version with this post-processor, then re-rank')
      .option('--week <YYYY-Www>', 'ISO week (default: the latest stored one)')
      .option('--all-weeks', 'every stored week')
      .option('--dry-run', 'count what would be re-scored; write nothing')
      .option('--aws', 'through the deployed post-processor function (table and function from the stack outputs)')
      .option('--stack <name>', 'CloudFormation stack (with --aws)', DEFAULT_STACK_NAME)
      .option('--verbose', 'let the post-processor log (Powertools JSON lines)')
      .option('--json', 'JSON counts'),
  ).action((flags: Flags) =>
    start((commandIo) => (flags.aws ? rankingsOnAws.rescore(flags) : rescoreCommand(pipelineFlags(flags), commandIo))),
  );

  program
    .command('trigger')
    .description('the manual run on AWS: asynchronous invoke of the four scrapers with a Scheduled Event')
    .addOption(new Option('--aws', 'required: trigger the deployed stack').makeOptionMandatory())
    .option('--stack <name>', 'CloudFormation stack', DEFAULT_STACK_NAME)
    .option('--json', 'JSON')
    .action((flags: Flags) => start(() => aws.trigger(flags)));

  return { program, result: () => pending };
}

/** A signal that aborts when any of `signals` does. */
export function anySignal(...signals: AbortSignal[]): AbortSignal {
  const controller = new AbortController();
  for (const signal of signals) {
    if (signal.aborted) controller.abort();
    else signal.addEventListener('abort', () => controller.abort(), { once: true });
  }
  return controller.signal;
}

/** Parses `argv` (without node and script) and runs the command; returns the exit code. */
export async function runProgram(
  argv: readonly string[],
  io: CommandIo,
  dependencies: ProgramDependencies = {},
): Promise<number> {
  const { program, result } = buildProgram(io, dependencies);
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      const isHelpAsked =
        error.code === 'commander.helpDisplayed' || (error.code === 'commander.help' && argv[0] === 'help');
      return isHelpAsked || error.code === 'commander.version' ? 0 : 2;
    }
    throw error;
  }
  return (await result()) ?? 0;
}

/** The CLI: runs the command; any error becomes one message on stderr and a non-zero exit code. */
export async function main(
  argv: readonly string[],
  io: CommandIo,
  dependencies: ProgramDependencies = {},
): Promise<number> {
  try {
    return await runProgram(argv, io, dependencies);
  } catch (error) {
    io.stderr.write(`celebrity-pipeline: ${describeError(error, { messageOnly: SELF_EXPLAINING_ERRORS })}\n`);
    return exitCodeOf(error);
  }
}
