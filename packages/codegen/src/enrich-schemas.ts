import type { JSONSchema } from 'json-schema-to-typescript';

type Json = Record<string, unknown>;

const obj = (value: unknown): Json => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {});
const list = (value: unknown): Json[] => (Array.isArray(value) ? value.map(obj) : []);
const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

/**
 * Adds what the Swagger document leaves out to the inputs and outputs schemas: descriptions
 * (the schema's `metadata.xInputTable` / `xOutputTable`, else the cells' own), the workbook's
 * defaults, and the static validation rules (a list becomes an `enum`, bounds become
 * `minimum` / `maximum`). Every input is optional (Spark uses the workbook's value when one
 * is left out); every output is present. Unknown keys are refused on both sides.
 *
 * @param schemas - from `swaggerSchemas()`; changed in place and returned
 * @param schema - the service schema document (`getServiceSchema()`), if any
 * @param validations - `validateService()`'s `response_data.outputs`, if any
 * @returns the same schemas
 * @example
 * enrichSchemas(swaggerSchemas(swagger, uri), schemaDoc, validation.response_data.outputs);
 */
export function enrichSchemas(
  schemas: { inputs: JSONSchema; outputs: JSONSchema },
  schema?: unknown,
  validations?: unknown,
): { inputs: JSONSchema; outputs: JSONSchema } {
  const doc = obj(schema);
  const metadata = obj(doc['metadata']);
  const inputNotes = notes(list(metadata['xInputTable']), 'Input Name', list(doc['xlInputs']));
  const outputNotes = notes(list(metadata['xOutputTable']), 'Output Name', list(doc['xOutput']));
  const defaults = new Map(list(doc['xlInputs']).filter((c) => typeof c['name'] === 'string').map((c) => [c['name'] as string, c['value']]));
  const rules = obj(validations);

  const inputs = schemas.inputs;
  inputs.type = 'object';
  inputs.additionalProperties = false;
  delete inputs.required;
  for (const [name, property] of Object.entries(inputs.properties ?? {})) {
    const rule = obj(rules[name]);
    const options = Array.isArray(rule['options']) && rule['options'].length > 0 ? rule['options'] : undefined;
    if (options) property.enum = [...options];
    if (typeof rule['min'] === 'number') property.minimum = rule['min'];
    if (typeof rule['max'] === 'number') property.maximum = rule['max'];
    const fallback = rule['default_value'] ?? defaults.get(name);
    if (property.default === undefined && fallback !== undefined && fallback !== null) property.default = fallback as JSONSchema['default'];
    describe(property, inputNotes.get(name) ?? text(rule['input_message']));
  }

  const outputs = schemas.outputs;
  outputs.type = 'object';
  outputs.additionalProperties = false;
  outputs.required = Object.keys(outputs.properties ?? {});
  for (const [name, property] of Object.entries(outputs.properties ?? {})) describe(property, outputNotes.get(name));
  return schemas;
}

/** Descriptions by name: the metadata table first, then the cells' own `description`. */
function notes(table: Json[], key: string, cells: Json[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const cell of cells) {
    const name = text(cell['name']);
    const note = text(cell['description']);
    if (name && note) out.set(name, note);
  }
  for (const row of table) {
    const name = text(row[key]);
    const note = text(row['Description']);
    if (name && note) out.set(name, note);
  }
  return out;
}

/**
 * The JSDoc of one property: its description, then `@default`, `@minimum` and `@maximum`
 * (json-schema-to-typescript prints a schema's description, not those keywords).
 */
function describe(property: JSONSchema, note: string | undefined): void {
  const lines = [note ?? text(property.description)].filter((l): l is string => l !== undefined);
  if (property.default !== undefined) lines.push(`@default ${JSON.stringify(property.default)}`);
  if (property.minimum !== undefined) lines.push(`@minimum ${property.minimum}`);
  if (property.maximum !== undefined) lines.push(`@maximum ${property.maximum}`);
  if (lines.length > 0) property.description = lines.join('\n');
}
