import * as v from 'valibot';

/** A plain JSON object (valibot's `record` would also accept arrays). */
export const plainObject = v.custom<Record<string, unknown>>(
  (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
  'must be a plain object',
);
