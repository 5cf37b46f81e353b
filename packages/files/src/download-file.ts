import { SparkSdkError, type SparkCore, type SparkDownload, requireCore } from '@spark/core';

const OPERATION = 'files.download';

/** Options of {@link downloadFile}. */
export interface DownloadFileOptions {
  /** Send the client's credentials (default `true`, as both official SDKs do). */
  auth?: boolean;
  /** Cancels the download. */
  signal?: AbortSignal;
  /** Timeout in ms until the response starts (overrides the client's). */
  timeout?: number;
}

/**
 * Downloads a file Spark handed out (`download_url`, an export's `files[].file`,
 * `get_product_url`, …): `GET url` through the client's pipeline (SDK headers, auth,
 * retries, timeout). The body is streamed, never buffered unless you ask.
 *
 * @param core - a client from `createClient()`
 * @param url - an absolute http(s) URL
 * @param options - `auth: false` to omit credentials, `signal`, `timeout`
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
    throw new SparkSdkError(`${OPERATION}: "url" must be an absolute http(s) URL (got ${JSON.stringify(href) ?? String(href)})`, { cause: url });
  }
  if (typeof options !== 'object' || options === null) throw new SparkSdkError(`${OPERATION}: options must be an object`, { cause: options });
  const { auth, signal, timeout } = options;
  if (auth !== undefined && typeof auth !== 'boolean') throw new SparkSdkError(`${OPERATION}: "auth" must be a boolean`, { cause: auth });
  if (signal !== undefined && !(signal instanceof AbortSignal)) throw new SparkSdkError(`${OPERATION}: "signal" must be an AbortSignal`, { cause: signal });
  if (timeout !== undefined && !(typeof timeout === 'number' && timeout > 0)) {
    throw new SparkSdkError(`${OPERATION}: "timeout" must be a number of milliseconds > 0 (got ${String(timeout)})`, { cause: timeout });
  }
  return core.download({ operation: OPERATION, method: 'GET', url: href.trim(), auth, signal, timeout });
}
