#!/usr/bin/env node
import { main } from './program.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
process.env.DDB_LOCAL_TELEMETRY ??= '0';

const controller = new AbortController();
let interrupts = 0;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    interrupts += 1;
    if (interrupts > 1) {
      process.stderr.write('Stopping now.\n');
      process.exit(130);
    }
    process.stderr.write(`\n${signal}: stopping after the current batch (press Ctrl-C again to force)…\n`);
    controller.abort();
  });
}

const io = {
  stdout: process.stdout,
  stderr: process.stderr,
  environment: process.env,
  now: () => new Date(),
  signal: controller.signal,
};

process.exitCode = await main(process.argv.slice(2), io);
// In-process scrapers may hold sockets (keep-alive agents); the command is done, so leave now.
process.exit(process.exitCode);
