import { describe, expect, it } from 'vitest';
import { describeError } from '../../src/index.js';

describe('describeError', () => {
  it('names the class and the message of an Error', () => {
    expect(describeError(new TypeError('x is undefined'))).toBe('TypeError: x is undefined');
  });

  it('shows only the message of an error whose name is listed as self-explaining', () => {
    const error = new RangeError('--limit must be 1–100');
    expect(describeError(error, { messageOnly: new Set(['RangeError']) })).toBe('--limit must be 1–100');
    expect(describeError(error, { messageOnly: new Set(['TypeError']) })).toBe('RangeError: --limit must be 1–100');
  });

  it('turns anything else thrown into a string', () => {
    expect(describeError('boom')).toBe('boom');
    expect(describeError(42)).toBe('42');
  });
});
