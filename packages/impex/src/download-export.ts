import { SparkSdkError, type SparkCore, type SparkDownload, type CallOptions, requireCore } from '@spark/core';
import type { ExportStatus } from './types.js';
import { checkCallOptions, shownUrl } from '@spark/core/wire';

const OPERATION = 'impex.exports.download';

/**
 * Downloads the files of an export: each URL (or each non-empty `outputs.files[].file` of a
 * status document) is fetched with the client's headers and credentials, one after another.
 * If one fails, the files already opened are cancelled (their connections released) before it rejects.
 *
 * @param core - a client from `createClient()`
 * @param source - a file URL, a list of them, or a completed export status
 * @param options - `signal`, `timeout`, `maxResponseBytes`
 * @returns one download per file
 *
 * @example
 * const [zip] = await downloadExport(spark, await getExportStatus(spark, job.id));
 * await zip.toFile('./export.zip');
 */
export async function downloadExport(core: SparkCore, source: string | string[] | ExportStatus, options?: CallOptions): Promise<SparkDownload[]> {
  requireCore(core, OPERATION);
  const call = checkCallOptions(options, OPERATION);
  const urls = fileUrls(source);
  const downloads: SparkDownload[] = [];
  try {
    for (const url of urls) downloads.push(await core.download({ operation: OPERATION, method: 'GET', url, ...call }));
  } catch (error) {
    // The files already opened hold a connection each until read: nobody will read them now.
    for (const download of downloads) download.stream.cancel().catch(() => undefined);
    throw error;
  }
  return downloads;
}

function fileUrls(source: string | string[] | ExportStatus): string[] {
  let urls: unknown[];
  if (typeof source === 'string' || Array.isArray(source)) urls = typeof source === 'string' ? [source] : source;
  else if (typeof source === 'object' && source !== null) urls = (source.outputs?.files ?? []).map((f) => f?.file).filter((f) => f !== undefined && f !== null && f !== '');
  else throw new SparkSdkError(`${OPERATION}: expected a URL, a list of URLs or an export status`, { cause: source });
  if (urls.length === 0) throw new SparkSdkError(`${OPERATION}: there is no file to download`, { cause: source });
  for (const url of urls) {
    if (typeof url !== 'string' || !/^https?:\/\/[^/]/i.test(url)) {
      // A string is shown without its query (a presigned URL's signature); the cause is the bad value, never the source's other (signed) URLs.
      const got = typeof url === 'string' ? shownUrl(url, []) : url;
      throw new SparkSdkError(`${OPERATION}: each file must be an absolute http(s) URL (got ${JSON.stringify(got)})`, typeof url === 'string' ? undefined : { cause: url });
    }
  }
  return urls as string[];
}
