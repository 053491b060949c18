export { type CollectionPlan, type PlannedRun, planCollection, shardEvents } from './collection-plan.js';
export { CollectionPlanError, PlanError } from './errors.js';
export { formatDuration } from './format-duration.js';
export {
  branchTransitions,
  ITEM_COST_FACTS,
  LAMBDA_ARCHITECTURE,
  type LambdaArchitecture,
  lambdaUsd,
  PRICES_USD,
  RUNS_PER_MONTH,
  type RunCost,
  runCost,
  runTransitions,
  SCRAPER_OVERHEAD_SECONDS,
  type SourceRunCost,
  SUPPORT_FUNCTIONS,
} from './run-cost.js';
export { SCRAPER_FUNCTIONS, type ScraperFunctionFacts } from './scraper-functions.js';
export { SHARD_TASK_RETRY, TOLERATED_FAILURE_PERCENTAGE } from './shard-policy.js';
export { planSource, type SourcePlan } from './source-plan.js';
export {
  branchStateNames,
  buildCollectionDefinition,
  type CatcherDefinition,
  type ChoiceState,
  type CollectionDefinition,
  type DefinitionFunctions,
  type DistributedMapState,
  type LambdaTaskState,
  mapSettings,
  type RetrierDefinition,
  type SourceBranch,
  type SourceFailedState,
  shardRetry,
  shardsPath,
  sourceCatch,
} from './state-machine-definition.js';
export { planWeek, type WeekPlan } from './week-planner.js';
