export { type AppContext, CONTEXT_KEYS, pipelinePropsOf, readAppContext } from './app-context.js';
export {
  BUNDLED_CELEBRITIES_FILE,
  CelebrityPipeline,
  type CelebrityPipelineProps,
  FUNCTION_ENVIRONMENT,
  type PipelineFunctionKey,
} from './celebrity-pipeline.js';
export {
  CelebrityPipelineStack,
  type CelebrityPipelineStackProps,
  DEFAULT_STACK_NAME,
  functionOutputKey,
  STACK_OUTPUT_KEYS,
} from './celebrity-pipeline-stack.js';
export {
  COLLECTION_LOG_GROUP_NAME,
  type CollectionStateMachineProps,
  collectionStateMachineArns,
  createCollectionStateMachine,
} from './collection-state-machine.js';
export {
  type CostDocumentInput,
  type CostTemplate,
  renderCostDocument,
  SCALE_TARGETS,
} from './cost-document.js';
export { COST_DOCUMENT_PATH, COST_DOCUMENT_SIZES, costDocumentLists } from './cost-document-lists.js';
export {
  countResources,
  type FunctionConfig,
  type FunctionWorkload,
  functionConfigsOf,
  lambdaMonthlyUsd,
  monitoringMonthlyUsd,
  PRICES_USD,
  RUNS_PER_MONTH,
} from './cost-model.js';
export { synthesizeCostTemplate } from './cost-template.js';
export {
  InfraError,
  InvalidPipelineConfigError,
  LocalEsbuildMissingError,
  MissingHandlerEntryError,
  TableDefinitionError,
} from './errors.js';
export { type FunctionSpec, PLANNER_SPEC, POST_PROCESSOR_SPEC, SCRAPER_SPECS } from './function-specs.js';
export { acknowledgeNagFindings, NAG_ACKNOWLEDGEMENTS, nagResourceFinding } from './nag-acknowledgements.js';
export { CREATE_REQUIRE_BANNER, ESBUILD_OPTIONS, pipelineBundlingOptions } from './pipeline-bundling.js';
export {
  PIPELINE_ARCHITECTURE,
  PIPELINE_RUNTIME,
  PipelineFunction,
  type PipelineFunctionProps,
} from './pipeline-function.js';
export {
  ALARM_THRESHOLDS,
  EXECUTION_OUTCOME_ALARMS,
  emfSearch,
  type MonitoredFunction,
  type MonitoredQueue,
  type MonitoredScraper,
  type MonitoredStateMachine,
  PIPELINE_METRICS,
  PipelineMonitoring,
  type PipelineMonitoringProps,
  SCHEDULE_DEADLINE,
} from './pipeline-monitoring.js';
export { createFailureQueue } from './pipeline-queues.js';
export {
  type CelebrityListSource,
  checkedContact,
  providerOf,
  reservedConcurrencyOf,
  type SourceSecretSpec,
} from './pipeline-settings.js';
export { createCelebrityTable, createRunLedgerTable, toAttribute, toBilling } from './pipeline-tables.js';
export { handlerEntryPath, hasLocalEsbuild, LOCKFILE_NAME, REPOSITORY_ROOT } from './repository-layout.js';
export {
  connectStream,
  createStreamEventSource,
  type StreamEventSourceProps,
  type StreamFilterPattern,
  type StreamMappingSettings,
} from './stream-consumer.js';
export { grantTableActions, TABLE_ACTIONS } from './table-access.js';
export { createWeeklyRule, type WeeklyRuleProps } from './weekly-schedule.js';
