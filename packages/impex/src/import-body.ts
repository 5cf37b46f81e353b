import { parseServiceUri } from '@spark/core';
import type { ImportDestination, ImportFile, InitiateImportParams } from './import-params.js';
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

/** Reads the package into a `application/zip` Blob (a multipart part needs a known length). */
async function zipBlob(file: ImportFile): Promise<Blob> {
  let part: BlobPart;
  if (file instanceof Blob) part = file;
  else if (file instanceof Uint8Array || file instanceof ArrayBuffer) part = file as BlobPart;
  else if (file instanceof ReadableStream) part = await new Response(file).arrayBuffer();
  else part = (await file.bytes()) as BlobPart;
  return new Blob([part], { type: 'application/zip' });
}

/** The multipart body of `POST api/v4/import`: `importRequestEntity` then `file` (package.zip). */
export async function importForm(params: InitiateImportParams): Promise<FormData> {
  const entity = JSON.stringify(importEntity(params));
  const form = new FormData();
  form.append('importRequestEntity', entity);
  form.append('file', await zipBlob(params.file), 'package.zip');
  return form;
}
