import { DEFAULT_STACK_NAME, describeError } from '@celebrity-pipeline/core';
import type { FaultRule } from '@celebrity-pipeline/fixtures';
import { DEFAULT_LOCAL_TIME_SCALE } from '@celebrity-pipeline/local-runtime';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import type { z } from 'zod';
import { type AwsClients, defaultAwsClients } from './aws/aws-clients.js';
import { type DeployedStack, openDeployedStack } from './aws/deployed-stack.js';
import { awsDlqListCommand } from './aws/dlq-list.js';
import { awsDlqRedriveCommand } from './aws/dlq-redrive.js';
import { awsDlqShowCommand } from './aws/dlq-show.js';
import { awsRankingCommands } from './aws/ranking-commands.js';
import { awsReportCommand } from './aws/report.js';
import { awsStatusCommand } from './aws/status.js';
import { awsTriggerCommand } from './aws/trigger.js';
import { awsVerifyCommand } from './aws/verify.js';
import type { CommandIo } from './command-io.js';
import { dlqListCommand } from './commands/dlq-list.js';
import { dlqRedriveCommand } from './commands/dlq-redrive.js';
import { dlqShowCommand } from './commands/dlq-show.js';
import { fixturesCelebritiesCommand } from './commands/fixtures-celebrities.js';
import { fixturesServeCommand } from './commands/fixtures-serve.js';
import { DEFAULT_LOCAL_PORT, localUpCommand } from './commands/local-up.js';
import { planCommand } from './commands/plan.js';
import { historyCommand, rescoreCommand, topCommand } from './commands/rankings.js';
import { reportCommand } from './commands/report.js';
import { runCommand } from './commands/run.js';
import { scheduleCommand } from './commands/schedule.js';
import { statusCommand } from './commands/status.js';
import { verifyCommand } from './commands/verify.js';
import { exitCodeOf, SELF_EXPLAINING_ERRORS, UsageError } from './errors.js';
import {
  dlqListFlagsSchema,
  dlqRedriveFlagsSchema,
  dlqShowFlagsSchema,
  fixturesCelebritiesFlagsSchema,
  fixturesServeFlagsSchema,
  historyFlagsSchema,
  localUpFlagsSchema,
  parseFlags,
  planFlagsSchema,
  reportFlagsSchema,
  rescoreFlagsSchema,
  runFlagsSchema,
  scheduleFlagsSchema,
  statusFlagsSchema,
  topFlagsSchema,
  triggerFlagsSchema,
  verifyFlagsSchema,
} from './flags.js';
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
const nonNegativeInteger = asArgument<number>((value) => {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) {
    throw new UsageError(`expected a non-negative integer, got \`${value}\``);
  }
  return number;
});
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

/** `--aws` (what it reads or does on the deployed stack) and `--stack NAME`. */
function withAwsOptions(command: Command, what: string): Command {
  return command
    .option('--aws', what)
    .option('--stack <name>', 'CloudFormation stack (with --aws)', DEFAULT_STACK_NAME);
}

/** `--json`: the result as JSON alone on stdout. */
function withJsonOption(command: Command, what = 'print the result as JSON (alone on stdout)'): Command {
  return command.option('--json', what);
}

type Action = (io: CommandIo) => Promise<number>;

/** Injected dependencies of the program (AWS clients for the `--aws` variants). */
export interface ProgramDependencies {
  aws?: () => AwsClients;
}

/**
 * Builds the `celebrity-pipeline` program. Each action parses its option values with its schema
 * (`flags.ts`) and stores its promise in `run` so the caller awaits it and maps the exit code (commander's
 * own errors are thrown with `exitOverride`).
 */
