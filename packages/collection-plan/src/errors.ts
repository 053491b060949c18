/** Base error of the collection plan. */
export class CollectionPlanError extends Error {
  override name = 'CollectionPlanError';
}

/** A list or a source that cannot be planned (empty list, a celebrity too slow for one shard). */
export class PlanError extends CollectionPlanError {
  override name = 'PlanError';
}
