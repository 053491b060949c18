import { planWeek, type WeekPlan } from '@celebrity-pipeline/collection-plan';
import type { CelebrityList, IsoWeek, RunSummary, ScheduledEvent, Source } from '@celebrity-pipeline/core';
import { generateFixtures, type ReplayServer, startReplayServer } from '@celebrity-pipeline/fixtures';
import {
  createCheckpointStore,
  createStreamPoller,
  localStreamMappingPolicy,
  type ScraperTarget,
  type StreamHandler,
  type StreamMappingPolicy,
  type StreamPoller,
} from '@celebrity-pipeline/local-runtime';
import { createPostProcessor, matchesStreamFilters, STREAM_MAPPING_SETTINGS } from '@celebrity-pipeline/post-processor';
import { loadScraperConfig } from '@celebrity-pipeline/scraper-kit';
import type { PipelineFlags } from './flags.js';
import { type LocalContext, openLocalContext } from './local-context.js';
import { scraperEnvironment } from './scraper-environment.js';
import { scraperTargets } from './scraper-targets.js';

/** Everything a cycle needs, wired: database, replay server, scraper handlers, post-processor, poller. */
export interface Pipeline {
  context: LocalContext;
  replay: ReplayServer | undefined;
  poller: StreamPoller;
  /** Multiplies the local waits (the state machine's Task retries, the stream mapping's). */
  timeScale: number;
  /** The planner (`PlanWeek`) over the run's list: collection-plan's `planWeek`. */
  planWeek: (event: ScheduledEvent) => WeekPlan;
  /** The post-processor's handler, as the poller calls it (a stream-batch redrive calls it too). */
  streamHandler: StreamHandler;
  streamPolicy: StreamMappingPolicy;
  targets(sources: readonly Source[]): ScraperTarget<RunSummary>[];
  close(): Promise<void>;
}

/**
 * Opens the pipeline: tables (created or checked), the replay server unless `--live`, the scrapers'
 * environment, and a stream poller that hands the post-processor its records with the deployed mapping
 * settings and filter patterns.
 */
export async function openPipeline(
  flags: PipelineFlags,
  list: { celebrities: CelebrityList; isCustom: boolean },
  options: {
    environment?: Readonly<Record<string, string | undefined>>;
    /** The week being collected: the fixture replay server serves that week's figures (`fixturesForWeek`). */
    week?: IsoWeek;
  } = {},
): Promise<Pipeline> {
  const context = await openLocalContext(flags, {
    createTables: true,
    ...(options.environment ? { environment: options.environment } : {}),
  });
  let replay: ReplayServer | undefined;
  try {
    if (!flags.live) {
      replay = await startReplayServer({
        ...(flags.fault ? { faults: flags.fault } : {}),
        ...(options.week ? { week: options.week } : {}),
        ...(list.isCustom
          ? { celebrities: list.celebrities.celebrities, fixtures: generateFixtures(list.celebrities.celebrities) }
          : {}),
      });
    }
    const scraperVariables = scraperEnvironment({
      endpoint: context.database.endpoint,
      names: context.names,
      ...(replay ? { replayBaseUrls: replay.baseUrls } : {}),
      ...(flags.celebrities ? { celebritiesFile: flags.celebrities } : {}),
      timeScale: flags.timeScale,
      isVerbose: flags.verbose ?? false,
    });
    // Powertools reads its log level and metrics switch from process.env when a Logger/Metrics is built.
    process.env.POWERTOOLS_LOG_LEVEL = scraperVariables.POWERTOOLS_LOG_LEVEL;
    process.env.POWERTOOLS_METRICS_DISABLED = scraperVariables.POWERTOOLS_METRICS_DISABLED;
    const environment = { ...(options.environment ?? process.env), ...scraperVariables };
    // Read the scrapers' configuration once up front, as each handler will: an invalid variable (FAILURE_THRESHOLD=half)
    // is then one message naming it and exit 1, not four dead-lettered invocations after their retries.
    await loadScraperConfig(environment);
    const postProcessor = createPostProcessor({
      documentClient: context.documentClient,
      tableName: context.names.items,
    });
    const streamArn = context.streamArn ?? '';
    const streamHandler: StreamHandler = (event) => postProcessor.handle(event);
    const streamPolicy = localStreamMappingPolicy(STREAM_MAPPING_SETTINGS, { timeScale: flags.timeScale });
    const poller = createStreamPoller({
      streams: context.database.streams,
      streamArn,
      handler: streamHandler,
      matches: matchesStreamFilters,
      policy: streamPolicy,
      checkpoints: createCheckpointStore({
        documentClient: context.documentClient,
        tableName: context.names.state,
        streamArn,
      }),
      deadLetters: context.deadLetters,
    });
    const server = replay;
    return {
      context,
      replay,
      poller,
      timeScale: flags.timeScale,
      planWeek: (event) => planWeek(event, list.celebrities),
      streamHandler,
      streamPolicy,
      targets: (sources) => scraperTargets(sources, { environment }),
      close: async () => {
        await server?.close();
        await context.close();
      },
    };
  } catch (error) {
    await replay?.close();
    await context.close();
    throw error;
  }
}
