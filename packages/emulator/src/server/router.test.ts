import { describe, expect, it } from 'vitest';
import { Router, type Route } from './router.js';

const route = (method: string, pattern: string, name: string): Route => ({ method, pattern, name, auth: 'public', handler: () => undefined });

describe('Router', () => {
  const router = new Router();
  router.add(route('POST', '/:tenant/api/v4/transforms/:folder', 'upload'));
  router.add(route('POST', '/:tenant/api/v4/transforms/validation', 'validate'));
  router.add(route('POST', '/:tenant/api/v4/transforms/:tfolder/:tname/for/:folder/:service', 'execute'));
  router.add(route('GET', '/:tenant/api/v3/nodegen/getnodegenzipbyId/*loc', 'wasm'));
  router.add(route('POST', '/:tenant/api/v3/folders/:folder/services/:service/recompileNodgen', 'recompile'));

  it('prefers literals, keeps per-route param names, and matches case-insensitively', () => {
    expect(router.match('POST', '/t/api/v4/transforms/validation')).toMatchObject({ route: { name: 'validate' } });
    expect(router.match('POST', '/t/api/v4/transforms/apps')).toMatchObject({ route: { name: 'upload' }, params: { tenant: 't', folder: 'apps' } });
    expect(router.match('POST', '/t/API/V4/transforms/a/b/for/f/s')).toMatchObject({ route: { name: 'execute' }, params: { tfolder: 'a', tname: 'b', folder: 'f', service: 's' } });
    expect(router.match('POST', '/t/api/v3/folders/f/services/s/recompilenodgen')).toMatchObject({ route: { name: 'recompile' } });
  });

  it('percent-decodes segments and captures rest paths', () => {
    expect(router.match('GET', '/t/api/v3/nodegen/GETNODEGENZIPBYID/folders/my%20f/services/s')).toMatchObject({ params: { loc: 'folders/my f/services/s' } });
    expect(router.match('POST', '/t/api/v3/folders/my%20folder/services/a%2Fb/recompileNodgen')).toMatchObject({ params: { folder: 'my folder', service: 'a/b' } });
  });

  it('distinguishes unknown paths from wrong methods', () => {
    expect(router.match('GET', '/t/api/v4/transforms/validation')).toBe('method');
    expect(router.match('GET', '/nowhere')).toBeUndefined();
  });
});
