import type { Route } from '../server/router.js';
import type { Ctx } from '../server/context.js';
import type { EmulatorState } from '../state/state.js';
import type { VersionEntry } from '../state/registry.js';
import type { Locator } from '../util/locator.js';
import { v3Ok } from '../server/envelopes.js';
import { resolveVersion } from '../state/resolve.js';
import { validationsFor } from '../state/descriptors.js';
import { asObject, asString, uuid } from '../util/ids.js';

function meta(v: VersionEntry): Record<string, unknown> {
  return {
    service_id: v.service.id,
    version_id: v.id,
    version: v.revision,
    process_time: 0,
    call_id: uuid(),
    compiler_type: 'Neuron',
    compiler_version: v.model.compilerVersion,
    source_hash: null,
    engine_id: v.id.replace(/-/g, ''),
    correlation_id: null,
  };
}

function validation(state: EmulatorState, ctx: Ctx, loc: Locator): void {
  const rm = asObject(asObject(ctx.json())['request_meta']);
  const v = resolveVersion(state, loc, { version: asString(rm['version']), versionId: asString(rm['version_id']), publicOnly: ctx.publicOnly });
  const dynamic = String(rm['validation_type'] ?? '').toLowerCase() === 'dynamic';
  ctx.send(200, v3Ok(validationsFor(v, dynamic), meta(v)));
}

function metadata(state: EmulatorState, ctx: Ctx, loc: Locator): void {
  const rm = asObject(asObject(ctx.json())['request_meta']);
  const v = resolveVersion(state, loc, { versionId: asString(rm['version_id']), publicOnly: ctx.publicOnly });
  ctx.send(200, v3Ok({ outputs: { ...v.model.metadata }, warnings: null, errors: null, service_chain: null }, meta(v)));
}

/** `…/validation` (POST) and `…/metadata` (GET) for every locator, public too; hybrid-runner variants. */
export function validationRoutes(state: EmulatorState): Route[] {
  const routes: Route[] = [];
  const locs: [string, string, (ctx: Ctx) => Locator][] = [
    ['/folders/:folder/services/:service', '', (ctx) => ({ folder: ctx.params['folder'] ?? '', service: ctx.params['service'] ?? '' })],
    ['/service/:serviceId', '.service-id', (ctx) => ({ serviceId: ctx.params['serviceId'] ?? '' })],
    ['/version/:versionId', '.version-id', (ctx) => ({ versionId: ctx.params['versionId'] ?? '' })],
  ];
  for (const pub of [false, true]) {
    const p = pub ? '/:tenant/api/v3/public' : '/:tenant/api/v3';
    const n = pub ? 'public.' : '';
    for (const [path, suffix, loc] of locs) {
      routes.push(
        { method: 'POST', pattern: `${p}${path}/validation`, name: `${n}services.validate${suffix}`, auth: pub ? 'public-service' : 'auth', handler: (ctx) => validation(state, ctx, loc(ctx)) },
        { method: 'GET', pattern: `${p}${path}/metadata`, name: `${n}services.metadata${suffix}`, auth: pub ? 'public-service' : 'auth', handler: (ctx) => metadata(state, ctx, loc(ctx)) },
      );
    }
  }
  // Hybrid runner (§7.2): the locator travels in request_meta. A runner does not authenticate
  // callers; the emulator does unless `openAccess` is set (as the hybrid tests do).
  const bodyLoc = (ctx: Ctx): Locator => {
    const rm = asObject(asObject(ctx.json())['request_meta']);
    const sid = asString(rm['service_id']);
    return sid ? { serviceId: sid } : {};
  };
  routes.push(
    { method: 'POST', pattern: '/:tenant/api/v3/validation', name: 'hybrid.validate', auth: 'auth', handler: (ctx) => validation(state, ctx, bodyLoc(ctx)) },
    { method: 'POST', pattern: '/:tenant/api/v3/metadata', name: 'hybrid.metadata', auth: 'auth', handler: (ctx) => metadata(state, ctx, bodyLoc(ctx)) },
  );
  return routes;
}
