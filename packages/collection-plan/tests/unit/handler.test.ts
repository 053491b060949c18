import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scheduledEvent } from '@celebrity-pipeline/core';
import { CELEBRITY_LIST_VARIABLES } from '@celebrity-pipeline/scraper-kit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { handler } from '../../src/handler.js';
import { inventedList } from '../helpers/celebrity-list.js';

const event = scheduledEvent({ id: 'run-1', time: new Date('2026-11-22T02:00:00Z') });
const directory = mkdtempSync(join(tmpdir(), 'planner-list-'));

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('planner handler', () => {
  it('plans over the list the scrapers read (CELEBRITIES_FILE)', async () => {
    const file = join(directory, 'list.json');
    writeFileSync(file, JSON.stringify(inventedList(3)));
    vi.stubEnv(CELEBRITY_LIST_VARIABLES.file, file);
    const plan = await handler(event);
    expect(plan.runId).toBe('run-1');
    expect(plan.celebrityCount).toBe(3);
    rmSync(directory, { recursive: true, force: true });
  });

  it('refuses two list locations at once, as the scrapers do', async () => {
    vi.stubEnv(CELEBRITY_LIST_VARIABLES.file, '/tmp/list.json');
    vi.stubEnv(CELEBRITY_LIST_VARIABLES.ssmParameter, '/celebrity-pipeline/celebrities');
    await expect(handler(event)).rejects.toThrow(/set only one of `CELEBRITIES_FILE`, `CELEBRITIES_SSM_PARAMETER`/);
  });

  it('rejects an event that is not a Scheduled Event', async () => {
    await expect(handler({ hello: 'world' })).rejects.toThrow();
  });
});
