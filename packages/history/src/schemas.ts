import * as v from 'valibot';
import { SparkSdkError } from '@spark/core';
import type { LogDateInput } from './types.js';

/** A non-blank string (trimmed). */
export const IdSchema = v.pipe(v.string(), v.trim(), v.nonEmpty('must be a non-empty string'));
/** A date option. */
export const DateSchema = v.union([v.string(), v.number(), v.date()]);
/** Per-call transport options. */
export const CallSchema = {
  signal: v.optional(v.instance(AbortSignal)),
  timeout: v.optional(v.pipe(v.number(), v.minValue(1))),
};

/** ISO 8601 (UTC) form of a date option; throws before anything is sent. */
export function toIsoDate(value: LogDateInput, field: string, operation: string): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) {
    throw new SparkSdkError(`${operation}: "${field}" must be a valid date (ISO string, epoch ms or Date), got ${String(value)}`, { cause: value });
  }
  return date.toISOString();
}
