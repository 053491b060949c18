import { defaultCelebrityList } from '@celebrity-pipeline/celebrities';
import { collectedWeekOf, SOURCES, scheduledEvent } from '@celebrity-pipeline/core';
import { sourceMaxConcurrency } from '@celebrity-pipeline/scraper-kit';
import validator from 'asl-validator';
import { describe, expect, it } from 'vitest';
import {
  branchStateNames,
  buildCollectionDefinition,
  type DistributedMapState,
  type LambdaTaskState,
  planSource,
  planWeek,
  SHARD_TASK_RETRY,
  TOLERATED_FAILURE_PERCENTAGE,
} from '../../src/index.js';
import { inventedList } from '../helpers/celebrity-list.js';

const functions = {
  planner: 'arn:aws:lambda:eu-west-1:123456789012:function:celebrity-weekly-planner',
  scrapers: {
    tmdb: 'arn:aws:lambda:eu-west-1:123456789012:function:scraper-tmdb',
    wikipedia: 'arn:aws:lambda:eu-west-1:123456789012:function:scraper-wikipedia',
    news: 'arn:aws:lambda:eu-west-1:123456789012:function:scraper-news',
    social: 'arn:aws:lambda:eu-west-1:123456789012:function:scraper-social',
  },
};
const definition = buildCollectionDefinition(functions);

function branchOf(source: (typeof SOURCES)[number]) {
  const branch = definition.States.CollectSources.Branches[SOURCES.indexOf(source)];
  if (!branch) throw new Error(`no branch for ${source}`);
  return branch;
}

describe('buildCollectionDefinition', () => {
  it('is valid Amazon States Language (asl-validator)', () => {
    const result = validator(structuredClone(definition), { checkPaths: true, checkArn: true });
    expect(result.errors).toEqual([]);
    expect(result.isValid).toBe(true);
  });

  it('plans the week, then runs one Parallel branch per source', () => {
    expect(definition.StartAt).toBe('PlanWeek');
    expect(definition.States.PlanWeek.Parameters.FunctionName).toBe(functions.planner);
    expect(definition.States.PlanWeek.Next).toBe('CollectSources');
    expect(definition.States.CollectSources.Branches.map((branch) => branch.StartAt)).toEqual(
      SOURCES.map((source) => branchStateNames(source).choose),
    );
  });

  it.each(SOURCES)(
    'gives %s a direct Task for one shard and a Distributed Map within its limits otherwise',
    (source) => {
      const branch = definition.States.CollectSources.Branches[SOURCES.indexOf(source)];
      const names = branchStateNames(source);
      const single = branch?.States[names.single] as LambdaTaskState;
      const map = branch?.States[names.map] as DistributedMapState;
      expect(single.Parameters.FunctionName).toBe(functions.scrapers[source]);
      expect(map.ItemProcessor.ProcessorConfig.Mode).toBe('DISTRIBUTED');
      expect((map.ItemProcessor.States[names.invoke] as LambdaTaskState).Parameters.FunctionName).toBe(
        functions.scrapers[source],
      );
      expect(map.MaxConcurrency).toBe(sourceMaxConcurrency(source));
      expect(map.ToleratedFailurePercentage).toBe(TOLERATED_FAILURE_PERCENTAGE);
      for (const task of [single, map.ItemProcessor.States[names.invoke] as LambdaTaskState]) {
        expect(task.Retry).toEqual([
          expect.objectContaining({
            ErrorEquals: [...SHARD_TASK_RETRY.errorEquals],
            JitterStrategy: 'FULL',
            BackoffRate: SHARD_TASK_RETRY.backoffRate,
          }),
        ]);
      }
    },
  );

  it("ends a failing source's branch in its own Pass state, so the Parallel and the other sources go on", () => {
    for (const source of SOURCES) {
      const names = branchStateNames(source);
      const states = branchOf(source).States;
      const catcher = [{ ErrorEquals: ['States.ALL'], ResultPath: '$.failure', Next: names.failed }];
      expect((states[names.single] as LambdaTaskState).Catch, source).toEqual(catcher);
      expect((states[names.map] as DistributedMapState).Catch, source).toEqual(catcher);
      expect(states[names.failed], source).toMatchObject({ Type: 'Pass', End: true });
    }
    // PlanWeek has no Catch: a week that cannot be planned fails the execution (and its alarm).
    expect(definition.States.PlanWeek.Catch).toBeUndefined();
  });

  it('runs GDELT one shard at a time', () => {
    expect((branchOf('news').States[branchStateNames('news').map] as DistributedMapState).MaxConcurrency).toBe(1);
  });

  it("reads each source's shards where PlanWeek puts them", () => {
    const event = scheduledEvent({ id: 'run-1', time: new Date('2026-11-29T02:00:00Z') });
    const state = { ...event, plan: { shards: planWeek(event, inventedList(10_000)).shards } };
    for (const source of SOURCES) {
      const map = branchOf(source).States[branchStateNames(source).map] as DistributedMapState;
      const items = map.ItemsPath.replace(/^\$\./, '')
        .split('.')
        .reduce<unknown>((value, key) => (value as Record<string, unknown>)[key], state) as unknown[];
      expect(items?.length).toBe(state.plan.shards[source].length);
      expect(items?.length).toBeGreaterThan(1);
    }
  });
});

describe('planWeek', () => {
  it("plans each source's shards of the bundled list, with the run id and collected week of the Scheduled Event", () => {
    const event = scheduledEvent({ id: 'run-7', time: new Date('2026-11-29T02:00:00Z') });
    const list = defaultCelebrityList();
    const plan = planWeek(event, list);
    expect(plan).toMatchObject({ runId: 'run-7', week: collectedWeekOf(event), celebrityCount: 100 });
    for (const source of SOURCES) {
      const shards = plan.shards[source];
      expect(shards).toHaveLength(planSource(source, list.celebrities).shards.length);
      expect(shards.every((shard) => shard.source === source && shard.runId === 'run-7')).toBe(true);
      expect(shards[0]?.shard.start).toBe(0);
      expect(shards.at(-1)?.shard.end).toBe(100);
    }
  });
});
