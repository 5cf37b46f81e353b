import type { Route } from '../server/router.js';
import type { Ctx } from '../server/context.js';
import type { EmulatorState } from '../state/state.js';
import type { CallLog } from '../state/logs.js';
import type { LogDownloadJob } from '../state/jobs.js';
import { detailedLog } from '../state/logs.js';
import { v1Ok, v3Ok } from '../server/envelopes.js';
import { HttpError } from '../server/http-error.js';
import { routeGroup } from '../server/route-group.js';
import { asObject, asString, uuid } from '../util/ids.js';
import { makeXlsx, XLSX_TYPE } from '../util/xlsx.js';
import { makeZip } from '../util/zip.js';
import { logsCsv } from './logs-csv.js';
import { paginate } from './paging.js';

function selectLogs(state: EmulatorState, folder: string, service: string, filter: Record<string, unknown>): CallLog[] {
  const ids = Array.isArray(filter['call_ids']) ? filter['call_ids'].map(String).filter(Boolean) : [];
  const start = Date.parse(String(filter['start_date'] ?? ''));
  const end = Date.parse(String(filter['end_date'] ?? ''));
  const versionId = asString(filter['version_id']);
  return state.logs.forService(folder, service).filter((l) => {
    if (ids.length > 0 && !ids.some((id) => id === l.callId || id === l.requestMeta['source_system'] || id === l.requestMeta['correlation_id'])) return false;
    const t = Date.parse(l.timestamp);
    if (!Number.isNaN(start) && t < start) return false;
    if (!Number.isNaN(end) && t > end) return false;
    return !versionId || versionId === l.versionId;
  });
}

function logOf(state: EmulatorState, callId: string): CallLog {
  const log = state.logs.get(callId);
  if (!log) throw new HttpError(404, `no execution log for call id ${callId}`, 'LOG_NOT_FOUND');
  return log;
}

/** `GET /api/v3/log/getexecutionhistorybycallid/{callId}`: `response_data` is a JSON string. */
function getLog(state: EmulatorState, ctx: Ctx): void {
  const log = logOf(state, ctx.params['callId'] ?? '');
  ctx.send(200, v3Ok(JSON.stringify(detailedLog(log, state.tenant, ctx.host)), { call_id: log.callId }));
}

/** Rehydrate: an xlsx of the call's inputs and outputs, handed out as `download_url`. */
function rehydrate(state: EmulatorState, ctx: Ctx): void {
  const log = logOf(state, ctx.params['callId'] ?? '');
  const rawIndex = ctx.query.get('index');
  let index = log.inputs.length - 1;
  if (rawIndex !== null && log.api === 'v4') {
    index = Number(rawIndex);
    if (!Number.isInteger(index) || index < 0 || index >= log.inputs.length) throw new HttpError(400, `index ${rawIndex} is out of range`, 'BAD_REQUEST');
  }
  const rows: [string, unknown][] = [
    ...Object.entries(log.inputs[index] ?? {}).map(([k, v]): [string, unknown] => [`input: ${k}`, v]),
    ...Object.entries(log.outputs[index] ?? {}).map(([k, v]): [string, unknown] => [`output: ${k}`, v]),
  ];
  const url = state.files.put(ctx.origin, `${log.service}-${log.callId}.xlsx`, XLSX_TYPE, makeXlsx(`${log.folder}/${log.service} call ${log.callId}`, rows));
  // Spark answers rehydration with `status: null` (not "Success").
  ctx.send(200, { ...v3Ok({ download_url: url }, { call_id: log.callId, version_id: log.versionId }), status: null });
}

/** One row of the v1 log search. */
function logRow(l: CallLog): Record<string, unknown> {
  return {
    id: l.callId,
    transactionDate: l.timestamp,
    timeStamp: l.timestamp,
    callGUID: l.callId,
    engineGUID: l.versionId,
    engineHASH: l.versionId.replace(/-/g, ''),
    serviceName: l.service,
    serviceVersion: l.version,
    calcTime: l.processTime,
    callPurpose: l.requestMeta['call_purpose'] ?? null,
    sourceSystem: l.requestMeta['source_system'] ?? null,
    log: null,
    totalTime: l.processTime,
    username: 'emulator@spark.local',
    isBatchCall: l.api === 'v4',
    correlationId: l.requestMeta['correlation_id'] ?? null,
  };
}

