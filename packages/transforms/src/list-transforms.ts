import * as v from 'valibot';
import { parseParams, pathSegment, type SparkCore, type CallOptions, requireCore } from '@spark/core';
import type { ListTransformsResult } from './types.js';
import { callOptionsEntries, nonEmptyString, pickCallOptions } from '@spark/core/wire';

const OPERATION = 'transforms.list';
const Schema = v.object({
  folder: nonEmptyString,
  page: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  size: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  sort: v.optional(v.string()),
  // objectWithRest(…, unknown()) keeps extra keys like looseObject, with the object variant bundles already hold.
  search: v.optional(v.array(v.objectWithRest({ field: nonEmptyString, value: v.unknown() }, v.unknown()))),
  ...callOptionsEntries,
});

/** Paging and filters of {@link listTransforms}. */
export interface ListTransformsParams extends CallOptions {
  /** 1-based page (default 1). */
  page?: number;
  /** Page size (default 100). */
  size?: number;
  /** Default `-updatedAt`. */
  sort?: string;
  /** Filters, e.g. `[{ field: 'transform_type', value: 'JSONtransforms_v1.0.1' }]`. */
  search?: Array<{ field: string; value: unknown }>;
}

/**
 * Lists the transform documents of a folder, one page at a time.
 *
 * Wire (Postman collection and TS 0.4, §13): `POST {full}/api/v4/transforms/list/{folder}` with the
 * unwrapped body `{ page, pageSize, sort, search }` (PY 0.3.2 wraps it in `request_data`).
 *
 * @param core - a client from `createClient()`
 * @param folder - the folder holding transform documents
 * @param params - `{ page = 1, size = 100, sort = '-updatedAt', search = [] }`
 * @returns one page: `count`, `page`, `pageSize`, `result` (the documents' summaries)
 *
 * @example
 * const { result } = await listTransforms(spark, 'my-transforms', { size: 20 });
 * console.log(result.map((t) => t.name));
 */
export async function listTransforms(core: SparkCore, folder: string, params: ListTransformsParams = {}): Promise<ListTransformsResult> {
  requireCore(core, OPERATION);
  const options = parseParams(Schema, { ...params, folder }, OPERATION);
  const response = await core.request<ListTransformsResult>({
    operation: OPERATION,
    method: 'POST',
    path: `api/v4/transforms/list/${pathSegment(options.folder, 'folder')}`,
    json: { page: options.page ?? 1, pageSize: options.size ?? 100, sort: options.sort ?? '-updatedAt', search: options.search ?? [] },
    // A search: safe to repeat.
    idempotent: true,
    ...pickCallOptions(options),
  });
  return response.data;
}
