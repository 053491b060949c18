import { loadCelebrities } from '@celebrity-pipeline/celebrities';
import type { CelebrityList, RunSummary } from '@celebrity-pipeline/core';
import {
  type CelebrityListClients,
  celebrityListHash,
  describeCelebrityListLocation,
  loadCelebrityList,
  parseCelebrityListUri,
} from '@celebrity-pipeline/scraper-kit';
import { CliError } from './errors.js';

/** The list a week is judged against, and where it came from (for the output). */
export interface JudgedList {
  list: CelebrityList;
  /** `--celebrities PATH`, the run's recorded location, or the bundled list when nothing was recorded. */
  origin: string;
}

/** The list a run recorded in its ledger records: `undefined` when none recorded one (older runs). */
export function recordedList(summaries: readonly RunSummary[]): { location: string; hash: string } | undefined {
  const recorded = summaries.filter((summary) => summary.listHash !== undefined && summary.listLocation !== undefined);
  const hashes = new Set(recorded.map((summary) => summary.listHash));
  if (hashes.size > 1) {
    const runId = recorded[0]?.runId ?? '';
    throw new CliError(
      `Run ${runId} recorded ${hashes.size} different celebrity lists across its sources; pass --celebrities with the one to judge the week against`,
    );
  }
  const [first] = recorded;
  return first ? { location: first.listLocation as string, hash: first.listHash as string } : undefined;
}

/** The records of a week's latest run (by start), from a ledger's records of any weeks. */
export function latestRunOfWeek(summaries: readonly RunSummary[], week: string): RunSummary[] {
  const ofWeek = summaries.filter((summary) => summary.week === week);
  const latest = ofWeek.reduce<RunSummary | undefined>(
    (found, summary) => (found === undefined || summary.startedAt > found.startedAt ? summary : found),
    undefined,
  );
  return latest ? ofWeek.filter((summary) => summary.runId === latest.runId) : [];
}

/**
 * The list to judge a run's week with (`verify`, `report`): `--celebrities` when given; else the list the run
 * recorded (its location, read again and checked against its hash); else the bundled list.
 * @throws CliError (exit 1) when the recorded list changed or disappeared since the run (naming it and the fix).
 */
export async function judgedList(
  explicitFile: string | undefined,
  summaries: readonly RunSummary[],
  clients: CelebrityListClients = {},
): Promise<JudgedList> {
  if (explicitFile !== undefined) return { list: await loadCelebrities(explicitFile), origin: explicitFile };
  const recorded = recordedList(summaries);
  if (!recorded) return { list: await loadCelebrities(), origin: 'the bundled list' };
  const location = parseCelebrityListUri(recorded.location);
  const where = describeCelebrityListLocation(location);
  let list: CelebrityList;
  try {
    list = await loadCelebrityList(location, clients);
  } catch (error) {
    throw new CliError(
      `The week's run used the celebrity list at ${where}, which cannot be read now (${(error as Error).message}); pass --celebrities with that list`,
    );
  }
  const hash = celebrityListHash(list);
  if (hash !== recorded.hash) {
    throw new CliError(
      `The celebrity list at ${where} changed since the week's run (run ${recorded.hash.slice(0, 12)}, now ${hash.slice(0, 12)}); pass --celebrities with the list that run used`,
    );
  }
  return { list, origin: where };
}
