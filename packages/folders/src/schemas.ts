import * as v from 'valibot';
import { isUploadFile, SparkSdkError, UPLOAD_EXPECTED, type SparkUploadFile } from '@spark/core';
import { callOptionsEntries, nonEmptyString } from '@spark/core/wire';

/** A cover image. */
export const CoverSchema = v.object({
  image: v.custom<SparkUploadFile>(isUploadFile, `must be ${UPLOAD_EXPECTED}`),
  fileName: v.optional(nonEmptyString),
});
/** Paging of a folder search. */
export const PagingSchema = v.object({
  page: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  size: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  sort: v.optional(v.string()),
  ...callOptionsEntries,
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
