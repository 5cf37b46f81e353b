import * as v from 'valibot';
import { SparkSdkError } from '@spark/core';
import type { TransformCallOptions } from './types.js';

/** A non-blank string. */
export const NameSchema = v.pipe(v.string(), v.trim(), v.nonEmpty('must be a non-empty string'));
/** Per-call transport options. */
export const CallSchema = {
  signal: v.optional(v.instance(AbortSignal)),
  timeout: v.optional(v.pipe(v.number(), v.minValue(1))),
};
const OptionsSchema = v.object(CallSchema);

/** Validates the per-call options. */
export function callOptions(options: unknown, operation: string): TransformCallOptions {
  const result = v.safeParse(OptionsSchema, options ?? {});
  if (result.success) return result.output;
  const issue = result.issues[0];
  const field = issue.path?.map((p) => String(p.key)).join('.') ?? 'options';
  throw new SparkSdkError(`${operation}: "${field}" ${issue.expected ? `must be ${issue.expected}` : issue.message}`, { cause: issue.input });
}
