import { UnsupportedDefinitionError } from './errors.js';
import { parsePath } from './json-path.js';

/** The only Task resource the local executor runs: a synchronous Lambda invoke. */
export const LAMBDA_INVOKE_RESOURCE = 'arn:aws:states:::lambda:invoke';

/** One `Retry` entry. */
export interface Retrier {
  ErrorEquals: string[];
  IntervalSeconds?: number;
  MaxAttempts?: number;
  BackoffRate?: number;
  MaxDelaySeconds?: number;
  JitterStrategy?: 'FULL' | 'NONE';
}

interface Transition {
  Next?: string;
  End?: true;
}

/** One `Catch` entry: on a matching error, the error object goes to `ResultPath` and the machine goes to `Next`. */
export interface Catcher {
  ErrorEquals: string[];
  ResultPath?: string | null;
  Next: string;
}

export interface TaskState extends Transition {
  Type: 'Task';
  Resource: typeof LAMBDA_INVOKE_RESOURCE;
  Parameters: { FunctionName: string; 'Payload.$': string };
  ResultSelector?: Record<string, unknown>;
  ResultPath?: string | null;
  Retry?: Retrier[];
  Catch?: Catcher[];
}

export interface ChoiceState {
  Type: 'Choice';
  Choices: Array<{ Variable: string; IsPresent: boolean; Next: string }>;
  Default?: string;
}

export interface ParallelState extends Transition {
  Type: 'Parallel';
  Branches: Machine[];
  ResultPath?: string | null;
}

export interface MapState extends Transition {
  Type: 'Map';
  ItemsPath?: string;
  MaxConcurrency?: number;
  ToleratedFailurePercentage?: number;
  ResultPath?: string | null;
  ItemProcessor: Machine;
  Catch?: Catcher[];
}

/** A Pass state: its input (or `Result`) at `ResultPath`, then on. */
export interface PassState extends Transition {
  Type: 'Pass';
  Result?: unknown;
  ResultPath?: string | null;
}

export type State = TaskState | ChoiceState | ParallelState | MapState | PassState;

/** A checked definition (or a branch, or a Map's item processor). */
export interface Machine {
  StartAt: string;
  States: Record<string, State>;
}

/** The fields each supported state type may carry; any other is refused by name. */
const STATE_FIELDS: Readonly<Record<State['Type'], readonly string[]>> = {
  Task: ['Type', 'Comment', 'Resource', 'Parameters', 'ResultSelector', 'ResultPath', 'Retry', 'Catch', 'Next', 'End'],
  Pass: ['Type', 'Comment', 'Result', 'ResultPath', 'Next', 'End'],
  Choice: ['Type', 'Comment', 'Choices', 'Default'],
  Parallel: ['Type', 'Comment', 'Branches', 'ResultPath', 'Next', 'End'],
  Map: [
    'Type',
    'Comment',
    'Label',
    'ItemsPath',
    'MaxConcurrency',
    'ToleratedFailurePercentage',
    'ResultPath',
    'ItemProcessor',
    'Catch',
    'Next',
    'End',
  ],
};
const MACHINE_FIELDS = ['Comment', 'StartAt', 'States'];
const RETRIER_FIELDS = [
  'ErrorEquals',
  'IntervalSeconds',
  'MaxAttempts',
  'BackoffRate',
  'MaxDelaySeconds',
  'JitterStrategy',
];
const PROCESSOR_CONFIG_FIELDS = ['Mode', 'ExecutionType'];

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function fail(where: string, problem: string): never {
  throw new UnsupportedDefinitionError(where, problem);
}

function onlyFields(value: Json, allowed: readonly string[], where: string): void {
  const extra = Object.keys(value).find((key) => !allowed.includes(key));
  if (extra !== undefined) fail(where, `field \`${extra}\` is not supported`);
}

function checkPath(path: unknown, where: string, options: { isWritten?: boolean } = {}): void {
  const segments = typeof path === 'string' ? parsePath(path) : undefined;
  if (!segments)
    fail(where, `path ${JSON.stringify(path)} is outside the supported JSONPath subset ($, $.a.b, $.a.b[0])`);
  if (options.isWritten && segments.some((segment) => typeof segment === 'number')) {
    fail(where, `ResultPath ${String(path)} writes into an array`);
  }
}

