import { compile, type JSONSchema } from 'json-schema-to-typescript';
import type { ServiceTypeSource } from './types.js';

/**
 * Prints one service's `<Name>Inputs` / `<Name>Outputs` interfaces (and the row types of its
 * table inputs) with json-schema-to-typescript, then its typed descriptor.
 *
 * @param source - the service's URI and schemas
 * @param names - `type`: PascalCase prefix of the interfaces; `constant`: the descriptor's name
 * @param withSchema - embed the inputs' schema in the descriptor (for `validate: true`)
 * @returns TypeScript source, ending with a newline
 * @example
 * await renderService(source, { type: 'VolumeCylinder', constant: 'volumeCylinder' }, false);
 */
export async function renderService(source: ServiceTypeSource, names: { type: string; constant: string }, withSchema: boolean): Promise<string> {
  const inputs = `${names.type}Inputs`;
  const outputs = `${names.type}Outputs`;
  const options = { bannerComment: '', additionalProperties: false, strictIndexSignatures: true, unknownAny: true, format: true } as const;
  const titled = (schema: JSONSchema, title: string): JSONSchema => ({ ...nameRows(schema, names.type), title });
  const inputTypes = await compile(titled(source.inputs, inputs), inputs, options);
  const outputTypes = await compile(titled(source.outputs, outputs), outputs, options);
  const schema = withSchema ? `, { inputSchema: ${JSON.stringify(slim(source.inputs))}, checkInputs }` : '';
  const descriptor =
    `/** \`${source.uri}\`: pass it to \`executeService\`, \`client.services.execute\` or \`runBatch\`. */\n` +
    `export const ${names.constant} = defineService<${inputs}, ${outputs}>(${JSON.stringify(source.uri)}${schema});\n`;
  return `${inputTypes.trim()}\n\n${outputTypes.trim()}\n\n${descriptor}`;
}

/** Names the row type of each table input `<Service><Input>Row`, so two services never clash. */
function nameRows(schema: JSONSchema, prefix: string): JSONSchema {
  const properties = Object.fromEntries(
    Object.entries(schema.properties ?? {}).map(([name, p]) => {
      const items = p.items;
      if (!items || Array.isArray(items) || items.type !== 'object') return [name, p];
      return [name, { ...p, items: { ...items, additionalProperties: items.additionalProperties ?? false, title: `${prefix}${rowName(name)}Row` } }];
    }),
  );
  return { ...schema, properties };
}

function rowName(input: string): string {
  return input.split(/[^A-Za-z0-9]+/).filter(Boolean).map((w) => w[0]!.toUpperCase() + w.slice(1)).join('') || 'Table';
}

const KEPT = ['type', 'enum', 'minimum', 'maximum', 'required', 'additionalProperties'] as const;

/** The part of a schema `validate: true` checks (no descriptions, no defaults). */
function slim(schema: JSONSchema): JSONSchema {
  const out: Record<string, unknown> = {};
  for (const key of KEPT) if (schema[key] !== undefined) out[key] = schema[key];
  if (schema.properties) out['properties'] = Object.fromEntries(Object.entries(schema.properties).map(([k, v]) => [k, slim(v)]));
  if (schema.items && !Array.isArray(schema.items)) out['items'] = slim(schema.items);
  return out as JSONSchema;
}
