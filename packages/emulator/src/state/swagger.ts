import type { JsonObject } from '../types.js';
import type { VersionEntry } from './registry.js';

/** A Swagger 2.0 document for a service's v3 execute endpoint (shape of samples/service-swagger.json). */
export function swaggerFor(v: VersionEntry, tenant: string, host: string): JsonObject {
  const props = (names: string[]) => Object.fromEntries(names.map((n) => [n, { type: 'number', example: 0 }]));
  const param = (name: string, where: 'path' | 'header', example: string, description: string) => ({
    name,
    in: where,
    required: true,
    type: 'string',
    'x-example': example,
    description,
  });
  const requestSchema = {
    type: 'object',
    properties: {
      request_data: { type: 'object', properties: { inputs: { type: 'object', properties: props(v.model.inputs.map((i) => i.name)) } } },
      request_meta: { type: 'object', properties: { version_id: { type: 'string', example: v.id }, call_purpose: { type: 'string' } } },
    },
  };
  const responseSchema = {
    type: 'object',
    properties: { response_data: { type: 'object', properties: { outputs: { type: 'object', properties: props(v.model.outputs) } } } },
  };
  return {
    swagger: '2.0',
    info: {
      title: v.service.name,
      description: `\n **Product Name** : ${v.service.folder.name}\n **Service Name** : ${v.service.name}\n`,
      contact: { name: 'Spark', url: 'https://www.coherent.global/products#spark' },
      version: 'v3',
    },
    host,
    schemes: ['http'],
    // Schemas inline, as Spark's swagger has them (no `definitions`, no `$ref`).
    paths: {
      '/{tenant}/api/v3/folders/{product}/services/{engine}/execute': {
        post: {
          tags: ['Spark Api'],
          parameters: [
            param('tenant', 'path', tenant, 'Tenant Name'),
            param('product', 'path', v.service.folder.name, 'Product Name'),
            param('engine', 'path', v.service.name, 'Engine Name'),
            param('x-tenant-name', 'header', tenant, 'Tenant Name'),
            { name: 'request', in: 'body', required: true, schema: requestSchema },
          ],
          responses: { '200': { description: 'Success response', schema: responseSchema } },
        },
      },
    },
  };
}
