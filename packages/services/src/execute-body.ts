import { formatServiceUri, SparkSdkError, type ServiceUri, type SparkDateInput } from '@spark/core';
import { joinList, SOURCE_SYSTEM, toIsoDate } from '@spark/core/wire';
import type { ExecuteMetaParams } from './execute-params.js';

const COMPILERS: Record<string, string> = { neuron: 'Neuron', type3: 'Type3', type2: 'Type2', type1: 'Type1', xconnector: 'Xconnector' };

/** The `activeSince` option in ISO 8601, or `undefined` when absent. */
function activeSince(value: SparkDateInput | undefined, operation: string): string | undefined {
  return value === undefined ? undefined : toIsoDate(value, 'activeSince', operation);
}

/** A copy without `undefined` members (a new object: `delete` would turn the record into a slow dictionary). */
function compact(record: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key in record) if (record[key] !== undefined) out[key] = record[key];
  return out;
}

/**
 * `request_meta` of a v3 call (execute, validate, transform with `x-request-meta`).
 *
 * @param uri - the parsed locator (ids and semantic version travel in the metadata)
 * @param meta - the caller's execution metadata
 * @param operation - operation id used in error messages
 * @returns the wire keys, `undefined` members omitted, `extras` merged last
 * @example
 * v3Meta({ folder: 'f', service: 's', version: '1.0.0' }, { callPurpose: 'test' }, 'services.execute')
 */
export function v3Meta(uri: ServiceUri, meta: ExecuteMetaParams, operation: string): Record<string, unknown> {
  return compact({
    service_id: uri.serviceId,
    version_id: uri.versionId,
    version: uri.version,
    transaction_date: activeSince(meta.activeSince, operation),
    call_purpose: meta.callPurpose?.trim() || 'Single Execution',
    source_system: meta.sourceSystem ?? SOURCE_SYSTEM,
    correlation_id: meta.correlationId,
    compiler_type: COMPILERS[(meta.compilerType ?? 'neuron').toLowerCase()] ?? 'Neuron',
    service_category: joinList(meta.subservices),
    debug_solve: meta.debugSolve,
    // §9: PY 0.3 (the newer SDK) always sends these two flags, TS 0.4 omits them; we follow PY.
    excel_file: meta.downloadable ?? false,
    response_data_inputs: meta.echoInputs ?? false,
    array_outputs: joinList(meta.tablesAsArray),
    requested_output: joinList(meta.selectedOutputs),
    requested_output_regex: meta.outputsFilter,
    ...meta.extras,
  });
}

/**
 * Top-level keys of a v4 call. The service is located by the body only: `service` is the
 * service id or `folder/service[version]`, `version_id` the exact version.
 *
 * @param uri - the parsed locator (a proxy locator cannot address a v4 call)
 * @param meta - the caller's execution metadata
 * @param operation - operation id used in error messages
 * @returns the wire keys, `undefined` members omitted, `extras` merged last
 * @example
 * v4Meta({ folder: 'f', service: 's' }, {}, 'services.execute') // { service: 'f/s', call_purpose: 'Sync Batch Execution', … }
 */
export function v4Meta(uri: ServiceUri, meta: ExecuteMetaParams, operation: string): Record<string, unknown> {
  if (uri.proxy) throw new SparkSdkError(`${operation}: a proxy locator cannot address a v4 execution; use folder/service, service/{id} or version/{id}`);
  const service = uri.serviceId ?? (uri.folder && uri.service ? formatServiceUri({ folder: uri.folder, service: uri.service, version: uri.version }) : undefined);
  return compact({
    service,
    version_id: uri.versionId,
    version_by_timestamp: activeSince(meta.activeSince, operation),
    subservice: joinList(meta.subservices),
    output: joinList(meta.selectedOutputs),
    call_purpose: meta.callPurpose?.trim() || 'Sync Batch Execution',
    source_system: meta.sourceSystem ?? SOURCE_SYSTEM,
    correlation_id: meta.correlationId,
    ...meta.extras,
  });
}
