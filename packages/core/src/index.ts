export {
  type Celebrity,
  CelebrityIdSchema,
  type CelebrityList,
  CelebrityListSchema,
  CelebritySchema,
  parseCelebrityList,
  parseCelebrityListJson,
} from './celebrity.js';
export { CoreError, TableShapeError, ValidationError, WriteError } from './errors.js';
export { type IsoWeek, isoWeekOf, isoWeekRange, lastFullDays, parseIsoWeek } from './iso-week.js';
export {
  buildItem,
  type CelebrityItem,
  CelebrityItemSchema,
  type CollectionContext,
  canonicalJson,
  capTexts,
  contentHash,
  ITEM_LIMITS,
  ITEM_SCHEMA_VERSION,
  type ItemText,
  ItemTextSchema,
  isEnriched,
  OBSERVATION_ENTITY,
  type Observation,
  parseItem,
  SENTIMENT_LABELS,
  type SentimentLabel,
  type Signals,
  SignalsSchemas,
} from './item.js';
export { formatItemKey, type ItemKey, itemKey } from './keys.js';
export {
  isSource,
  POST_PROCESSOR_FUNCTION_NAME,
  SCRAPER_FUNCTION_NAMES,
  SOURCES,
  type Source,
} from './sources.js';
export {
  assertTableShape,
  CELEBRITY_TABLE,
  createTableInput,
  DEFAULT_TABLE_NAME,
  tableShapeProblems,
} from './table-definition.js';
export { formatZodIssues } from './zod-issues.js';