export function buildProgram(
  io: CommandIo,
  dependencies: ProgramDependencies = {},
): { program: Command; result: () => Promise<number> | undefined } {
  let pending: Promise<number> | undefined;
  let clients: AwsClients | undefined;
  /** Runs a command once its flags parse (a bad value is a UsageError, exit 2). */
  const start = <Schema extends z.ZodType>(
    schema: Schema,
    values: unknown,
    command: Command,
    action: (flags: z.output<Schema>) => Action,
  ) => {
    pending = Promise.resolve().then(() => action(parseFlags(schema, values, commandPath(command)))(io));
  };
  /** The deployed variant with `--aws`, else the local one. */
  const localOrDeployed =
    (
      flags: { aws?: boolean | undefined; stack: string },
      local: Action,
      deployed: (stack: DeployedStack, io: CommandIo) => Promise<number>,
    ): Action =>
    async (commandIo) => {
      if (!flags.aws) return local(commandIo);
      clients ??= (dependencies.aws ?? defaultAwsClients)();
      return deployed(await openDeployedStack(clients, flags.stack), commandIo);
    };

  const rankingsOnAws = awsRankingCommands(io, () => {
    clients ??= (dependencies.aws ?? defaultAwsClients)();
    return clients;
  });

  const program = new Command('celebrity-pipeline')
    .description('Weekly celebrity data pipeline: local cycle on DynamoDB Local, and checks of the deployed stack.')
    .showHelpAfterError('(add --help for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    });

  const run = withJsonOption(
    withPipelineOptions(
      withDatabaseOptions(
        program
          .command('run')
          .description('one weekly cycle: DynamoDB Local, the four scrapers, stream → post-processor, Phase 4C checks')
          .option('--week <YYYY-Www>', 'ISO week to collect (default: the last fully ended one, as the Sunday run)')
          .option('--sources <list>', 'comma-separated sources (default: tmdb,wikipedia,news,social)'),
      ),
    ),
    'print the report as JSON (no progress)',
  );
  run.action((values) => start(runFlagsSchema, values, run, (flags) => (commandIo) => runCommand(flags, commandIo)));

  const schedule = withJsonOption(
    withPipelineOptions(
      withDatabaseOptions(
        program
          .command('schedule')
          .description('run the cycle every Sunday 02:00 UTC until interrupted (never two at once)'),
      ),
    ),
    'JSON reports',
  );
  schedule.action((values) =>
    start(
      scheduleFlagsSchema,
      values,
      schedule,
      (flags) => (commandIo) =>
        scheduleCommand(commandIo, (signal) =>
          runCommand(flags, { ...commandIo, signal: AbortSignal.any([commandIo.signal, signal]) }),
        ),
    ),
  );

  const local = program.command('local').description('DynamoDB Local');
  const localUp = withDatabaseOptions(
    local
      .command('up')
      .description('serve DynamoDB Local on the persistent data until interrupted, for any AWS client')
      .option('--port <port>', 'port', port, DEFAULT_LOCAL_PORT),
  );
  localUp.action((values) =>
    start(
      localUpFlagsSchema,
      values,
      localUp,
      ({ port: dbPort, ...flags }) =>
        (commandIo) =>
          localUpCommand({ ...flags, dbPort }, commandIo),
    ),
  );

  const fixtures = program.command('fixtures').description('the fixture replay server and synthetic lists');
  const fixturesServe = fixtures
    .command('serve')
    .description('serve the recorded API fixtures (with fault switches) until interrupted')
    .option('--port <port>', 'port (default: a free one)', port)
    .option('--fault <route=kind>', 'fault switch, repeatable (e.g. tmdb.person=500, *=reset@taylor-swift)', fault);
  fixturesServe.action((values) =>
    start(
      fixturesServeFlagsSchema,
      values,
      fixturesServe,
      (flags) => (commandIo) => fixturesServeCommand(flags, commandIo),
    ),
  );

  const fixturesCelebrities = fixtures
    .command('celebrities')
    .description('write a synthetic celebrity list of any size (deterministic), e.g. for run --celebrities')
    .requiredOption('--count <n>', 'how many celebrities', positiveInteger)
    .option('--seed <n>', 'ordering seed (a non-negative integer; default 1)', nonNegativeInteger)
    .option('--out <file>', 'write the list here instead of stdout');
  fixturesCelebrities.action((values) =>
    start(
      fixturesCelebritiesFlagsSchema,
      values,
      fixturesCelebrities,
      (flags) => (commandIo) => fixturesCelebritiesCommand(flags, commandIo),
    ),
  );

  const plan = withJsonOption(
    program
      .command('plan')
      .description(
        'how a list runs on AWS: per source shards, MaxConcurrency, requests, wall time at the live limits, cost',
      )
      .option('--celebrities <file>', 'celebrity list (default: the bundled 100)'),
  );
  plan.action((values) =>
    start(planFlagsSchema, values, plan, (flags) => (commandIo) => planCommand(flags, commandIo)),
  );

  const status = withJsonOption(
    withAwsOptions(
      withDatabaseOptions(
        program
          .command('status')
          .description('the run ledger: each run with per-source counts, durations and enrichment')
          .option('--week <YYYY-Www>', 'only this ISO week')
          .option('--limit <n>', 'at most this many runs', positiveInteger, 10),
      ),
      'read the deployed stack instead',
    ),
  );
  status.action((values) =>
    start(statusFlagsSchema, values, status, (flags) =>
      localOrDeployed(
        flags,
        (commandIo) => statusCommand(flags, commandIo),
        (stack, commandIo) => awsStatusCommand(flags, stack, commandIo),
      ),
    ),
  );

  const dlq = program.command('dlq').description('the dead-letter queue (local, or the stack SQS queues with --aws)');
  const dlqList = withJsonOption(
    withAwsOptions(withDatabaseOptions(dlq.command('list').description('list the messages')), 'the deployed stack'),
  );
  dlqList.action((values) =>
    start(dlqListFlagsSchema, values, dlqList, (flags) =>
      localOrDeployed(
        flags,
        (commandIo) => dlqListCommand(flags, commandIo),
        (stack, commandIo) => awsDlqListCommand(flags, stack, commandIo),
      ),
    ),
  );
  const dlqShow = withAwsOptions(
    withDatabaseOptions(
      dlq
        .command('show')
        .description('show one message with its payload')
        .argument('<id>', 'message id (from dlq list)'),
    ),
    'the deployed stack',
  );
  dlqShow.action((id: string, values) =>
    start(dlqShowFlagsSchema, values, dlqShow, (flags) =>
      localOrDeployed(
        flags,
        (commandIo) => dlqShowCommand(id, flags, commandIo),
        (stack, commandIo) => awsDlqShowCommand(id, stack, commandIo),
      ),
    ),
  );
  const dlqRedrive = withJsonOption(
    withAwsOptions(
      withPipelineOptions(
        withDatabaseOptions(
          dlq
            .command('redrive')
            .description(
              'send messages back: re-invoke the scraper / re-deliver the stream records, then complete the week',
            )
            .argument('[id]', 'message id (from dlq list)')
            .option('--all', 'every message'),
        ),
      ),
      'the deployed stack',
    ),
  );
  dlqRedrive.action((id: string | undefined, values) =>
    start(dlqRedriveFlagsSchema, values, dlqRedrive, (flags) =>
      localOrDeployed(
        flags,
        (commandIo) => dlqRedriveCommand(id, flags, commandIo),
        (stack, commandIo) => awsDlqRedriveCommand(id, flags, stack, commandIo),
      ),
    ),
  );

  const verify = withJsonOption(
    withAwsOptions(
      withDatabaseOptions(
        program
          .command('verify')
          .description('the spec test protocol 4A–4D as PASS/FAIL checks; says whether the schedule is safe to enable')
          .option('--celebrities <file>', 'celebrity list the counts are checked against (default: the bundled 100)'),
      ),
      'check the deployed stack',
    ),
  );
  verify.action((values) =>
    start(verifyFlagsSchema, values, verify, (flags) =>
      localOrDeployed(
        flags,
        (commandIo) => verifyCommand(flags, commandIo),
        (stack, commandIo) => awsVerifyCommand(flags, stack, commandIo),
      ),
    ),
  );

  const report = withJsonOption(
    withAwsOptions(
      withDatabaseOptions(
        program
          .command('report')
          .description("the week's data-quality report: one self-contained HTML page (charts, coverage, DLQ)")
          .option('--week <YYYY-Www>', 'ISO week (default: the last fully ended one)')
          .option('--out <file>', 'where to write the page (default: report-<week>.html)')
          .option('--celebrities <file>', 'celebrity list for the coverage grid (default: the bundled 100)'),
      ),
      'read the deployed stack instead (tables from its outputs, DLQ messages from its queues)',
    ),
    'print the figures as JSON instead of writing the page',
  );
  report.action((values) =>
    start(reportFlagsSchema, values, report, (flags) =>
      localOrDeployed(
        flags,
        (commandIo) => reportCommand(flags, commandIo),
        (stack, commandIo) => awsReportCommand(flags, stack, commandIo),
      ),
    ),
  );

  const trigger = withJsonOption(
    program
      .command('trigger')
      .description('the manual run on AWS: starts the collection state machine with a Scheduled Event')
      .addOption(new Option('--aws', 'required: trigger the deployed stack').makeOptionMandatory())
      .option('--stack <name>', 'CloudFormation stack', DEFAULT_STACK_NAME),
  );
  trigger.action((values) =>
    start(triggerFlagsSchema, values, trigger, (flags) =>
      localOrDeployed(
        flags,
        () => Promise.reject(new UsageError('trigger: only the deployed stack can be triggered; add --aws')),
        (stack, commandIo) => awsTriggerCommand(flags, stack, commandIo),
      ),
    ),
  );

  const top = withJsonOption(
    withAwsOptions(
      withDatabaseOptions(
        program
          .command('top')
          .description("the week's ranking: rank, name, score, previous rank and score change (a Query, not a scan)")
          .option('--week <YYYY-Www>', 'ISO week (default: the latest stored one)')
          .option('--limit <n>', 'how many', positiveInteger, 20),
      ),
      'read the deployed table (named by the stack outputs)',
    ),
  );
  top.action((values) =>
    start(
      topFlagsSchema,
      values,
      top,
      (flags) => (commandIo) => (flags.aws ? rankingsOnAws.top(flags) : topCommand(flags, commandIo)),
    ),
  );

  const history = withJsonOption(
    withAwsOptions(
      withDatabaseOptions(
        program
          .command('history')
          .description("a celebrity's weekly series: score, rank, each source's weight and sentiment")
          .argument('<celebrity-id>', 'e.g. taylor-swift')
          .option('--weeks <n>', 'how many weeks back', positiveInteger, 12)
          .option('--week <YYYY-Www>', 'last week of the series (default: the latest stored one)'),
      ),
      'read the deployed table (named by the stack outputs)',
    ),
  );
  history.action((celebrityId: string, values) =>
    start(
      historyFlagsSchema,
      values,
      history,
      (flags) => (commandIo) =>
        flags.aws ? rankingsOnAws.history(celebrityId, flags) : historyCommand(celebrityId, flags, commandIo),
    ),
  );

  const rescore = withJsonOption(
    withAwsOptions(
      withDatabaseOptions(
        program
          .command('rescore')
          .description('re-enrich the items of another processor_version with this post-processor, then re-rank')
          .option('--week <YYYY-Www>', 'ISO week (default: the latest stored one)')
          .option('--all-weeks', 'every stored week')
          .option('--dry-run', 'count what would be re-scored; write nothing'),
      ),
      'through the deployed post-processor function (table and function from the stack outputs)',
    ).option('--verbose', 'let the post-processor log (Powertools JSON lines)'),
    'JSON counts',
  );
  rescore.action((values) =>
    start(
      rescoreFlagsSchema,
      values,
      rescore,
      (flags) => (commandIo) => (flags.aws ? rankingsOnAws.rescore(flags) : rescoreCommand(flags, commandIo)),
    ),
  );

  return { program, result: () => pending };
}

/** The command's full name (`dlq redrive`), for messages. */
export function commandPath(command: Command): string {
  const names: string[] = [];
  for (let current: Command | null = command; current?.parent; current = current.parent) names.unshift(current.name());
  return names.join(' ');
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