function checkResultPath(value: Json, where: string): void {
  if ('ResultPath' in value && value.ResultPath !== null)
    checkPath(value.ResultPath, `${where}.ResultPath`, { isWritten: true });
}

function checkTransition(value: Json, states: Json, where: string): void {
  const hasNext = typeof value.Next === 'string';
  if (hasNext === (value.End === true)) fail(where, 'needs exactly one of `Next` and `End: true`');
  if (hasNext && !(String(value.Next) in states)) fail(where, `Next names no state: ${String(value.Next)}`);
}

function checkRetrier(retrier: unknown, where: string): void {
  if (!isObject(retrier)) fail(where, 'a Retry entry must be an object');
  onlyFields(retrier, RETRIER_FIELDS, where);
  const errors = retrier.ErrorEquals;
  if (!Array.isArray(errors) || errors.length === 0 || !errors.every((name) => typeof name === 'string')) {
    fail(where, '`ErrorEquals` must be a non-empty list of error names');
  }
  for (const field of ['IntervalSeconds', 'MaxAttempts', 'BackoffRate', 'MaxDelaySeconds']) {
    const number = retrier[field];
    if (number !== undefined && !(typeof number === 'number' && number >= 0))
      fail(where, `\`${field}\` must be a number ≥ 0`);
  }
  if (retrier.JitterStrategy !== undefined && retrier.JitterStrategy !== 'FULL' && retrier.JitterStrategy !== 'NONE') {
    fail(where, `JitterStrategy ${String(retrier.JitterStrategy)} is not supported`);
  }
}

function checkCatchers(state: Json, states: Json, where: string): void {
  if (state.Catch === undefined) return;
  if (!Array.isArray(state.Catch)) fail(where, '`Catch` must be a list');
  state.Catch.forEach((catcher: unknown, index) => {
    const at = `${where}.Catch[${index}]`;
    if (!isObject(catcher)) fail(at, 'a Catch entry must be an object');
    onlyFields(catcher, ['ErrorEquals', 'ResultPath', 'Next'], at);
    const errors = catcher.ErrorEquals;
    if (!Array.isArray(errors) || errors.length === 0 || !errors.every((name) => typeof name === 'string')) {
      fail(at, '`ErrorEquals` must be a non-empty list of error names');
    }
    if (!(String(catcher.Next) in states)) fail(at, `Next names no state: ${String(catcher.Next)}`);
    checkResultPath(catcher, at);
  });
}

function checkTask(state: Json, where: string): void {
  if (state.Resource !== LAMBDA_INVOKE_RESOURCE) fail(where, `Resource ${String(state.Resource)} is not supported`);
  const parameters = state.Parameters;
  if (!isObject(parameters)) fail(where, '`Parameters` must name `FunctionName` and `Payload.$`');
  onlyFields(parameters, ['FunctionName', 'Payload.$'], `${where}.Parameters`);
  if (typeof parameters.FunctionName !== 'string') fail(where, '`Parameters.FunctionName` must be a string');
  checkPath(parameters['Payload.$'], `${where}.Parameters.Payload.$`);
  if (state.ResultSelector !== undefined) {
    if (!isObject(state.ResultSelector)) fail(where, '`ResultSelector` must be an object');
    for (const [key, value] of Object.entries(state.ResultSelector)) {
      if (key.endsWith('.$')) checkPath(value, `${where}.ResultSelector.${key}`);
    }
  }
  if (state.Retry !== undefined) {
    if (!Array.isArray(state.Retry)) fail(where, '`Retry` must be a list');
    for (const [index, retrier] of state.Retry.entries()) checkRetrier(retrier, `${where}.Retry[${index}]`);
  }
}

