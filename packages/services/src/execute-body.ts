import { formatServiceUri, SparkSdkError, type ServiceUri } from '@spark/core';
import type { ExecuteMetaParams } from './execute-params.js';

/** Default `source_system` sent by this SDK. */
export const SOURCE_SYSTEM = 'Spark TypeScript SDK';

const COMPILERS: Record<string, string> = { neuron: 'Neuron', type3: 'Type3', type2: 'Type2', type1: 'Type1', xconnector: 'Xconnector' };

/** Joins a list option the way Spark expects (comma-separated). */
export function joinList(value: string | string[] | undefined): string | undefined {
  if (value === undefined) return undefined;
  const joined = (Array.isArray(value) ? value : [value]).map((s) => s.trim()).filter(Boolean).join(',');
  return joined || undefined;
}

/** ISO 8601 form of a date option. */
export function isoDate(value: string | number | Date | undefined, field: string): string | undefined {
  if (value === undefined) return undefined;
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) throw new SparkSdkError(`${field} must be a valid date, got ${String(value)}`, { cause: value });
  return date.toISOString();
}

function compact(record: Record<string, unknown>): Record<string, unknown> {
  for (const key of Object.keys(record)) if (record[key] === undefined) delete record[key];
  return record;
}

/** `request_meta` of a v3 call (execute, validate, transform with `x-request-meta`). */
export function v3Meta(uri: ServiceUri, meta: ExecuteMetaParams): Record<string, unknown> {
  return compact({
    service_id: uri.serviceId,
    version_id: uri.versionId,
    version: uri.version,
    transaction_date: isoDate(meta.activeSince, 'activeSince'),
    call_purpose: meta.callPurpose?.trim() || 'Single Execution',
    source_system: meta.sourceSystem ?? SOURCE_SYSTEM,
    correlation_id: meta.correlationId,
    compiler_type: COMPILERS[(meta.compilerType ?? 'neuron').toLowerCase()] ?? 'Neuron',
    service_category: joinList(meta.subservices),
    debug_solve: meta.debugSolve,
    excel_file: meta.downloadable,
    response_data_inputs: meta.echoInputs,
    array_outputs: joinList(meta.tablesAsArray),
    requested_output: joinList(meta.selectedOutputs),
    requested_output_regex: meta.outputsFilter,
    ...meta.extras,
  });
}

/**
 * Top-level keys of a v4 call. The service is located by the body only: `service` is the
 * service id or `folder/service[version]`, `version_id` the exact version.
 */
export function v4Meta(uri: ServiceUri, meta: ExecuteMetaParams, operation: string): Record<string, unknown> {
  if (uri.proxy) throw new SparkSdkError(`${operation}: a proxy locator cannot address a v4 execution; use folder/service, service/{id} or version/{id}`);
  const service = uri.serviceId ?? (uri.folder && uri.service ? formatServiceUri({ folder: uri.folder, service: uri.service, version: uri.version }) : undefined);
  return compact({
    service,
    version_id: uri.versionId,
    version_by_timestamp: isoDate(meta.activeSince, 'activeSince'),
    subservice: joinList(meta.subservices),
    output: joinList(meta.selectedOutputs),
    call_purpose: meta.callPurpose?.trim() || 'Sync Batch Execution',
    source_system: meta.sourceSystem ?? SOURCE_SYSTEM,
    correlation_id: meta.correlationId,
    ...meta.extras,
  });
}
