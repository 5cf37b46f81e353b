import { createClient, publicAccess, type SparkAuth, type SparkFetch } from '@spark/core';
import { downloadFile } from '@spark/files';
import { checkHealthAt, type CheckHealthAtOptions, type HealthCheckResult } from '@spark/health';

/**
 * Checks the health of a Spark environment without a client: a URL (any path; its origin is
 * used) or an environment name (`uat.us`). Resolves to the reported status (`{ status: 'UP', ok: true }`…).
 *
 * @example
 * const health = await Client.healthCheck('uat.us');
 */
export function checkSparkHealth(urlOrEnv: string, options?: CheckHealthAtOptions): Promise<HealthCheckResult> {
  return checkHealthAt(urlOrEnv, options);
}

/**
 * Downloads a file handed out by Spark (a `download_url`) without a client, with optional
 * credentials, and returns its bytes.
 *
 * @example
 * const bytes = await Client.download(url, apiKey(key));
 */
export async function downloadSparkFile(url: string, auth: SparkAuth = publicAccess(), options: { fetch?: SparkFetch; timeout?: number } = {}): Promise<Uint8Array> {
  const origin = new URL(url).origin;
  const client = createClient({ baseUrl: `${origin}/_`, auth, ...options });
  try {
    return await (await downloadFile(client, url)).bytes();
  } finally {
    client.close();
  }
}
