import type { Route } from '../server/router.js';
import type { EmulatorState } from '../state/state.js';
import { HttpError } from '../server/http-error.js';
import { loadPackage } from '../state/load-package.js';
import { modelMetaFor } from '../state/descriptors.js';

/**
 * Hybrid runner endpoints (contract §7.2) at the host root: health, version, status and
 * package upload. Execution uses the normal `/{tenant}/api/v3|v4` routes.
 */
export function hybridRoutes(state: EmulatorState): Route[] {
  return [
    { method: 'GET', pattern: '/healthcheck', name: 'hybrid.health', auth: 'public', handler: (ctx) => ctx.send(200, { msg: 'ok' }) },
    {
      method: 'GET',
      pattern: '/version',
      name: 'hybrid.version',
      auth: 'public',
      handler: (ctx) => ctx.send(200, { lastPullDate: new Date(state.startedAt).toISOString(), filehash: 'spark-emulator', version: '1.31.2' }),
    },
    {
      method: 'GET',
      pattern: '/status',
      name: 'hybrid.status',
      auth: 'public',
      handler: (ctx) => {
        const versions = state.registry.allVersions();
        const mem = process.memoryUsage();
        const uptime = Date.now() - state.startedAt;
        ctx.send(200, {
          models: [
            {
              tenant: state.tenant,
              model_stats: versions.map((v) => ({
                thread_stats: {},
                memory_usage_mb: 0,
                uptime_ms: uptime,
                min_time_ms: 0,
                mean_time_ms: 0,
                p95_time_ms: 0,
                p99_time_ms: 0,
                max_time_ms: 0,
                busy: 0,
                size: v.model.wasmPackage?.length ?? 0,
                id: v.id,
                last_use: null,
                completed_count: 0,
                running_count: 0,
                crash_count: 0,
                timeout_count: 0,
              })),
              total_model: versions.length,
              total_instances: versions.length,
            },
          ],
          memory_usage_mb: Math.round(mem.rss / 1048576),
          memory_limit_mb: 4096,
        });
      },
    },
    {
      method: 'POST',
      pattern: '/api/v3/upload',
      name: 'hybrid.upload',
      // Loading a package runs its code: credentials are needed unless `openAccess` is set.
      auth: 'auth',
      handler: async (ctx) => {
        const parts = ctx.multipart();
        const file = parts.find((p) => p.name === 'file') ?? parts.find((p) => p.filename !== undefined);
        if (!file) throw new HttpError(400, 'multipart part "file" is required', 'BAD_REQUEST');
        let loaded;
        try {
          loaded = await loadPackage(state, new Uint8Array(file.data), { keepIds: true, maxUnpackedBytes: state.maxBodyBytes });
        } catch (error) {
          throw new HttpError(400, `invalid package: ${error instanceof Error ? error.message : String(error)}`, 'INVALID_PACKAGE');
        }
        const services = loaded.map((v) => modelMetaFor(v, state.tenant, ctx.origin));
        ctx.send(200, { response_data: [{ tenant: state.tenant, services }] });
      },
    },
  ];
}
