import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeReportFigures, ReportWriteError, renderReportHtml, writeReport } from '../../src/index.js';
import { celebrity, item } from '../helpers/report-data.js';

const week = '2026-W48';
const figures = computeReportFigures({
  week,
  items: [item({ celebrity: celebrity('ada', 'Ada'), source: 'tmdb', week })],
  runs: [],
});
let directory: string;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'report-write-'));
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('writeReport', () => {
  it('writes the rendered page, creating missing folders, and returns its path and size', async () => {
    const outPath = join(directory, 'nested', 'report.html');
    const written = await writeReport({ figures, outPath });
    const html = await readFile(outPath, 'utf8');
    expect(html).toBe(renderReportHtml(figures));
    expect(written).toEqual({ outPath, bytes: Buffer.byteLength(html) });
  });

  it('names the path when the file cannot be written', async () => {
    const error = await writeReport({ figures, outPath: directory }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ReportWriteError);
    expect(error).toMatchObject({ outPath: directory, name: 'ReportWriteError' });
    expect((error as ReportWriteError).message).toContain(`Could not write the report to \`${directory}\`: EISDIR`);
  });
});
