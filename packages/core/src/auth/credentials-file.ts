import { SparkSdkError } from '../errors/sdk-error.js';
import type { ClientCredentialsOptions } from './client-credentials.js';

/** Reads a file's text; provided by the Node entry point only. */
export type ReadTextFile = (path: string) => Promise<string>;

/**
 * Parses an OAuth2 credentials file in either official format: `{ client_id, client_secret }`
 * (Python SDK) or `{ clientId, clientSecret }` (TypeScript SDK). A file that is not JSON is
 * reported without the parser's message, which quotes the text around the fault (the secret
 * of `client_secret: s3cr3t…`, say).
 *
 * @example
 * const creds = await readCredentialsFile('./ccg.json', (p) => fs.readFile(p, 'utf8'));
 */
export async function readCredentialsFile(path: string, read: ReadTextFile | undefined): Promise<ClientCredentialsOptions> {
  if (!read) throw new SparkSdkError('OAuth credentials files can only be read in Node; pass { clientId, clientSecret }');
  let text: string;
  try {
    text = await read(path);
  } catch (error) {
    throw new SparkSdkError(`failed to read OAuth credentials from file ${path}`, { cause: (error as Error).message });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new SparkSdkError(`failed to read OAuth credentials from file ${path}: it is not valid JSON`);
  }
  const fields = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  const clientId = fields['clientId'] ?? fields['client_id'];
  const clientSecret = fields['clientSecret'] ?? fields['client_secret'];
  if (typeof clientId !== 'string' || typeof clientSecret !== 'string' || !clientId || !clientSecret) {
    throw new SparkSdkError(`OAuth credentials file ${path} must hold client_id and client_secret (or clientId and clientSecret)`);
  }
  return { clientId, clientSecret };
}
