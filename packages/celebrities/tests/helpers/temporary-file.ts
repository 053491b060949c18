import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Writes `text` to a fresh temporary file and returns its path. */
export async function temporaryFile(text: string, name = 'celebrities.json'): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), 'celebrities-'));
  const path = join(directory, name);
  await writeFile(path, text, 'utf8');
  return path;
}
