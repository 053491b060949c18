import { celebrityListLocationOf, loadCelebrityList, parseScheduledEvent } from '@celebrity-pipeline/scraper-kit';
import { planWeek, type WeekPlan } from './week-planner.js';

/**
 * Lambda entry of the planner (`PlanWeek` of the state machine): Scheduled Event → the week's shard events, over
 * the list the scrapers read (scraper-kit's `celebrityListLocationOf`: `CELEBRITIES_FILE`, `CELEBRITIES_S3_URI` or
 * `CELEBRITIES_SSM_PARAMETER`, else the bundled list; S3 and SSM read at every run). A malformed list fails here,
 * before any scraper runs.
 */
export async function handler(input: unknown): Promise<WeekPlan> {
  const event = parseScheduledEvent(input);
  const list = await loadCelebrityList(celebrityListLocationOf(process.env));
  return planWeek(event, list);
}
