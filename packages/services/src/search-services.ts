import * as v from 'valibot';
import { parseParams, type SparkCore, type CallOptions, type SparkV3Response, requireCore } from '@spark/core';
import { callOptionsEntries, nonEmptyString, pickCallOptions } from '@spark/core/wire';

const OPERATION = 'services.search';

/** Parameters of {@link searchServices}. */
export interface SearchServicesParams extends CallOptions {
  /** 1-based page number (default 1). */
  page?: number;
  /** Page size (default -1: everything in one page). */
  limit?: number;
  /** Sort key (default `name1_co`). */
  sort?: string;
  /** Spark's search filters (sent as `search`), e.g. `[{ field: 'foldername', value: 'my-folder' }]`. */
  query?: readonly unknown[];
  /** Fields to return (default `id`, `foldername`, `filename`, `version`, `modifiedDate`). */
  fields?: readonly string[];
  /** Extra `request_data` keys merged last. */
  extras?: Record<string, unknown>;
}

/** One search hit. */
export interface ServiceSummary {
  id: string;
  folderName?: string;
  fileName?: string;
  version?: string;
  modifiedDate?: string;
  [key: string]: unknown;
}

/** Paging details of a search page. */
export interface SearchMeta {
  count?: number;
  next?: number | string | null;
  page?: number;
  page_size?: number;
  page_total?: number;
  previous?: number | string | null;
  request_timestamp?: string;
  system?: string;
  [key: string]: unknown;
}

/** One page of {@link searchServices}: Spark's v3 envelope, as is. */
export type SearchServicesResult = SparkV3Response<ServiceSummary[], SearchMeta>;

/** Default fields, as the Python SDK 0.3 sends them. */
export const SERVICE_SEARCH_FIELDS: readonly string[] = ['id', 'foldername', 'filename', 'version', 'modifiedDate'];

const PageSize = v.pipe(v.number(), v.integer(), v.check((n) => n === -1 || n >= 1, 'must be -1 (no paging) or a positive integer'));

/** valibot schema of {@link SearchServicesParams}. */
export const SearchServicesParamsSchema = v.object({
  ...callOptionsEntries,
  page: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  limit: v.optional(PageSize),
  sort: v.optional(nonEmptyString),
  query: v.optional(v.array(v.unknown())),
  fields: v.optional(v.array(nonEmptyString)),
  extras: v.optional(v.record(v.string(), v.unknown())),
});

/**
 * Searches the tenant's services (one page).
 *
 * @param core - a client from `createClient()`
 * @param params - `page`, `limit`, `sort`, `query` (filters), `fields`, `extras`
 * @returns Spark's envelope: `response_data` holds the hits, `response_meta` the paging
 * @example
 * const { response_data } = await searchServices(spark, { page: 1, limit: 20 });
 * for (const s of response_data) console.log(s.folderName, s.fileName);
 */
export async function searchServices(core: SparkCore, params: SearchServicesParams = {}): Promise<SearchServicesResult> {
  requireCore(core, OPERATION);
  const options = parseParams(SearchServicesParamsSchema, params, OPERATION);
  const response = await core.request<SearchServicesResult>({
    operation: OPERATION,
    method: 'POST',
    path: 'api/v3/services/search',
    json: {
      request_data: {
        page: options.page ?? 1,
        page_size: options.limit ?? -1,
        sort: options.sort ?? 'name1_co',
        // PY 0.3 sends the filters as `search` (older PY used `query`).
        search: options.query ?? [],
        fields: options.fields ?? [...SERVICE_SEARCH_FIELDS],
        ...options.extras,
      },
    },
    // A search changes nothing: repeating it after a gateway error is safe.
    idempotent: true,
    ...pickCallOptions(options),
  });
  return response.data;
}
