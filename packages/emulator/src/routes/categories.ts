import type { Route } from '../server/router.js';
import type { EmulatorState } from '../state/state.js';
import { v1Ok } from '../server/envelopes.js';
import { notFound } from '../server/http-error.js';
import { asObject, uuid } from '../util/ids.js';

/** Category routes under `/api/v1/lookup`. */
export function categoryRoutes(state: EmulatorState): Route[] {
  const capitalised = () => ({
    'Metadata.ProductCategories': state.categories.list().map((c) => ({ Key: c.key, Value: c.value, Icon: c.icon })),
  });
  return [
    { method: 'GET', pattern: '/api/v1/lookup/getcategories', name: 'categories.list', auth: 'auth', family: 'v1', handler: (ctx) => ctx.send(200, v1Ok(state.categories.list())) },
    {
      method: 'POST',
      pattern: '/api/v1/lookup/savecategory',
      name: 'categories.save',
      auth: 'auth',
      family: 'v1',
      handler: (ctx) => {
        const b = asObject(ctx.json());
        const value = String(b['value'] ?? '').trim();
        if (!value) {
          ctx.send(400, { status: 'Error', message: 'category value is required', errorCode: 'BAD_REQUEST', data: null });
          return;
        }
        state.categories.save({ key: String(b['key'] ?? uuid()), value, icon: String(b['icon'] ?? 'other.svg') });
        ctx.send(200, v1Ok(capitalised()));
      },
    },
    {
      method: 'DELETE',
      pattern: '/api/v1/lookup/deletecategory/:key',
      name: 'categories.delete',
      auth: 'auth',
      family: 'v1',
      handler: (ctx) => {
        if (!state.categories.delete(ctx.params['key'] ?? '')) throw notFound(`category ${ctx.params['key']}`, 'v1');
        ctx.send(200, v1Ok(capitalised()));
      },
    },
  ];
}
