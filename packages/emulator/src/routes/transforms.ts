import type { Route } from '../server/router.js';
import { routeGroup } from '../server/route-group.js';
import type { Ctx } from '../server/context.js';
import type { EmulatorState } from '../state/state.js';
import type { TransformDoc } from '../state/transforms.js';
import { HttpError, notFound } from '../server/http-error.js';
import { asObject, nowIso } from '../util/ids.js';
import { paginate } from './paging.js';
import { transformExecutionRoutes } from './transform-execute.js';

/** Validates a `transform_content` string; returns the error list (empty when valid). */
function validateTransform(content: unknown): { code: string; type: string; message: string }[] {
  if (typeof content !== 'string') return [{ code: 'INVALID_CONTENT', type: 'error', message: 'transform_content must be a JSON string' }];
  let doc: Record<string, unknown>;
  try {
    doc = asObject(JSON.parse(content));
  } catch {
    return [{ code: 'INVALID_JSON', type: 'error', message: 'transform_content is not valid JSON' }];
  }
  const errors = [];
  if (typeof doc['transform_type'] !== 'string') errors.push({ code: 'MISSING_TRANSFORM_TYPE', type: 'error', message: 'transform_type is required' });
  const target = doc['target_api_version'];
  if (target !== undefined && target !== 'v3' && target !== 'v4') errors.push({ code: 'INVALID_TARGET_API_VERSION', type: 'error', message: 'target_api_version must be v3 or v4' });
  return errors;
}

function single(outputs: unknown): Record<string, unknown> {
  return { object: 'transform', id: null, status: 'Success', response_timestamp: nowIso(), process_time: 0, outputs };
}

function uri(d: TransformDoc): string {
  return `${d.folder}/${d.name}`;
}

/** Transform document CRUD under both `transform/` (PY) and `transforms/` (TS, Postman), plus execution. */
export function transformRoutes(state: EmulatorState): Route[] {
  const routes: Route[] = [];
  const save = (ctx: Ctx, folder: string, name: string, content: unknown): void => {
    const errors = validateTransform(content);
    if (errors.length > 0) throw new HttpError(400, errors.map((e) => e.message).join('; '), 'INVALID_TRANSFORM', 'v4');
    const type = String(asObject(JSON.parse(content as string))['transform_type']);
    const doc = state.transforms.save(folder, name, content as string, type);
    ctx.send(200, { ...single({ name: doc.name, transform_uri: uri(doc) }), id: doc.id });
  };
  for (const seg of ['transform', 'transforms']) {
    const p = `/:tenant/api/v4/${seg}`;
    const r = routeGroup({ prefix: p, family: 'v4', namePrefix: 'transforms.' });
    routes.push(
      r('POST', '/list/:folder', 'list', (ctx) => {
        const b = asObject(ctx.json());
        const q = asObject(b['request_data'] ?? b);
        const docs = state.transforms.list(ctx.params['folder'] ?? '').sort((a, c) => c.updatedAt.localeCompare(a.updatedAt));
        const page = paginate(docs, q['page'], q['pageSize'] ?? 100);
        const result = page.items.map((d) => ({ id: d.id, name: d.name, transform_type: d.transformType, createdAt: d.createdAt, createdBy: 'emulator@spark.local', updatedAt: d.updatedAt, modifiedBy: 'emulator@spark.local' }));
        ctx.send(200, { count: page.count, page: page.page, pageSize: page.pageSize, result });
      }),
      r('POST', '/validation', 'validate', (ctx) => {
        const errors = validateTransform(asObject(ctx.json())['transform_content']);
        ctx.send(200, single({ isValid: errors.length === 0, error: errors.length === 0 ? null : errors }));
      }),
      r('GET', '/:folder/:name', 'get', (ctx) => {
        const doc = state.transforms.get(ctx.params['folder'] ?? '', ctx.params['name'] ?? '');
        if (!doc) throw notFound(`transform ${ctx.params['folder']}/${ctx.params['name']}`, 'v4');
        ctx.send(200, { ...single({ transform_document: doc.content, updatedAt: doc.updatedAt }), id: doc.id });
      }),
      r('POST', '/:folder/:name', 'save', (ctx) => save(ctx, ctx.params['folder'] ?? '', ctx.params['name'] ?? '', asObject(ctx.json())['transform_content'])),
      r('DELETE', '/:folder/:name', 'delete', (ctx) => {
        const doc = state.transforms.get(ctx.params['folder'] ?? '', ctx.params['name'] ?? '');
        if (!doc || !state.transforms.delete(doc.folder, doc.name)) throw notFound(`transform ${ctx.params['folder']}/${ctx.params['name']}`, 'v4');
        ctx.send(200, { ...single({ name: doc.name, transform_uri: uri(doc) }), id: doc.id });
      }),
      r('POST', '/:folder', 'upload', (ctx) => {
        const file = ctx.multipart().find((part) => part.filename !== undefined);
        if (!file) throw new HttpError(400, 'multipart part "file" is required', 'BAD_REQUEST', 'v4');
        const name = (file.filename ?? 'transform').replace(/\.json$/i, '');
        save(ctx, ctx.params['folder'] ?? '', name, file.data.toString('utf8'));
      }),
    );
  }
  return [...routes, ...transformExecutionRoutes(state)];
}
