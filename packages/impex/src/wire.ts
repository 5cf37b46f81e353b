import * as v from 'valibot';
import type { SparkApiError, SparkResponse } from '@spark/core';
import { responseError } from '@spark/core/wire';

/** A non-empty id, checked before anything is sent. */
export const JobIdSchema = v.pipe(v.string(), v.trim(), v.minLength(1, 'must be a non-empty job id'));

/** Whether a job reported errors (`null`, `[]` and `{}` mean none). */
export function hasErrors(errors: unknown): boolean {
  if (errors === null || errors === undefined || errors === '' || errors === false) return false;
  if (Array.isArray(errors)) return errors.length > 0;
  if (typeof errors === 'object') return Object.keys(errors).length > 0;
  return true;
}

/** A job that ended badly, as a `SparkApiError` carrying the status document as its body. */
export function jobFailure(operation: string, response: SparkResponse<unknown>, detail: string): SparkApiError {
  return responseError(operation, 'GET', response, detail);
}

/** Short text for a job's `errors` field. */
export function describeErrors(errors: unknown): string {
  if (!hasErrors(errors)) return '';
  const text = typeof errors === 'string' ? errors : JSON.stringify(errors);
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}
