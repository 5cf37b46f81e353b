import type { Route } from '../server/router.js';
import type { Ctx } from '../server/context.js';
import type { EmulatorState } from '../state/state.js';
import type { RunnableModel } from '../state/model-types.js';
import type { UploadJob } from '../state/jobs.js';
import { v3Ok } from '../server/envelopes.js';
import { badRequest, HttpError } from '../server/http-error.js';
import { routeGroup } from '../server/route-group.js';
import { serviceFromParams } from '../state/resolve.js';
import { workbookModel } from '../state/workbook-model.js';
import { loadPackage } from '../state/load-package.js';
import { parsePackage } from '../wasm/package.js';
import { asObject, asString, nowIso, uuid } from '../util/ids.js';

const PROGRESS = [50, 100];

function modelForUpload(state: EmulatorState, up: UploadJob): RunnableModel | 'package' {
  try {
    const pkg = parsePackage(up.bytes, state.maxBodyBytes);
    if (pkg.versions.length > 0) return 'package';
  } catch {
    // not a package: a workbook
  }
  const existing = state.registry.service(up.folder, up.service)?.versions.at(-1);
  return existing ? existing.model : workbookModel(up.fileName);
}

/** The upload answer: compilation statistics and the ids publish and polling need. */
function uploadAnswer(up: UploadJob, jobId: string, originalId: string): Record<string, unknown> {
  const data = {
    lines_of_code: 12,
    hours_saved: 0.1,
    nodegen_compilation_jobid: jobId,
    original_file_documentid: originalId,
    engine_file_documentid: up.id,
    warnings: [],
    current_statistics: null,
    no_of_sheets: 1,
    no_of_inputs: 2,
    no_of_outputs: 1,
    no_of_formulas: 1,
    no_of_cellswithdata: 6,
  };
  const meta = {
    service_id: up.serviceId,
    version_id: up.versionId,
    version: '0.0.0',
    process_time: 1,
    call_id: uuid(),
    compiler_type: 'Neuron',
    compiler_version: '1.22.3',
    source_hash: null,
    engine_id: up.versionId.replace(/-/g, ''),
    correlation_id: null,
    parameterset_version_id: null,
  };
  return v3Ok(data, meta);
}

/** `POST …/upload` (multipart `serviceFile` + `engineUploadRequestEntity`): keeps the file for publish. */
function upload(state: EmulatorState, ctx: Ctx): void {
  const folder = ctx.params['folder'] ?? '';
  const service = ctx.params['service'] ?? '';
  const parts = ctx.multipart();
  const file = parts.find((p) => p.name === 'serviceFile') ?? parts.find((p) => p.filename !== undefined);
  if (!file) throw badRequest('multipart part "serviceFile" is required');
  const entityText = parts.find((p) => p.name === 'engineUploadRequestEntity')?.data.toString('utf8') ?? '{}';
  let entity: Record<string, unknown>;
  try {
    entity = asObject(asObject(JSON.parse(entityText))['request_data']);
  } catch {
    throw badRequest('engineUploadRequestEntity is not valid JSON');
  }
  state.registry.folders.ensure(folder);
  const existing = state.registry.service(folder, service);
  const up: UploadJob = { id: uuid(), folder, service, fileName: file.filename || `${service}.xlsx`, bytes: new Uint8Array(file.data), serviceId: existing?.id ?? uuid(), versionId: uuid() };
  const start = asString(entity['effective_start_date']);
  const end = asString(entity['effective_end_date']);
  const diff = asString(entity['version_difference']);
  if (start) up.startDate = start;
  if (end) up.endDate = end;
  if (diff) up.versionDifference = diff;
  const job = state.jobs.compilations.add({ id: uuid(), polls: 0 });
  const originalId = uuid();
  state.jobs.uploads.add(up);
  state.jobs.uploads.add({ ...up, id: originalId });
  ctx.send(200, uploadAnswer(up, job.id, originalId));
}

/** `GET …/getcompilationprogess/{job}`: progress 50, then 100. */
function compilationStatus(state: EmulatorState, ctx: Ctx): void {
  const job = state.jobs.compilations.get(ctx.params['jobId'] ?? '');
  if (!job) throw new HttpError(404, `compilation job ${ctx.params['jobId']} not found`, 'JOB_NOT_FOUND');
  const progress = PROGRESS[Math.min(job.polls, PROGRESS.length - 1)] as number;
  job.polls += 1;
  ctx.send(200, v3Ok({ status: progress === 100 ? 'Success' : 'InProgress', last_error_message: 'null', progress }));
}

