import { SparkSdkError, type SparkDateInput } from '@spark/core';
import { toIsoDate } from '@spark/core/wire';

const TEN_YEARS = 10;

function toDate(value: SparkDateInput, field: string, operation: string): Date {
  return new Date(toIsoDate(value, field, operation));
}

/**
 * The effective period of an upload, publication or recompilation as UTC ISO strings.
 * The start defaults to now and the end to ten years after the start (as both official
 * SDKs do); an end that is not after the start is rejected instead of silently replaced.
 *
 * @param start - `startDate` option
 * @param end - `endDate` option
 * @param operation - operation id used in error messages
 * @returns `{ start, end }` in ISO 8601 (`toISOString()`)
 * @example
 * effectiveDates('2025-01-01', undefined, 'services.create') // { start: '2025-01-01T00:00:00.000Z', end: '2035-01-01T00:00:00.000Z' }
 */
export function effectiveDates(start: SparkDateInput | undefined, end: SparkDateInput | undefined, operation: string): { start: string; end: string } {
  const from = start === undefined ? new Date() : toDate(start, 'startDate', operation);
  let to: Date;
  if (end === undefined) {
    to = new Date(from.getTime());
    to.setUTCFullYear(to.getUTCFullYear() + TEN_YEARS);
  } else {
    to = toDate(end, 'endDate', operation);
    if (to.getTime() <= from.getTime()) {
      throw new SparkSdkError(`${operation}: "endDate" (${to.toISOString()}) must be after "startDate" (${from.toISOString()})`, { cause: { start, end } });
    }
  }
  return { start: from.toISOString(), end: to.toISOString() };
}
