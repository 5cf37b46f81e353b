import { parseServiceUri, toUploadBlob } from '@spark/core';
import type { ImportDestination, InitiateImportParams } from './import-params.js';
import { SOURCE_SYSTEM } from '@spark/core/wire';

/** `services_modify` from a destination (string, mapping or list). */
function servicesModify(destination: InitiateImportParams['destination']): Record<string, string>[] {
  const entries = Array.isArray(destination) ? destination : [destination];
  return entries.map((entry) => {
    const d: ImportDestination = typeof entry === 'string' ? { source: entry } : entry;
    // Parse only to reject malformed locators early; the strings travel as given.
    parseServiceUri(d.source);
    if (d.target) parseServiceUri(d.target);
    return {
      service_uri_source: d.source,
      service_uri_destination: d.target ?? d.source,
      update_version_type: d.upgrade ?? 'minor',
    };
  });
}

/** The `importRequestEntity` JSON part. */
function importEntity(params: InitiateImportParams): Record<string, unknown> {
  return {
    inputs: { services_modify: servicesModify(params.destination) },
    services_existing: params.ifPresent ?? 'add_version',
    source_system: params.sourceSystem ?? SOURCE_SYSTEM,
    correlation_id: params.correlationId ?? null,
  };
}

/** The multipart body of `POST api/v4/import`: `importRequestEntity` then `file` (package.zip). */
export async function importForm(params: InitiateImportParams, operation: string): Promise<FormData> {
  const entity = JSON.stringify(importEntity(params));
  const form = new FormData();
  form.append('importRequestEntity', entity);
  // A multipart part needs a known length: streams are read first (a path stays file-backed).
  form.append('file', await toUploadBlob(params.file, { operation, type: 'application/zip' }), 'package.zip');
  return form;
}
