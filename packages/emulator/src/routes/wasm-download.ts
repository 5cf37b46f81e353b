import type { Route } from '../server/router.js';
import type { EmulatorState } from '../state/state.js';
import { resolveVersion } from '../state/resolve.js';
import { versionPackage } from '../state/descriptors.js';
import { parseLocator } from '../util/locator.js';

/**
 * `GET /api/v3/nodegen[/public]/getnodegenzipbyId/{loc}` (any casing): the real WASM
 * package when the version came from one, else a generated package describing the JS model.
 * Both variants need credentials: a package is the model itself.
 */
export function wasmDownloadRoutes(state: EmulatorState): Route[] {
  return [false, true].map(
    (pub): Route => ({
      method: 'GET',
      pattern: pub ? '/:tenant/api/v3/nodegen/public/getnodegenzipbyId/*loc' : '/:tenant/api/v3/nodegen/getnodegenzipbyId/*loc',
      name: pub ? 'public.wasm.download' : 'wasm.download',
      // Spark serves packages of public services here; the emulator always asks for credentials.
      auth: 'auth',
      handler: (ctx) => {
        const v = resolveVersion(state, parseLocator(ctx.params['loc'] ?? ''));
        ctx.sendBytes(200, versionPackage(v), 'application/zip', { 'content-disposition': `attachment; filename="${v.id}.zip"` });
      },
    }),
  );
}
