import { SparkSdkError } from '@spark/core';

/** One record of inputs. */
export type ServiceInputRecord = Record<string, unknown>;

/**
 * Normalises execution inputs the way Spark expects them: `null`, `undefined` and `[]`
 * become `{}` (the workbook's default inputs), a string is parsed as JSON, an object is one
 * record and an array of objects many records. Anything else is rejected before sending.
 *
 * @param inputs - what the caller passed
 * @param operation - operation id used in the error message
 * @param single - reject arrays (validation takes one record only)
 * @returns one record or an array of records
 * @example
 * normaliseInputs('{"x":1}', 'services.execute') // { x: 1 }
 */
export function normaliseInputs(inputs: unknown, operation: string, single = false): ServiceInputRecord | ServiceInputRecord[] {
  let value: unknown = inputs;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      throw new SparkSdkError(`${operation}: "inputs" is a string but not valid JSON`, { cause: inputs });
    }
  }
  if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) return {};
  if (Array.isArray(value)) {
    if (!single && value.every(isRecord)) return value as ServiceInputRecord[];
  } else if (isRecord(value)) {
    return value;
  }
  const expected = single ? 'an object (one record)' : 'an object (one record) or an array of objects (many records)';
  throw new SparkSdkError(`${operation}: "inputs" must be ${expected}`, { cause: inputs });
}

function isRecord(value: unknown): value is ServiceInputRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