/** `POST /api/v1/product/{f}/engines/{s}/logs`: search by date, version or call id, paged. */
function findLogs(state: EmulatorState, ctx: Ctx): void {
  const b = asObject(ctx.json());
  const filter: Record<string, unknown> = {};
  for (const raw of Array.isArray(b['search']) ? b['search'] : []) {
    const { field, value, id } = asObject(raw);
    const f = String(field ?? '').toLowerCase();
    if (f === 'startdate') filter['start_date'] = value;
    else if (f === 'enddate') filter['end_date'] = value;
    else if (f === 'version') filter['version_id'] = id ?? value;
    else if (f === 'search' && value) filter['call_ids'] = [value];
  }
  const logs = selectLogs(state, ctx.params['folder'] ?? '', ctx.params['service'] ?? '', filter);
  const page = paginate(logs, b['page'], b['pageSize'] ?? 100);
  ctx.send(200, v1Ok(page.items.map(logRow), { count: page.count, next: page.next, previous: page.previous }));
}

/** `POST …/log/download{json|csv}`: starts a download job. */
function startLogDownload(state: EmulatorState, ctx: Ctx, type: LogDownloadJob['type']): void {
  const b = asObject(ctx.json());
  const rd = asObject(b['request_data']);
  const filter = { ...rd, version_id: rd['version_id'] ?? asObject(b['request_meta'])['version_id'] };
  const job = state.jobs.logDownloads.add({ id: uuid(), type, folder: ctx.params['folder'] ?? '', service: ctx.params['service'] ?? '', polls: 0, filter });
  ctx.send(200, v3Ok({ job_id: job.id }));
}

/** `GET …/log/download{json|csv}/status/{job}`: progress 50, then 100 with a zip's `download_url`. */
function logDownloadStatus(state: EmulatorState, ctx: Ctx): void {
  const j = state.jobs.logDownloads.get(ctx.params['jobId'] ?? '');
  if (!j) throw new HttpError(404, `log download job ${ctx.params['jobId']} not found`, 'JOB_NOT_FOUND');
  j.polls += 1;
  if (j.polls >= 2 && !j.url) {
    const logs = selectLogs(state, j.folder, j.service, j.filter);
    const host = ctx.host;
    const content = j.type === 'json' ? JSON.stringify(logs.map((l) => detailedLog(l, state.tenant, host)), null, 2) : logsCsv(logs);
    const zip = makeZip({ [`${j.service}-logs.${j.type}`]: content });
    j.url = state.files.put(ctx.origin, `${j.service}-logs-${j.type}.zip`, 'application/zip', zip);
  }
  const progress = j.url ? 100 : 50;
  ctx.send(200, v3Ok({ progress, status: progress === 100 ? 'Success' : 'InProgress', download_url: j.url ?? null, job_id: j.id }));
}

/** Execution history: get by call id, search, rehydrate, and CSV/JSON download jobs (contract §6.8). */
export function logRoutes(state: EmulatorState): Route[] {
  const v3 = routeGroup({ prefix: '/:tenant/api/v3' });
  const svc = routeGroup({ prefix: '/:tenant/api/v3/folders/:folder/services/:service' });
  const v1 = routeGroup({ prefix: '/api/v1/product/:folder/engines/:service', family: 'v1' });
  return [
    v3('GET', '/log/getexecutionhistorybycallid/:callId', 'logs.get', (ctx) => getLog(state, ctx)),
    svc('POST', '/download/xml/:callId', 'logs.rehydrate', (ctx) => rehydrate(state, ctx)),
    svc('POST', '/download/:callId', 'logs.rehydrate.legacy', (ctx) => rehydrate(state, ctx)),
    svc('GET', '/download/:callId', 'logs.rehydrate.legacy', (ctx) => rehydrate(state, ctx)),
    v1('POST', '/logs', 'logs.find', (ctx) => findLogs(state, ctx)),
    ...(['json', 'csv'] as const).flatMap((type) => [
      svc('POST', `/log/download${type}`, `logs.download.${type}`, (ctx) => startLogDownload(state, ctx, type)),
      svc('GET', `/log/download${type}/status/:jobId`, `logs.download.${type}.status`, (ctx) => logDownloadStatus(state, ctx)),
    ]),
  ];
}
