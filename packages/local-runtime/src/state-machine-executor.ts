import { type Clock, systemClock } from './clock.js';
import { StatesError } from './errors.js';
import { readPath, writePath } from './json-path.js';
import {
  type Catcher,
  type ChoiceState,
  checkMachine,
  type Machine,
  type MapState,
  type ParallelState,
  type Retrier,
  type State,
  type TaskState,
} from './state-machine-definition-check.js';

/** Invokes a function synchronously (`lambda:invoke`): its result, or a thrown error named as Lambda would. */
export type InvokeFunction = (functionName: string, payload: unknown) => Promise<unknown>;

/** What the executor reports while it runs (the execution history, reduced to what the local runtime uses). */
export type ExecutionEvent =
  | { type: 'task-started'; state: string; functionName: string; payload: unknown }
  | {
      type: 'task-retrying';
      state: string;
      functionName: string;
      payload: unknown;
      error: Error;
      attempt: number;
      delayMs: number;
    }
  | { type: 'task-succeeded'; state: string; functionName: string; payload: unknown; result: unknown; attempts: number }
  | { type: 'task-failed'; state: string; functionName: string; payload: unknown; error: Error; attempts: number }
  | { type: 'map-finished'; state: string; total: number; failures: Array<{ index: number; error: Error }> }
  | { type: 'caught'; state: string; error: Error; next: string };

/** Options of {@link executeStateMachine}. */
export interface ExecuteOptions {
  invoke: InvokeFunction;
  /** Sleeps between retries. Default: the system clock. */
  clock?: Clock;
  /** `JitterStrategy: FULL` draws the delay in `[0, delay]` with this. Default `Math.random`. */
  random?: () => number;
  /** Multiplies every Retry delay (the CLI's `--time-scale`: a second where AWS waits a minute). Default 1. */
  timeScale?: number;
  /** Stops the execution: no new invocation starts, retry waits end (invocations in flight are awaited). */
  signal?: AbortSignal;
  onEvent?: (event: ExecutionEvent) => void;
}

/** Error name of an execution stopped by its signal or by a failed sibling branch (not an AWS name). */
export const EXECUTION_STOPPED = 'ExecutionStopped';

/** Errors `States.ALL` and `States.TaskFailed` do not match, as in Step Functions. */
const UNMATCHED_BY_WILDCARDS = new Set(['States.Runtime', 'States.DataLimitExceeded', EXECUTION_STOPPED]);

interface Context {
  invoke: InvokeFunction;
  clock: Clock;
  random: () => number;
  timeScale: number;
  signal: AbortSignal;
  emit: (event: ExecutionEvent) => void;
}

/** The Step Functions error name of a failure: a {@link StatesError}'s `error`, else the thrown error's name. */
export function errorNameOf(error: Error): string {
  return error instanceof StatesError ? error.error : error.name;
}

/** Whether a retrier's `ErrorEquals` matches `name` (`States.ALL` and `States.TaskFailed` match any task error). */
export function matchesErrorEquals(errorEquals: readonly string[], name: string): boolean {
  if (errorEquals.includes(name)) return true;
  if (UNMATCHED_BY_WILDCARDS.has(name)) return false;
  return errorEquals.includes('States.ALL') || errorEquals.includes('States.TaskFailed');
}

/**
 * The wait before a retrier's retry number `retry` (1-based), in seconds: `IntervalSeconds × BackoffRate^(retry-1)`
 * capped at `MaxDelaySeconds`; with `JitterStrategy: FULL`, `random()` of it.
 */
export function retryDelaySeconds(retrier: Retrier, retry: number, random: () => number): number {
  const base = (retrier.IntervalSeconds ?? 1) * (retrier.BackoffRate ?? 2) ** (retry - 1);
  const capped = retrier.MaxDelaySeconds === undefined ? base : Math.min(base, retrier.MaxDelaySeconds);
  return retrier.JitterStrategy === 'FULL' ? random() * capped : capped;
}

const asError = (thrown: unknown): Error => (thrown instanceof Error ? thrown : new Error(String(thrown)));

function stopped(): StatesError {
  return new StatesError(EXECUTION_STOPPED, 'the execution was stopped before this state ran');
}

function readRequired(document: unknown, path: string, where: string): unknown {
  const { isPresent, value } = readPath(document, path);
  if (!isPresent) throw new StatesError('States.Runtime', `${where}: ${path} is not in the state's input`);
  return value;
}