function checkChoice(state: Json, states: Json, where: string): void {
  if (!Array.isArray(state.Choices) || state.Choices.length === 0) fail(where, '`Choices` must be a non-empty list');
  state.Choices.forEach((rule: unknown, index) => {
    const at = `${where}.Choices[${index}]`;
    if (!isObject(rule)) fail(at, 'a choice rule must be an object');
    onlyFields(rule, ['Variable', 'IsPresent', 'Next'], at);
    checkPath(rule.Variable, `${at}.Variable`);
    if (typeof rule.IsPresent !== 'boolean') fail(at, 'only `IsPresent` comparisons are supported');
    if (!(String(rule.Next) in states)) fail(at, `Next names no state: ${String(rule.Next)}`);
  });
  if (state.Default !== undefined && !(String(state.Default) in states)) {
    fail(where, `Default names no state: ${String(state.Default)}`);
  }
}

function checkMap(state: Json, where: string): void {
  if (state.ItemsPath !== undefined) checkPath(state.ItemsPath, `${where}.ItemsPath`);
  const concurrency = state.MaxConcurrency;
  if (concurrency !== undefined && !(Number.isInteger(concurrency) && (concurrency as number) >= 0)) {
    fail(where, '`MaxConcurrency` must be an integer ≥ 0');
  }
  const tolerated = state.ToleratedFailurePercentage;
  if (tolerated !== undefined && !(typeof tolerated === 'number' && tolerated >= 0 && tolerated <= 100)) {
    fail(where, '`ToleratedFailurePercentage` must be a number in [0, 100]');
  }
  const processor = state.ItemProcessor;
  if (!isObject(processor)) fail(where, '`ItemProcessor` must be an object');
  const { ProcessorConfig: config, ...machine } = processor;
  if (config !== undefined) {
    if (!isObject(config)) fail(`${where}.ItemProcessor`, '`ProcessorConfig` must be an object');
    onlyFields(config, PROCESSOR_CONFIG_FIELDS, `${where}.ItemProcessor.ProcessorConfig`);
  }
  checkMachine(machine, `${where}.ItemProcessor`);
}

function checkState(name: string, state: unknown, states: Json, where: string): void {
  const at = `${where} state \`${name}\``;
  if (!isObject(state)) fail(at, 'a state must be an object');
  const type = String(state.Type);
  if (!Object.hasOwn(STATE_FIELDS, type)) fail(at, `state type \`${type}\` is not supported`);
  onlyFields(state, STATE_FIELDS[type as State['Type']], at);
  if (type !== 'Choice') {
    checkTransition(state, states, at);
    checkResultPath(state, at);
  }
  if (type === 'Task' || type === 'Map') checkCatchers(state, states, at);
  if (type === 'Task') checkTask(state, at);
  else if (type === 'Choice') checkChoice(state, states, at);
  else if (type === 'Map') checkMap(state, at);
  else if (type === 'Parallel') {
    if (!Array.isArray(state.Branches) || state.Branches.length === 0) fail(at, '`Branches` must be a non-empty list');
    for (const [index, branch] of state.Branches.entries()) checkMachine(branch, `${at}.Branches[${index}]`);
  }
}

/**
 * Checks that `definition` (or a branch / item processor of it) lies within the executor's subset: Task
 * (`lambda:invoke` with `FunctionName` and `Payload.$`, ResultSelector, ResultPath, Retry, Catch), Choice
 * (`IsPresent` rules), Pass, Parallel and Map (with Catch), with the JSONPath subset of {@link parsePath}.
 * @throws UnsupportedDefinitionError naming the state and the field outside the subset.
 */
export function checkMachine(definition: unknown, where = 'definition'): Machine {
  if (!isObject(definition)) fail(where, 'must be an object');
  onlyFields(definition, MACHINE_FIELDS, where);
  const states = definition.States;
  if (!isObject(states) || Object.keys(states).length === 0) fail(where, '`States` must be a non-empty object');
  if (typeof definition.StartAt !== 'string' || !(definition.StartAt in states)) {
    fail(where, `StartAt names no state: ${String(definition.StartAt)}`);
  }
  for (const [name, state] of Object.entries(states)) checkState(name, state, states, where);
  return definition as unknown as Machine;
}
