import { performance } from 'node:perf_hooks';
import type { JsonObject, ModelMeta } from '../types.js';
import type { VersionEntry } from './registry.js';
import type { ModelResult } from './model-types.js';
import { ModelError } from './model-types.js';

/** Result of running one record, never throwing. */
export interface RecordRun {
  outputs: JsonObject;
  warnings: unknown[] | null;
  errors: unknown[] | null;
  failed: boolean;
  ms: number;
}

/** Spark-like error entry for a model that threw. */
function errorEntry(error: unknown): JsonObject {
  const message = error instanceof Error ? error.message : String(error);
  return {
    error_category: 'Model',
    error_type: error instanceof ModelError ? 'MODEL_ERROR' : 'EXECUTION_ERROR',
    message,
    source_path: null,
  };
}

/** Builds the meta object handed to models. */
export function modelMeta(v: VersionEntry, callId: string, api: ModelMeta['api'], requestMeta: JsonObject): ModelMeta {
  return {
    folder: v.service.folder.name,
    service: v.service.name,
    serviceId: v.service.id,
    versionId: v.id,
    version: v.revision,
    callId,
    api,
    requestMeta,
  };
}

function finish(r: ModelResult, t0: number): RecordRun {
  const errors = r.errors && r.errors.length > 0 ? r.errors : null;
  return { outputs: r.outputs ?? {}, warnings: r.warnings, errors, failed: false, ms: performance.now() - t0 };
}

/**
 * Runs one record through a version's model; a throw becomes `failed` with an `errors` entry.
 * Synchronous models stay synchronous (no promise allocation on the hot path).
 */
export function runRecord(v: VersionEntry, inputs: JsonObject, meta: ModelMeta): RecordRun | Promise<RecordRun> {
  const t0 = performance.now();
  const fail = (error: unknown): RecordRun => ({ outputs: {}, warnings: null, errors: [errorEntry(error)], failed: true, ms: performance.now() - t0 });
  try {
    const r = v.model.run(inputs, meta);
    if (r instanceof Promise) return r.then((x) => finish(x, t0), fail);
    return finish(r, t0);
  } catch (error) {
    return fail(error);
  }
}

/** Keeps only the requested outputs (comma list and/or regex). */
export function filterOutputs(outputs: JsonObject, names: unknown, regex: unknown): JsonObject {
  const list = typeof names === 'string' && names.trim() ? names.split(',').map((s) => s.trim()) : Array.isArray(names) ? names.map(String) : undefined;
  let re: RegExp | undefined;
  if (typeof regex === 'string' && regex) {
    try {
      re = new RegExp(regex);
    } catch {
      re = undefined;
    }
  }
  if (!list && !re) return outputs;
  const out: JsonObject = {};
  for (const [k, val] of Object.entries(outputs)) if (list?.includes(k) || re?.test(k)) out[k] = val;
  return out;
}
