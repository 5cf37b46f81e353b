import { enrichSchemas } from './enrich-schemas.js';
import { swaggerSchemas } from './swagger-schemas.js';
import type { ServiceDocuments, ServiceTypeSource } from './types.js';

/**
 * Turns the documents Spark serves about a service into the JSON Schemas its types are
 * printed from, without any network call (what `generateServiceTypes()` does after fetching).
 *
 * @param uri - the service URI the descriptor will name
 * @param documents - its Swagger document, and optionally its schema and validation rules
 * @returns the service's URI with its inputs and outputs schemas
 * @example
 * const source = serviceTypeSource('my-folder/my-service', { swagger: JSON.parse(readFileSync('service-swagger.json', 'utf8')) });
 * const file = await printServiceTypes([source]);
 */
export function serviceTypeSource(uri: string, documents: ServiceDocuments): ServiceTypeSource {
  const schemas = enrichSchemas(swaggerSchemas(documents.swagger, uri), documents.schema, documents.validations);
  return { uri, ...schemas };
}
