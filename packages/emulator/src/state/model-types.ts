import type { JsonObject, ModelInput, ModelMeta } from '../types.js';

/** What one model call produced. */
export interface ModelResult {
  outputs: JsonObject;
  warnings: unknown[] | null;
  errors: unknown[] | null;
}

/** A model ready to run, whatever its origin (JS function, WASM package, uploaded workbook). */
export interface RunnableModel {
  kind: 'js' | 'wasm' | 'workbook';
  run(inputs: JsonObject, meta: ModelMeta): ModelResult | Promise<ModelResult>;
  inputs: ModelInput[];
  outputs: string[];
  metadata: JsonObject;
  proxy?: string;
  description?: string;
  compilerVersion: string;
  /** Name of a built-in model, so export → import into another emulator can re-create it. */
  builtin?: string;
  /** The WASM package (inner `{versionId}.zip`) when the model came from one. */
  wasmPackage?: Uint8Array;
  /** Metadata files from the package (ModelMetaData.json etc.) kept for exports. */
  packageMeta?: JsonObject;
  /** Releases resources (WASM workers). */
  dispose?(): Promise<void>;
}

/** Thrown by models to report a per-call error with a Spark-like shape. */
export class ModelError extends Error {
  readonly details: unknown;
  constructor(message: string, details?: unknown) {
    super(message);
    this.name = 'ModelError';
    this.details = details;
  }
}
