import * as v from 'valibot';
import { SparkSdkError, type SparkDateInput } from '../public-api.js';

/** valibot schema of a date option (checked for validity by {@link toIsoDate}). */
export const dateInputSchema = v.union([v.string(), v.number(), v.date()]);

/**
 * ISO 8601 (UTC, `toISOString()`) form of a date option; an invalid date throws a
 * `SparkSdkError` naming the field before anything is sent.
 *
 * @example
 * toIsoDate('2021-01-01', 'activeSince', 'services.execute') // '2021-01-01T00:00:00.000Z'
 */
export function toIsoDate(value: SparkDateInput, field: string, operation: string): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) {
    throw new SparkSdkError(`${operation}: "${field}" must be a valid date (ISO string, epoch ms or Date), got ${String(value)}`, { cause: value });
  }
  return date.toISOString();
}
