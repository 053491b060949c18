import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type CelebrityListLocation,
  formatCelebrityListUri,
  parseCelebrityListUri,
} from '../../src/celebrity-list-location.js';
import { ScraperConfigError } from '../../src/errors.js';

describe('celebrity list URIs (the run ledger`s listLocation)', () => {
  it.each<[CelebrityListLocation, string]>([
    [{ kind: 'bundled' }, 'bundled'],
    [{ kind: 'file', path: '/lists/ten-thousand.json' }, 'file:/lists/ten-thousand.json'],
    [{ kind: 's3', bucket: 'my-lists', key: 'weekly/celebrities.json' }, 's3://my-lists/weekly/celebrities.json'],
    [{ kind: 'ssm', parameterName: '/celebrity-pipeline/list' }, 'ssm:/celebrity-pipeline/list'],
  ])('%o round-trips as %s', (location, uri) => {
    expect(formatCelebrityListUri(location)).toBe(uri);
    expect(parseCelebrityListUri(uri)).toEqual(location);
  });

  it('records a relative file as an absolute path, so a later command reads the same file', () => {
    expect(formatCelebrityListUri({ kind: 'file', path: 'lists/a.json' })).toBe(`file:${resolve('lists/a.json')}`);
  });

  it.each(['', 'file:', 'ssm:', 'http://example.com/list.json', 's3://x'])('refuses %j, naming the forms', (uri) => {
    expect(() => parseCelebrityListUri(uri)).toThrow(ScraperConfigError);
    expect(() => parseCelebrityListUri(uri)).toThrow(/expected bundled, file:PATH, s3:\/\/BUCKET\/KEY or ssm:NAME/);
  });
});
