import type { JsonObject } from '../types.js';
import type { Route } from '../server/router.js';
import type { EmulatorState } from '../state/state.js';
import { resolveVersion } from '../state/resolve.js';
import { filterOutputs, modelMeta, runRecord, type RecordRun } from '../state/run.js';
import { asObject, asString, nowIso, uuid } from '../util/ids.js';
import { parseLocator } from '../util/locator.js';
import { badRequest } from '../server/http-error.js';

/** Turns v4 inputs (array of objects, tabular `[headers, ...rows]`, or one object) into records. */
function toRecords(inputs: unknown): JsonObject[] {
  if (Array.isArray(inputs)) {
    if (inputs.length > 0 && Array.isArray(inputs[0])) {
      const [headers, ...rows] = inputs as unknown[][];
      const names = (headers ?? []).map(String);
      return rows.map((row) => {
        const rec: JsonObject = {};
        if (Array.isArray(row)) names.forEach((h, i) => (rec[h] = row[i]));
        return rec;
      });
    }
    return inputs.map(asObject);
  }
  return inputs === undefined || inputs === null ? [{}] : [asObject(inputs)];
}

/**
 * Executes a v4 (synchronous batch) body: `inputs` array, service located by `service`
 * (`f/s[v]` or a service id) or `version_id`. Per-record failures stay in `errors[i]`.
 */
export async function executeV4(state: EmulatorState, body: unknown, publicOnly = false): Promise<JsonObject> {
  const b = asObject(body);
  const service = asString(b['service']);
  const versionId = asString(b['version_id']);
  if (!service && !versionId) throw badRequest('either "service" or "version_id" is required', 'v4');
  const loc = service ? parseLocator(service) : {};
  const v = resolveVersion(state, loc, { versionId, at: asString(b['version_by_timestamp']), publicOnly });
  const callId = uuid();
  const meta = modelMeta(v, callId, 'v4', b);
  const records = toRecords(b['inputs']);
  const runs: RecordRun[] = [];
  for (const rec of records) {
    const r = runRecord(v, rec, meta);
    runs.push(r instanceof Promise ? await r : r);
  }
  const outputs = runs.map((r) => filterOutputs(r.outputs, b['output'], undefined));
  const processTime = runs.map((r) => Math.round(r.ms));
  const timestamp = nowIso();
  const response: JsonObject = {
    outputs,
    process_time: processTime,
    warnings: runs.map((r) => r.warnings),
    errors: runs.map((r) => r.errors),
    service_chain: runs.map(() => null),
    service_id: v.service.id,
    version_id: v.id,
    version: v.revision,
    call_id: callId,
    compiler_version: v.model.compilerVersion,
    correlation_id: b['correlation_id'] ?? null,
    request_timestamp: timestamp,
  };
  state.logs.add({
    callId,
    api: 'v4',
    folder: v.service.folder.name,
    service: v.service.name,
    serviceId: v.service.id,
    versionId: v.id,
    version: v.revision,
    timestamp,
    processTime: processTime.reduce((a, c) => a + c, 0),
    inputs: records,
    outputs: runs.map((r) => r.outputs),
    errors: runs.map((r) => r.errors),
    warnings: runs.map((r) => r.warnings),
    requestMeta: b,
    responseMeta: { service_id: v.service.id, version_id: v.id, version: v.revision, call_id: callId },
  });
  return response;
}

/** `POST /api/v4/execute` and `/api/v4/public/execute`. */
export function executeV4Routes(state: EmulatorState): Route[] {
  const handler = async (ctx: Parameters<Route['handler']>[0]): Promise<void> => ctx.send(200, await executeV4(state, ctx.json(), ctx.publicOnly));
  return [
    { method: 'POST', pattern: '/:tenant/api/v4/execute', name: 'services.execute.v4', auth: 'auth', family: 'v4', handler },
    { method: 'POST', pattern: '/:tenant/api/v4/public/execute', name: 'public.services.execute.v4', auth: 'public-service', family: 'v4', handler },
  ];
}