function withResult(input: unknown, result: unknown, resultPath: string | null | undefined): unknown {
  if (resultPath === null) return input;
  return writePath(input, resultPath ?? '$', result);
}

function selectResult(selector: Record<string, unknown> | undefined, raw: unknown, where: string): unknown {
  if (!selector) return raw;
  return Object.fromEntries(
    Object.entries(selector).map(([key, value]) =>
      key.endsWith('.$')
        ? [key.slice(0, -2), readRequired(raw, String(value), `${where} ResultSelector`)]
        : [key, value],
    ),
  );
}

/** The retry wait for `error`, or `undefined` when no retrier matches or the matching one is used up. */
function nextRetry(state: TaskState, counts: number[], error: Error, random: () => number): number | undefined {
  const retriers = state.Retry ?? [];
  const index = retriers.findIndex((retrier) => matchesErrorEquals(retrier.ErrorEquals, errorNameOf(error)));
  const retrier = retriers[index];
  if (!retrier || (counts[index] ?? 0) >= (retrier.MaxAttempts ?? 3)) return undefined;
  counts[index] = (counts[index] ?? 0) + 1;
  return retryDelaySeconds(retrier, counts[index], random);
}

async function runTask(name: string, state: TaskState, input: unknown, context: Context): Promise<unknown> {
  if (context.signal.aborted) throw stopped();
  const functionName = state.Parameters.FunctionName;
  const payload = readRequired(input, state.Parameters['Payload.$'], `state ${name}`);
  const common = { state: name, functionName, payload };
  context.emit({ type: 'task-started', ...common });
  const counts: number[] = [];
  for (let attempt = 1; ; attempt++) {
    let result: unknown;
    try {
      result = await context.invoke(functionName, payload);
    } catch (thrown) {
      const error = asError(thrown);
      const delaySeconds = context.signal.aborted ? undefined : nextRetry(state, counts, error, context.random);
      if (delaySeconds === undefined) {
        context.emit({ type: 'task-failed', ...common, error, attempts: attempt });
        throw error;
      }
      const delayMs = delaySeconds * 1_000 * context.timeScale;
      context.emit({ type: 'task-retrying', ...common, error, attempt, delayMs });
      await context.clock.sleep(delayMs, context.signal);
      if (context.signal.aborted) {
        context.emit({ type: 'task-failed', ...common, error, attempts: attempt });
        throw error;
      }
      continue;
    }
    context.emit({ type: 'task-succeeded', ...common, result, attempts: attempt });
    return withResult(
      input,
      selectResult(state.ResultSelector, { Payload: result }, `state ${name}`),
      state.ResultPath,
    );
  }
}

function choose(name: string, state: ChoiceState, input: unknown): string {
  const rule = state.Choices.find((choice) => readPath(input, choice.Variable).isPresent === choice.IsPresent);
  const next = rule?.Next ?? state.Default;
  if (next === undefined) throw new StatesError('States.NoChoiceMatched', `state ${name}: no choice rule matched`);
  return next;
}

/** A signal that aborts with `parent` or when the returned controller aborts. */
function childSignal(parent: AbortSignal): { controller: AbortController; signal: AbortSignal } {
  const controller = new AbortController();
  return { controller, signal: AbortSignal.any([parent, controller.signal]) };
}

async function runParallel(state: ParallelState, input: unknown, context: Context): Promise<unknown> {
  const { controller, signal } = childSignal(context.signal);
  let firstError: Error | undefined;
  const settled = await Promise.allSettled(
    state.Branches.map((branch) =>
      runMachine(branch, input, { ...context, signal }).catch((thrown: unknown) => {
        // The first failure fails the Parallel and stops the other branches (what is in flight finishes).
        firstError ??= asError(thrown);
        controller.abort();
        throw thrown;
      }),
    ),
  );
  if (firstError) throw firstError;
  return withResult(
    input,
    settled.map((outcome) => (outcome.status === 'fulfilled' ? outcome.value : null)),
    state.ResultPath,
  );
}

