export {
  COVERAGE_STATUSES,
  type CoverageCell,
  type CoverageFigures,
  type CoverageRow,
  type CoverageStatus,
  computeCoverage,
} from './coverage-grid.js';
export { COVERAGE_STATUS_LABELS, FULL_GRID_LIMIT } from './coverage-section-html.js';
export { ReportError, ReportWriteError } from './errors.js';
export {
  computeRankingFigures,
  DEFAULT_TREND_WEEKS,
  RANKING_MOVERS_COUNT,
  RANKING_TOP_COUNT,
  type RankingFigures,
  type RankingRow,
} from './ranking-figures.js';
export { rankingsSectionHtml, sparklineSvg } from './rankings-section-html.js';
export {
  computeReportFigures,
  type HeaderFigures,
  type ReportFigures,
  weekDeadLetters,
} from './report-figures.js';
export { renderReportHtml } from './report-html.js';
export { DEFAULT_HISTORY_WEEKS, type ReportDeadLetter, type ReportInput } from './report-input.js';
export { type WriteReportOptions, writeReport } from './report-writer.js';
export { computeRunHistory, type HistoryFigures, type WeekHistory } from './run-history.js';
export {
  computeSentimentFigures,
  countSentiments,
  NOTABLE_ITEMS_COUNT,
  NOTABLE_TEXT_LIMITS,
  type NotableItem,
  SENTIMENT_SEGMENTS,
  type SentimentCounts,
  type SentimentFigures,
  type SourceSentimentMix,
} from './sentiment-mix.js';
export {
  computeWeightFigures,
  type HistogramBin,
  type SourceWeightDistribution,
  summariseWeights,
  WEIGHT_HISTOGRAM_BINS,
  type WeightFigures,
  type WeightSummary,
} from './weight-distribution.js';
