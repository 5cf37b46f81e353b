import { SparkSdkError } from '../errors/sdk-error.js';
import type { ClientCredentialsOptions } from './client-credentials.js';

/** Reads a file's text; provided by the Node entry point only. */
export type ReadTextFile = (path: string) => Promise<string>;

/**
 * Parses an OAuth2 credentials file in either official format: `{ client_id, client_secret }`
 * (Python SDK) or `{ clientId, clientSecret }` (TypeScript SDK).
 *
 * @example
 * const creds = await readCredentialsFile('./ccg.json', (p) => fs.readFile(p, 'utf8'));
 */
export async function readCredentialsFile(path: string, read: ReadTextFile | undefined): Promise<ClientCredentialsOptions> {
  if (!read) throw new SparkSdkError('OAuth credentials files can only be read in Node; pass { clientId, clientSecret }');
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(await read(path)) as Record<string, unknown>;
  } catch (error) {
    throw new SparkSdkError(`failed to read OAuth credentials from file ${path}`, { cause: (error as Error).message });
  }
  const clientId = parsed['clientId'] ?? parsed['client_id'];
  const clientSecret = parsed['clientSecret'] ?? parsed['client_secret'];
  if (typeof clientId !== 'string' || typeof clientSecret !== 'string' || !clientId || !clientSecret) {
    throw new SparkSdkError(`OAuth credentials file ${path} must hold client_id and client_secret (or clientId and clientSecret)`);
  }
  return { clientId, clientSecret };
}
