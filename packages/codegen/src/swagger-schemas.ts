import type { JSONSchema } from 'json-schema-to-typescript';
import { SparkSdkError } from '@spark/core';

type Json = Record<string, unknown>;

const obj = (value: unknown): Json => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {});

/**
 * Reads the inputs and outputs JSON Schemas out of a service's Swagger document: the body of
 * its execute endpoint (`request_data.inputs`) and its 200 answer (`response_data.outputs`).
 * Local `$ref`s (`#/definitions/…`) are resolved.
 *
 * @param swagger - the document from `getServiceSwagger()`
 * @param uri - the service, for error messages
 * @returns deep copies of both schemas
 * @example
 * const { inputs, outputs } = swaggerSchemas(await getServiceSwagger(spark, 'my-folder/volume-cylinder'), 'my-folder/volume-cylinder');
 */
export function swaggerSchemas(swagger: unknown, uri: string): { inputs: JSONSchema; outputs: JSONSchema } {
  const doc = obj(swagger);
  const deref = (schema: unknown, seen = 0): Json => {
    const s = obj(schema);
    const ref = s['$ref'];
    if (typeof ref !== 'string') return s;
    if (seen > 20 || !ref.startsWith('#/')) throw invalid(uri, `cannot resolve $ref "${ref}"`);
    const target = ref.slice(2).split('/').reduce<unknown>((at, key) => obj(at)[key.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
    return deref(target, seen + 1);
  };
  const execute = Object.entries(obj(doc['paths'])).find(([path]) => /\/execute$/.test(path));
  if (!execute) throw invalid(uri, 'it describes no execute endpoint');
  const post = obj(obj(execute[1])['post']);
  const parameters = Array.isArray(post['parameters']) ? post['parameters'] : [];
  const body = parameters.map(obj).find((p) => p['in'] === 'body');
  const inputs = deref(obj(deref(obj(deref(body?.['schema'])['properties'])['request_data'])['properties'])['inputs']);
  const ok = obj(obj(post['responses'])['200']);
  const outputs = deref(obj(deref(obj(deref(ok['schema'])['properties'])['response_data'])['properties'])['outputs']);
  if (Object.keys(inputs).length === 0) throw invalid(uri, 'it has no request_data.inputs schema');
  return { inputs: resolveAll(inputs, deref), outputs: resolveAll(outputs, deref) };
}

/** Copies a schema with every nested `$ref` replaced by its target (Spark's documents have no cycles). */
function resolveAll(schema: Json, deref: (s: unknown) => Json, depth = 0): JSONSchema {
  const s = deref(schema);
  if (depth > 32) return {};
  const out: Json = {};
  for (const [key, value] of Object.entries(s)) {
    if (key === 'properties') {
      out[key] = Object.fromEntries(Object.entries(obj(value)).map(([name, p]) => [name, resolveAll(obj(p), deref, depth + 1)]));
    } else if (key === 'items' && typeof value === 'object' && value !== null && !Array.isArray(value)) {
      out[key] = resolveAll(value as Json, deref, depth + 1);
    } else if (key !== 'example' && key !== 'x-example') {
      out[key] = structuredClone(value);
    }
  }
  return out as JSONSchema;
}

function invalid(uri: string, why: string): SparkSdkError {
  return new SparkSdkError(`codegen: the Swagger document of "${uri}" cannot be typed: ${why}`);
}
