import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';

const recorderUrl = new URL('./resolution-recorder.mjs', import.meta.url).href;

/** Script run in the child: registers the recorder, imports the entry, prints every resolved URL as JSON. */
const childScript = (entryUrl: string) => `
import { register } from 'node:module';
import { MessageChannel } from 'node:worker_threads';
const { port1, port2 } = new MessageChannel();
const urls = [];
const flushed = new Promise((resolve) => port1.on('message', (url) => (url === 'flushed' ? resolve() : urls.push(url))));
register(${JSON.stringify(recorderUrl)}, { data: { port: port2 }, transferList: [port2] });
await import(${JSON.stringify(entryUrl)});
await import('recorder:flush');
await flushed;
port1.close();
process.stdout.write(JSON.stringify(urls));
`;

/**
 * Imports `entryPath` in a fresh Node process and returns the URL of every module that import resolved
 * (built-ins appear as `node:…`). The recorder's own set-up runs before the entry is imported, so what it
 * needs (`node:module`, `node:worker_threads`) is not in the list.
 */
export function modulesLoadedBy(entryPath: string): string[] {
  const child = spawnSync(
    process.execPath,
    ['--input-type=module', '--eval', childScript(pathToFileURL(entryPath).href)],
    {
      encoding: 'utf8',
      cwd: fileURLToPath(new URL('.', import.meta.url)),
    },
  );
  if (child.status !== 0) throw new Error(`importing ${entryPath} failed (exit ${child.status}):\n${child.stderr}`);
  return JSON.parse(child.stdout) as string[];
}
