import type { SparkCore, SparkDownload, SparkPlugin } from '@spark/core';
import { downloadFile, type DownloadFileOptions } from './download-file.js';

/** The `files` namespace of a client. */
export interface FilesApi {
  /** See {@link downloadFile}. */
  download(url: string | URL, options?: DownloadFileOptions): Promise<SparkDownload>;
}

/**
 * Binds the files operations to one client.
 *
 * @example
 * const file = await createFilesApi(spark).download(url);
 */
export function createFilesApi(core: SparkCore): FilesApi {
  return { download: (url, options) => downloadFile(core, url, options) };
}

/**
 * The files plugin: `createClient(opts).use(files)` adds `client.files`.
 *
 * @example
 * const spark = createClient({ baseUrl, apiKey }).use(files);
 * const bytes = await (await spark.files.download(url)).bytes();
 */
export const files: SparkPlugin<'files', FilesApi> = { key: 'files', create: createFilesApi };
