import { formatServiceUri, parseServiceUri, SparkSdkError, type ServiceUriInput } from '@spark/core';
import type { InitiateExportParams } from './export-params.js';
import { SOURCE_SYSTEM } from '@spark/core/wire';

const list = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

function serviceEntry(uri: ServiceUriInput, operation: string): string {
  if (parseServiceUri(uri).proxy) throw new SparkSdkError(`${operation}: a proxy path cannot be exported; name the service`, { cause: uri });
  return formatServiceUri(uri);
}

/**
 * The body of `POST api/v4/export`: empty lists are omitted, filters default to
 * `migrate` / `latest` and `correlation_id` is `null` when absent (as the Python SDK sends).
 */
export function exportBody(params: InitiateExportParams, operation: string): Record<string, unknown> {
  const folders = list(params.folders).map((f) => f.trim());
  const services = list(params.services).map((s) => serviceEntry(s, operation));
  const versionIds = list(params.versionIds).map((id) => id.trim());
  if (folders.length + services.length + versionIds.length === 0) {
    throw new SparkSdkError(`${operation}: at least one of folders, services or versionIds must be provided`, { cause: params });
  }
  return {
    inputs: {
      ...(folders.length ? { folders } : {}),
      ...(services.length ? { services } : {}),
      ...(versionIds.length ? { version_ids: versionIds } : {}),
    },
    file_filter: params.filters?.file ?? 'migrate',
    version_filter: params.filters?.version ?? 'latest',
    source_system: params.sourceSystem ?? SOURCE_SYSTEM,
    correlation_id: params.correlationId ?? null,
    ...(params.fileName ? { file_name: params.fileName } : {}),
  };
}
