import { describe, expect, it } from 'vitest';
import { assertJava, JavaMissingError, parseJavaMajorVersion } from '../../src/index.js';

describe('parseJavaMajorVersion', () => {
  it('reads modern version strings', () => {
    expect(parseJavaMajorVersion('openjdk version "17.0.15" 2025-04-15')).toBe(17);
    expect(parseJavaMajorVersion('openjdk version "21" 2023-09-19')).toBe(21);
  });

  it('reads the legacy 1.x scheme as its minor number', () => {
    expect(parseJavaMajorVersion('java version "1.8.0_392"')).toBe(8);
  });

  it('returns undefined for text without a version', () => {
    expect(parseJavaMajorVersion('command not found')).toBeUndefined();
  });
});

describe('assertJava', () => {
  it('names the problem when java cannot be run', () => {
    expect(() => assertJava('/nonexistent/bin/java')).toThrow(JavaMissingError);
    expect(() => assertJava('/nonexistent/bin/java')).toThrow(/Java was not found/);
  });

  it('returns the installed major version', () => {
    expect(assertJava()).toBeGreaterThanOrEqual(17);
  });
});
