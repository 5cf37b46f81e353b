import type { SparkCore, SparkPlugin, CallOptions } from '@spark/core';
import { createFolder, type CreateFolderParams } from './create-folder.js';
import { deleteCategory } from './delete-category.js';
import { deleteFolder } from './delete-folder.js';
import { findAllFolders } from './find-all-folders.js';
import { findFolders, type FindFoldersParams, type FindFoldersResult, type FolderPaging } from './find-folders.js';
import { folderExists } from './folder-exists.js';
import { listCategories } from './list-categories.js';
import { listFolders } from './list-folders.js';
import { saveCategory, type SaveCategoryParams } from './save-category.js';
import type { Folder, FolderCategory, FolderDetails } from './types.js';
import { updateFolder, type UpdateFolderParams } from './update-folder.js';
import { uploadFolderCover, type UploadFolderCoverParams } from './upload-folder-cover.js';

/** The `folders.categories` namespace. */
export interface FolderCategoriesApi {
  /** See {@link listCategories}. */
  list(options?: CallOptions): Promise<FolderCategory[]>;
  /** See {@link saveCategory}. */
  save(name: string, params?: SaveCategoryParams): Promise<FolderCategory[]>;
  /** See {@link deleteCategory}. */
  delete(key: string, options?: CallOptions): Promise<FolderCategory[]>;
}

/** The `folders` namespace of a client. */
export interface FoldersApi {
  /** See {@link folderExists}. */
  exists(name: string, options?: CallOptions): Promise<boolean>;
  /** See {@link createFolder}. */
  create(params: string | CreateFolderParams): Promise<FolderDetails>;
  /** See {@link findFolders}. */
  find(params?: string | FindFoldersParams, paging?: FolderPaging): Promise<FindFoldersResult>;
  /** See {@link findAllFolders}. */
  findAll(params?: string | FindFoldersParams, paging?: FolderPaging): AsyncGenerator<Folder, void, undefined>;
  /** See {@link listFolders}. */
  list(paging?: FolderPaging): Promise<FindFoldersResult>;
  /** See {@link updateFolder}. */
  update(id: string, params: UpdateFolderParams): Promise<void>;
  /** See {@link deleteFolder}. */
  delete(id: string, options?: CallOptions): Promise<void>;
  /** See {@link uploadFolderCover}. */
  uploadCover(id: string, params: UploadFolderCoverParams): Promise<void>;
  /** Folder categories. */
  readonly categories: FolderCategoriesApi;
}

/**
 * Binds the folder operations to one client.
 *
 * @param core - the client's core
 * @returns the `folders` namespace
 *
 * @example
 * const folders = createFoldersApi(spark);
 * await folders.exists('pricing');
 */
export function createFoldersApi(core: SparkCore): FoldersApi {
  return {
    exists: (name, options) => folderExists(core, name, options),
    create: (params) => createFolder(core, params),
    find: (params, paging) => findFolders(core, params, paging),
    findAll: (params, paging) => findAllFolders(core, params, paging),
    list: (paging) => listFolders(core, paging),
    update: (id, params) => updateFolder(core, id, params),
    delete: (id, options) => deleteFolder(core, id, options),
    uploadCover: (id, params) => uploadFolderCover(core, id, params),
    categories: {
      list: (options) => listCategories(core, options),
      save: (name, params) => saveCategory(core, name, params),
      delete: (key, options) => deleteCategory(core, key, options),
    },
  };
}

/**
 * The folders plugin: `createClient(opts).use(folders)` adds `client.folders`.
 *
 * @example
 * const spark = createClient({ baseUrl, token }).use(folders);
 * const folder = await spark.folders.create('pricing');
 */
export const folders: SparkPlugin<'folders', FoldersApi> = { key: 'folders', create: createFoldersApi };
