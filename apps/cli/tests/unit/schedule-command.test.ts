import { describe, expect, it } from 'vitest';
import type { CommandIo } from '../../src/command-io.js';
import { scheduleCommand } from '../../src/commands/schedule.js';

function io(signal: AbortSignal): CommandIo & { lines: string[] } {
  const lines: string[] = [];
  const stream = { write: (text: string) => lines.push(text) !== 0 } as unknown as NodeJS.WritableStream;
  return { lines, stdout: stream, stderr: stream, environment: {}, now: () => new Date(), signal };
}

describe('scheduleCommand', () => {
  it('prints the next Sunday 02:00 UTC runs of the weekly schedule and stops on abort', async () => {
    const controller = new AbortController();
    const output = io(controller.signal);
    const done = scheduleCommand(output, async () => 0);
    controller.abort();
    expect(await done).toBe(0);
    const times = output.lines.filter((line) => /^ {2}\d{4}-/.test(line)).map((line) => new Date(line.trim()));
    expect(times).toHaveLength(3);
    for (const time of times) expect([time.getUTCDay(), time.getUTCHours(), time.getUTCMinutes()]).toEqual([0, 2, 0]);
    expect(output.lines.join('')).toContain('Scheduler stopped.');
  });

  it('never starts a run while one is active, and stops the active run on abort', async () => {
    const controller = new AbortController();
    let active = 0;
    let maximumActive = 0;
    let started = 0;
    let stoppedBySignal = false;
    const run = (signal: AbortSignal) =>
      new Promise<number>((resolve) => {
        started += 1;
        active += 1;
        maximumActive = Math.max(maximumActive, active);
        signal.addEventListener('abort', () => {
          stoppedBySignal = true;
          active -= 1;
          resolve(130);
        });
      });
    const output = io(controller.signal);
    const done = scheduleCommand(output, run, { pattern: '* * * * * *' });
    await new Promise((resolve) => setTimeout(resolve, 2_600));
    controller.abort();
    expect(await done).toBe(0);
    expect(started).toBe(1);
    expect(maximumActive).toBe(1);
    expect(stoppedBySignal).toBe(true);
    expect(output.lines.join('')).toMatch(/skipped: the run started .* is still active/);
  });
});
