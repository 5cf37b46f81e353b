import * as v from 'valibot';
import { parseParams, type SparkCore, type CallOptions, requireCore } from '@spark/core';
import { pickCallOptions } from '@spark/core/wire';
import { unwrapEnvelope } from './envelope.js';
import { PagingSchema } from './schemas.js';
import type { Folder } from './types.js';

const Primitive = v.union([v.string(), v.number(), v.boolean(), v.null(), v.undefined()]);
const CriteriaSchema = v.objectWithRest(
  {
    id: v.optional(v.string()),
    name: v.optional(v.string()),
    status: v.optional(v.string()),
    category: v.optional(v.string()),
    favorite: v.optional(v.boolean()),
  },
  Primitive,
);

/** Search criteria of {@link findFolders}; every truthy one becomes a `{ field, value }` filter. */
export interface FindFoldersParams {
  id?: string;
  name?: string;
  status?: string;
  category?: string;
  /** Only starred folders (sent as `isstarred`; `false` cannot be searched for). */
  favorite?: boolean;
  /** Any other field Spark can filter on. */
  [field: string]: string | number | boolean | null | undefined;
}

/** Paging of a folder search. */
export interface FolderPaging extends CallOptions {
  /** 1-based page (default 1). */
  page?: number;
  /** Page size (default 100). */
  size?: number;
  /** Default `-updated` (newest first). */
  sort?: string;
}

/** One page of folders. */
export interface FindFoldersResult {
  data: Folder[];
  /** Total number of matches. */
  count: number;
  next: number | string | null;
  previous: number | string | null;
  page: number;
  size: number;
  [key: string]: unknown;
}

/**
 * Searches folders by name (a string) or by criteria, one page at a time.
 *
 * Wire: `POST {origin}/api/v1/product/list` with `{ search: [{ field, value }], page, pageSize,
 * sort, shouldFetchActiveServicesCount: true }`; criteria keep their key order.
 *
 * @param core - a client from `createClient()`
 * @param params - a folder name, or criteria `{ id?, name?, status?, category?, favorite? }`
 * @param paging - `{ page = 1, size = 100, sort = '-updated' }`
 * @returns one page: `data` (folders), `count`, `next`, `previous`, `page`, `size`
 *
 * @example
 * const { data, count } = await findFolders(spark, { category: 'Term', favorite: true }, { size: 20 });
 */
export async function findFolders(core: SparkCore, params: string | FindFoldersParams = {}, paging: FolderPaging = {}): Promise<FindFoldersResult> {
  requireCore(core, 'folders.find');
  return searchFolders(core, 'folders.find', params, paging);
}

/** The shared implementation of find, list and findAll. */
export async function searchFolders(core: SparkCore, operation: string, params: string | FindFoldersParams, paging: FolderPaging): Promise<FindFoldersResult> {
  const raw = typeof params === 'string' ? { name: params } : params;
  const criteria: Record<string, unknown> = parseParams(CriteriaSchema, raw, operation);
  const { page = 1, size = 100, sort = '-updated', ...call } = parseParams(PagingSchema, paging, operation);
  const search: Array<{ field: string; value: unknown }> = [];
  // valibot reorders keys; Spark gets the criteria in the caller's order.
  for (const key of Object.keys(raw)) {
    const value = criteria[key];
    if (!value) continue;
    search.push({ field: key === 'favorite' ? 'isstarred' : key, value });
  }
  const response = await core.request({
    operation,
    method: 'POST',
    path: 'api/v1/product/list',
    json: { search, page, pageSize: size, sort, shouldFetchActiveServicesCount: true },
    // A search: safe to repeat.
    idempotent: true,
    ...pickCallOptions(call),
  });
  const envelope = unwrapEnvelope<Folder[] | null>(response, operation, 'POST');
  const { status: _status, message: _message, errorCode: _errorCode, data, ...rest } = envelope;
  const folders = Array.isArray(data) ? data : [];
  return {
    ...rest,
    data: folders,
    count: typeof rest['count'] === 'number' ? rest['count'] : folders.length,
    next: (rest['next'] as FindFoldersResult['next']) ?? null,
    previous: (rest['previous'] as FindFoldersResult['previous']) ?? null,
    page,
    size,
  };
}
