import { parseParams, type SparkCore, requireCore } from '@spark/core';
import { searchServices, SearchServicesParamsSchema, type SearchServicesParams, type SearchServicesResult } from './search-services.js';

const OPERATION = 'services.searchAll';

/** Parameters of {@link searchAllServices}: those of a search, with `limit` the page size (default 100). */
export type SearchAllServicesParams = SearchServicesParams;

/**
 * Iterates over every page of a service search, starting at `page` (default 1). It stops
 * after a short or empty page, or once `response_meta.page_total` is reached; with
 * `limit: -1` there is exactly one page.
 *
 * @param core - a client from `createClient()`
 * @param params - the search parameters; `limit` is the page size (default 100)
 * @returns an async iterator of pages (Spark's envelopes)
 * @example
 * for await (const page of searchAllServices(spark, { limit: 50 })) {
 *   for (const s of page.response_data) console.log(s.folderName, s.fileName);
 * }
 */
export async function* searchAllServices(core: SparkCore, params: SearchAllServicesParams = {}): AsyncGenerator<SearchServicesResult, void, undefined> {
  requireCore(core, OPERATION);
  const options = parseParams(SearchServicesParamsSchema, params, OPERATION) as SearchServicesParams;
  const limit = options.limit ?? 100;
  for (let page = options.page ?? 1; ; page++) {
    const result = await searchServices(core, { ...options, page, limit });
    yield result;
    const items = Array.isArray(result?.response_data) ? result.response_data : [];
    const total = result?.response_meta?.page_total;
    if (limit === -1 || items.length === 0 || items.length < limit) return;
    if (typeof total === 'number' && page >= total) return;
  }
}
