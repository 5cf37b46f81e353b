import { SparkSdkError, type CallOptions, type SparkCore } from '@spark/core';
import { pickCallOptions } from '@spark/core/wire';
import { getServiceSchema, getServiceSwagger, validateService } from '@spark/services';
import { printServiceTypes, type PrintServiceTypesOptions } from './print-service-types.js';
import { serviceTypeSource } from './service-type-source.js';
import type { ServiceTypeSource } from './types.js';

/** Options of {@link generateServiceTypes}. */
export interface GenerateServiceTypesOptions extends PrintServiceTypesOptions, CallOptions {}

/**
 * Generates TypeScript for Spark services from their own documents: for each service it
 * fetches the Swagger document (input and output types, table rows), the service schema
 * (descriptions, workbook defaults) and the static validation rules (lists → enums, bounds),
 * then prints `<Name>Inputs` / `<Name>Outputs` and a typed `defineService` descriptor.
 *
 * @param core - a client from `createClient()`
 * @param services - `folder/service` URIs (a version `[1.2.3]` is kept in the descriptor)
 * @param options - `schema` (embed input schemas for `validate: true`), `importFrom`, `signal`, `timeout`, `maxResponseBytes`
 * @returns the module's source text (stable: the same services give the same bytes)
 * @example
 * const code = await generateServiceTypes(spark, ['my-folder/volume-cylinder']);
 * await writeFile('src/spark-types.ts', code);
 * // then: executeService(spark, volumeCylinder, { inputs: { radius: 2, height: 3 } })
 */
export async function generateServiceTypes(core: SparkCore, services: readonly string[], options: GenerateServiceTypesOptions = {}): Promise<string> {
  if (!Array.isArray(services) || services.length === 0 || !services.every((s) => typeof s === 'string' && s.trim() !== '')) {
    throw new SparkSdkError('codegen: "services" must be a non-empty array of service URIs such as "my-folder/volume-cylinder"', { cause: services });
  }
  const sources = await Promise.all(services.map((uri) => describeServiceTypes(core, uri, options)));
  return printServiceTypes(sources, options);
}

/**
 * Fetches one service's documents and turns them into the schemas its types are printed from.
 *
 * @param core - a client from `createClient()`
 * @param uri - `folder/service[version]`
 * @param options - `signal`, `timeout`, `maxResponseBytes`
 * @returns the service's URI with its inputs and outputs schemas
 * @example
 * const source = await describeServiceTypes(spark, 'my-folder/volume-cylinder');
 * console.log(Object.keys(source.inputs.properties ?? {})); // ['height', 'radius']
 */
export async function describeServiceTypes(core: SparkCore, uri: string, options: CallOptions = {}): Promise<ServiceTypeSource> {
  const call = pickCallOptions(options);
  const [swagger, schema, validation] = await Promise.all([
    getServiceSwagger(core, uri, call),
    getServiceSchema(core, uri, call),
    validateService(core, uri, call),
  ]);
  return serviceTypeSource(uri, { swagger, schema, validations: validation.response_data?.outputs });
}
