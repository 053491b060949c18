import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { type CelebrityItem, STACK_OUTPUT_KEYS } from '@celebrity-pipeline/core';
import {
  createDocumentClient,
  createRunLedger,
  listWeekItems,
  type RunLedger,
} from '@celebrity-pipeline/core/dynamodb';
import type { AwsClients } from './aws-clients.js';
import { readStackOutputs, requireOutput, type StackOutputs } from './stack-outputs.js';
import { queuesOf, type StackQueue } from './stack-queues.js';

/** The deployed tables, named by the stack's outputs. */
export interface DeployedTables {
  tableName: string;
  documentClient: DynamoDBDocumentClient;
  ledger: RunLedger;
  readWeek(week: string): Promise<CelebrityItem[]>;
}

/** A deployed stack as the `--aws` commands see it: its outputs, read once, and what they name. */
export interface DeployedStack {
  name: string;
  outputs: StackOutputs;
  clients: AwsClients;
  /** The observation table and the run ledger (an error names the output the stack lacks). */
  tables(): DeployedTables;
  /** The stack's three queues. */
  queues(): StackQueue[];
}

/** Reads the stack's outputs once; the tables and the ledger are derived from them on first use. */
export async function openDeployedStack(clients: AwsClients, name: string): Promise<DeployedStack> {
  const outputs = await readStackOutputs(clients.cloudFormation, name);
  let tables: DeployedTables | undefined;
  return {
    name,
    outputs,
    clients,
    tables() {
      if (tables) return tables;
      const runLedgerTableName = requireOutput(outputs, STACK_OUTPUT_KEYS.runLedgerTableName, name);
      const tableName = requireOutput(outputs, STACK_OUTPUT_KEYS.tableName, name);
      const documentClient = createDocumentClient({ client: clients.dynamodb });
      const ledger = createRunLedger({ client: documentClient, tableName: runLedgerTableName });
      tables = {
        tableName,
        documentClient,
        ledger,
        readWeek: async (week) => (await listWeekItems({ client: documentClient, tableName, week })).items,
      };
      return tables;
    },
    queues: () => queuesOf(outputs, name),
  };
}
