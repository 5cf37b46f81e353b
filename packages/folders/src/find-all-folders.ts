import { requireCore } from '@spark/core';
import type { SparkCore } from '@spark/core';
import { searchFolders, type FindFoldersParams, type FolderPaging } from './find-folders.js';
import type { Folder } from './types.js';

/**
 * Iterates over every matching folder, fetching the next page only when the previous one is
 * consumed. Stops after a short or empty page, or once `count` folders were seen.
 *
 * @param core - a client from `createClient()`
 * @param params - a folder name or criteria (see `findFolders`); omit to walk all folders
 * @param paging - `{ page = 1, size = 100, sort = '-updated' }` (`page` is the first page)
 * @returns an async iterator of folders
 *
 * @example
 * for await (const folder of findAllFolders(spark, { category: 'Term' })) console.log(folder.name);
 */
export async function* findAllFolders(core: SparkCore, params: string | FindFoldersParams = {}, paging: FolderPaging = {}): AsyncGenerator<Folder, void, undefined> {
  requireCore(core, 'folders.findAll');
  let page = paging.page ?? 1;
  let seen = (page - 1) * (paging.size ?? 100);
  for (;;) {
    const result = await searchFolders(core, 'folders.findAll', params, { ...paging, page });
    yield* result.data;
    seen += result.data.length;
    if (result.data.length === 0 || result.data.length < result.size || seen >= result.count) return;
    page++;
  }
}
