import { SparkSdkError } from '../errors/sdk-error.js';
import { maskSecret, redacted, type SparkAuth } from './types.js';

/**
 * Authenticates with a Spark API key (sent as `x-synthetic-key`).
 *
 * @example
 * const spark = createClient({ baseUrl, auth: apiKey(process.env.CSPARK_API_KEY!) });
 */
export function apiKey(key: string): SparkAuth {
  if (typeof key !== 'string' || key.trim() === '') {
    throw new SparkSdkError('apiKey must be a non-empty string');
  }
  const value = key.trim();
  // One object for every call: the client copies it into each request's headers.
  const headers: Readonly<Record<string, string>> = Object.freeze({ 'x-synthetic-key': value });
  return redacted(
    { type: 'apiKey', authorize: () => headers, secrets: () => [value] },
    { type: 'apiKey', apiKey: maskSecret(value) },
  );
}
