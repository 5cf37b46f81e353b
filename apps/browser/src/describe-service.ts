import type { ServiceUri, SparkCore } from '@spark/core';
import { getServiceSchema, validateService, type ServiceSchema, type ValidationEntry } from '@spark/services';

/** How an input is typed on the page. */
type FieldType = 'number' | 'text' | 'boolean' | 'date' | 'table';

/** One input of a service, as the form renders it. */
export interface InputField {
  name: string;
  type: FieldType;
  defaultValue?: unknown;
  description?: string;
  min?: number;
  max?: number;
  options?: unknown[];
}

type Cell = { name?: unknown; dataType?: unknown; value?: unknown; rows?: unknown; columns?: unknown; description?: unknown };

function typeOfCell(cell: Cell): FieldType {
  if (Number(cell.rows ?? 1) * Number(cell.columns ?? 1) > 1) return 'table';
  const t = String(cell.dataType ?? '').toUpperCase();
  if (t === 'NUMBER') return 'number';
  if (t === 'BOOLEAN') return 'boolean';
  if (t.startsWith('DATE')) return 'date';
  return 'text';
}

function typeOfValue(value: unknown, options: unknown[] | undefined): FieldType {
  const sample = value ?? options?.[0];
  if (typeof sample === 'number') return 'number';
  if (typeof sample === 'boolean') return 'boolean';
  if (typeof sample === 'object' && sample !== null) return 'table';
  return 'text';
}

function descriptions(schema: ServiceSchema | undefined): Map<string, string> {
  const table = (schema?.metadata as { xInputTable?: unknown } | undefined)?.xInputTable;
  const out = new Map<string, string>();
  for (const row of Array.isArray(table) ? (table as Record<string, unknown>[]) : []) {
    if (typeof row['Input Name'] === 'string' && typeof row['Description'] === 'string') out.set(row['Input Name'], row['Description']);
  }
  return out;
}

/**
 * Builds the form's fields from a service's schema (`xlInputs`: names, types, defaults,
 * descriptions) and its validation rules (min, max, list of options). Either may be missing:
 * public access cannot read the schema, so types then follow the defaults.
 *
 * @param schema - `getServiceSchema()`'s document
 * @param rules - `validateService()`'s `response_data.outputs`
 * @returns one field per input, in the workbook's order
 * @example
 * fieldsFrom(schema, validation.response_data.outputs);
 */
export function fieldsFrom(schema: ServiceSchema | undefined, rules: Record<string, ValidationEntry> | undefined): InputField[] {
  const cells = (Array.isArray(schema?.xlInputs) ? schema.xlInputs : []) as Cell[];
  const about = descriptions(schema);
  const names = [...cells.map((c) => String(c.name)), ...Object.keys(rules ?? {})].filter((n, i, all) => all.indexOf(n) === i);
  return names.map((name) => {
    const cell = cells.find((c) => c.name === name);
    const rule = rules?.[name];
    const options = Array.isArray(rule?.options) ? rule.options : undefined;
    const defaultValue = cell ? cell.value : rule?.['default_value'];
    const field: InputField = { name, type: cell ? typeOfCell(cell) : typeOfValue(defaultValue, options) };
    if (defaultValue !== null && defaultValue !== undefined) field.defaultValue = defaultValue;
    const description = about.get(name) ?? (typeof rule?.['input_message'] === 'string' ? rule['input_message'] : undefined);
    if (description) field.description = description;
    if (typeof rule?.min === 'number') field.min = rule.min;
    if (typeof rule?.max === 'number') field.max = rule.max;
    if (options) field.options = options;
    return field;
  });
}

/**
 * Fetches what the form needs: the schema (not with public access: Spark serves it to
 * authenticated callers only) and the validation rules, both from the service itself.
 *
 * @param spark - a client
 * @param uri - the service locator (`public: true` for public access)
 * @returns the fields
 * @example
 * const fields = await describeService(spark, { folder: 'my-folder', service: 'loan-payment' });
 */
export async function describeService(spark: SparkCore, uri: ServiceUri): Promise<InputField[]> {
  const schema = uri.public ? undefined : await getServiceSchema(spark, uri);
  const rules = await validateService(spark, uri);
  return fieldsFrom(schema, rules.response_data?.outputs);
}
