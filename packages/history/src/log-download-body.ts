import * as v from 'valibot';
import { SparkSdkError, type SparkDateInput } from '@spark/core';
import { dateInputSchema, nonEmptyString, toIsoDate } from '@spark/core/wire';

/** valibot entries of a log download's file type and {@link LogDownloadFilters}: one rule for the waiting and the step-by-step calls. */
export const logDownloadEntries = {
  type: v.optional(v.pipe(v.string(), v.toLowerCase(), v.picklist(['json', 'csv']))),
  callIds: v.optional(v.array(nonEmptyString)),
  startDate: v.optional(dateInputSchema),
  endDate: v.optional(dateInputSchema),
  sourceSystem: v.optional(nonEmptyString),
  correlationId: v.optional(nonEmptyString),
  timezoneOffset: v.optional(v.union([v.string(), v.number()])),
  versionId: v.optional(nonEmptyString),
  extras: v.optional(v.record(v.string(), v.unknown())),
};

/** The filters of a log download job. */
export interface LogDownloadFilters {
  /** The calls to export; when empty, `sourceSystem` (else `correlationId`) is matched instead. */
  callIds?: string[];
  startDate?: SparkDateInput;
  endDate?: SparkDateInput;
  sourceSystem?: string;
  correlationId?: string;
  /** Offset applied to the log times, e.g. `+08:00` or minutes. */
  timezoneOffset?: string | number;
  /** Only calls of this service version. */
  versionId?: string;
  /** Extra keys merged into `request_data` (e.g. Postman's `has_errors`, `has_warnings`). */
  extras?: Record<string, unknown>;
}

/**
 * Builds the job-creation body. Both SDKs push `sourceSystem`, else `correlationId`, into
 * `call_ids` when no call ids are given. `version_id` goes into `request_data` (Postman
 * collection) and `request_meta` (both SDKs), so either reading finds it.
 */
export function logDownloadBody(filters: LogDownloadFilters, operation: string): Record<string, unknown> {
  const callIds = [...(filters.callIds ?? [])];
  if (callIds.length === 0 && filters.sourceSystem) callIds.push(filters.sourceSystem);
  if (callIds.length === 0 && filters.correlationId) callIds.push(filters.correlationId);
  const start = filters.startDate === undefined ? undefined : toIsoDate(filters.startDate, 'startDate', operation);
  const end = filters.endDate === undefined ? undefined : toIsoDate(filters.endDate, 'endDate', operation);
  if (start && end && end < start) {
    throw new SparkSdkError(`${operation}: "endDate" (${end}) must not be before "startDate" (${start})`, { cause: { startDate: filters.startDate, endDate: filters.endDate } });
  }
  const data: Record<string, unknown> = { call_ids: callIds, timezone_offset: filters.timezoneOffset ?? null };
  if (start) data['start_date'] = start;
  if (end) data['end_date'] = end;
  if (filters.versionId) data['version_id'] = filters.versionId;
  return { request_data: { ...data, ...filters.extras }, request_meta: { version_id: filters.versionId ?? null } };
}
