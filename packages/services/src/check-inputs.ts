import { SparkSdkError, type ServiceInputSchema } from '@spark/core';

/**
 * Checks service inputs against their JSON Schema (the subset Spark services describe: types,
 * enums, minimum/maximum, required fields, table rows) and throws a {@link SparkSdkError}
 * naming the first offending field. A descriptor carries it (`defineService(uri, { inputSchema,
 * checkInputs })`) for `validate: true`, so code that never validates never bundles it.
 *
 * @param schema - the inputs' schema (a descriptor's `inputSchema`)
 * @param inputs - one record, or many (v4)
 * @param operation - operation id used in the error message
 * @example
 * checkInputs({ type: 'object', properties: { radius: { type: 'number' } } }, { radius: 'x' }, 'services.execute');
 * // throws: services.execute: "inputs.radius" must be a number (got "x")
 */
export function checkInputs(schema: ServiceInputSchema, inputs: object | readonly object[], operation: string): void {
  const records = Array.isArray(inputs) ? inputs : [inputs];
  records.forEach((record, i) => {
    const problem = check(schema, record, Array.isArray(inputs) ? `inputs[${i}]` : 'inputs');
    if (problem) throw new SparkSdkError(`${operation}: "${problem.path}" ${problem.why}`, { cause: problem.value });
  });
}

interface Problem { path: string; why: string; value: unknown }

function check(schema: ServiceInputSchema, value: unknown, path: string): Problem | undefined {
  if (value === null && allows(schema, 'null')) return undefined;
  const type = firstType(schema);
  if (type && !allows(schema, kindOf(value))) return { path, why: `must be ${article(schema)} (got ${show(value)})`, value };
  if (schema.enum && !schema.enum.some((option) => option === value)) {
    return { path, why: `must be one of ${schema.enum.map(show).join(', ')} (got ${show(value)})`, value };
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) return { path, why: `must be at least ${schema.minimum} (got ${value})`, value };
    if (schema.maximum !== undefined && value > schema.maximum) return { path, why: `must be at most ${schema.maximum} (got ${value})`, value };
  }
  if (Array.isArray(value) && schema.items) {
    for (let i = 0; i < value.length; i++) {
      const problem = check(schema.items, value[i], `${path}[${i}]`);
      if (problem) return problem;
    }
  }
  if (kindOf(value) === 'object') return checkObject(schema, value as Record<string, unknown>, path);
  return undefined;
}

function checkObject(schema: ServiceInputSchema, value: Record<string, unknown>, path: string): Problem | undefined {
  for (const name of schema.required ?? []) {
    if (value[name] === undefined) return { path: `${path}.${name}`, why: 'is required', value: undefined };
  }
  const properties = schema.properties ?? {};
  for (const [name, field] of Object.entries(value)) {
    const rule = Object.hasOwn(properties, name) ? properties[name] : undefined;
    if (!rule) {
      if (schema.additionalProperties === false) {
        const known = Object.keys(properties).join(', ');
        return { path: `${path}.${name}`, why: `is not an input of this service (inputs: ${known})`, value: field };
      }
      continue;
    }
    if (field === undefined) continue;
    const problem = check(rule, field, `${path}.${name}`);
    if (problem) return problem;
  }
  return undefined;
}

function types(schema: ServiceInputSchema): readonly string[] {
  return schema.type === undefined ? [] : typeof schema.type === 'string' ? [schema.type] : schema.type;
}

function firstType(schema: ServiceInputSchema): string | undefined {
  return types(schema)[0];
}

function allows(schema: ServiceInputSchema, kind: string): boolean {
  const list = types(schema);
  if (list.length === 0) return true;
  return list.includes(kind) || (kind === 'integer' && list.includes('number'));
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : Number.isFinite(value) ? 'number' : 'non-finite number';
  return typeof value;
}

function article(schema: ServiceInputSchema): string {
  return types(schema).map((t) => (t === 'integer' || t === 'array' || t === 'object' ? `an ${t}` : `a ${t}`)).join(' or ');
}

function show(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
