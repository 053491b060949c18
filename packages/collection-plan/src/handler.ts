import { loadCelebrities } from '@celebrity-pipeline/celebrities';
import { parseScheduledEvent } from '@celebrity-pipeline/scraper-kit';
import { planWeek, type WeekPlan } from './week-planner.js';

/**
 * Lambda entry of the planner (`PlanWeek` of the state machine): Scheduled Event → the week's shard events,
 * over the list in `CELEBRITIES_FILE` (or the bundled one). A malformed list fails here, before any scraper runs.
 */
export async function handler(input: unknown): Promise<WeekPlan> {
  const event = parseScheduledEvent(input);
  const list = await loadCelebrities(process.env.CELEBRITIES_FILE);
  return planWeek(event, list);
}
