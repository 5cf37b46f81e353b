import type { SparkCore } from '@spark/core';
import { searchServices } from '@spark/services';

/**
 * Lists the services of one folder as `folder/service` names, sorted.
 *
 * @param spark - a client
 * @param folder - the folder name
 * @returns e.g. `['my-folder/loan-payment', 'my-folder/volume-cylinder']`
 * @example
 * const names = await listServices(spark, 'my-folder');
 */
export async function listServices(spark: SparkCore, folder: string): Promise<string[]> {
  const { response_data } = await searchServices(spark, { query: [{ field: 'foldername', value: folder }] });
  return response_data
    .filter((s) => s.folderName === undefined || s.folderName === folder)
    .map((s) => `${s.folderName ?? folder}/${String(s['serviceName'] ?? s.fileName ?? s.id)}`)
    .sort();
}
