import { GetSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { z } from 'zod';
import { ScraperConfigError } from './errors.js';

/** Credential variables; a Secrets Manager secret holds the same keys as JSON. */
export const CREDENTIAL_VARIABLES = [
  'TMDB_API_TOKEN',
  'NEWSAPI_KEY',
  'BLUESKY_IDENTIFIER',
  'BLUESKY_APP_PASSWORD',
] as const;
export type CredentialVariable = (typeof CREDENTIAL_VARIABLES)[number];

const SecretSchema = z.object(
  Object.fromEntries(CREDENTIAL_VARIABLES.map((name) => [name, z.string().min(1).optional()])) as Record<
    CredentialVariable,
    z.ZodOptional<z.ZodString>
  >,
);

/** Reads a JSON secret with the credential keys. Only the SDK client is I/O; it is injected. */
export async function readCredentialSecret(
  client: Pick<SecretsManagerClient, 'send'>,
  secretArn: string,
): Promise<Partial<Record<CredentialVariable, string>>> {
  let text: string | undefined;
  try {
    const output = await client.send(new GetSecretValueCommand({ SecretId: secretArn }));
    text = output.SecretString;
  } catch (error) {
    throw new ScraperConfigError(
      `Cannot read the secret named by \`SCRAPER_SECRET_ARN\` (${secretArn}): ${(error as Error).message}`,
      {},
      { cause: error },
    );
  }
  if (text === undefined)
    throw new ScraperConfigError(`The secret named by \`SCRAPER_SECRET_ARN\` has no SecretString`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ScraperConfigError(`The secret named by \`SCRAPER_SECRET_ARN\` is not a JSON object`);
  }
  const result = SecretSchema.safeParse(value);
  if (!result.success) {
    throw new ScraperConfigError(
      `The secret named by \`SCRAPER_SECRET_ARN\` must be a JSON object of ${CREDENTIAL_VARIABLES.join(', ')} strings`,
    );
  }
  return result.data;
}
