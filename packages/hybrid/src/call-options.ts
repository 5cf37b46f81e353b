import * as v from 'valibot';
import { parseParams } from '@spark/core';
import type { HybridCallOptions } from './types.js';

/** Per-call options shared by every hybrid operation. */
export const CallOptionsEntries = {
  signal: v.optional(v.instance(AbortSignal)),
  timeout: v.optional(v.pipe(v.number(), v.gtValue(0))),
};

const Schema = v.object(CallOptionsEntries);

/** Validates per-call options before anything is sent. */
export function callOptions(options: HybridCallOptions | undefined, operation: string): HybridCallOptions {
  return parseParams(Schema, options ?? {}, operation);
}

/** A plain JSON object (valibot's `record` would also accept arrays). */
export const plainObject = v.custom<Record<string, unknown>>(
  (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
  'must be a plain object',
);
