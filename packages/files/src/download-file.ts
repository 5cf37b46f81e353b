import { SparkSdkError, type CallOptions, type SparkCore, type SparkDownload, requireCore } from '@spark/core';
import { checkCallOptions, shownUrl } from '@spark/core/wire';

const OPERATION = 'files.download';

/** Options of {@link downloadFile}. */
export interface DownloadFileOptions extends CallOptions {
  /**
   * Send the client's credentials (default `true`). They only ever go to the client's own
   * Spark origin (or its `trustedOrigins`): a URL on another origin, such as a presigned
   * storage URL, is fetched without them whatever this says.
   */
  auth?: boolean;
}

/**
 * Downloads a file Spark handed out (`download_url`, an export's `files[].file`,
 * `get_product_url`, …): `GET url` through the client's pipeline (SDK headers, auth on the
 * client's own origin only, retries, timeout). The body is streamed, never buffered unless you ask.
 *
 * @param core - a client from `createClient()`
 * @param url - an absolute http(s) URL
 * @param options - `auth: false` to omit credentials, `signal`, `timeout`, `maxResponseBytes`
 * @returns a download: `stream`, `bytes()`, `toFile(path)` (Node), `contentType`, `fileName`
 *
 * @example
 * const file = await downloadFile(spark, job.outputs.files[0].file);
 * await file.toFile('./export.zip');
 */
export async function downloadFile(core: SparkCore, url: string | URL, options: DownloadFileOptions = {}): Promise<SparkDownload> {
  requireCore(core, OPERATION);
  const href = url instanceof URL ? url.href : url;
  if (typeof href !== 'string' || !/^https?:\/\/[^/]/i.test(href.trim())) {
    // A string is shown without its query (a presigned URL's signature), and not kept as the cause.
    const got = typeof href === 'string' ? JSON.stringify(shownUrl(href, [])) : (JSON.stringify(href) ?? String(href));
    throw new SparkSdkError(`${OPERATION}: "url" must be an absolute http(s) URL (got ${got})`, typeof href === 'string' ? undefined : { cause: url });
  }
  const call = checkCallOptions(options, OPERATION, ['auth']);
  const { auth } = options;
  if (auth !== undefined && typeof auth !== 'boolean') throw new SparkSdkError(`${OPERATION}: "auth" must be a boolean`, { cause: auth });
  return core.download({ operation: OPERATION, method: 'GET', url: href.trim(), auth, ...call });
}
