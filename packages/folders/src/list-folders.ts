import { requireCore } from '@spark/core';
import type { SparkCore } from '@spark/core';
import { searchFolders, type FindFoldersResult, type FolderPaging } from './find-folders.js';

/**
 * Lists every folder of the tenant, one page at a time (a search without criteria).
 *
 * @param core - a client from `createClient()`
 * @param paging - `{ page = 1, size = 100, sort = '-updated' }`
 * @returns one page: `data` (folders), `count`, `next`, `previous`, `page`, `size`
 *
 * @example
 * const { data, count } = await listFolders(spark, { page: 2, size: 50 });
 */
export async function listFolders(core: SparkCore, paging: FolderPaging = {}): Promise<FindFoldersResult> {
  requireCore(core, 'folders.list');
  return searchFolders(core, 'folders.list', {}, paging);
}
