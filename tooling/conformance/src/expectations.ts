import type { ShapeRules } from './shape.js';

/**
 * Requests of the collection that are not answered 2xx by design, with the status and why.
 * Every other request must succeed. Keyed by request name and method.
 */
export const NOT_2XX: Readonly<Record<string, { status: number; why: string }>> = {
  'POST 1. initiates export job': { status: 400, why: 'the collection body is a template naming no folder, service or version id' },
  'GET 2. checks export job status': { status: 404, why: 'no export job was started (see above), so {{export_job_id}} stays "null"' },
  'PATCH cancels export job': { status: 404, why: 'no export job was started, so {{export_job_id}} stays "null"' },
  'GET 2. checks import job status': {
    status: 404,
    why: 'the test script reads response_data.id; the initiate answer carries a top-level id (contract §6.11, both SDKs), so {{import_job_id}} stays "null"',
  },
  'POST executes node transform': { status: 501, why: 'Node transforms (/run) are not emulated (the emulator runs no uploaded code)' },
  'PATCH cancels batch pipeline': { status: 409, why: 'it runs after "5. closes batch pipeline": the batch is already completed' },
};

/** An answer checked against a sample in ../shared/spark-api/samples. */
export interface SampleCheck {
  sample: string;
  /** The part of the answer body the sample shows. */
  pick: (body: any) => unknown;
  /** See {@link ShapeRules}. */
  rules: ShapeRules;
}

/** The swagger's output properties are the model's own. */
const SWAGGER: ShapeRules = {
  complete: false,
  freeMaps: ['$.paths./{tenant}/api/v3/folders/{product}/services/{engine}/execute.post.responses.200.schema.properties.response_data.properties.outputs.properties'],
};

/**
 * Answers with a Spark sample. Every answer may only hold fields the sample has, with the same
 * JSON types. Where the emulator answers a subset on purpose (`complete: false`), the sample's
 * other fields are compiler statistics and UI settings no client reads.
 */
export const SAMPLES: Readonly<Record<string, SampleCheck>> = {
  'GET fetches Spark config': { sample: 'spark-config.json', pick: (b) => b.data, rules: { complete: false } },
  'GET gets detailed log by call id': {
    sample: 'detailed-log.json',
    pick: (b) => JSON.parse(b.response_data as string),
    rules: { freeMaps: ['$.EngineDetails.request_data.inputs', '$.EngineDetails.response_data.outputs'] },
  },
  'GET gets service schema using semantic version': { sample: 'service-schema.json', pick: (b) => b, rules: { complete: false } },
  'GET gets service schema by version id': { sample: 'service-schema.json', pick: (b) => b, rules: { complete: false } },
  'GET downloads swagger representation (latest)': { sample: 'service-swagger.json', pick: (b) => b, rules: SWAGGER },
  'GET downloads swagger representation by version id': { sample: 'service-swagger.json', pick: (b) => b, rules: SWAGGER },
};
