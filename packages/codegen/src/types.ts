import type { JSONSchema } from 'json-schema-to-typescript';

/** One service's inputs and outputs as JSON Schema, ready to become TypeScript. */
export interface ServiceTypeSource {
  /** The service URI the descriptor will name, e.g. `my-folder/volume-cylinder`. */
  uri: string;
  /** The inputs (`request_data.inputs`), enriched with descriptions, defaults, enums and bounds. */
  inputs: JSONSchema;
  /** The outputs (`response_data.outputs`), with descriptions. */
  outputs: JSONSchema;
}

/** The documents Spark serves about one service, as `generateServiceTypes()` fetches them. */
export interface ServiceDocuments {
  /** `getServiceSwagger()`: the Swagger (OpenAPI 2) document of its v3 execute endpoint. */
  swagger: unknown;
  /** `getServiceSchema()`: the service schema (`xlInputs`, `metadata.xInputTable`, …), for descriptions and defaults. */
  schema?: unknown;
  /** `validateService()`'s `response_data.outputs`: the static rules (lists, min/max) of each input. */
  validations?: unknown;
}
