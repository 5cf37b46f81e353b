/** Names of the environment variables the SDK reads. */
export type SparkEnvName =
  | 'CSPARK_BASE_URL'
  | 'CSPARK_TENANT'
  | 'CSPARK_ENV'
  | 'CSPARK_API_KEY'
  | 'CSPARK_BEARER_TOKEN'
  | 'CSPARK_CLIENT_ID'
  | 'CSPARK_CLIENT_SECRET'
  | 'CSPARK_OAUTH_PATH'
  | 'CSPARK_RUNNER_URL';

/**
 * Reads one environment variable, trimmed; `undefined` when unset, blank, or when the
 * runtime has no `process.env` (browsers). Read lazily, at client creation.
 *
 * @example
 * const key = readEnv('CSPARK_API_KEY');
 */
export function readEnv(name: SparkEnvName): string | undefined {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  const value = env?.[name]?.trim();
  return value ? value : undefined;
}
