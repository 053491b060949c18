import { isPortFree, PortInUseError } from '@celebrity-pipeline/dynamodb-local';
import { startReplayServer } from '@celebrity-pipeline/fixtures';
import { type CommandIo, printLine } from '../command-io.js';
import type { FixturesServeFlags } from '../flags.js';
import { untilAborted } from '../wait-for-signal.js';

/** `fixtures serve`: the replay server on its own (with `--fault` switches), until interrupted. */
export async function fixturesServeCommand(flags: FixturesServeFlags, io: CommandIo): Promise<number> {
  if (flags.port !== undefined && !(await isPortFree(flags.port))) throw new PortInUseError(flags.port);
  const server = await startReplayServer({
    ...(flags.port === undefined ? {} : { port: flags.port }),
    ...(flags.fault ? { faults: flags.fault } : {}),
  });
  try {
    printLine(
      io,
      `Replay server at ${server.url}${flags.fault?.length ? ` with ${flags.fault.length} fault switch(es)` : ''}. Point a live run at it with:`,
    );
    for (const [variable, url] of Object.entries(server.baseUrls)) printLine(io, `  export ${variable}=${url}`);
    printLine(io, 'Ctrl-C to stop.');
    await untilAborted(io.signal);
    return 0;
  } finally {
    await server.close();
  }
}
