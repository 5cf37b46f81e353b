import type { Route } from '../server/router.js';
import { routeGroup } from '../server/route-group.js';
import type { Ctx } from '../server/context.js';
import type { EmulatorState } from '../state/state.js';
import type { ServiceEntry, VersionEntry } from '../state/registry.js';
import { v1Ok, v3Ok } from '../server/envelopes.js';
import { HttpError } from '../server/http-error.js';
import { resolveVersion, serviceFromParams } from '../state/resolve.js';
import { schemaFor } from '../state/schema.js';
import { swaggerFor } from '../state/swagger.js';
import { asObject, toBool } from '../util/ids.js';
import { makeXlsx, XLSX_TYPE } from '../util/xlsx.js';
import { paginate } from './paging.js';

function versionOf(service: ServiceEntry, versionId: string | undefined): VersionEntry {
  const v = versionId ? service.versions.find((x) => x.id === versionId) : service.versions.at(-1);
  if (!v) throw new HttpError(404, `version ${versionId ?? '(latest)'} of ${service.folder.name}/${service.name} not found`, 'VERSION_NOT_FOUND');
  return v;
}

function versionItem(v: VersionEntry): Record<string, unknown> {
  return {
    id: v.id,
    revision: v.revision,
    engine: v.service.name,
    product: v.service.folder.name,
    isActive: v === v.service.versions.at(-1),
    createdAt: v.createdAt,
    author: v.author,
    effectiveStartDate: v.effectiveStartDate,
    effectiveEndDate: v.effectiveEndDate,
    originalFileName: v.originalFileName,
    defaultEngineType: 'Neuron',
    versionLabel: v.label ?? '',
    releaseNote: v.releaseNote,
    childEngines: null,
    tags: v.tags,
  };
}

/** Excel download: the uploaded workbook, or a generated one listing inputs/outputs. */
function sendExcel(ctx: Ctx, v: VersionEntry): void {
  const bytes =
    v.file ?? makeXlsx(`${v.service.folder.name}/${v.service.name} ${v.revision}`, [...v.model.inputs.map((i): [string, unknown] => [i.name, i.defaultValue ?? '']), ...v.model.outputs.map((o): [string, unknown] => [o, ''])]);
  const name = ctx.query.get('filename') || v.originalFileName;
  ctx.sendBytes(200, bytes, XLSX_TYPE, { 'content-disposition': `attachment; filename="${name}"` });
}

/** Schema, versions, swagger, search, download, delete, exists and listing of services. */
export function serviceInfoRoutes(state: EmulatorState): Route[] {
  const v1 = routeGroup({ prefix: '/api/v1/product/:folder/engines', family: 'v1' });
  const v3 = routeGroup({ prefix: '/:tenant/api/v3' });
  const svc = (ctx: Ctx): ServiceEntry => serviceFromParams(state, ctx.params);
  return [
    v1('GET', '/get/:service', 'services.schema', (ctx) => ctx.send(200, schemaFor(versionOf(svc(ctx), undefined), state.tenant, ctx.origin))),
    v1('GET', '/getbyversionid/:service/:versionId', 'services.schema.version', (ctx) => ctx.send(200, schemaFor(versionOf(svc(ctx), ctx.params['versionId']), state.tenant, ctx.origin))),
    v3('POST', '/GetEngineDetailByVersionId/versionid/:versionId', 'services.schema.version-id', (ctx) => {
      ctx.send(200, schemaFor(resolveVersion(state, { versionId: ctx.params['versionId'] ?? '' }), state.tenant, ctx.origin));
    }),
    v1('GET', '/getversions/:service', 'services.versions', (ctx) => ctx.send(200, v1Ok([...svc(ctx).versions].reverse().map(versionItem)))),
    v1('GET', '/:service/download', 'services.download', (ctx) => sendExcel(ctx, versionOf(svc(ctx), undefined))),
    v1('GET', '/:service/download/:versionId', 'services.download.version', (ctx) => sendExcel(ctx, versionOf(svc(ctx), ctx.params['versionId']))),
    v1('DELETE', '/delete/:service', 'services.delete', (ctx) => {
      const removed = state.registry.deleteService(svc(ctx));
      for (const v of removed) void v.model.dispose?.();
      ctx.send(200, v1Ok(null));
    }),
    v1('POST', '', 'services.list', (ctx) => {
      const b = asObject(ctx.json());
      const all = state.registry.list(ctx.params['folder']).sort((a, c) => a.name.localeCompare(c.name));
      const page = paginate(all, b['page'], b['pageSize'] ?? 100);
      const data = page.items.map((s) => ({ serviceName: s.name, id: s.id, folderName: s.folder.name, latestVersion: s.versions.at(-1)?.revision ?? null, versionCount: s.versions.length, updatedAt: s.updatedAt }));
      ctx.send(200, v1Ok(data, { count: page.count, next: page.next, previous: page.previous }));
    }),
    v3('GET', '/folders/:folder/services/:service/exists', 'services.exists', (ctx) => {
      const s = state.registry.service(ctx.params['folder'] ?? '', ctx.params['service'] ?? '');
      ctx.send(200, v3Ok({ is_exists: s !== undefined && s.versions.length > 0 }));
    }),
    v3('GET', '/folders/:folder/services/:service/downloadswagger/:sub/:downloadable', 'services.swagger', (ctx) => swagger(ctx, undefined)),
    v3('GET', '/folders/:folder/services/:service/downloadswagger/:sub/:downloadable/:versionId', 'services.swagger.version', (ctx) => swagger(ctx, ctx.params['versionId'])),
    v3('POST', '/services/search', 'services.search', (ctx) => {
      const b = asObject(ctx.json());
      const rd = asObject(b['request_data'] ?? b);
      const search = Array.isArray(rd['search']) ? rd['search'] : [];
      let all = state.registry.list();
      for (const raw of search) {
        const { field, value } = asObject(raw);
        const needle = String(value ?? '').toLowerCase();
        const f = String(field ?? '').toLowerCase();
        all = all.filter((s) => (f.includes('folder') ? s.folder.name : s.name).toLowerCase().includes(needle) || (f === 'id' && s.id === value));
      }
      const sort = String(rd['sort'] ?? 'name1_co');
      all.sort((a, c) => (sort.includes('modified') || sort.includes('updated') ? c.updatedAt.localeCompare(a.updatedAt) : a.name.localeCompare(c.name)));
      if (sort.startsWith('-') && !sort.includes('modified')) all.reverse();
      const page = paginate(all, rd['page'], rd['page_size'] ?? rd['pageSize']);
      const data = page.items.map((s) => ({ id: s.id, serviceName: s.name, folderName: s.folder.name, fileName: s.versions.at(-1)?.originalFileName ?? null, version: s.versions.at(-1)?.revision ?? null, modifiedDate: s.updatedAt }));
      ctx.send(200, v3Ok(data, { count: page.count, page: page.page, page_size: page.pageSize, page_total: page.pageTotal, next: page.next, previous: page.previous }));
    }),
  ];

  function swagger(ctx: Ctx, versionId: string | undefined): void {
    const v = versionOf(svc(ctx), versionId || undefined);
    const doc = swaggerFor(v, state.tenant, ctx.host);
    const headers: Record<string, string> = toBool(ctx.params['downloadable']) ? { 'content-disposition': `attachment; filename="${v.service.name}-swagger.json"` } : {};
    ctx.send(200, doc, headers);
  }
}
