import { resolve } from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';
import type { SSMClient } from '@aws-sdk/client-ssm';
import { CelebrityListReadError, loadCelebrities } from '@celebrity-pipeline/celebrities';
import { type CelebrityList, parseCelebrityListJson } from '@celebrity-pipeline/core';
import { ScraperConfigError } from './errors.js';

/**
 * The environment variables that name where the celebrity list lives (at most one is set). The scrapers and the
 * planner read them with {@link celebrityListLocationOf}; infra sets them by these names.
 */
export const CELEBRITY_LIST_VARIABLES = {
  file: 'CELEBRITIES_FILE',
  s3Uri: 'CELEBRITIES_S3_URI',
  ssmParameter: 'CELEBRITIES_SSM_PARAMETER',
} as const;

/**
 * Where a run reads its celebrity list: the bundled list, a file (`CELEBRITIES_FILE`), an S3 object
 * (`CELEBRITIES_S3_URI`) or an SSM parameter (`CELEBRITIES_SSM_PARAMETER`). S3 and SSM are read at the start of
 * every run, so a changed list takes effect on the next run without a deploy.
 */
export type CelebrityListLocation =
  | { kind: 'bundled' }
  | { kind: 'file'; path: string }
  | { kind: 's3'; bucket: string; key: string }
  | { kind: 'ssm'; parameterName: string };

/** Clients the remote locations are read with; tests inject mocks, the default builds them on first use. */
export interface CelebrityListClients {
  s3?: Pick<S3Client, 'send'>;
  ssm?: Pick<SSMClient, 'send'>;
  region?: string;
}

const S3_URI = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])\/(.+)$/;

/**
 * Parses `s3://bucket/key`.
 * @returns undefined when `uri` is not of that form.
 */
export function parseS3Uri(uri: string): { bucket: string; key: string } | undefined {
  const match = S3_URI.exec(uri.trim());
  return match ? { bucket: match[1] as string, key: match[2] as string } : undefined;
}

/**
 * The list location `env` names through {@link CELEBRITY_LIST_VARIABLES} (blank values count as unset), else the
 * bundled list.
 * @throws ScraperConfigError when more than one is set, or `CELEBRITIES_S3_URI` is not `s3://bucket/key`.
 * @example const location = celebrityListLocationOf(process.env);
 */
export function celebrityListLocationOf(env: Readonly<Record<string, string | undefined>>): CelebrityListLocation {
  const textOf = (name: string) => {
    const text = env[name]?.trim();
    return text === undefined || text === '' ? undefined : text;
  };
  const given = Object.values(CELEBRITY_LIST_VARIABLES).filter((name) => textOf(name) !== undefined);
  if (given.length > 1) {
    throw new ScraperConfigError(
      `Invalid scraper configuration: set only one of ${given.map((name) => `\`${name}\``).join(', ')} (where the celebrity list is read)`,
    );
  }
  const path = textOf(CELEBRITY_LIST_VARIABLES.file);
  if (path !== undefined) return { kind: 'file', path };
  const uri = textOf(CELEBRITY_LIST_VARIABLES.s3Uri);
  if (uri !== undefined) {
    const s3 = parseS3Uri(uri);
    if (s3 === undefined) {
      throw new ScraperConfigError(
        `Invalid scraper configuration:\n  - \`${CELEBRITY_LIST_VARIABLES.s3Uri}\`: must be s3://bucket/key`,
      );
    }
    return { kind: 's3', ...s3 };
  }
  const parameterName = textOf(CELEBRITY_LIST_VARIABLES.ssmParameter);
  if (parameterName !== undefined) return { kind: 'ssm', parameterName };
  return { kind: 'bundled' };
}

/** The location in words, for messages: `s3://bucket/key`, `SSM parameter /name`, a path or "the bundled list". */
export function describeCelebrityListLocation(location: CelebrityListLocation): string {
  switch (location.kind) {
    case 'bundled':
      return 'the bundled list';
    case 'file':
      return location.path;
    case 's3':
      return `s3://${location.bucket}/${location.key}`;
    case 'ssm':
      return `SSM parameter ${location.parameterName}`;
  }
}

