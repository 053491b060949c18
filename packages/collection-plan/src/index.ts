export { type CollectionPlan, type PlannedRun, planCollection, shardEvents } from './collection-plan.js';
export { CollectionPlanError, PlanError } from './errors.js';
export { type RequestCost, SCRAPER_FUNCTIONS, type ScraperFunctionFacts } from './scraper-functions.js';
export { SHARD_BUDGET_SHARE, SHARD_TASK_RETRY, TOLERATED_FAILURE_PERCENTAGE } from './shard-policy.js';
export { maxConcurrencyOf, planSource, type Shard, type SourcePlan } from './source-plan.js';
