import type { JsonObject } from '../types.js';
import type { Route } from '../server/router.js';
import type { Ctx } from '../server/context.js';
import type { EmulatorState } from '../state/state.js';
import type { VersionEntry } from '../state/registry.js';
import { resolveVersion } from '../state/resolve.js';
import { v3Error } from '../server/envelopes.js';
import { filterOutputs, modelMeta, runRecord, type RecordRun } from '../state/run.js';
import { asObject, asString, nowIso, toBool, uuid } from '../util/ids.js';
import { parseLocator, type Locator } from '../util/locator.js';

/** Result of a v3 execution, before it is written to the wire. */
export interface V3Result {
  status: number;
  body: JsonObject;
}

/** `response_meta` of a v3 call (contract §6.5.2). */
function v3Meta(v: VersionEntry, callId: string, ms: number, rm: JsonObject): JsonObject {
  return {
    service_id: v.service.id,
    version_id: v.id,
    version: v.revision,
    process_time: Math.round(ms),
    call_id: callId,
    compiler_type: 'Neuron',
    compiler_version: v.model.compilerVersion,
    source_hash: null,
    engine_id: v.id.replace(/-/g, ''),
    correlation_id: rm['correlation_id'] ?? null,
    parameterset_version_id: null,
    system: 'SPARK',
    request_timestamp: nowIso(),
  };
}

/** Locator of a v3 call when it is carried in `request_meta` (`POST /api/v3/execute`). */
function bodyLocator(rm: JsonObject): Locator {
  const uri = asString(rm['service_uri']);
  if (uri) return parseLocator(uri);
  const sid = asString(rm['service_id']);
  return sid ? { serviceId: sid } : {};
}

/**
 * Executes a v3 request body against a located service; records the call log.
 * Array inputs (one record per element) yield an array of outputs.
 * A model that throws answers 422 with the errors in the envelope.
 */
export async function executeV3(state: EmulatorState, loc: Locator, body: unknown, publicOnly = false): Promise<V3Result> {
  const b = asObject(body);
  const rd = asObject(b['request_data']);
  const rm = asObject(b['request_meta']);
  const v = resolveVersion(state, loc, {
    version: asString(rm['version']),
    versionId: asString(rm['version_id']),
    at: asString(rm['transaction_date']),
    publicOnly,
  });
  const callId = uuid();
  const meta = modelMeta(v, callId, 'v3', rm);
  const rawInputs = rd['inputs'];
  const list = Array.isArray(rawInputs) ? rawInputs.map(asObject) : [asObject(rawInputs)];
  const runs: RecordRun[] = [];
  for (const inputs of list) {
    const r = runRecord(v, inputs, meta);
    runs.push(r instanceof Promise ? await r : r);
  }
  const ms = runs.reduce((t, r) => t + r.ms, 0);
  const pickOut = (r: RecordRun): JsonObject => filterOutputs(r.outputs, rm['requested_output'], rm['requested_output_regex']);
  const single = runs.length === 1 && !Array.isArray(rawInputs);
  const first = runs[0] as RecordRun;
  const data: JsonObject = {
    outputs: single ? pickOut(first) : runs.map(pickOut),
    warnings: single ? first.warnings : runs.map((r) => r.warnings),
    errors: single ? first.errors : runs.map((r) => r.errors),
    service_chain: null,
  };
  if (toBool(rm['response_data_inputs'])) data['inputs'] = rawInputs ?? {};
  const responseMeta = v3Meta(v, callId, ms, rm);
  state.logs.add({
    callId,
    api: 'v3',
    folder: v.service.folder.name,
    service: v.service.name,
    serviceId: v.service.id,
    versionId: v.id,
    version: v.revision,
    timestamp: nowIso(),
    processTime: Math.round(ms),
    inputs: list,
    outputs: runs.map((r) => r.outputs),
    errors: runs.map((r) => r.errors),
    warnings: runs.map((r) => r.warnings),
    requestMeta: rm,
    responseMeta,
  });
  const failed = runs.some((r) => r.failed);
  if (failed) {
    const message = String(asObject((first.errors ?? [])[0])['message'] ?? 'model execution failed');
    return {
      status: 422,
      body: { status: 'Error', response_data: data, response_meta: responseMeta, error: v3Error(422, message, 'MODEL_ERROR') },
    };
  }
  return { status: 200, body: { status: 'Success', response_data: data, response_meta: responseMeta, error: null } };
}

async function answer(state: EmulatorState, ctx: Ctx, loc: Locator): Promise<void> {
  const r = await executeV3(state, loc, ctx.json(), ctx.publicOnly);
  ctx.send(r.status, r.body);
}

/** v3 execution routes: by folder/service, service id, version id, proxy path, body locator; all also under `/public`. */
export function executeV3Routes(state: EmulatorState): Route[] {
  const routes: Route[] = [];
  for (const pub of [false, true]) {
    const p = pub ? '/:tenant/api/v3/public' : '/:tenant/api/v3';
    const auth = pub ? 'public-service' : 'auth';
    const n = pub ? 'public.' : '';
    routes.push(
      {
        method: 'POST',
        pattern: `${p}/folders/:folder/services/:service/execute`,
        name: `${n}services.execute.v3`,
        auth,
        handler: (ctx) => answer(state, ctx, { folder: ctx.params['folder'] ?? '', service: ctx.params['service'] ?? '' }),
      },
      {
        method: 'POST',
        pattern: `${p}/service/:serviceId`,
        name: `${n}services.execute.v3.service-id`,
        auth,
        handler: (ctx) => answer(state, ctx, { serviceId: ctx.params['serviceId'] ?? '' }),
      },
      {
        method: 'POST',
        pattern: `${p}/version/:versionId`,
        name: `${n}services.execute.v3.version-id`,
        auth,
        handler: (ctx) => answer(state, ctx, { versionId: ctx.params['versionId'] ?? '' }),
      },
      {
        method: 'POST',
        pattern: `${p}/proxy/*proxy`,
        name: `${n}services.execute.v3.proxy`,
        auth,
        handler: (ctx) => answer(state, ctx, { proxy: ctx.params['proxy'] ?? '' }),
      },
      {
        method: 'POST',
        pattern: `${p}/execute`,
        name: `${n}services.execute.v3.body`,
        auth,
        handler: (ctx) => answer(state, ctx, bodyLocator(asObject(asObject(ctx.json())['request_meta']))),
      },
    );
  }
  return routes;
}
