import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, type TranslateConfig } from '@aws-sdk/lib-dynamodb';

/** Marshalling every core writer relies on: undefined optional attributes are left out, never an error. */
export const DOCUMENT_CLIENT_TRANSLATE_CONFIG: TranslateConfig = Object.freeze({
  marshallOptions: { removeUndefinedValues: true, convertEmptyValues: false },
  unmarshallOptions: { wrapNumbers: false },
});

/** The SDK's own attempts per request (throttling included) before {@link DYNAMODB_RETRY_POLICY} takes over. */
export const DEFAULT_SDK_MAX_ATTEMPTS = 5;

/** Options of {@link createDocumentClient}: an existing client or a config to build one, never both. */
export type DocumentClientOptions =
  | { client: DynamoDBClient; config?: never }
  | { client?: never; config?: DynamoDBClientConfig };

/**
 * A DynamoDBDocumentClient with the house marshalling (`removeUndefinedValues: true`). From a config, the
 * SDK client gets `maxAttempts` {@link DEFAULT_SDK_MAX_ATTEMPTS} (standard retry mode, which backs off on
 * throttling) unless the config says otherwise.
 * @example
 * const documentClient = createDocumentClient({ config: { region: 'us-east-1' } });
 */
export function createDocumentClient(options: DocumentClientOptions = {}): DynamoDBDocumentClient {
  const client = options.client ?? new DynamoDBClient({ maxAttempts: DEFAULT_SDK_MAX_ATTEMPTS, ...options.config });
  return DynamoDBDocumentClient.from(client, DOCUMENT_CLIENT_TRANSLATE_CONFIG);
}
