import * as v from 'valibot';
import { isUploadFile, SparkSdkError, UPLOAD_EXPECTED, type SparkUploadFile } from '@spark/core';

/** A non-blank string. */
export const NameSchema = v.pipe(v.string(), v.trim(), v.nonEmpty('must be a non-empty string'));
/** A date option. */
export const DateSchema = v.union([v.string(), v.number(), v.date()]);
/** A cover image. */
export const CoverSchema = v.object({
  image: v.custom<SparkUploadFile>(isUploadFile, `must be ${UPLOAD_EXPECTED}`),
  fileName: v.optional(NameSchema),
});
/** Per-call transport options. */
export const CallSchema = {
  signal: v.optional(v.instance(AbortSignal)),
  timeout: v.optional(v.pipe(v.number(), v.minValue(1))),
};
/** Paging of a folder search. */
export const PagingSchema = v.object({
  page: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  size: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  sort: v.optional(v.string()),
  ...CallSchema,
});

/**
 * Rejects keys the operation does not know (typos would otherwise be dropped silently), with a
 * message naming the field and the accepted ones.
 */
export function rejectUnknownKeys(input: unknown, known: readonly string[], operation: string): void {
  if (typeof input !== 'object' || input === null) return;
  const unknown = Object.keys(input).filter((key) => !known.includes(key));
  if (unknown.length > 0) {
    throw new SparkSdkError(`${operation}: unknown field "${unknown[0]}" (expected ${known.join(', ')})`, { cause: input });
  }
}
