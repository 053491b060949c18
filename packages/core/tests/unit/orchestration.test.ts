import { describe, expect, it } from 'vitest';
import { collectedWeekOf, scheduledEvent } from '../../src/index.js';

describe('collectedWeekOf', () => {
  it('the Sunday 02:00 UTC rule event collects the ISO week that ended before it', () => {
    expect(collectedWeekOf(scheduledEvent({ id: 'r', time: new Date('2026-11-29T02:00:00Z') }))).toBe('2026-W47');
  });

  it('an event that names its week collects that week, whatever its time', () => {
    const event = scheduledEvent({ id: 'r', time: new Date('2026-11-29T02:00:00Z'), week: '2026-W40' });
    expect(event.detail).toEqual({ week: '2026-W40' });
    expect(collectedWeekOf(event)).toBe('2026-W40');
  });
});
