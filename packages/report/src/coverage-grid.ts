import { type Celebrity, type CelebrityItem, type RunSummary, SOURCES, type Source } from '@celebrity-pipeline/core';

/** What happened to one (celebrity, source) in the week, best first. */
export const COVERAGE_STATUSES = ['written', 'failed', 'skipped', 'missing'] as const;

/** One of {@link COVERAGE_STATUSES}. */
export type CoverageStatus = (typeof COVERAGE_STATUSES)[number];

/** One cell of the coverage grid. */
export interface CoverageCell {
  source: Source;
  status: CoverageStatus;
  /** Why it is not written (failure reason, skip reason), or which run wrote it. */
  detail: string;
}

/** One celebrity's row: a cell per source in {@link SOURCES} order. */
export interface CoverageRow {
  celebrityId: string;
  celebrityName: string;
  cells: CoverageCell[];
}

/** The celebrity × source grid with totals per source. */
export interface CoverageFigures {
  sources: Source[];
  rows: CoverageRow[];
  totals: Record<Source, Record<CoverageStatus, number>>;
}

/**
 * Builds the coverage grid of a week: `written` when the table holds the item; otherwise `failed` when a run
 * of the week reported the celebrity failed (or the whole invocation failed), `skipped` when the source was
 * skipped, `missing` when nothing explains the gap. Later runs override the reasons of earlier ones.
 * @param summaries the week's run summaries.
 * @param celebrities the followed list in display order; celebrities only seen in the data follow, by id.
 */
export function computeCoverage(
  items: readonly CelebrityItem[],
  summaries: readonly RunSummary[],
  celebrities: readonly Pick<Celebrity, 'id' | 'name'>[] = [],
): CoverageFigures {
  const written = new Map(items.map((item) => [cellKey(item.celebrity_id, item.source), item]));
  const explanations = explainGaps(summaries);
  const rows = celebrityOrder(items, summaries, celebrities).map(({ id, name }) => ({
    celebrityId: id,
    celebrityName: name,
    cells: SOURCES.map((source) => cellOf(id, source, written, explanations)),
  }));
  return { sources: [...SOURCES], rows, totals: totalsOf(rows) };
}

interface GapExplanations {
  /** Per (celebrity, source): the failure reason. */
  failures: Map<string, string>;
  /** Per source: why a whole invocation failed or was skipped, and which. */
  sourceOutcome: Map<Source, { status: 'failed' | 'skipped'; detail: string }>;
  /** Sources with at least one run this week. */
  sourcesRun: Set<Source>;
}

function explainGaps(summaries: readonly RunSummary[]): GapExplanations {
  const explanations: GapExplanations = { failures: new Map(), sourceOutcome: new Map(), sourcesRun: new Set() };
  const chronological = [...summaries].sort((left, right) => Date.parse(left.startedAt) - Date.parse(right.startedAt));
  for (const summary of chronological) {
    explanations.sourcesRun.add(summary.source);
    for (const failure of summary.failed) {
      explanations.failures.set(cellKey(failure.celebrityId, summary.source), failure.reason);
    }
    if (summary.status === 'succeeded') explanations.sourceOutcome.delete(summary.source);
    else explanations.sourceOutcome.set(summary.source, outcomeOf(summary));
  }
  return explanations;
}

function outcomeOf(summary: RunSummary): { status: 'failed' | 'skipped'; detail: string } {
  if (summary.status === 'skipped') {
    return { status: 'skipped', detail: summary.skippedReason ?? `run ${summary.runId} skipped ${summary.source}` };
  }
  return { status: 'failed', detail: `run ${summary.runId} of ${summary.source} failed` };
}

function cellOf(
  celebrityId: string,
  source: Source,
  written: Map<string, CelebrityItem>,
  explanations: GapExplanations,
): CoverageCell {
  const item = written.get(cellKey(celebrityId, source));
  if (item) return { source, status: 'written', detail: `written by run ${item.run_id}` };
  const failure = explanations.failures.get(cellKey(celebrityId, source));
  if (failure !== undefined) return { source, status: 'failed', detail: failure };
  const outcome = explanations.sourceOutcome.get(source);
  if (outcome) return { source, ...outcome };
  const detail = explanations.sourcesRun.has(source)
    ? `no item and no failure reported by the ${source} runs of the week`
    : `no ${source} run recorded for the week`;
  return { source, status: 'missing', detail };
}

function celebrityOrder(
  items: readonly CelebrityItem[],
  summaries: readonly RunSummary[],
  celebrities: readonly Pick<Celebrity, 'id' | 'name'>[],
): { id: string; name: string }[] {
  const listed = new Map(celebrities.map((celebrity) => [celebrity.id, celebrity.name]));
  const extra = new Map<string, string>();
  for (const item of items) if (!listed.has(item.celebrity_id)) extra.set(item.celebrity_id, item.celebrity_name);
  for (const summary of summaries) {
    for (const failure of summary.failed) {
      if (!listed.has(failure.celebrityId) && !extra.has(failure.celebrityId)) {
        extra.set(failure.celebrityId, failure.celebrityId);
      }
    }
  }
  const extraSorted = [...extra.entries()].sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0));
  return [...listed.entries(), ...extraSorted].map(([id, name]) => ({ id, name }));
}

function totalsOf(rows: readonly CoverageRow[]): Record<Source, Record<CoverageStatus, number>> {
  const empty = () => ({ written: 0, failed: 0, skipped: 0, missing: 0 });
  const totals = { tmdb: empty(), wikipedia: empty(), news: empty(), social: empty() };
  for (const row of rows) for (const cell of row.cells) totals[cell.source][cell.status] += 1;
  return totals;
}

function cellKey(celebrityId: string, source: Source): string {
  return `${celebrityId}|${source}`;
}