/**
 * The location as one string for the run ledger (`listLocation`): `bundled`, `file:/absolute/path`,
 * `s3://bucket/key` or `ssm:/parameter/name`. A relative file path is resolved against the working directory, so
 * `verify` and `report` read the same file later.
 * @example formatCelebrityListUri({ kind: 'ssm', parameterName: '/celebrities' }) // 'ssm:/celebrities'
 */
export function formatCelebrityListUri(location: CelebrityListLocation): string {
  switch (location.kind) {
    case 'bundled':
      return 'bundled';
    case 'file':
      return `file:${resolve(location.path)}`;
    case 's3':
      return `s3://${location.bucket}/${location.key}`;
    case 'ssm':
      return `ssm:${location.parameterName}`;
  }
}

/**
 * Parses what {@link formatCelebrityListUri} wrote.
 * @throws ScraperConfigError naming a string of none of its forms.
 */
export function parseCelebrityListUri(uri: string): CelebrityListLocation {
  if (uri === 'bundled') return { kind: 'bundled' };
  if (uri.startsWith('file:') && uri.length > 5) return { kind: 'file', path: uri.slice(5) };
  if (uri.startsWith('ssm:') && uri.length > 4) return { kind: 'ssm', parameterName: uri.slice(4) };
  const s3 = parseS3Uri(uri);
  if (s3) return { kind: 's3', ...s3 };
  throw new ScraperConfigError(
    `Unknown celebrity list location \`${uri}\` (expected bundled, file:PATH, s3://BUCKET/KEY or ssm:NAME)`,
  );
}

/** True when the list lives outside the deployment and must be read again at every run. */
export function isRemoteCelebrityList(location: CelebrityListLocation): boolean {
  return location.kind === 's3' || location.kind === 'ssm';
}

async function readS3Text(location: { bucket: string; key: string }, clients: CelebrityListClients) {
  const { GetObjectCommand, S3Client } = await import('@aws-sdk/client-s3');
  const client = clients.s3 ?? new S3Client(clients.region ? { region: clients.region } : {});
  const { Body } = await client.send(new GetObjectCommand({ Bucket: location.bucket, Key: location.key }));
  if (Body === undefined) throw new Error('the object has no body');
  return Body.transformToString('utf8');
}

async function readSsmText(parameterName: string, clients: CelebrityListClients) {
  const { GetParameterCommand, SSMClient } = await import('@aws-sdk/client-ssm');
  const client = clients.ssm ?? new SSMClient(clients.region ? { region: clients.region } : {});
  const { Parameter } = await client.send(new GetParameterCommand({ Name: parameterName, WithDecryption: true }));
  if (Parameter?.Value === undefined) throw new Error('the parameter has no value');
  return Parameter.Value;
}

/**
 * Reads and validates the celebrity list at `location`.
 * @throws CelebrityListReadError (celebrities) when the object, parameter or file cannot be read.
 * @throws ValidationError (core) naming the problem when the list is malformed: the run writes nothing.
 * @example const list = await loadCelebrityList({ kind: 's3', bucket: 'lists', key: 'celebrities.json' });
 */
export async function loadCelebrityList(
  location: CelebrityListLocation,
  clients: CelebrityListClients = {},
): Promise<CelebrityList> {
  if (location.kind === 'bundled') return loadCelebrities();
  if (location.kind === 'file') return loadCelebrities(location.path);
  const where = describeCelebrityListLocation(location);
  let text: string;
  try {
    text =
      location.kind === 's3' ? await readS3Text(location, clients) : await readSsmText(location.parameterName, clients);
  } catch (error) {
    throw new CelebrityListReadError(where, { cause: error });
  }
  return parseCelebrityListJson(text, `celebrity list ${where}`);
}