async function runMap(name: string, state: MapState, input: unknown, context: Context): Promise<unknown> {
  const items = readRequired(input, state.ItemsPath ?? '$', `state ${name} ItemsPath`);
  if (!Array.isArray(items)) throw new StatesError('States.Runtime', `state ${name}: ItemsPath is not a list`);
  const tolerated = state.ToleratedFailurePercentage ?? 0;
  const isExceeded = (failed: number) => items.length > 0 && (failed / items.length) * 100 > tolerated;
  const { controller, signal } = childSignal(context.signal);
  const outputs: unknown[] = items.map(() => null);
  const failures: Array<{ index: number; error: Error }> = [];
  let next = 0;
  const worker = async () => {
    while (next < items.length && !signal.aborted) {
      const index = next++;
      try {
        outputs[index] = await runMachine(state.ItemProcessor, items[index], { ...context, signal });
      } catch (thrown) {
        const error = asError(thrown);
        if (errorNameOf(error) === EXECUTION_STOPPED) continue;
        failures.push({ index, error });
        // Once the tolerance is exceeded the Map has failed: no further item starts.
        if (isExceeded(failures.length)) controller.abort();
      }
    }
  };
  const workers = Math.min(items.length, state.MaxConcurrency || items.length);
  await Promise.all(Array.from({ length: workers }, worker));
  failures.sort((left, right) => left.index - right.index);
  context.emit({ type: 'map-finished', state: name, total: items.length, failures });
  if (isExceeded(failures.length)) {
    throw new StatesError(
      'States.ExceedToleratedFailureThreshold',
      `state ${name}: ${failures.length} of ${items.length} item(s) failed, more than the ${tolerated}% tolerated`,
      { cause: failures[0]?.error },
    );
  }
  if (context.signal.aborted) throw stopped();
  return withResult(input, outputs, state.ResultPath);
}

/** The catcher of `state` that handles `error`, as Step Functions picks it: the first whose ErrorEquals matches. */
function catcherFor(state: State, error: Error): Catcher | undefined {
  if (state.Type !== 'Task' && state.Type !== 'Map') return undefined;
  return state.Catch?.find((catcher) => matchesErrorEquals(catcher.ErrorEquals, errorNameOf(error)));
}

/** The error output a catcher writes: `{ Error, Cause }`, as Step Functions does. */
function errorOutput(error: Error): { Error: string; Cause: string } {
  return { Error: errorNameOf(error), Cause: error.message };
}

async function runState(name: string, state: State, input: unknown, context: Context): Promise<unknown> {
  if (state.Type === 'Pass') return withResult(input, 'Result' in state ? state.Result : input, state.ResultPath);
  if (state.Type === 'Task') return runTask(name, state, input, context);
  if (state.Type === 'Parallel') return runParallel(state, input, context);
  if (state.Type === 'Map') return runMap(name, state, input, context);
  throw new TypeError(`state ${name}: a Choice has no output of its own`);
}

async function runMachine(machine: Machine, input: unknown, context: Context): Promise<unknown> {
  let name = machine.StartAt;
  let data = input;
  for (;;) {
    const state = machine.States[name] as State;
    if (state.Type === 'Choice') {
      name = choose(name, state, data);
      continue;
    }
    if (context.signal.aborted) throw stopped();
    try {
      data = await runState(name, state, data, context);
    } catch (thrown) {
      const error = asError(thrown);
      const catcher = catcherFor(state, error);
      if (!catcher) throw error;
      context.emit({ type: 'caught', state: name, error, next: catcher.Next });
      data = withResult(data, errorOutput(error), catcher.ResultPath);
      name = catcher.Next;
      continue;
    }
    if (state.End || state.Next === undefined) return data;
    name = state.Next;
  }
}

/**
 * Executes a Step Functions definition within the subset the collection definition uses (Task `lambda:invoke`
 * with ResultSelector, ResultPath, Retry and Catch; Choice on `IsPresent`; Pass; Parallel; Map with MaxConcurrency,
 * ToleratedFailurePercentage and Catch) with Step Functions' semantics, invoking functions through `options.invoke`.
 * Pure control flow: time comes from the clock, randomness from `random`.
 * @returns the execution's output.
 * @throws UnsupportedDefinitionError before anything runs, for a definition outside the subset.
 * @throws the failing state's error (a {@link StatesError}, or the function's own error) when the execution fails.
 */
export async function executeStateMachine(
  definition: unknown,
  input: unknown,
  options: ExecuteOptions,
): Promise<unknown> {
  const machine = checkMachine(definition);
  return runMachine(machine, input, {
    invoke: options.invoke,
    clock: options.clock ?? systemClock,
    random: options.random ?? Math.random,
    timeScale: options.timeScale ?? 1,
    signal: options.signal ?? new AbortController().signal,
    emit: (event) => options.onEvent?.(event),
  });
}
