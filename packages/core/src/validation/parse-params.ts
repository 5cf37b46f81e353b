import * as v from 'valibot';
import { SparkSdkError } from '../errors/sdk-error.js';
import { rejectUnknownKeys } from './unknown-keys.js';

/**
 * Validates operation parameters with a valibot schema before anything is sent. A failure
 * throws a {@link SparkSdkError} naming the field and what was expected; a key the schema does
 * not know (a typo, or a service input given outside `inputs`) throws one with a suggestion.
 *
 * @example
 * const params = parseParams(ExecuteParamsSchema, input, 'services.execute');
 */
export function parseParams<S extends v.GenericSchema>(schema: S, input: unknown, operation: string): v.InferOutput<S> {
  const result = v.safeParse(schema, input);
  if (result.success) {
    const known = knownKeys(schema);
    if (known) rejectUnknownKeys(input, known, operation);
    return result.output;
  }
  const issue = result.issues[0];
  const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
  const field = path ? `"${path}"` : 'parameters';
  throw new SparkSdkError(`${operation}: ${field} ${describe(issue)}`, { cause: issue.input });
}

function describe(issue: v.BaseIssue<unknown>): string {
  if (issue.expected && issue.received) return `must be ${issue.expected} (got ${issue.received})`;
  return issue.message;
}

type Keys = Readonly<Record<string, true>> | null;
const KEYS = new WeakMap<object, Keys>();

/**
 * The top-level keys an object schema accepts (through optional, nullable, pipe, union,
 * variant and intersect), computed once per schema; `null` when any key goes (records,
 * loose objects, objects with rest, or a non-object schema).
 */
function knownKeys(schema: object): Keys {
  let keys = KEYS.get(schema);
  if (keys === undefined) {
    keys = collect(schema as SchemaShape);
    KEYS.set(schema, keys);
  }
  return keys;
}

interface SchemaShape {
  type?: string;
  entries?: Record<string, unknown>;
  wrapped?: SchemaShape;
  options?: SchemaShape[];
}

function collect(schema: SchemaShape): Keys {
  switch (schema.type) {
    case 'object':
    case 'strict_object':
      return Object.fromEntries(Object.keys(schema.entries ?? {}).map((k) => [k, true]));
    case 'optional':
    case 'nullable':
    case 'nullish':
    case 'undefinedable':
    case 'exact_optional':
    case 'non_optional':
    case 'non_nullable':
    case 'non_nullish':
      return schema.wrapped ? collect(schema.wrapped) : null;
    case 'union':
    case 'variant':
    case 'intersect': {
      const all: Record<string, true> = {};
      for (const option of schema.options ?? []) {
        const keys = collect(option);
        // A string or array member of a union says nothing about object keys: skip it; any
        // other member that takes unknown keys (a record, `unknown`) lets every key through.
        if (keys === null && !notAnObject(option)) return null;
        Object.assign(all, keys);
      }
      return Object.keys(all).length > 0 ? all : null;
    }
    default:
      return null;
  }
}

function notAnObject(schema: SchemaShape): boolean {
  if (schema.wrapped) return notAnObject(schema.wrapped);
  return schema.type !== undefined && SCALARS.has(schema.type);
}

/** Schema types whose values are never plain objects with keys. */
const SCALARS = new Set([
  'string', 'number', 'boolean', 'bigint', 'null', 'undefined', 'void', 'never', 'literal', 'picklist', 'enum',
  'array', 'tuple', 'strict_tuple', 'loose_tuple', 'tuple_with_rest', 'date', 'blob', 'file', 'symbol', 'nan',
]);
