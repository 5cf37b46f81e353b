import type { Route } from '../server/router.js';
import type { Ctx } from '../server/context.js';
import type { EmulatorState } from '../state/state.js';
import type { TransformDoc } from '../state/transforms.js';
import { applyTemplate } from '../state/json-transform.js';
import { asObject } from '../util/ids.js';
import { HttpError } from '../server/http-error.js';
import { executeV3 } from './execute-v3.js';
import { executeV4 } from './execute-v4.js';

/**
 * Parses `x-request-meta` / `x-meta`: single-quoted compact JSON (the SDKs' form), plain
 * JSON, or a JSON string holding JSON (Postman's `"{\"call_purpose\": …}"`).
 */
function quotedJsonHeader(value: string | undefined): Record<string, unknown> {
  if (!value) return {};
  const text = value.trim().replace(/^'([\s\S]*)'$/, '$1');
  try {
    const parsed: unknown = JSON.parse(text);
    return asObject(typeof parsed === 'string' ? JSON.parse(parsed) : parsed);
  } catch {
    return {};
  }
}

async function run(state: EmulatorState, ctx: Ctx, doc: TransformDoc | undefined, folder: string, service: string): Promise<void> {
  const payload = ctx.json();
  const content = doc ? asObject(JSON.parse(doc.content)) : {};
  const inT = typeof content['input_body_transform'] === 'string' ? content['input_body_transform'] : undefined;
  const outT = typeof content['output_body_transform'] === 'string' ? content['output_body_transform'] : undefined;
  const v4Meta = quotedJsonHeader(ctx.header('x-meta'));
  const target = content['target_api_version'] === 'v4' || (!doc && Object.keys(v4Meta).length > 0 && !ctx.header('x-request-meta')) ? 'v4' : 'v3';
  const transformed = inT ? (applyTemplate(inT, payload) ?? payload) : payload;
  let response: unknown;
  let status = 200;
  if (target === 'v4') {
    const body = asObject(transformed);
    const inputs = Array.isArray(transformed) ? transformed : (body['inputs'] ?? [transformed]);
    response = await executeV4(state, { ...v4Meta, ...body, inputs, service: v4Meta['service'] ?? `${folder}/${service}` });
  } else {
    const t = asObject(transformed);
    const body = 'request_data' in t ? t : { request_data: { inputs: transformed ?? {} } };
    const rm = { ...quotedJsonHeader(ctx.header('x-request-meta')), ...asObject(asObject(body)['request_meta']) };
    const r = await executeV3(state, { folder, service }, { ...body, request_meta: rm });
    response = r.body;
    status = r.status;
  }
  ctx.send(status, outT ? (applyTemplate(outT, response) ?? response) : response);
}

/**
 * Execution through a transform document: `transforms/{tf}/{tn}/for/{f}/{s}` and the legacy
 * `transforms/{name}/for/folders/{f}/services/{s}` (document looked up by name in any folder).
 * Without a stored document the payload passes through unchanged.
 */
export function transformExecutionRoutes(state: EmulatorState): Route[] {
  return [
    {
      // Running a Node transform's code would execute request-supplied JS in the emulator
      // process (node:vm is no security boundary): not emulated, and said so.
      method: 'POST',
      pattern: '/:tenant/api/v4/transforms/:tfolder/:tname/run',
      name: 'transforms.run',
      auth: 'auth',
      family: 'v4',
      handler: () => {
        throw new HttpError(501, 'Node transforms (/run) are not emulated: the emulator does not execute uploaded code', 'NOT_EMULATED', 'v4');
      },
    },
    {
      method: 'POST',
      pattern: '/:tenant/api/v4/transforms/:tfolder/:tname/for/:folder/:service',
      name: 'transforms.execute',
      auth: 'auth',
      handler: (ctx) => run(state, ctx, state.transforms.get(ctx.params['tfolder'] ?? '', ctx.params['tname'] ?? ''), ctx.params['folder'] ?? '', ctx.params['service'] ?? ''),
    },
    {
      method: 'POST',
      pattern: '/:tenant/api/v4/transforms/:tname/for/folders/:folder/services/:service',
      name: 'transforms.execute.legacy',
      auth: 'auth',
      handler: (ctx) => run(state, ctx, state.transforms.byName(ctx.params['tname'] ?? ''), ctx.params['folder'] ?? '', ctx.params['service'] ?? ''),
    },
  ];
}
