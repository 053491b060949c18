import { describe, expect, it } from 'vitest';
import { formatDuration } from '../../src/format-duration.js';

describe('formatDuration', () => {
  it.each([
    [42, '42 s'],
    [14 * 60, '14 min'],
    [3_600 + 23 * 60, '1 h 23 min'],
    [18 * 3_600 + 40 * 60, '18 h 40 min'],
  ])('%s s is %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });
});