/** `POST …/publish`: the uploaded file becomes a new version (a package loads its real model). */
async function publish(state: EmulatorState, ctx: Ctx): Promise<void> {
  const rd = asObject(asObject(ctx.json())['request_data']);
  const engineId = asString(rd['engine_file_documentid']) ?? asString(rd['original_file_documentid']) ?? '';
  const up = state.jobs.uploads.get(engineId);
  if (!up) throw badRequest(`unknown engine_file_documentid "${engineId}"`);
  const label = rd['version_label'] ?? rd['versionLabel'] ?? rd['label'];
  const start = asString(rd['effective_start_date']) ?? up.startDate;
  const end = asString(rd['effective_end_date']) ?? up.endDate;
  const opts = {
    versionId: up.versionId,
    versionDifference: asString(rd['version_difference']) ?? up.versionDifference ?? 'minor',
    fileName: up.fileName,
    file: up.bytes,
    label: typeof label === 'string' ? label : null,
    releaseNote: asString(rd['release_note']) ?? null,
    tags: Array.isArray(rd['tags']) ? rd['tags'].join(',') : (asString(rd['tags']) ?? null),
    ...(start ? { startDate: start } : {}),
    ...(end ? { endDate: end } : {}),
  };
  const service = ctx.params['service'] ?? up.service;
  const folder = ctx.params['folder'] ?? up.folder;
  const model = modelForUpload(state, up);
  const v =
    model === 'package'
      ? (await loadPackage(state, up.bytes, { uri: `${folder}/${service}`, keepIds: false, versionId: up.versionId, maxUnpackedBytes: state.maxBodyBytes })).at(-1)
      : state.registry.addVersion(folder, service, model, opts);
  ctx.send(200, v3Ok({ version_id: v?.id }, { service_id: v?.service.id, version: v?.revision }));
}

/** `POST …/recompileNodgen`: a new version from an existing one, with a pollable job. */
function recompile(state: EmulatorState, ctx: Ctx): void {
  const service = serviceFromParams(state, ctx.params);
  const rd = asObject(asObject(ctx.json())['request_data']);
  const fromId = asString(rd['versionId']) ?? asString(rd['version_id']);
  const source = fromId ? service.versions.find((x) => x.id === fromId) : service.versions.at(-1);
  if (!source) throw new HttpError(404, `version ${fromId} not found`, 'VERSION_NOT_FOUND');
  const label = rd['versionLabel'] ?? rd['label'];
  const v = state.registry.addVersion(service.folder.name, service.name, source.model, {
    versionDifference: asString(rd['upgradeType']) ?? 'patch',
    fileName: source.originalFileName,
    ...(source.file ? { file: source.file } : {}),
    label: typeof label === 'string' ? label : null,
    releaseNote: asString(rd['releaseNotes']) ?? null,
    tags: asString(rd['tags']) ?? null,
    ...(asString(rd['effectiveStartDate']) ? { startDate: rd['effectiveStartDate'] as string } : {}),
    ...(asString(rd['effectiveEndDate']) ? { endDate: rd['effectiveEndDate'] as string } : {}),
  });
  const job = state.jobs.compilations.add({ id: uuid(), polls: 0 });
  ctx.send(200, v3Ok({ versionId: v.id, revision: v.revision, jobId: job.id }, { request_timestamp: nowIso() }));
}

/** Upload → compilation progress → publish, and recompile (contract §6.5.1, §6.5.11). */
export function compileRoutes(state: EmulatorState): Route[] {
  const r = routeGroup({ prefix: '/:tenant/api/v3/folders/:folder/services/:service' });
  return [
    r('POST', '/upload', 'services.upload', (ctx) => upload(state, ctx)),
    r('GET', '/getcompilationprogess/:jobId', 'services.compilation.status', (ctx) => compilationStatus(state, ctx)),
    r('POST', '/publish', 'services.publish', (ctx) => publish(state, ctx)),
    r('POST', '/recompileNodgen', 'services.recompile', (ctx) => recompile(state, ctx)),
  ];
}
