import type { Route } from '../server/router.js';
import type { Ctx } from '../server/context.js';
import type { EmulatorState } from '../state/state.js';
import { v1Ok } from '../server/envelopes.js';
import { notFound } from '../server/http-error.js';
import { routeGroup } from '../server/route-group.js';
import { asObject, uuid } from '../util/ids.js';

/** The capitalised category list `savecategory` and `deletecategory` answer with. */
function capitalised(state: EmulatorState): Record<string, unknown> {
  return { 'Metadata.ProductCategories': state.categories.list().map((c) => ({ Key: c.key, Value: c.value, Icon: c.icon })) };
}

function saveCategory(state: EmulatorState, ctx: Ctx): void {
  const b = asObject(ctx.json());
  const value = String(b['value'] ?? '').trim();
  if (!value) {
    ctx.send(400, { status: 'Error', message: 'category value is required', errorCode: 'BAD_REQUEST', data: null });
    return;
  }
  state.categories.save({ key: String(b['key'] ?? uuid()), value, icon: String(b['icon'] ?? 'other.svg') });
  ctx.send(200, v1Ok(capitalised(state)));
}

function deleteCategory(state: EmulatorState, ctx: Ctx): void {
  if (!state.categories.delete(ctx.params['key'] ?? '')) throw notFound(`category ${ctx.params['key']}`, 'v1');
  ctx.send(200, v1Ok(capitalised(state)));
}

/** Category routes under `/api/v1/lookup` (bearer tokens only, as folder management). */
export function categoryRoutes(state: EmulatorState): Route[] {
  const r = routeGroup({ prefix: '/api/v1/lookup', family: 'v1', auth: 'bearer' });
  return [
    r('GET', '/getcategories', 'categories.list', (ctx) => ctx.send(200, v1Ok(state.categories.list()))),
    r('POST', '/savecategory', 'categories.save', (ctx) => saveCategory(state, ctx)),
    r('DELETE', '/deletecategory/:key', 'categories.delete', (ctx) => deleteCategory(state, ctx)),
  ];
}
