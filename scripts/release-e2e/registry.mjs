// Child process of run.mjs: a verdaccio registry on a free loopback port (the OS picks it: listen(0)).
// It reports the port over IPC and exits as soon as its parent goes away (IPC disconnect), so it can never outlive
// the test, whatever way the test ends.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { parseConfigFile, runServer } = require('verdaccio');

const configPath = process.argv[2];
if (!configPath || !process.send) {
  process.stderr.write('usage: node registry.mjs <config.yaml> (started by run.mjs with an IPC channel)\n');
  process.exit(2);
}

process.on('disconnect', () => process.exit(0));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(0));

const config = parseConfigFile(configPath);
config.self_path = configPath;
const server = await runServer(config);
server.listen(0, '127.0.0.1', () => {
  process.send({ port: server.address().port });
});
server.on('error', (error) => {
  process.stderr.write(`registry: ${error.message}\n`);
  process.exit(1);
});
