import type { Route } from '../server/router.js';
import { routeGroup } from '../server/route-group.js';
import type { Ctx } from '../server/context.js';
import type { EmulatorState } from '../state/state.js';
import type { Folder } from '../state/folders.js';
import { v1Ok } from '../server/envelopes.js';
import { notFound } from '../server/http-error.js';
import { asObject, nowIso, uuid } from '../util/ids.js';
import { paginate } from './paging.js';

/** Folder object as listed (contract §6.4), with service counts. */
function folderView(state: EmulatorState, f: Folder): Record<string, unknown> {
  const services = state.registry.list(f.name);
  return { ...f, activeServiceCount: services.length, totalServiceCount: services.length };
}

function matches(f: Folder, search: unknown[]): boolean {
  return search.every((raw) => {
    const { field, value } = asObject(raw);
    const key = String(field ?? '').toLowerCase();
    if (key === 'name') return f.name.toLowerCase().includes(String(value).toLowerCase());
    if (key === 'category') return f.category.toLowerCase() === String(value).toLowerCase();
    if (key === 'status') return f.status.toLowerCase() === String(value).toLowerCase();
    if (key === 'id') return f.id === value;
    if (key === 'isstarred') return f.isStarred === (value === true || value === 'true');
    return true;
  });
}

function productDetails(state: EmulatorState, ctx: Ctx, f: Folder): Record<string, unknown> {
  const services = state.registry.list(f.name).map((s) => ({ serviceName: s.name, id: s.id, latestVersion: s.versions.at(-1)?.revision ?? null }));
  return v1Ok({
    ...folderView(state, f),
    calculationEngines: { count: services.length, next: null, previous: null, message: null, data: services, errorCode: null, status: 'Success' },
    sections: [],
    productUrl: `${ctx.origin}/api/v1/product/GetProduct/${encodeURIComponent(f.name)}`,
  });
}

/** Folder routes under `/api/v1/product` (tenant from the header or credentials; bearer tokens only). */
export function folderRoutes(state: EmulatorState): Route[] {
  const folders = state.registry.folders;
  const r = routeGroup({ prefix: '/api/v1/product', family: 'v1', auth: 'bearer' });
  const byId = (ctx: Ctx): Folder => {
    const f = folders.get(ctx.params['id'] ?? '');
    if (!f) throw notFound(`folder ${ctx.params['id']}`, 'v1');
    return f;
  };
  return [
    r('POST', '/list', 'folders.list', (ctx) => {
      const b = asObject(ctx.json());
      const search = Array.isArray(b['search']) ? b['search'] : [];
      const all = folders.all().filter((f) => matches(f, search));
      const sort = String(b['sort'] ?? '-updated');
      all.sort((a, c) => (sort.includes('name') ? a.name.localeCompare(c.name) : c.lastModifiedDate.localeCompare(a.lastModifiedDate)));
      if (sort.startsWith('-') && sort.includes('name')) all.reverse();
      const page = paginate(all, b['page'], b['pageSize']);
      ctx.send(200, v1Ok(page.items.map((f) => folderView(state, f)), { count: page.count, next: page.next, previous: page.previous }));
    }),
    r('POST', '/create', 'folders.create', (ctx) => {
      const fields = { ...ctx.fields(), ...(asObject(ctx.json()) as Record<string, string>) };
      const get = (k: string): string | undefined => fields[k] ?? fields[k.toLowerCase()] ?? fields[k[0]?.toLowerCase() + k.slice(1)];
      const name = (get('Name') ?? '').trim();
      if (!name) {
        ctx.send(200, { status: 'Error', message: 'folder name is required', errorCode: 'INVALID_NAME', data: null });
        return;
      }
      const cover = ctx.multipart().find((p) => p.filename !== undefined && /cover/i.test(p.name));
      const folder = folders.create(name, {
        description: get('Description') ?? null,
        category: get('Category') ?? 'Other',
        status: get('Status') ?? 'Design',
        startDate: get('StartDate') ?? nowIso(),
        launchDate: get('LaunchDate') ?? new Date(Date.now() + 10 * 365.25 * 864e5).toISOString(),
        ...(cover ? { coverImagePath: state.files.put(ctx.origin, cover.filename || 'cover', cover.contentType ?? 'application/octet-stream', cover.data) } : {}),
      });
      if (!folder) {
        ctx.send(200, { status: 'Error', message: `folder ${name} already exists`, errorCode: 'PRODUCT_ALREADY_EXISTS', data: null });
        return;
      }
      ctx.send(200, v1Ok({ folderId: folder.id, get_product_url: `${ctx.origin}/api/v1/product/GetProduct/${encodeURIComponent(folder.name)}` }));
    }),
    r('GET', '/GetProduct/:id', 'folders.get', (ctx) => ctx.send(200, productDetails(state, ctx, byId(ctx)))),
    r('POST', '/update/:id', 'folders.update', (ctx) => {
      const f = byId(ctx);
      const b = asObject(ctx.json());
      const rename = typeof b['name'] === 'string' && b['name'] && b['name'] !== f.name ? b['name'] : undefined;
      const taken = rename === undefined ? undefined : folders.get(rename);
      if (taken && taken !== f) {
        // As create answers a duplicate name: HTTP 200 with an error envelope; nothing changes.
        ctx.send(200, { status: 'Error', message: `folder ${rename} already exists`, errorCode: 'PRODUCT_ALREADY_EXISTS', data: null });
        return;
      }
      for (const k of ['description', 'category', 'startDate', 'launchDate', 'status'] as const) {
        if (typeof b[k] === 'string') (f as unknown as Record<string, unknown>)[k] = b[k];
      }
      if (rename !== undefined) folders.rename(f, rename);
      f.lastModifiedDate = nowIso();
      ctx.send(200, v1Ok(null));
    }),
    r('DELETE', '/delete/:id', 'folders.delete', (ctx) => {
      const f = byId(ctx);
      for (const s of state.registry.list(f.name)) state.registry.deleteService(s);
      folders.delete(f);
      ctx.send(200, v1Ok(null));
    }),
    r('POST', '/UploadCoverImage', 'folders.cover', (ctx) => {
      const id = ctx.fields()['id'] ?? '';
      const f = folders.get(id);
      if (!f) throw notFound(`folder ${id}`, 'v1');
      const image = ctx.multipart().find((p) => p.filename !== undefined);
      if (image) f.coverImagePath = state.files.put(ctx.origin, image.filename || `cover-${uuid()}`, image.contentType ?? 'application/octet-stream', image.data);
      ctx.send(200, v1Ok(null));
    }),
    r('POST', '/isproductexists/:id', 'folders.exists', (ctx) => ctx.send(200, v1Ok(folders.get(ctx.params['id'] ?? '') !== undefined))),
  ];
}
