import * as v from 'valibot';
import { SparkSdkError } from '../errors/sdk-error.js';

/**
 * Validates operation parameters with a valibot schema before anything is sent. A failure
 * throws a {@link SparkSdkError} naming the field and what was expected.
 *
 * @example
 * const params = parseParams(ExecuteParamsSchema, input, 'services.execute');
 */
export function parseParams<S extends v.GenericSchema>(schema: S, input: unknown, operation: string): v.InferOutput<S> {
  const result = v.safeParse(schema, input);
  if (result.success) return result.output;
  const issue = result.issues[0];
  const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
  const field = path ? `"${path}"` : 'parameters';
  throw new SparkSdkError(`${operation}: ${field} ${describe(issue)}`, { cause: issue.input });
}

function describe(issue: v.BaseIssue<unknown>): string {
  if (issue.expected && issue.received) return `must be ${issue.expected} (got ${issue.received})`;
  return issue.message;
}
