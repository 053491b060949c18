import { defaultCelebrityList, generateCelebrityList } from '@celebrity-pipeline/celebrities';
import { describe, expect, it } from 'vitest';
import { planCollection } from '../../src/collection-plan.js';
import {
  branchTransitions,
  lambdaUsd,
  PRICES_USD,
  runCost,
  runTransitions,
  SCRAPER_OVERHEAD_SECONDS,
} from '../../src/run-cost.js';
import { SCRAPER_FUNCTIONS } from '../../src/scraper-functions.js';
import { buildCollectionDefinition } from '../../src/state-machine-definition.js';

const BATCH_SIZE = 100;

describe('lambdaUsd', () => {
  it('prices GB-seconds and requests: 1 GB for 1,000 s on arm64 plus one request', () => {
    expect(lambdaUsd(1_024, 1, 1_000)).toBeCloseTo(
      1_000 * PRICES_USD.lambdaGbSecond.arm64 + PRICES_USD.lambdaRequest,
      12,
    );
    expect(lambdaUsd(1_024, 1, 1_000, 'x86_64')).toBeGreaterThan(lambdaUsd(1_024, 1, 1_000, 'arm64'));
  });
});

describe('state transitions', () => {
  it('a one-shard branch is its Choice and the direct Task; a Map adds its state and two per shard', () => {
    const plan = planCollection(generateCelebrityList(10_000));
    for (const sourcePlan of plan.sources) {
      const shards = sourcePlan.shards.length;
      expect(branchTransitions(sourcePlan)).toBe(shards === 1 ? 2 : 2 + 2 * shards);
    }
  });

  it('a run adds PlanWeek and the Parallel state, the two top-level states of the definition', () => {
    const plan = planCollection(defaultCelebrityList());
    const definition = buildCollectionDefinition({
      planner: 'planner',
      scrapers: { tmdb: 't', wikipedia: 'w', news: 'n', social: 's' },
    });
    const branches = plan.sources.reduce((total, sourcePlan) => total + branchTransitions(sourcePlan), 0);
    expect(runTransitions(plan)).toBe(Object.keys(definition.States).length + branches);
  });
});

describe('runCost', () => {
  it('charges each shard its paced seconds plus the overhead, at the scraper memory', () => {
    const plan = planCollection(defaultCelebrityList());
    const cost = runCost(plan, BATCH_SIZE);
    for (const sourcePlan of plan.sources) {
      const expected = sourcePlan.shards.reduce(
        (total, shard) =>
          total +
          lambdaUsd(SCRAPER_FUNCTIONS[sourcePlan.source].memoryMb, 1, shard.pacedSeconds + SCRAPER_OVERHEAD_SECONDS),
        0,
      );
      const source = cost.sources.find((candidate) => candidate.source === sourcePlan.source);
      expect(source?.lambdaUsd).toBeCloseTo(expected, 12);
      expect(source?.invocations).toBe(sourcePlan.shards.length);
    }
    expect(cost.usd).toBeCloseTo(cost.lambdaUsd + cost.stepFunctionsUsd + cost.dynamoDbUsd, 12);
  });

  it('grows about linearly with the list: 10,000 celebrities cost 60–140× the bundled 100', () => {
    const small = runCost(planCollection(defaultCelebrityList()), BATCH_SIZE);
    const large = runCost(planCollection(generateCelebrityList(10_000)), BATCH_SIZE);
    expect(large.usd / small.usd).toBeGreaterThan(60);
    expect(large.usd / small.usd).toBeLessThan(140);
    expect(large.dynamoDbUsd / small.dynamoDbUsd).toBeCloseTo(100, 5);
  });
});
