import type { JsonObject } from '../types.js';
import { routeGroup } from '../server/route-group.js';
import type { Route } from '../server/router.js';
import type { Ctx } from '../server/context.js';
import type { EmulatorState } from '../state/state.js';
import { HttpError } from '../server/http-error.js';
import { buildExportZip, exportOutputs, selectVersions } from '../state/export-package.js';
import { importPackage } from '../state/import-package.js';
import { asObject, nowIso, uuid } from '../util/ids.js';
import type { ImpexJob } from '../state/jobs.js';

/** Export/import jobs under `/api/v4/export` and `/api/v4/import` (contract §6.11). */
export function impexRoutes(state: EmulatorState): Route[] {
  const jobs = state.jobs.impex;
  const statusUrl = (ctx: Ctx, j: ImpexJob) => `${ctx.origin}/${state.tenant}/api/v4/${j.kind}/${j.id}/status`;
  const view = (ctx: Ctx, j: ImpexJob): JsonObject => ({
    object: j.kind,
    id: j.id,
    status: j.status,
    status_url: statusUrl(ctx, j),
    process_time: Date.now() - j.startedMs,
    response_timestamp: nowIso(),
    errors: j.errors,
    ...(j.kind === 'import' ? { warnings: [] } : {}),
    source_system: j.sourceSystem ?? null,
    correlation_id: j.correlationId ?? null,
    outputs: j.outputs,
  });
  const newJob = (kind: ImpexJob['kind'], b: JsonObject): ImpexJob => {
    const j: ImpexJob = { id: uuid(), kind, status: 'in_progress', createdAt: nowIso(), updatedAt: nowIso(), startedMs: Date.now(), polls: 0, sourceSystem: b['source_system'], correlationId: b['correlation_id'], outputs: null, errors: null };
    return jobs.add(j);
  };
  const find = (ctx: Ctx, kind: ImpexJob['kind']): ImpexJob => {
    const j = jobs.get(ctx.params['id'] ?? '');
    if (!j || j.kind !== kind) throw new HttpError(404, `${kind} job ${ctx.params['id']} not found`, 'JOB_NOT_FOUND', 'v4');
    return j;
  };
  const r = routeGroup({ prefix: '/:tenant/api/v4', family: 'v4' });
  const routes: Route[] = [
    r('POST', '/export', 'impex.export', (ctx) => {
      const b = asObject(ctx.json());
      const inputs = asObject(b['inputs']);
      const empty = ['folders', 'services', 'version_ids'].every((k) => !Array.isArray(inputs[k]) || (inputs[k] as unknown[]).length === 0);
      if (empty) throw new HttpError(400, 'at least one of folders, services, or version_ids must be provided', 'BAD_REQUEST', 'v4');
      const versions = selectVersions(state, inputs, String(b['version_filter'] ?? 'latest'));
      const j = newJob('export', b);
      const { zip, hash } = buildExportZip(state, j.id, versions, ctx.origin);
      const name = typeof b['file_name'] === 'string' && b['file_name'] ? b['file_name'].replace(/(\.zip)?$/i, '.zip') : `${state.tenant}-export-${j.id}.zip`;
      j.outputs = { files: [{ file: state.files.put(ctx.origin, name, 'application/zip', zip), file_hash: hash }], ...exportOutputs(versions) };
      ctx.send(200, { id: j.id, object: 'export', status_url: statusUrl(ctx, j) });
    }),
    r('POST', '/import', 'impex.import', (ctx) => {
      const parts = ctx.multipart();
      const file = parts.find((p) => p.name === 'file') ?? parts.find((p) => p.filename !== undefined);
      if (!file) throw new HttpError(400, 'multipart part "file" is required', 'BAD_REQUEST', 'v4');
      let entity: JsonObject;
      try {
        entity = asObject(JSON.parse(parts.find((p) => p.name === 'importRequestEntity')?.data.toString('utf8') ?? '{}'));
      } catch {
        throw new HttpError(400, 'importRequestEntity is not valid JSON', 'BAD_REQUEST', 'v4');
      }
      const j = newJob('import', entity);
      j.work = importPackage(state, new Uint8Array(file.data), entity).then(
        (outputs) => void (j.outputs = outputs),
        (error: unknown) => {
          j.status = 'failed';
          j.errors = [{ code: 'IMPORT_FAILED', message: error instanceof Error ? error.message : String(error) }];
        },
      );
      ctx.send(200, { id: j.id, object: 'import', status_url: statusUrl(ctx, j) });
    }),
  ];
  for (const kind of ['export', 'import'] as const) {
    routes.push(
      r('GET', `/${kind}/status`, `impex.${kind}.describe`, (ctx) => {
        const all = jobs.all().filter((j) => j.kind === kind);
        const brief = (j: ImpexJob) => ({ object: kind, id: j.id, data: { [`${kind}_status`]: j.status, response_timestamp: nowIso(), created_by: state.registry.author, created_timestamp: j.createdAt, updated_timestamp: j.updatedAt, process_time: Date.now() - j.startedMs } });
        const running = all.filter((j) => j.status === 'in_progress');
        ctx.send(200, {
          [`in_progress_${kind}s`]: running.map(brief),
          [`recent_${kind}s`]: all.filter((j) => j.status !== 'in_progress').map(brief),
          tenant: { configuration: { [`${kind}_api_job_limit`]: 1 }, status: { [`${kind}_api_jobs_in_progress`]: running.length } },
        });
      }),
      r('GET', `/${kind}/:id/status`, `impex.${kind}.status`, async (ctx) => {
        const j = find(ctx, kind);
        j.polls += 1;
        if (j.work) await j.work;
        if (j.status === 'in_progress') {
          j.status = 'completed';
          j.updatedAt = nowIso();
        }
        ctx.send(200, view(ctx, j));
      }),
      r('PATCH', `/${kind}/:id`, `impex.${kind}.cancel`, (ctx) => {
        const j = find(ctx, kind);
        if (j.status === 'in_progress') {
          j.status = 'cancelled';
          j.updatedAt = nowIso();
        }
        ctx.send(200, view(ctx, j));
      }),
    );
  }
  return routes;
}
