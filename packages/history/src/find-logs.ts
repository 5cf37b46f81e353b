import * as v from 'valibot';
import {
  parseParams, pathSegment, requireFolderService,
  type ServiceUriInput, type SparkCore, type CallOptions, type SparkDateInput, requireCore,
} from '@spark/core';
import type { LogInfo } from './types.js';
import { callOptionsEntries, dateInputSchema, nonEmptyString, toIsoDate, pickCallOptions, responseError } from '@spark/core/wire';

const OPERATION = 'logs.find';
const WEEK_MS = 7 * 24 * 60 * 60 * 1000;
const Schema = v.object({
  callId: v.optional(nonEmptyString),
  versionId: v.optional(nonEmptyString),
  startDate: v.optional(dateInputSchema),
  endDate: v.optional(dateInputSchema),
  username: v.optional(nonEmptyString),
  callPurpose: v.optional(nonEmptyString),
  sourceSystem: v.optional(nonEmptyString),
  correlationId: v.optional(nonEmptyString),
});
const PagingSchema = v.object({
  page: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  size: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  sort: v.optional(v.string()),
  ...callOptionsEntries,
});

/** Criteria of {@link findLogs}. */
export interface FindLogsParams {
  /** Searched as a term, like `sourceSystem` and `correlationId` (the first given wins). */
  callId?: string;
  versionId?: string;
  /** Default: now (when neither date is given) or `endDate` − 7 days. */
  startDate?: SparkDateInput;
  /** When not after `startDate`, `startDate` + 7 days is used. */
  endDate?: SparkDateInput;
  username?: string;
  callPurpose?: string;
  sourceSystem?: string;
  correlationId?: string;
}

/** Paging of {@link findLogs}. */
export interface LogPaging extends CallOptions {
  /** 1-based page (default 1). */
  page?: number;
  /** Page size (default 100). */
  size?: number;
  /** Default `-updated`. */
  sort?: string;
}

/** One page of calls. */
export interface FindLogsResult {
  data: LogInfo[];
  count: number;
  next: number | string | null;
  previous: number | string | null;
  [key: string]: unknown;
}

/**
 * Searches the execution history of a service by dates, version, user, purpose or a term.
 *
 * Wire (TS 0.4 only, contract §6.8): `POST {origin}/api/v1/product/{f}/engines/{s}/logs` with
 * `{ search: [{ field, value }], page, pageSize, sort }`; the version filter is `{ field: 'version', id }`.
 *
 * @param core - a client from `createClient()`
 * @param uri - the service: `folder/service` or `{ folder, service }`
 * @param params - criteria; mind the date range, it may match many calls
 * @param paging - `{ page = 1, size = 100, sort = '-updated' }`
 * @returns one page: `data` (calls), `count`, `next`, `previous`
 *
 * @example
 * const { data } = await findLogs(spark, 'my-folder/volume-cylinder', { startDate: '2025-01-01', callPurpose: 'Demo' });
 */
export async function findLogs(core: SparkCore, uri: ServiceUriInput, params: FindLogsParams = {}, paging: LogPaging = {}): Promise<FindLogsResult> {
  requireCore(core, OPERATION);
  const criteria = parseParams(Schema, params, OPERATION);
  const { page = 1, size = 100, sort = '-updated', ...call } = parseParams(PagingSchema, paging, OPERATION);
  const { folder, service } = requireFolderService(uri, OPERATION);
  const search: Array<Record<string, unknown>> = dateFilters(criteria.startDate, criteria.endDate);
  if (criteria.versionId) search.push({ field: 'version', id: criteria.versionId });
  if (criteria.callPurpose) search.push({ field: 'CallPurpose', value: criteria.callPurpose });
  if (criteria.username) search.push({ field: 'username', value: criteria.username });
  const term = criteria.callId ?? criteria.sourceSystem ?? criteria.correlationId;
  if (term) search.push({ field: 'search', value: term });

  const response = await core.request<Record<string, unknown> | null>({
    operation: OPERATION,
    method: 'POST',
    path: `api/v1/product/${pathSegment(folder, 'folder')}/engines/${pathSegment(service, 'service')}/logs`,
    json: { search, page, pageSize: size, sort },
    // A search: safe to repeat.
    idempotent: true,
    ...pickCallOptions(call),
  });
  const body = response.data;
  const status = typeof body?.['status'] === 'string' ? body['status'].toLowerCase() : undefined;
  if (!body || (status !== undefined && status !== 'success') || body['errorCode']) {
    throw responseError(
      OPERATION, 'POST', response,
      `Spark answered ${body?.['errorCode'] ? `errorCode ${String(body['errorCode'])}` : `status ${JSON.stringify(body?.['status'] ?? null)}`}`,
    );
  }
  const { status: _s, message: _m, errorCode: _e, data, ...rest } = body;
  const logs = Array.isArray(data) ? (data as LogInfo[]) : [];
  return {
    ...rest,
    data: logs,
    count: typeof rest['count'] === 'number' ? rest['count'] : logs.length,
    next: (rest['next'] as FindLogsResult['next']) ?? null,
    previous: (rest['previous'] as FindLogsResult['previous']) ?? null,
  };
}

function dateFilters(startDate: SparkDateInput | undefined, endDate: SparkDateInput | undefined): Array<Record<string, unknown>> {
  const iso = (ms: number) => new Date(ms).toISOString();
  if (endDate === undefined) {
    return [{ field: 'StartDate', value: startDate === undefined ? iso(Date.now()) : toIsoDate(startDate, 'startDate', OPERATION) }];
  }
  const end = Date.parse(toIsoDate(endDate, 'endDate', OPERATION));
  const start = startDate === undefined ? end - WEEK_MS : Date.parse(toIsoDate(startDate, 'startDate', OPERATION));
  return [
    { field: 'StartDate', value: iso(start) },
    { field: 'EndDate', value: iso(end > start ? end : start + WEEK_MS) },
  ];
}
