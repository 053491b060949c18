import { DEFAULT_STACK_NAME } from '@celebrity-pipeline/core';
import type { FaultRule } from '@celebrity-pipeline/fixtures';
import { z } from 'zod';
import { UsageError } from './errors.js';

/**
 * The flags of every command as zod schemas: commander hands each action one object of option values,
 * and the action parses it here once, at the edge. The objects are strict, so an option declared in
 * `program.ts` but missing here (or the reverse) fails loudly instead of being dropped.
 */

const port = z.number().int().min(1).max(65_535);
const faultRules = z.array(z.custom<FaultRule>((value) => typeof value === 'object' && value !== null));

/** Where the local data lives (`--endpoint`, `--in-memory`, `--data-dir`, `--db-port`, `--table`). */
export const databaseFlagsSchema = z.strictObject({
  endpoint: z.string().optional(),
  inMemory: z.boolean().optional(),
  dataDir: z.string().optional(),
  dbPort: port.optional(),
  table: z.string().optional(),
});
export type DatabaseFlags = z.infer<typeof databaseFlagsSchema>;

/** The commands that run scrapers (`run`, `schedule`, `dlq redrive`). */
export const pipelineFlagsSchema = databaseFlagsSchema.extend({
  celebrities: z.string().optional(),
  live: z.boolean().optional(),
  fault: faultRules.optional(),
  timeScale: z.number().positive().max(1),
  verbose: z.boolean().optional(),
});
export type PipelineFlags = z.infer<typeof pipelineFlagsSchema>;

/** `--json`. */
const jsonFlag = { json: z.boolean().optional() };

/** `--aws` and `--stack NAME`, shared by every command with a deployed variant. */
const awsFlags = { aws: z.boolean().optional(), stack: z.string().min(1).default(DEFAULT_STACK_NAME) };

export const runFlagsSchema = pipelineFlagsSchema.extend({
  week: z.string().optional(),
  sources: z.string().optional(),
  ...jsonFlag,
});
export type RunFlags = z.infer<typeof runFlagsSchema>;

export const scheduleFlagsSchema = pipelineFlagsSchema.extend(jsonFlag);

export const localUpFlagsSchema = databaseFlagsSchema.extend({ port });

export const fixturesServeFlagsSchema = z.strictObject({ port: port.optional(), fault: faultRules.optional() });
export type FixturesServeFlags = z.infer<typeof fixturesServeFlagsSchema>;

export const statusFlagsSchema = databaseFlagsSchema.extend({
  week: z.string().optional(),
  limit: z.number().int().positive(),
  ...awsFlags,
  ...jsonFlag,
});
export type StatusFlags = z.infer<typeof statusFlagsSchema>;

export const dlqListFlagsSchema = databaseFlagsSchema.extend({ ...awsFlags, ...jsonFlag });
export type DlqListFlags = z.infer<typeof dlqListFlagsSchema>;

export const dlqShowFlagsSchema = databaseFlagsSchema.extend(awsFlags);

export const dlqRedriveFlagsSchema = pipelineFlagsSchema.extend({
  all: z.boolean().optional(),
  ...awsFlags,
  ...jsonFlag,
});
export type DlqRedriveFlags = z.infer<typeof dlqRedriveFlagsSchema>;

export const verifyFlagsSchema = databaseFlagsSchema.extend({
  celebrities: z.string().optional(),
  ...awsFlags,
  ...jsonFlag,
});
export type VerifyFlags = z.infer<typeof verifyFlagsSchema>;

export const reportFlagsSchema = databaseFlagsSchema.extend({
  week: z.string().optional(),
  out: z.string().optional(),
  celebrities: z.string().optional(),
  ...awsFlags,
  ...jsonFlag,
});
export type ReportFlags = z.infer<typeof reportFlagsSchema>;

export const triggerFlagsSchema = z.strictObject({ ...awsFlags, ...jsonFlag });
export type TriggerFlags = z.infer<typeof triggerFlagsSchema>;

export const topFlagsSchema = databaseFlagsSchema.extend({
  week: z.string().optional(),
  limit: z.number().int().positive(),
  ...awsFlags,
  ...jsonFlag,
});

export const historyFlagsSchema = databaseFlagsSchema.extend({
  week: z.string().optional(),
  weeks: z.number().int().positive(),
  ...awsFlags,
  ...jsonFlag,
});

export const rescoreFlagsSchema = databaseFlagsSchema.extend({
  week: z.string().optional(),
  allWeeks: z.boolean().optional(),
  dryRun: z.boolean().optional(),
  verbose: z.boolean().optional(),
  ...awsFlags,
  ...jsonFlag,
});

export const planFlagsSchema = z.strictObject({ celebrities: z.string().optional(), ...jsonFlag });
export type PlanFlags = z.infer<typeof planFlagsSchema>;

export const fixturesCelebritiesFlagsSchema = z.strictObject({
  count: z.number().int().positive(),
  seed: z.number().int().nonnegative().optional(),
  out: z.string().min(1).optional(),
});
export type FixturesCelebritiesFlags = z.infer<typeof fixturesCelebritiesFlagsSchema>;

/** Each command's schema by its full name (a test checks each against the options `program.ts` declares). */
export const FLAG_SCHEMAS = {
  run: runFlagsSchema,
  schedule: scheduleFlagsSchema,
  'local up': localUpFlagsSchema,
  'fixtures serve': fixturesServeFlagsSchema,
  'fixtures celebrities': fixturesCelebritiesFlagsSchema,
  plan: planFlagsSchema,
  status: statusFlagsSchema,
  'dlq list': dlqListFlagsSchema,
  'dlq show': dlqShowFlagsSchema,
  'dlq redrive': dlqRedriveFlagsSchema,
  verify: verifyFlagsSchema,
  report: reportFlagsSchema,
  trigger: triggerFlagsSchema,
  top: topFlagsSchema,
  history: historyFlagsSchema,
  rescore: rescoreFlagsSchema,
} as const;

/** Parses one command's option values; a mismatch is a usage error naming each offending flag. */
export function parseFlags<Schema extends z.ZodType>(
  schema: Schema,
  values: unknown,
  command: string,
): z.output<Schema> {
  const result = schema.safeParse(values);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') return `unexpected option ${issue.keys.map(optionName).join(', ')}`;
    const key = issue.path[0];
    return `${typeof key === 'string' ? optionName(key) : 'options'}: ${issue.message}`;
  });
  throw new UsageError(`${command}: ${problems.join('; ')}`);
}

/** `dbPort` → `--db-port`. */
function optionName(key: string): string {
  return `--${key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
}
