import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import {
  type DynamoDbLocalInstance,
  type DynamoDbLocalOptions,
  startDynamoDbLocal,
} from '@celebrity-pipeline/dynamodb-local';
import { EndpointUnreachableError } from './errors.js';

/** Where the data lives: DynamoDB Local on disk (default), in memory, or a DynamoDB already running. */
export type DatabaseMode =
  | { kind: 'persistent'; dataDirectory: string; port?: number }
  | { kind: 'in-memory'; port?: number }
  | { kind: 'endpoint'; endpoint: string };

/** Default directory of the persistent local database, relative to the working directory. */
export const DEFAULT_DATA_DIRECTORY = '.celebrity-pipeline/dynamodb';

/** Credentials DynamoDB Local accepts; with `sharedDb` any other pair sees the same tables. */
export const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' } as const;

/** The two clients every local command needs, bound to one endpoint. */
export interface LocalClients {
  endpoint: string;
  dynamodb: DynamoDBClient;
  streams: DynamoDBStreamsClient;
}

/** A database the runtime can use, and how to let go of it (stops DynamoDB Local when this process started it). */
export interface LocalDatabase extends LocalClients {
  /** The DynamoDB Local this process started, if any. */
  readonly instance: DynamoDbLocalInstance | undefined;
  close(): Promise<void>;
}

/** DynamoDB and DynamoDB Streams clients for `endpoint` with local credentials. */
export function localClients(endpoint: string, region = 'us-east-1'): LocalClients {
  const config = { endpoint, region, credentials: LOCAL_CREDENTIALS, maxAttempts: 5 };
  return { endpoint, dynamodb: new DynamoDBClient(config), streams: new DynamoDBStreamsClient(config) };
}

/** Options of {@link openLocalDatabase}; `start` is injectable for tests. */
export interface OpenLocalDatabaseOptions {
  start?: (options: DynamoDbLocalOptions) => Promise<DynamoDbLocalInstance>;
}

/**
 * Starts DynamoDB Local (persistent with `sharedDb`, or in memory) or connects to a running endpoint, and
 * checks it answers.
 * @throws JavaMissingError / JavaTooOldError / PortInUseError from `@celebrity-pipeline/dynamodb-local`,
 * EndpointUnreachableError when `--endpoint` does not answer.
 */
export async function openLocalDatabase(
  mode: DatabaseMode,
  options: OpenLocalDatabaseOptions = {},
): Promise<LocalDatabase> {
  if (mode.kind === 'endpoint') {
    const clients = localClients(mode.endpoint);
    await assertAnswers(clients);
    return { ...clients, instance: undefined, close: async () => destroy(clients) };
  }
  const start = options.start ?? startDynamoDbLocal;
  const instance = await start({
    sharedDb: true,
    ...(mode.port === undefined ? {} : { port: mode.port }),
    ...(mode.kind === 'persistent' ? { dbPath: mode.dataDirectory } : {}),
  });
  const clients = localClients(instance.endpoint);
  return {
    ...clients,
    instance,
    close: async () => {
      destroy(clients);
      await instance.stop();
    },
  };
}

async function assertAnswers(clients: LocalClients): Promise<void> {
  try {
    await clients.dynamodb.send(new ListTablesCommand({ Limit: 1 }), { abortSignal: AbortSignal.timeout(5_000) });
  } catch (error) {
    destroy(clients);
    throw new EndpointUnreachableError(clients.endpoint, { cause: error });
  }
}

function destroy(clients: LocalClients): void {
  clients.dynamodb.destroy();
  clients.streams.destroy();
}
