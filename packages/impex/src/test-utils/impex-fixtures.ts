import type { ExportStatus, ImportStatus } from '../types.js';
import { BASE, bytes, json, type RecordedCall } from '@spark/test-utils';

/** The wire tests' base URL (tenant `my-tenant`). */
export const FULL = BASE;
export const FILE_URL = 'https://entitystore.test.coherent.global/docstore/export.zip?sig=abc';

export function exportStatus(status: string, extra: Record<string, unknown> = {}): ExportStatus {
  return {
    object: 'export', id: 'exp-1', status, status_url: `${FULL}/api/v4/export/exp-1/status`,
    errors: null, source_system: 'Spark TypeScript SDK', correlation_id: null,
    outputs: status === 'completed' ? { files: [{ file: FILE_URL, file_hash: 'ab31' }], services: [], service_versions: [] } : {},
    ...extra,
  };
}

export function importStatus(status: string, extra: Record<string, unknown> = {}): ImportStatus {
  return {
    object: 'import', id: 'imp-1', status, status_url: `${FULL}/api/v4/import/imp-1/status`, errors: null, warnings: [],
    outputs: status === 'completed' ? { services: [{ status: 'added', service_uri_source: 'f/s', service_uri_destination: 'f/s' }], service_versions: [] } : {},
    ...extra,
  };
}

/** A fake Spark for export/import: the status goes `in_progress` once, then `final`. */
export function impexServer(options: { exportFinal?: Record<string, unknown>; importFinal?: Record<string, unknown>; pending?: number } = {}) {
  const polls = { export: 0, import: 0 };
  const pending = options.pending ?? 1;
  return (call: RecordedCall): Response => {
    const url = call.url;
    if (call.method === 'POST' && url === `${FULL}/api/v4/export`) return json({ id: 'exp-1', object: 'export', status_url: `${FULL}/api/v4/export/exp-1/status` });
    if (call.method === 'POST' && url === `${FULL}/api/v4/import`) return json({ id: 'imp-1', object: 'import', status_url: `${FULL}/api/v4/import/imp-1/status` });
    if (url === `${FULL}/api/v4/export/exp-1/status`) {
      return json(polls.export++ < pending ? exportStatus('in_progress') : (options.exportFinal ?? exportStatus('completed')));
    }
    if (url === `${FULL}/api/v4/import/imp-1/status`) {
      return json(polls.import++ < pending ? importStatus('in_progress') : (options.importFinal ?? importStatus('completed')));
    }
    if (url === FILE_URL) return bytes(new Uint8Array([80, 75, 5, 6]), 'application/zip', { 'content-disposition': 'attachment; filename="export.zip"' });
    return json({ message: `no route ${call.method} ${url}` }, 404);
  };
}
